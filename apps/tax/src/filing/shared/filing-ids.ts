import { randomUUID } from 'node:crypto';
import { formBundleNumber, type FilingContext, type FilingIds } from '@one-window/tax/domain';
import type { ReturnRepository } from '@one-window/tax/data-access';
import type { EntityManager } from 'typeorm';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Production ids: UUIDs for returns, receipts and liabilities, and the given form bundle number. */
function filingIds(formBundleNo: string): FilingIds {
  return (kind) => (kind === 'formBundle' ? formBundleNo : randomUUID());
}

/**
 * The context of one filing command at `at`: its form bundle number is the filing day (Asia/Shanghai,
 * no daylight-saving time) and the next serial of the database sequence (`formBundleNumber`), drawn
 * in the command's transaction.
 */
export async function filingContext(tx: EntityManager, returns: ReturnRepository, at: Date = new Date()): Promise<FilingContext> {
  const day = new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  return { at, ids: filingIds(formBundleNumber(day, await returns.nextFormBundleSerial(tx))) };
}

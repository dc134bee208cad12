import { randomInt, randomUUID } from 'node:crypto';
import type { FilingContext, FilingIds } from '@one-window/tax/domain';

/**
 * Production ids: UUIDs for returns, receipts and liabilities; a 12-digit form bundle number
 * (HMRC style): the filing day 'YYYYMMDD' (Asia/Shanghai) and 4 random digits, unique enough to
 * quote, never used as a key (the receipt id is).
 */
export const filingIds: FilingIds = (kind) => {
  if (kind !== 'formBundle') return randomUUID();
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `${day}${String(randomInt(0, 10_000)).padStart(4, '0')}`;
};

export function filingContext(at: Date = new Date()): FilingContext {
  return { at, ids: filingIds };
}

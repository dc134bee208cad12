import type { EntityManager } from 'typeorm';
import type {
  DigitalAccountEntry,
  InvoiceChainHead,
  InvoiceState,
  RedLetterBuyerConfirmation,
  UKeyIssuanceState,
} from '@one-window/tax/domain';
import { DocumentStore, type Stored } from '@one-window/shared/persistence';

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

type Page = { limit: number; afterId?: string };

/**
 * Rows of a document table read without the generic date reviver: invoice documents are hashed
 * and carry ISO strings (issuedAt) and free text that must come back exactly as written.
 */
async function selectDocs(tx: EntityManager, table: string, where: Record<string, string>, page: Page): Promise<{ data: unknown; version: number }[]> {
  const names = Object.keys(where);
  const params: unknown[] = names.map((n) => where[n]);
  const conds = names.map((n, i) => `"${n}" = $${i + 1}`);
  if (page.afterId) {
    params.push(page.afterId);
    conds.push(`(created_at, id) > (SELECT created_at, id FROM "${table}" WHERE id = $${params.length})`);
  }
  params.push(Math.min(page.limit, 1000));
  return tx.query(`SELECT data, version FROM "${table}" WHERE ${conds.join(' AND ')} ORDER BY created_at, id LIMIT $${params.length}`, params);
}

// ------------------------------------------------------------------------------------ invoices

/** An invoice as stored: the domain state, and the buyer's standing red-letter confirmation if it gave one. */
export interface InvoiceRecord {
  /** The invoice number. */
  readonly id: string;
  readonly state: InvoiceState;
  readonly redLetterConfirmation?: RedLetterBuyerConfirmation;
}

function reviveInvoice(raw: unknown): InvoiceRecord {
  const r = raw as InvoiceRecord;
  const s = r.state;
  return {
    id: r.id,
    state: {
      ...s,
      deliveryDueAt: date(s.deliveryDueAt),
      ...(s.delivery ? { delivery: { ...s.delivery, at: date(s.delivery.at) } } : {}),
      ...(s.reversal
        ? {
            reversal: {
              ...s.reversal,
              at: date(s.reversal.at),
              ...(s.reversal.buyerConfirmation ? { buyerConfirmation: { ...s.reversal.buyerConfirmation, confirmedAt: date(s.reversal.buyerConfirmation.confirmedAt) } } : {}),
            },
          }
        : {}),
      history: s.history.map((h) => ({ ...h, at: date(h.at) })),
    },
    ...(r.redLetterConfirmation ? { redLetterConfirmation: { ...r.redLetterConfirmation, confirmedAt: date(r.redLetterConfirmation.confirmedAt) } } : {}),
  };
}

export class InvoiceRepository {
  readonly store = new DocumentStore<InvoiceRecord>('invoice', (r) => ({
    issuer_id: r.state.document.issuerId,
    buyer_id: r.state.document.buyer.taxpayerId ?? null,
    status: r.state.status,
    issued_on: r.state.document.issuedOn,
    original_invoice_no: r.state.document.redLetter?.originalInvoiceNo ?? null,
  }));

  async get(tx: EntityManager, invoiceNo: string, o: { lock?: boolean } = {}): Promise<Stored<InvoiceRecord> | undefined> {
    const rows: { data: unknown; version: number }[] = await tx.query(`SELECT data, version FROM "invoice" WHERE id = $1${o.lock ? ' FOR UPDATE' : ''}`, [invoiceNo]);
    return rows[0] ? { doc: reviveInvoice(rows[0].data), version: rows[0].version } : undefined;
  }

  insert(tx: EntityManager, record: InvoiceRecord): Promise<number> {
    return this.store.insert(tx, record);
  }

  update(tx: EntityManager, record: InvoiceRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, record, expectedVersion);
  }

  /** The issuer's invoices (blue and red letter), oldest first, keyset-paged. */
  async listByIssuer(tx: EntityManager, issuerId: string, page: Page): Promise<Stored<InvoiceRecord>[]> {
    return (await selectDocs(tx, 'invoice', { issuer_id: issuerId }, page)).map((r) => ({ doc: reviveInvoice(r.data), version: r.version }));
  }
}

// ------------------------------------------------------------------------------------- issuers

/** Per issuer: the head of its hash chain and what it issued in the current month (Asia/Shanghai). */
export interface InvoiceIssuerRecord {
  /** The issuer's taxpayer id. */
  readonly id: string;
  readonly chain: InvoiceChainHead;
  /** Quota use (价税合计 of blue invoices) in `month` (YYYY-MM), a decimal amount. */
  readonly usage: { readonly month: string; readonly used: string };
}

export class InvoiceIssuerRepository {
  readonly store = new DocumentStore<InvoiceIssuerRecord>('invoice_issuer');

  /** The issuer's row, created on first use, locked until the transaction ends (one issue at a time per issuer). */
  async lock(tx: EntityManager, issuerId: string, initial: InvoiceIssuerRecord): Promise<Stored<InvoiceIssuerRecord>> {
    await tx.query(`INSERT INTO "invoice_issuer" (id, version, data) VALUES ($1, 1, $2) ON CONFLICT (id) DO NOTHING`, [issuerId, JSON.stringify(initial)]);
    return (await this.store.get(tx, issuerId, { lock: true })) as Stored<InvoiceIssuerRecord>;
  }

  get(tx: EntityManager, issuerId: string): Promise<Stored<InvoiceIssuerRecord> | undefined> {
    return this.store.get(tx, issuerId);
  }

  update(tx: EntityManager, record: InvoiceIssuerRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, record, expectedVersion);
  }
}

// -------------------------------------------------------------------------------------- serials

/** Gapless 15-digit serials per region and year, under the counter row's lock. */
export class InvoiceSerialAllocator {
  async next(tx: EntityManager, regionCode: string, year: number): Promise<number> {
    const rows: { last_serial: string }[] = await tx.query(
      `INSERT INTO "invoice_serial" (id, last_serial) VALUES ($1, 1)
         ON CONFLICT (id) DO UPDATE SET last_serial = "invoice_serial".last_serial + 1
       RETURNING last_serial`,
      [`${regionCode}-${year}`],
    );
    return Number(rows[0].last_serial);
  }
}

// ------------------------------------------------------------------------ digital tax accounts

/** One received invoice in a taxpayer's digital tax account. */
export interface InvoiceAccountRecord {
  /** `<taxpayerId>:<invoiceNo>`. */
  readonly id: string;
  readonly taxpayerId: string;
  readonly entry: DigitalAccountEntry;
}

export const accountEntryId = (taxpayerId: string, invoiceNo: string) => `${taxpayerId}:${invoiceNo}`;

function reviveEntry(raw: unknown): InvoiceAccountRecord {
  const r = raw as InvoiceAccountRecord;
  const e = r.entry;
  return {
    ...r,
    entry: {
      ...e,
      receivedAt: date(e.receivedAt),
      ...(e.consumption ? { consumption: { ...e.consumption, at: date(e.consumption.at) } } : {}),
      ...(e.deduction ? { deduction: { ...e.deduction, at: date(e.deduction.at) } } : {}),
    },
  };
}

export class InvoiceAccountRepository {
  readonly store = new DocumentStore<InvoiceAccountRecord>('invoice_account_entry', (r) => ({
    taxpayer_id: r.taxpayerId,
    invoice_no: r.entry.invoiceNo,
    issuer_id: r.entry.issuerId,
    status: r.entry.reversal?.scope === 'FULL' ? 'REVERSED' : r.entry.consumption ? 'CONSUMED' : 'AVAILABLE',
  }));

  async get(tx: EntityManager, taxpayerId: string, invoiceNo: string, o: { lock?: boolean } = {}): Promise<Stored<InvoiceAccountRecord> | undefined> {
    const rows: { data: unknown; version: number }[] = await tx.query(
      `SELECT data, version FROM "invoice_account_entry" WHERE id = $1${o.lock ? ' FOR UPDATE' : ''}`,
      [accountEntryId(taxpayerId, invoiceNo)],
    );
    return rows[0] ? { doc: reviveEntry(rows[0].data), version: rows[0].version } : undefined;
  }

  insert(tx: EntityManager, record: InvoiceAccountRecord): Promise<number> {
    return this.store.insert(tx, record);
  }

  update(tx: EntityManager, record: InvoiceAccountRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, record, expectedVersion);
  }

  async list(tx: EntityManager, taxpayerId: string, page: Page): Promise<Stored<InvoiceAccountRecord>[]> {
    return (await selectDocs(tx, 'invoice_account_entry', { taxpayer_id: taxpayerId }, page)).map((r) => ({ doc: reviveEntry(r.data), version: r.version }));
  }
}

// -------------------------------------------------------------------------------- verifications

export interface InvoiceVerificationRecord {
  readonly id: string;
  readonly invoiceNo: string;
  readonly issuedOn: string;
  readonly outcome: 'VALID' | 'MISMATCH' | 'NOT_FOUND';
  readonly mismatched: readonly string[];
  /** Which proofs were given (never their values). */
  readonly proofs: readonly ('checkCode' | 'amount')[];
  readonly at: Date;
  /** The token subject, or null for an anonymous caller. */
  readonly subject: string | null;
  readonly requestId: string | null;
}

export class InvoiceVerificationLog {
  readonly store = new DocumentStore<InvoiceVerificationRecord>('invoice_verification', (r) => ({ invoice_no: r.invoiceNo, outcome: r.outcome }));

  record(tx: EntityManager, record: InvoiceVerificationRecord): Promise<number> {
    return this.store.insert(tx, record);
  }
}

// ------------------------------------------------------------------------------------------ UKey

/** A UKey order: the domain state plus the late-dispatch flag the timer sets. */
export type UKeyIssuanceRecord = UKeyIssuanceState & {
  /** Set by the dispatch-limit timer when the order was still not dispatched (or ready) at the limit. */
  readonly dispatchOverdueAt?: Date;
};

export class UKeyIssuanceRepository {
  readonly store = new DocumentStore<UKeyIssuanceRecord>('ukey_issuance', (r) => ({ taxpayer_id: r.taxpayerId, status: r.status }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<UKeyIssuanceRecord> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, record: UKeyIssuanceRecord): Promise<number> {
    return this.store.insert(tx, record);
  }

  update(tx: EntityManager, record: UKeyIssuanceRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, record, expectedVersion);
  }

  listByTaxpayer(tx: EntityManager, taxpayerId: string): Promise<Stored<UKeyIssuanceRecord>[]> {
    return this.store.findBy(tx, { taxpayer_id: taxpayerId }, { limit: 100 });
  }
}

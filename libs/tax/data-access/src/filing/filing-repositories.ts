import type { EntityManager } from 'typeorm';
import type { Liability, Obligation, PaymentChannel, TaxReturn, TaxType } from '@one-window/tax/domain';
import { DocumentStore, reviveDates, type Stored } from '@one-window/shared/persistence';

/** An obligation as stored: id `<taxpayerId>:<periodKey>`. */
export type ObligationRecord = Obligation & { readonly id: string };
/** One version of a return: id = returnId. */
export type ReturnRecord = TaxReturn & { readonly id: string };
/** A liability with the period it is for (for `from`/`to` queries): id = liabilityId. */
export type LiabilityRecord = Liability & { readonly id: string; readonly start: string; readonly end: string };

/** A payment that reached the treasury against one liability: id = the treasury's paymentId. */
export interface PaymentRecord {
  readonly id: string;
  readonly paymentId: string;
  readonly taxpayerId: string;
  readonly liabilityId: string;
  readonly periodKey: string;
  readonly taxType: TaxType;
  readonly amount: string;
  readonly channel: PaymentChannel;
  readonly treasuryAt: Date;
  readonly recordedAt: Date;
  /** Subject of the caller that reported it (treasury integration or officer). */
  readonly recordedBy: string;
}

/** A date range on local dates, both ends optional and inclusive. */
export interface DateRange {
  readonly from?: string;
  readonly to?: string;
}

export function obligationId(taxpayerId: string, periodKey: string): string {
  return `${taxpayerId}:${periodKey}`;
}

/** PostgreSQL's unique_violation: a second row for a key the database keeps unique. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; driverError?: { code?: unknown } };
  return err?.code === '23505' || err?.driverError?.code === '23505';
}

async function rowsOf<T>(tx: EntityManager, sql: string, params: unknown[]): Promise<Stored<T>[]> {
  const rows: { data: unknown; version: number }[] = await tx.query(sql, params);
  return rows.map((r) => ({ doc: reviveDates<T>(r.data), version: r.version }));
}

export class ObligationRepository {
  readonly store = new DocumentStore<ObligationRecord>('tax_obligation', (o) => ({
    taxpayer_id: o.taxpayerId,
    period_key: o.periodKey,
    status: o.status,
    period_start: o.start,
    period_end: o.end,
    due: o.due,
    overdue: o.overdue,
  }));

  get(tx: EntityManager, taxpayerId: string, periodKey: string, o: { lock?: boolean } = {}): Promise<Stored<ObligationRecord> | undefined> {
    return this.store.get(tx, obligationId(taxpayerId, periodKey), o);
  }

  /** Stores the obligation unless one with its (taxpayer, periodKey) exists; true when it was new. */
  /** The taxpayer's obligations past due and still open (the overdue returns to file), by period key. */
  async openOverdue(tx: EntityManager, taxpayerId: string): Promise<string[]> {
    const rows: { period_key: string }[] = await tx.query(`SELECT period_key FROM tax_obligation WHERE taxpayer_id = $1 AND status = 'O' AND overdue ORDER BY period_key`, [taxpayerId]);
    return rows.map((r) => r.period_key);
  }

  async insertIfAbsent(tx: EntityManager, obligation: Obligation): Promise<boolean> {
    const doc: ObligationRecord = { ...obligation, id: obligationId(obligation.taxpayerId, obligation.periodKey) };
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO tax_obligation (id, version, data, taxpayer_id, period_key, status, period_start, period_end, due, overdue)
       VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT DO NOTHING RETURNING id`,
      [doc.id, JSON.stringify(doc), doc.taxpayerId, doc.periodKey, doc.status, doc.start, doc.end, doc.due, doc.overdue],
    );
    return rows.length > 0;
  }

  update(tx: EntityManager, obligation: Obligation, expectedVersion: number): Promise<number> {
    return this.store.update(tx, { ...obligation, id: obligationId(obligation.taxpayerId, obligation.periodKey) }, expectedVersion);
  }

  /** A taxpayer's obligations whose period overlaps [from, to], by period start. */
  list(tx: EntityManager, taxpayerId: string, f: DateRange & { status?: 'O' | 'F' }): Promise<Stored<ObligationRecord>[]> {
    return rowsOf(
      tx,
      `SELECT data, version FROM tax_obligation
        WHERE taxpayer_id = $1 AND ($2::text IS NULL OR status = $2)
          AND ($3::date IS NULL OR period_end >= $3::date) AND ($4::date IS NULL OR period_start <= $4::date)
        ORDER BY period_start, period_key LIMIT 1000`,
      [taxpayerId, f.status ?? null, f.from ?? null, f.to ?? null],
    );
  }

  /** For integrators: every obligation with its status. */
  snapshot(tx: EntityManager): Promise<unknown[]> {
    return tx.query(
      `SELECT taxpayer_id AS "taxpayerId", period_key AS "periodKey", data->'taxTypes' AS "taxTypes", data->>'combinedGroup' AS "combinedGroup",
              to_char(period_start, 'YYYY-MM-DD') AS start, to_char(period_end, 'YYYY-MM-DD') AS "end", to_char(due, 'YYYY-MM-DD') AS due,
              status, overdue, data->>'receiptId' AS "receiptId", version
         FROM tax_obligation ORDER BY created_at, id`,
    );
  }
}

export class ReturnRepository {
  readonly store = new DocumentStore<ReturnRecord>('tax_return', (r) => ({
    taxpayer_id: r.taxpayerId,
    period_key: r.periodKey,
    return_version: r.version,
    receipt_id: r.receiptId,
  }));

  get(tx: EntityManager, returnId: string): Promise<Stored<ReturnRecord> | undefined> {
    return this.store.get(tx, returnId);
  }

  /** Throws the driver's unique violation when the version already exists (see isUniqueViolation). */
  insert(tx: EntityManager, taxReturn: TaxReturn): Promise<number> {
    return this.store.insert(tx, { ...taxReturn, id: taxReturn.returnId });
  }

  async forPeriod(tx: EntityManager, taxpayerId: string, periodKey: string): Promise<ReturnRecord[]> {
    return (await this.store.findBy(tx, { taxpayer_id: taxpayerId, period_key: periodKey }, { limit: 1000 })).map((s) => s.doc);
  }

  /** When the taxpayer's last return (any version) before `before` was filed, if any (R4.7 non-filing queries). */
  async lastFiledBefore(tx: EntityManager, taxpayerId: string, before: Date): Promise<Date | undefined> {
    const rows: { last: Date | null }[] = await tx.query(
      `SELECT max((data->>'filedAt')::timestamptz) AS last FROM "tax_return" WHERE taxpayer_id = $1 AND (data->>'filedAt')::timestamptz < $2`,
      [taxpayerId, before],
    );
    return rows[0]?.last ?? undefined;
  }

  /** The next serial for a form bundle number (the domain's `formBundleNumber`): never repeats, holds no lock. */
  async nextFormBundleSerial(tx: EntityManager): Promise<number> {
    const rows: { n: string }[] = await tx.query(`SELECT nextval('form_bundle_serial') AS n`);
    return Number(rows[0].n);
  }
}

export class LiabilityRepository {
  readonly store = new DocumentStore<LiabilityRecord>('tax_liability', (l) => ({
    taxpayer_id: l.taxpayerId,
    period_key: l.periodKey,
    tax_type: l.taxType,
    period_start: l.start,
    period_end: l.end,
    status: l.status,
  }));

  get(tx: EntityManager, liabilityId: string, o: { lock?: boolean } = {}): Promise<Stored<LiabilityRecord> | undefined> {
    return this.store.get(tx, liabilityId, o);
  }

  /** Throws the driver's unique violation for a second liability of a (taxpayer, periodKey, taxType). */
  insert(tx: EntityManager, liability: Liability, period: { start: string; end: string }): Promise<number> {
    return this.store.insert(tx, { ...liability, id: liability.liabilityId, start: period.start, end: period.end });
  }

  update(tx: EntityManager, liability: LiabilityRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, liability, expectedVersion);
  }

  forPeriod(tx: EntityManager, taxpayerId: string, periodKey: string, o: { lock?: boolean } = {}): Promise<Stored<LiabilityRecord>[]> {
    return rowsOf(
      tx,
      `SELECT data, version FROM tax_liability WHERE taxpayer_id = $1 AND period_key = $2 ORDER BY tax_type${o.lock ? ' FOR UPDATE' : ''}`,
      [taxpayerId, periodKey],
    );
  }

  /** A taxpayer's liabilities whose period overlaps [from, to]. */
  list(tx: EntityManager, taxpayerId: string, f: DateRange): Promise<Stored<LiabilityRecord>[]> {
    return rowsOf(
      tx,
      `SELECT data, version FROM tax_liability
        WHERE taxpayer_id = $1 AND ($2::date IS NULL OR period_end >= $2::date) AND ($3::date IS NULL OR period_start <= $3::date)
        ORDER BY period_start, period_key, created_at, id LIMIT 1000`,
      [taxpayerId, f.from ?? null, f.to ?? null],
    );
  }
}

export class PaymentRepository {
  readonly store = new DocumentStore<PaymentRecord>('tax_payment', (p) => ({
    taxpayer_id: p.taxpayerId,
    liability_id: p.liabilityId,
    treasury_at: p.treasuryAt,
  }));

  get(tx: EntityManager, paymentId: string): Promise<Stored<PaymentRecord> | undefined> {
    return this.store.get(tx, paymentId);
  }

  insert(tx: EntityManager, payment: PaymentRecord): Promise<number> {
    return this.store.insert(tx, payment);
  }

  /**
   * A taxpayer's payments that reached the treasury between `from` 00:00 and the end of `to`
   * (local dates, Asia/Shanghai), oldest first.
   */
  async list(tx: EntityManager, taxpayerId: string, f: DateRange): Promise<PaymentRecord[]> {
    const rows = await rowsOf<PaymentRecord>(
      tx,
      `SELECT data, version FROM tax_payment
        WHERE taxpayer_id = $1
          AND ($2::date IS NULL OR treasury_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai'))
          AND ($3::date IS NULL OR treasury_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))
        ORDER BY treasury_at, id LIMIT 1000`,
      [taxpayerId, f.from ?? null, f.to ?? null],
    );
    return rows.map((r) => r.doc);
  }
}

import type { EntityManager } from 'typeorm';
import type { ClearanceCaseState, RefundClaimState, RiskCaseState } from '@one-window/tax/domain';
import { DocumentStore, type Stored } from '@one-window/shared/persistence';

/** Risk cases (R8.6) by case id; a taxpayer's open ones feed the credit + risk gate. */
export class RiskCaseRepository {
  readonly store = new DocumentStore<RiskCaseState & { id: string }>('risk_case', (c) => ({ taxpayer_id: c.taxpayerId, status: c.status }));

  async get(tx: EntityManager, caseId: string, o: { lock?: boolean } = {}): Promise<Stored<RiskCaseState> | undefined> {
    return this.store.get(tx, caseId, o);
  }

  insert(tx: EntityManager, c: RiskCaseState): Promise<number> {
    return this.store.insert(tx, { ...c, id: c.caseId });
  }

  update(tx: EntityManager, c: RiskCaseState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, { ...c, id: c.caseId }, expectedVersion);
  }

  /** The taxpayer's cases, oldest first. */
  forTaxpayer(tx: EntityManager, taxpayerId: string): Promise<Stored<RiskCaseState>[]> {
    return this.store.findBy(tx, { taxpayer_id: taxpayerId }, { limit: 1000 });
  }
}

/** Refund claims (§9) by claim id. */
export class RefundClaimRepository {
  readonly store = new DocumentStore<RefundClaimState & { id: string }>('refund_claim', (c) => ({ taxpayer_id: c.taxpayerId, status: c.status }));

  get(tx: EntityManager, claimId: string, o: { lock?: boolean } = {}): Promise<Stored<RefundClaimState> | undefined> {
    return this.store.get(tx, claimId, o);
  }

  insert(tx: EntityManager, c: RefundClaimState): Promise<number> {
    return this.store.insert(tx, { ...c, id: c.claimId });
  }

  update(tx: EntityManager, c: RefundClaimState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, { ...c, id: c.claimId }, expectedVersion);
  }

  forTaxpayer(tx: EntityManager, taxpayerId: string, status?: string): Promise<Stored<RefundClaimState>[]> {
    return this.store.findBy(tx, { taxpayer_id: taxpayerId, ...(status ? { status } : {}) }, { limit: 1000 });
  }
}

/** Clearance cases (§10) by case id; certificate numbers are unique. */
export class ClearanceCaseRepository {
  readonly store = new DocumentStore<ClearanceCaseState & { id: string }>('clearance_case', (c) => ({
    taxpayer_id: c.taxpayerId,
    status: c.status,
    certificate_no: c.certificateNo ?? null,
  }));

  get(tx: EntityManager, caseId: string, o: { lock?: boolean } = {}): Promise<Stored<ClearanceCaseState> | undefined> {
    return this.store.get(tx, caseId, o);
  }

  insert(tx: EntityManager, c: ClearanceCaseState): Promise<number> {
    return this.store.insert(tx, { ...c, id: c.caseId });
  }

  update(tx: EntityManager, c: ClearanceCaseState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, { ...c, id: c.caseId }, expectedVersion);
  }

  forTaxpayer(tx: EntityManager, taxpayerId: string): Promise<Stored<ClearanceCaseState>[]> {
    return this.store.findBy(tx, { taxpayer_id: taxpayerId }, { limit: 100 });
  }

  /** The next certificate number of a bureau's day: QS + bureau digits + yyyymmdd + 4-digit sequence. */
  async nextCertificateNo(tx: EntityManager, bureau: string, localDate: string): Promise<string> {
    const prefix = `QS${bureau.replace(/\D/g, '')}${localDate.replace(/-/g, '')}`;
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [prefix]);
    const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM clearance_case WHERE certificate_no LIKE $1`, [`${prefix}%`]);
    return `${prefix}${String(n + 1).padStart(4, '0')}`;
  }
}

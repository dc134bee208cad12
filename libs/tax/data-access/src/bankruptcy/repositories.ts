import type { EntityManager } from 'typeorm';
import { DocumentStore, type Stored } from '@one-window/shared/persistence';
import type { BankruptcyTaxClaimRecord, BankruptcyTaxFileRecord, CreditReratingRecord, DebtorInfoGrantRecord, DebtorInfoQueryRecord } from './records';

/** Bankruptcy tax files by case id (§11). */
export class BankruptcyTaxFileRepository {
  readonly store = new DocumentStore<BankruptcyTaxFileRecord>('bankruptcy_tax_file', (f) => ({ taxpayer_id: f.taxpayerId, court_id: f.courtId, status: f.status }));

  get(tx: EntityManager, caseId: string, o: { lock?: boolean } = {}): Promise<Stored<BankruptcyTaxFileRecord> | undefined> {
    return this.store.get(tx, caseId, o);
  }

  insert(tx: EntityManager, f: BankruptcyTaxFileRecord): Promise<number> {
    return this.store.insert(tx, f);
  }

  update(tx: EntityManager, f: BankruptcyTaxFileRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, f, expectedVersion);
  }

  forTaxpayer(tx: EntityManager, taxpayerId: string): Promise<Stored<BankruptcyTaxFileRecord>[]> {
    return this.store.findBy(tx, { taxpayer_id: taxpayerId }, { limit: 100 });
  }
}

/** Debtor-information access grants by grant id. */
export class DebtorInfoGrantRepository {
  readonly store = new DocumentStore<DebtorInfoGrantRecord>('debtor_info_grant', (g) => ({ case_id: g.caseId, administrator_id: g.administratorId, status: g.status }));

  get(tx: EntityManager, grantId: string, o: { lock?: boolean } = {}): Promise<Stored<DebtorInfoGrantRecord> | undefined> {
    return this.store.get(tx, grantId, o);
  }

  insert(tx: EntityManager, g: DebtorInfoGrantRecord): Promise<number> {
    return this.store.insert(tx, g);
  }

  update(tx: EntityManager, g: DebtorInfoGrantRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, g, expectedVersion);
  }

  /** The grants of a case naming an administrator that are not revoked (expiry is checked by the caller against its clock). */
  active(tx: EntityManager, caseId: string, administratorId: string): Promise<Stored<DebtorInfoGrantRecord>[]> {
    return this.store.findBy(tx, { case_id: caseId, administrator_id: administratorId, status: 'ACTIVE' }, { limit: 100 });
  }
}

/** Tax claims into bankruptcy cases by claim id. */
export class BankruptcyTaxClaimRepository {
  readonly store = new DocumentStore<BankruptcyTaxClaimRecord>('bankruptcy_tax_claim', (c) => ({ case_id: c.caseId, taxpayer_id: c.taxpayerId, status: c.status }));

  get(tx: EntityManager, claimId: string, o: { lock?: boolean } = {}): Promise<Stored<BankruptcyTaxClaimRecord> | undefined> {
    return this.store.get(tx, claimId, o);
  }

  insert(tx: EntityManager, c: BankruptcyTaxClaimRecord): Promise<number> {
    return this.store.insert(tx, c);
  }

  update(tx: EntityManager, c: BankruptcyTaxClaimRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, c, expectedVersion);
  }

  forCase(tx: EntityManager, caseId: string, status?: BankruptcyTaxClaimRecord['status']): Promise<Stored<BankruptcyTaxClaimRecord>[]> {
    return this.store.findBy(tx, { case_id: caseId, ...(status ? { status } : {}) }, { limit: 1000 });
  }
}

/** The log of answered debtor-information queries (append only). */
export class DebtorInfoQueryLog {
  readonly store = new DocumentStore<DebtorInfoQueryRecord>('debtor_info_query', (r) => ({ case_id: r.caseId, administrator_id: r.administratorId }));

  record(tx: EntityManager, r: DebtorInfoQueryRecord): Promise<number> {
    return this.store.insert(tx, r);
  }

  forCase(tx: EntityManager, caseId: string): Promise<Stored<DebtorInfoQueryRecord>[]> {
    return this.store.findBy(tx, { case_id: caseId }, { limit: 1000 });
  }
}

/** New-taxpayer re-rating applications (R8.7) by application id. */
export class CreditReratingRepository {
  readonly store = new DocumentStore<CreditReratingRecord>('credit_rerating', (r) => ({ taxpayer_id: r.taxpayerId, status: r.status, year: r.year }));

  get(tx: EntityManager, applicationId: string, o: { lock?: boolean } = {}): Promise<Stored<CreditReratingRecord> | undefined> {
    return this.store.get(tx, applicationId, o);
  }

  insert(tx: EntityManager, r: CreditReratingRecord): Promise<number> {
    return this.store.insert(tx, r);
  }

  update(tx: EntityManager, r: CreditReratingRecord, expectedVersion: number): Promise<number> {
    return this.store.update(tx, r, expectedVersion);
  }

  forTaxpayer(tx: EntityManager, taxpayerId: string): Promise<Stored<CreditReratingRecord>[]> {
    return this.store.findBy(tx, { taxpayer_id: taxpayerId }, { limit: 100 });
  }
}

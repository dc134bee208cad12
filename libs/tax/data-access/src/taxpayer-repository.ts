import type { EntityManager } from 'typeorm';
import type { TaxpayerState } from '@one-window/tax/domain';
import { DocumentStore, type Stored } from '@one-window/shared/persistence';

/** Taxpayers as JSON documents with owner / bureau / status projected for scoping and lists. */
export class TaxpayerRepository {
  readonly store = new DocumentStore<TaxpayerState>('taxpayer', (t) => ({ owner_id: t.ownerId, tax_bureau: t.taxBureau, status: t.status }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<TaxpayerState> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, taxpayer: TaxpayerState): Promise<number> {
    return this.store.insert(tx, taxpayer);
  }

  update(tx: EntityManager, taxpayer: TaxpayerState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, taxpayer, expectedVersion);
  }

  /** A page of taxpayers matching the caller's scope (`{ owner_id }`, `{ tax_bureau }` or everything), oldest first. */
  list(tx: EntityManager, where: { owner_id: string } | { tax_bureau: string } | Record<string, never>, page: { limit: number; afterId?: string }): Promise<Stored<TaxpayerState>[]> {
    return this.store.findBy(tx, where, page);
  }

  /** Current state for integrators (snapshot): id, kind, name, status, bureau, VAT status. */
  async snapshot(tx: EntityManager): Promise<unknown[]> {
    return tx.query(
      `SELECT id AS "taxpayerId", data->>'kind' AS kind, data->'facts'->>'name' AS name, status, tax_bureau AS "taxBureau",
              data->>'vatStatus' AS "vatStatus", version
         FROM taxpayer ORDER BY created_at, id`,
    );
  }
}

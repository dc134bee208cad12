import type { EntityManager } from 'typeorm';
import type { TaxDisputeState } from '@one-window/tax/domain';
import { DocumentStore, type Stored } from '@one-window/shared/persistence';

export class TaxDisputeRepository {
  readonly store = new DocumentStore<TaxDisputeState & { id: string }>('tax_dispute', (d) => ({ taxpayer_id: d.taxpayerId, status: d.status }));

  get(tx: EntityManager, disputeId: string, o: { lock?: boolean } = {}): Promise<Stored<TaxDisputeState> | undefined> {
    return this.store.get(tx, disputeId, o);
  }

  insert(tx: EntityManager, d: TaxDisputeState): Promise<number> {
    return this.store.insert(tx, { ...d, id: d.disputeId });
  }

  update(tx: EntityManager, d: TaxDisputeState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, { ...d, id: d.disputeId }, expectedVersion);
  }

  /** The taxpayer's disputes, oldest first. */
  forTaxpayer(tx: EntityManager, taxpayerId: string): Promise<Stored<TaxDisputeState>[]> {
    return this.store.findBy(tx, { taxpayer_id: taxpayerId }, { limit: 1000 });
  }
}

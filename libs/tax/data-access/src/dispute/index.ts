import { TaxDisputeTable1794100000000 } from './migration';
import { TaxDisputeEntity } from './tables';

export { TaxDisputeRepository } from './repositories';

/** Tables and migrations of tax-dispute mediation (listed in ../index.ts). */
export const DISPUTE_ENTITIES = [TaxDisputeEntity];
export const DISPUTE_MIGRATIONS = [TaxDisputeTable1794100000000];

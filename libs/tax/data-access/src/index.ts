import { BANKRUPTCY_ENTITIES, BANKRUPTCY_MIGRATIONS } from './bankruptcy';
import { CREDIT_ENTITIES, CREDIT_MIGRATIONS } from './credit';
import { DISPUTE_ENTITIES, DISPUTE_MIGRATIONS } from './dispute';
import { FILING_ENTITIES, FILING_MIGRATIONS } from './filing';
import { INVOICING_ENTITIES, INVOICING_MIGRATIONS } from './invoicing';
import { TAXPAYER_MIGRATIONS } from './migrations';
import { PUBLICATION_ENTITIES } from './publications';
import { TAXPAYER_ENTITIES } from './tables';

export { TaxpayerEntity } from './tables';
export * from './invoicing';
export * from './filing';
export * from './credit';
export * from './bankruptcy';
export * from './publications';
export * from './dispute';

/** Every table of the tax service, and every migration in timestamp order. */
export const TAX_ENTITIES = [...TAXPAYER_ENTITIES, ...INVOICING_ENTITIES, ...FILING_ENTITIES, ...CREDIT_ENTITIES, ...BANKRUPTCY_ENTITIES, ...PUBLICATION_ENTITIES, ...DISPUTE_ENTITIES];
export const TAX_MIGRATIONS = [...TAXPAYER_MIGRATIONS, ...INVOICING_MIGRATIONS, ...FILING_MIGRATIONS, ...CREDIT_MIGRATIONS, ...BANKRUPTCY_MIGRATIONS, ...DISPUTE_MIGRATIONS].sort((a, b) =>
  a.name.slice(-13).localeCompare(b.name.slice(-13)),
);
export { TaxpayerRepository } from './taxpayer-repository';

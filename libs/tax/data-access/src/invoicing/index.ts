import { InvoicingTables1791100000000 } from './1791100000000-invoicing-tables';
import { InvoiceAccountEntryEntity, InvoiceEntity, InvoiceIssuerEntity, InvoiceSerialEntity, InvoiceVerificationEntity, UKeyIssuanceEntity } from './tables';

export * from './invoicing-repositories';

/** Tables, repositories and migrations of the invoicing part of the tax service (entities and migrations are listed in ../index.ts). */
export const INVOICING_ENTITIES = [InvoiceEntity, InvoiceIssuerEntity, InvoiceSerialEntity, InvoiceAccountEntryEntity, InvoiceVerificationEntity, UKeyIssuanceEntity];
export const INVOICING_MIGRATIONS = [InvoicingTables1791100000000];

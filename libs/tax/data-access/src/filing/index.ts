import { LiabilityEntity, ObligationEntity, PaymentEntity, ReturnEntity } from './tables';
import { FilingTables1791200000000 } from './migrations/1791200000000-filing-tables';
import { FormBundleSerial1794000000000 } from './migrations/1794000000000-form-bundle-serial';

/** Tables, repositories and migrations of the filing part of the tax service (entities and migrations are listed in ../index.ts). */
export const FILING_ENTITIES = [ObligationEntity, ReturnEntity, LiabilityEntity, PaymentEntity];
export const FILING_MIGRATIONS = [FilingTables1791200000000, FormBundleSerial1794000000000];
export {
  isUniqueViolation,
  LiabilityRepository,
  ObligationRepository,
  obligationId,
  PaymentRepository,
  ReturnRepository,
  type DateRange,
  type LiabilityRecord,
  type ObligationRecord,
  type PaymentRecord,
  type ReturnRecord,
} from './filing-repositories';

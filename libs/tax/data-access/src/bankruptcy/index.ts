import { BankruptcyTables1791400000000 } from './1791400000000-bankruptcy-tables';
import { BankruptcyTaxClaimEntity, BankruptcyTaxFileEntity, CreditReratingEntity, DebtorInfoGrantEntity, DebtorInfoQueryEntity } from './tables';

export { BankruptcyTaxClaimRepository, BankruptcyTaxFileRepository, CreditReratingRepository, DebtorInfoGrantRepository, DebtorInfoQueryLog } from './repositories';
export type {
  BankruptcyClaimClass,
  BankruptcyClaimLine,
  BankruptcyTaxClaimRecord,
  BankruptcyTaxFileRecord,
  BankruptcyTaxFileStatus,
  CreditReratingRecord,
  DebtorInfoGrantRecord,
  DebtorInfoQueryRecord,
} from './records';

/** Tables and migrations of the bankruptcy cooperation part and re-rating (listed in ../index.ts). */
export const BANKRUPTCY_ENTITIES = [BankruptcyTaxFileEntity, DebtorInfoGrantEntity, BankruptcyTaxClaimEntity, DebtorInfoQueryEntity, CreditReratingEntity];
export const BANKRUPTCY_MIGRATIONS = [BankruptcyTables1791400000000];

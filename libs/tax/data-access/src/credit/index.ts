import { CreditTables1791300000000 } from './migration';
import { ClearanceCaseEntity, RefundClaimEntity, RiskCaseEntity } from './tables';

export { ClearanceCaseRepository, RefundClaimRepository, RiskCaseRepository } from './repositories';

/** Tables and migrations of the credit + risk, refund and clearance part (listed in ../index.ts). */
export const CREDIT_ENTITIES = [RiskCaseEntity, RefundClaimEntity, ClearanceCaseEntity];
export const CREDIT_MIGRATIONS = [CreditTables1791300000000];

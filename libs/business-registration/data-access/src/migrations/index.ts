import { RegistrationTables1790000000000 } from './1790000000000-registration-tables';
import { LicenceTable1790000100000 } from './1790000100000-licence-table';
import { SetupBundleTables1790000200000 } from './1790000200000-setup-bundle-tables';
import { DeregistrationTable1790000300000 } from './1790000300000-deregistration-table';
import { AnnualReportTables1790000400000 } from './1790000400000-annual-report-tables';
import { CreditCodeSerial1790000500000 } from './1790000500000-credit-code-serial';
import { FilingForcedExitTables1790000600000 } from './1790000600000-filing-forced-exit-tables';
import { NameRulesVersions1790000800000 } from './1790000800000-name-rules-versions';
import { ChangeRequestTable1790000700000 } from './1790000700000-change-request-table';
import { ForcedExitCandidateTable1790001100000 } from './1790001100000-forced-exit-candidate-table';
import { CreditRepairUpdateTable1790001200000 } from './1790001200000-credit-repair-update-table';
import { ForcedExitCandidateTaxAnswer1790001300000 } from './1790001300000-forced-exit-candidate-tax-answer';

/** Every migration of the service, oldest first (applied migrations are never edited; new ones are appended). */
export const REGISTRATION_MIGRATIONS = [RegistrationTables1790000000000, LicenceTable1790000100000, SetupBundleTables1790000200000, DeregistrationTable1790000300000, AnnualReportTables1790000400000, CreditCodeSerial1790000500000, FilingForcedExitTables1790000600000, ChangeRequestTable1790000700000, NameRulesVersions1790000800000, ForcedExitCandidateTable1790001100000, CreditRepairUpdateTable1790001200000, ForcedExitCandidateTaxAnswer1790001300000];

export { RegistrationTables1790000000000, LicenceTable1790000100000, SetupBundleTables1790000200000, DeregistrationTable1790000300000, AnnualReportTables1790000400000, CreditCodeSerial1790000500000, FilingForcedExitTables1790000600000, ChangeRequestTable1790000700000, NameRulesVersions1790000800000, ForcedExitCandidateTable1790001100000, CreditRepairUpdateTable1790001200000, ForcedExitCandidateTaxAnswer1790001300000 };

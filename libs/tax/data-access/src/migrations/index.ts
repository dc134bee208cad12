import { TaxpayerTable1791000000000 } from './1791000000000-taxpayer-table';
import { RulePublications1793500000000 } from './1793500000000-rule-publications';

export const TAXPAYER_MIGRATIONS = [TaxpayerTable1791000000000, RulePublications1793500000000];

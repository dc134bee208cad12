import { defineEvent } from '@one-window/shared/messaging';
import { LOCAL_DATE, USCC } from '../schema-parts';
import { REGISTRATION_TOPIC } from '../topic';
import { ABNORMAL_REASON_CODES, type AbnormalReasonCode } from './annual-report-events';

export interface ForcedExitCandidateFoundData {
  uscc: string;
  /** The registration authority whose officers confirm or drop the candidate. */
  authorityCode: string;
  /** The night's date (Asia/Shanghai) the rule was assessed at. */
  asOf: string;
  /** The start of the current, unbroken abnormal listing. */
  listedOn: string;
  /** The first day on which the listing had lasted 2 full years. */
  fullPeriodFrom: string;
  /** Why the company is on the list (each LISTED entry's reason). */
  reasonCodes: AbnormalReasonCode[];
  /** The company's last tax return before the listing, if any (none was filed while listed). */
  lastTaxFiledOn?: string;
}

/**
 * §8 Forced exit [design] "Nightly rule → candidates → officer confirms → notice → revoke": the
 * nightly rule found a new candidate (2 full years on the abnormal list, no tax return filed while
 * listed, 000 L902–905). Not a decision: an officer of the authority confirms or not.
 */
export const ForcedExitCandidateFound = defineEvent<ForcedExitCandidateFoundData>({
  name: 'registration.forced_exit.candidate_found',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    'Key: the credit code (uscc). The nightly forced-exit rule (02:00 Asia/Shanghai) found a new candidate (强制退出候选): on the abnormal list for 2 full years and no tax return filed while listed. Published once per company and listing (not again while the candidate waits for an officer or a forced-exit case for that listing exists). Not a decision: an officer confirms, a notice follows, then revocation.',
  schema: {
    type: 'object',
    required: ['uscc', 'authorityCode', 'asOf', 'listedOn', 'fullPeriodFrom', 'reasonCodes'],
    properties: {
      uscc: USCC,
      authorityCode: { type: 'string', minLength: 1, description: 'The registration authority (登记机关)' },
      asOf: { ...LOCAL_DATE, description: 'The night the rule was assessed at (local date in Asia/Shanghai)' },
      listedOn: { ...LOCAL_DATE, description: 'The start of the current, unbroken abnormal listing' },
      fullPeriodFrom: { ...LOCAL_DATE, description: 'The first day on which the listing had lasted 2 full years' },
      reasonCodes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: [...ABNORMAL_REASON_CODES] } },
      lastTaxFiledOn: { ...LOCAL_DATE, description: 'Optional: the last tax return, filed before the listing' },
    },
  },
  example: {
    uscc: '91440104MA00001B3B',
    authorityCode: 'GZ-YX-AMR',
    asOf: '2029-07-02',
    listedOn: '2027-07-01',
    fullPeriodFrom: '2029-07-02',
    reasonCodes: ['ANNUAL_REPORT_OVERDUE'],
  },
});

export const FORCED_EXIT_EVENTS = [ForcedExitCandidateFound];

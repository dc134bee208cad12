import { defineEvent, type JsonSchema } from '@one-window/shared/messaging';
import { LOCAL_DATE, USCC } from '../schema-parts';
import { REGISTRATION_TOPIC } from '../topic';
import { ABNORMAL_REASON_CODES, type AbnormalReasonCode } from './annual-report-events';

/** The company (the event key) and the authority whose officers decide on the candidate. */
const CANDIDATE_KEY_PROPS: Record<string, JsonSchema> = {
  uscc: USCC,
  authorityCode: { type: 'string', minLength: 1, description: 'The registration authority (登记机关)' },
};

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
      ...CANDIDATE_KEY_PROPS,
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

/** Why a recorded candidate lapsed (the domain's CANDIDATE_LAPSE_REASONS). */
export const FORCED_EXIT_CANDIDATE_LAPSE_REASONS = ['LISTING_ENDED', 'TAX_FILED', 'NOT_OPEN_TO_FORCED_EXIT'] as const;

export interface ForcedExitCandidateLapsedData {
  uscc: string;
  authorityCode: string;
  /** The night (Asia/Shanghai) the candidate was re-checked at. */
  asOf: string;
  /** The start of the listing the candidate was found for. */
  listedOn: string;
  /** The night the candidate was found (its `candidate_found`). */
  foundOn: string;
  reason: (typeof FORCED_EXIT_CANDIDATE_LAPSE_REASONS)[number];
  /** TAX_FILED: the return filed while listed. */
  taxFiledOn?: string;
}

/**
 * The nightly rule re-checks the candidates waiting for an officer before it looks for new ones: a
 * candidate whose company no longer qualifies leaves the officer's queue with this event.
 */
export const ForcedExitCandidateLapsed = defineEvent<ForcedExitCandidateLapsedData>({
  name: 'registration.forced_exit.candidate_lapsed',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    'Key: the credit code (uscc). A forced-exit candidate that waited for an officer no longer qualifies at the nightly re-check and left the queue: LISTING_ENDED (removed from the abnormal list, or listed anew: the 2-year clock restarts), TAX_FILED (a tax return filed while listed), NOT_OPEN_TO_FORCED_EXIT (the company was deregistered, revoked or struck off meanwhile). Once per candidate.',
  schema: {
    type: 'object',
    required: ['uscc', 'authorityCode', 'asOf', 'listedOn', 'foundOn', 'reason'],
    properties: {
      ...CANDIDATE_KEY_PROPS,
      asOf: { ...LOCAL_DATE, description: 'The night of the re-check (local date in Asia/Shanghai)' },
      listedOn: { ...LOCAL_DATE, description: 'The start of the listing the candidate was found for' },
      foundOn: { ...LOCAL_DATE, description: 'The night the candidate was found' },
      reason: { type: 'string', enum: [...FORCED_EXIT_CANDIDATE_LAPSE_REASONS] },
      taxFiledOn: { ...LOCAL_DATE, description: 'TAX_FILED: the date of the return filed while listed' },
    },
  },
  example: {
    uscc: '91440104MA00001B3B',
    authorityCode: 'GZ-YX-AMR',
    asOf: '2029-07-09',
    listedOn: '2027-07-01',
    foundOn: '2029-07-02',
    reason: 'TAX_FILED',
    taxFiledOn: '2029-07-08',
  },
});

export const FORCED_EXIT_EVENTS = [ForcedExitCandidateFound, ForcedExitCandidateLapsed];

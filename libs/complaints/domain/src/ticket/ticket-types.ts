/**
 * Reference data of the ticket (工单) lifecycle, spec §2, §3.4–3.6, as data.
 */

/** §2 ticket types. PRAISE has no handling limit (002 L1604). */
export const TICKET_TYPES = ['CONSULTATION', 'HELP', 'COMPLAINT', 'REPORT', 'SUGGESTION', 'PRAISE'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
// CONSULTATION 咨询 (002 L1728), HELP 求助 (002 L1734), COMPLAINT 投诉 (002 L1730),
// REPORT 举报 (002 L1732), SUGGESTION 意见建议 (002 L1736), PRAISE 表扬 (002 L1604)

/** §2 channels; the supplement rule depends on the channel class (002 L1515, L1517). */
export const CHANNELS = ['PHONE', 'WEB', 'NEW_MEDIA', 'APP', 'PORTAL', 'OPEN311', 'GRID', 'OBSERVER', 'ASSIGNED'] as const;
export type Channel = (typeof CHANNELS)[number];
export type ChannelClass = 'PHONE' | 'NETWORK';

/** PHONE → class PHONE; everything else → NETWORK unless an agent entered it (then PHONE-like contact). */
export function channelClassOf(channel: Channel, agentEntered = false): ChannelClass {
  return channel === 'PHONE' || agentEntered ? 'PHONE' : 'NETWORK';
}

/** §3.5 outcome codes of a handling report. Special categories carry their configured code. */
export const OUTCOME_CODES = [
  'HANDLED',
  'CASE_FILED',
  'SUGGESTION_ADOPTED',
  'SUGGESTION_NOT_ADOPTED',
  'MEDIATION_AGREED',
  'MEDIATION_NOT_AGREED',
  'MEDIATION_CONCLUDED',
  'CALLER_UNREACHABLE',
  'REPEAT_NO_NEW_FACTS',
  'LONG_RUNNING_PROGRESS_GIVEN',
  'FORCE_MAJEURE',
] as const;
export type PlainOutcomeCode = (typeof OUTCOME_CODES)[number];
/** `SPECIAL_CATEGORY:<code>`: Art. 11(2)(2)–(5) of Decree 191 (002 L1544, L1646; spec Q1). */
export type SpecialCategoryOutcome = `SPECIAL_CATEGORY:${string}`;
export type OutcomeCode = PlainOutcomeCode | SpecialCategoryOutcome;

/**
 * Special close-out categories (Art. 11(2)(2)–(5), 002 L1544, L1646). The Decree is not in the
 * seeds (spec Q1): codes are configuration; labels and required evidence are left to config.
 */
export const DEFAULT_SPECIAL_CATEGORIES = ['ART11_2_2', 'ART11_2_3', 'ART11_2_4', 'ART11_2_5'] as const;

export function isSpecialCategory(code: OutcomeCode): code is SpecialCategoryOutcome {
  return code.startsWith('SPECIAL_CATEGORY:');
}

export function isOutcomeCode(value: string, specialCategories: readonly string[] = DEFAULT_SPECIAL_CATEGORIES): value is OutcomeCode {
  if ((OUTCOME_CODES as readonly string[]).includes(value)) return true;
  return value.startsWith('SPECIAL_CATEGORY:') && specialCategories.includes(value.slice('SPECIAL_CATEGORY:'.length));
}

/**
 * Outcomes never sent for re-handling (不纳入重办), 002 L1644–1658, in the seed's order:
 * (1) special categories, (2) caller unreachable (3-call rule), (3) suggestion not adopted,
 * (4) mediation concluded, (5) force majeure, (6) repeat with no new facts.
 */
export const REHANDLING_EXCLUSIONS = [
  'SPECIAL_CATEGORY',
  'CALLER_UNREACHABLE',
  'SUGGESTION_NOT_ADOPTED',
  'MEDIATION_CONCLUDED',
  'FORCE_MAJEURE',
  'REPEAT_NO_NEW_FACTS',
] as const;
export type RehandlingExclusion = (typeof REHANDLING_EXCLUSIONS)[number];

/** The exclusion that applies to an outcome, or undefined when re-handling is possible. */
export function rehandlingExclusionOf(code: OutcomeCode | undefined): RehandlingExclusion | undefined {
  if (code === undefined) return undefined;
  if (isSpecialCategory(code)) return 'SPECIAL_CATEGORY';
  return (REHANDLING_EXCLUSIONS as readonly string[]).includes(code) ? (code as RehandlingExclusion) : undefined;
}

/** Which outcome codes a type may use (the §2 report contents and §3.5). */
export const OUTCOMES_BY_TYPE: Readonly<Record<TicketType, readonly PlainOutcomeCode[]>> = {
  CONSULTATION: ['HANDLED', 'CALLER_UNREACHABLE', 'REPEAT_NO_NEW_FACTS', 'LONG_RUNNING_PROGRESS_GIVEN', 'FORCE_MAJEURE'],
  HELP: ['HANDLED', 'CALLER_UNREACHABLE', 'REPEAT_NO_NEW_FACTS', 'LONG_RUNNING_PROGRESS_GIVEN', 'FORCE_MAJEURE'],
  COMPLAINT: [
    'HANDLED',
    'MEDIATION_AGREED',
    'MEDIATION_NOT_AGREED',
    'MEDIATION_CONCLUDED',
    'CALLER_UNREACHABLE',
    'REPEAT_NO_NEW_FACTS',
    'LONG_RUNNING_PROGRESS_GIVEN',
    'FORCE_MAJEURE',
  ],
  REPORT: ['HANDLED', 'CASE_FILED', 'CALLER_UNREACHABLE', 'REPEAT_NO_NEW_FACTS', 'LONG_RUNNING_PROGRESS_GIVEN', 'FORCE_MAJEURE'],
  SUGGESTION: ['SUGGESTION_ADOPTED', 'SUGGESTION_NOT_ADOPTED', 'CALLER_UNREACHABLE', 'REPEAT_NO_NEW_FACTS', 'LONG_RUNNING_PROGRESS_GIVEN'],
  PRAISE: [],
};

/** Satisfaction grades (满意度), 002 L1636; NOT_RATED for no or late answer. */
export const SATISFACTION_GRADES = ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED'] as const;
export type SatisfactionGrade = (typeof SATISFACTION_GRADES)[number];
export type FinalGrade = SatisfactionGrade | 'NOT_RATED';

export function isSatisfactionGrade(value: string): value is SatisfactionGrade {
  return (SATISFACTION_GRADES as readonly string[]).includes(value);
}

export function isDissatisfied(grade: SatisfactionGrade): boolean {
  return grade === 'DISSATISFIED' || grade === 'VERY_DISSATISFIED';
}

/** Return (退单) dispute types, 002 L1549–1552. */
export const RETURN_DISPUTE_TYPES = ['DUTY', 'MAINTENANCE', 'JURISDICTION', 'DOCUMENT'] as const;
export type ReturnDisputeType = (typeof RETURN_DISPUTE_TYPES)[number];

export const RETURN_EVIDENCE_KINDS = [
  'OWN_POWERS',
  'OUTSIDE_POWERS',
  'MAINTENANCE_SCOPE',
  'HANDOVER_DOCUMENT',
  'OWN_AREA',
  'DOCUMENT',
] as const;
export type ReturnEvidenceKind = (typeof RETURN_EVIDENCE_KINDS)[number];

/**
 * Evidence a return request must carry, by dispute type (002 L1549–1552): every `allOf` kind
 * and at least one `anyOf` kind (when given). Reasons are always required.
 */
export const RETURN_EVIDENCE_RULES: Readonly<
  Record<ReturnDisputeType, { readonly allOf: readonly ReturnEvidenceKind[]; readonly anyOf: readonly ReturnEvidenceKind[]; readonly source: string }>
> = {
  // 职责争议: the unit's own powers and what lies outside them (002 L1549)
  DUTY: { allOf: ['OWN_POWERS', 'OUTSIDE_POWERS'], anyOf: [], source: '002 L1549' },
  // 管养争议: the maintenance scope or the handover document (002 L1550)
  MAINTENANCE: { allOf: [], anyOf: ['MAINTENANCE_SCOPE', 'HANDOVER_DOCUMENT'], source: '002 L1550' },
  // 属地争议: the unit's own area (002 L1551)
  JURISDICTION: { allOf: ['OWN_AREA'], anyOf: [], source: '002 L1551' },
  // 文件依据: the document, plus reasons (002 L1552)
  DOCUMENT: { allOf: ['DOCUMENT'], anyOf: [], source: '002 L1552' },
};

/** Guidance requested in coordination, by dispute type, 002 L1562–1566. */
export const GUIDANCE_KINDS = ['INTER_DISTRICT', 'DUTY_SPLIT', 'LAW_APPLICATION'] as const;
export type GuidanceKind = (typeof GUIDANCE_KINDS)[number];

/** Reply methods (答复), 002 L1578. */
export const REPLY_METHODS = ['PHONE', 'SMS', 'LETTER'] as const;
export type ReplyMethod = (typeof REPLY_METHODS)[number];
export type ReplyOutcome = 'REPLIED' | 'DECLINED' | 'UNREACHABLE';

/** Callback channels (回访), 002 L1638. */
export const CALLBACK_CHANNELS = ['PHONE', 'SMS', 'INTERNET'] as const;
export type CallbackChannel = (typeof CALLBACK_CHANNELS)[number];

/** Why a ticket closed. Handled tickets close through rating, re-handling decision or duty opinion. */
export const CLOSE_REASONS = [
  'ANSWERED_FROM_KB',
  'GUIDED',
  'WITHDRAWN',
  'PRAISE_READ',
  'MERGED',
  'RATED',
  'NOT_RATED',
  'REHANDLING_SKIPPED',
  'DUTY_OPINION_FILED',
  'DUTY_OPINION_LAPSED',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export type DispatchReason = 'INITIAL' | 'RETURN_APPROVED' | 'COORDINATION' | 'REHANDLING';

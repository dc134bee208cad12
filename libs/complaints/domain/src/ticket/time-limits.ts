/**
 * Time limits of the 12345 lifecycle as data (spec §3.2), and the functions that compute each
 * due instant with the jurisdiction's working-day calendar.
 *
 * Day counting (spec §0, Q2): "within N WD/ND of X" does not count X's own day; the limit ends
 * with the N-th WD/ND after it. Instants follow the shared calendar: `dueAt` is the exclusive
 * instant 00:00 of the day after the last day (i.e. the last on-time instant is dueAt − 1 ms,
 * 23:59:59.999 local); anything at or after `dueAt` is late. The handling clock starts at 00:00
 * of the working day after the last dispatch (002 L1539). "Within 24 h" = X + 24 h: late from
 * X + 24 h on.
 */
import { DeadlineStatus, type WorkingCalendar } from '@one-window/shared/calendar';
import { InvalidArgumentError } from '../shared/errors';
import type { GuidanceKind, TicketType } from './ticket-types';

export type TimeUnit = 'WORKING_DAYS' | 'NATURAL_DAYS' | 'HOURS';

/** The event a clock starts from. */
export type ClockStartEvent =
  | 'SUPPLEMENT_NOTICE_RECEIVED'
  | 'REGISTERED'
  | 'UNIT_RECEIVED_DISPATCH'
  | 'LAST_DISPATCH'
  | 'LEAD_RECEIVED_DISPATCH'
  | 'RETURN_REQUESTED'
  | 'GUIDANCE_REQUEST_RECEIVED'
  | 'REPORT_SUBMITTED'
  | 'AUDIT_PASSED'
  | 'RATING_NOTICE_RECEIVED'
  | 'DISSATISFIED_RATING'
  | 'SECOND_DISSATISFACTION_CALLBACK_RECORDED';

/** What the app's durable timer should do when a clock falls due (the domain only computes). */
export type TimerAction =
  | 'CLOSE_INCOMPLETE'
  | 'ESCALATE'
  | 'AUTO_ACCEPT'
  | 'MARK_OVERDUE'
  | 'GUIDANCE_LAPSED'
  | 'CLOSE_NOT_RATED'
  | 'CLOSE_DUTY_OPINION_LAPSED';

export const TIME_LIMIT_IDS = [
  'SUPPLEMENT_NETWORK',
  'DISPATCH',
  'UNIT_CHECK',
  'HANDLING_CONSULTATION',
  'HANDLING_STANDARD',
  'CO_HANDLER_NOTICE',
  'RETURN_DECISION',
  'GUIDANCE_INTER_DISTRICT',
  'GUIDANCE_DUTY_SPLIT',
  'GUIDANCE_LAW_APPLICATION',
  'AUDIT',
  'RATING_CHANNEL',
  'RATING_WINDOW',
  'CALLBACK',
  'DUTY_OPINION',
] as const;
export type TimeLimitId = (typeof TIME_LIMIT_IDS)[number];

export interface TimeLimitRule {
  readonly id: TimeLimitId;
  readonly length: number;
  readonly unit: TimeUnit;
  readonly startsFrom: ClockStartEvent;
  readonly onDue: TimerAction;
  /** Seed line(s), or '(design)' with the spec question that leaves it open. */
  readonly source: string;
  /** Reminder lead (spec §3.2 design: T−1 WD for WD clocks), in the rule's unit. */
  readonly warnBefore: number;
}

/** A jurisdiction's limit table (Guangzhou defaults below; other cities differ, spec Q13). */
export type TimeLimitTable = Readonly<Record<TimeLimitId, TimeLimitRule>>;

/** Guangzhou 12345 defaults, 穗政数规字〔2023〕1号 (002 L1417–1742). */
export const DEFAULT_TIME_LIMITS: TimeLimitTable = {
  // 补充材料 (network): 3 ND from the caller's receipt of the notice, one supplement only (002 L1517)
  SUPPLEMENT_NETWORK: { id: 'SUPPLEMENT_NETWORK', length: 3, unit: 'NATURAL_DAYS', startsFrom: 'SUPPLEMENT_NOTICE_RECEIVED', onDue: 'CLOSE_INCOMPLETE', source: '002 L1517', warnBefore: 1 },
  // 派单: within 1 WD of registration, non-direct consultations and all other types (002 L1527–1531)
  DISPATCH: { id: 'DISPATCH', length: 1, unit: 'WORKING_DAYS', startsFrom: 'REGISTERED', onDue: 'ESCALATE', source: '002 L1527–1531', warnBefore: 1 },
  // 核查/退单: the unit checks within 2 WD of receipt; no action → auto-accept (design) (002 L1541, L1545)
  UNIT_CHECK: { id: 'UNIT_CHECK', length: 2, unit: 'WORKING_DAYS', startsFrom: 'UNIT_RECEIVED_DISPATCH', onDue: 'AUTO_ACCEPT', source: '002 L1541, L1545', warnBefore: 1 },
  // 办理时限 咨询: 2 WD from 00:00 of the WD after the last dispatch (002 L1535, L1539)
  HANDLING_CONSULTATION: { id: 'HANDLING_CONSULTATION', length: 2, unit: 'WORKING_DAYS', startsFrom: 'LAST_DISPATCH', onDue: 'MARK_OVERDUE', source: '002 L1535, L1539', warnBefore: 1 },
  // 办理时限 求助/投诉/举报/意见建议: 10 WD (002 L1536, L1539)
  HANDLING_STANDARD: { id: 'HANDLING_STANDARD', length: 10, unit: 'WORKING_DAYS', startsFrom: 'LAST_DISPATCH', onDue: 'MARK_OVERDUE', source: '002 L1536, L1539', warnBefore: 1 },
  // 协办: the lead names and notifies co-handlers and their items within 2 WD (002 L1556)
  CO_HANDLER_NOTICE: { id: 'CO_HANDLER_NOTICE', length: 2, unit: 'WORKING_DAYS', startsFrom: 'LEAD_RECEIVED_DISPATCH', onDue: 'ESCALATE', source: '002 L1556', warnBefore: 1 },
  // Return decision: no limit in the seeds; configurable, default 1 WD (design, Q6)
  RETURN_DECISION: { id: 'RETURN_DECISION', length: 1, unit: 'WORKING_DAYS', startsFrom: 'RETURN_REQUESTED', onDue: 'ESCALATE', source: '(design) Q6', warnBefore: 1 },
  // 疑难工单协调 guidance opinions (002 L1562–1566)
  GUIDANCE_INTER_DISTRICT: { id: 'GUIDANCE_INTER_DISTRICT', length: 2, unit: 'WORKING_DAYS', startsFrom: 'GUIDANCE_REQUEST_RECEIVED', onDue: 'GUIDANCE_LAPSED', source: '002 L1562', warnBefore: 1 },
  GUIDANCE_DUTY_SPLIT: { id: 'GUIDANCE_DUTY_SPLIT', length: 5, unit: 'WORKING_DAYS', startsFrom: 'GUIDANCE_REQUEST_RECEIVED', onDue: 'GUIDANCE_LAPSED', source: '002 L1564', warnBefore: 1 },
  GUIDANCE_LAW_APPLICATION: { id: 'GUIDANCE_LAW_APPLICATION', length: 5, unit: 'WORKING_DAYS', startsFrom: 'GUIDANCE_REQUEST_RECEIVED', onDue: 'GUIDANCE_LAPSED', source: '002 L1566', warnBefore: 1 },
  // Centre audit: no limit in the seeds; default 1 WD (design, Q6)
  AUDIT: { id: 'AUDIT', length: 1, unit: 'WORKING_DAYS', startsFrom: 'REPORT_SUBMITTED', onDue: 'ESCALATE', source: '(design) Q6', warnBefore: 1 },
  // 满意度 channel: the rating request goes out within 24 h of the audit (002 L1634)
  RATING_CHANNEL: { id: 'RATING_CHANNEL', length: 24, unit: 'HOURS', startsFrom: 'AUDIT_PASSED', onDue: 'ESCALATE', source: '002 L1634', warnBefore: 4 },
  // 满意度 window: 5 ND from the caller's receipt; lapse = NOT_RATED (002 L1636)
  RATING_WINDOW: { id: 'RATING_WINDOW', length: 5, unit: 'NATURAL_DAYS', startsFrom: 'RATING_NOTICE_RECEIVED', onDue: 'CLOSE_NOT_RATED', source: '002 L1636', warnBefore: 1 },
  // 回访 after a dissatisfied rating: no limit in the seeds; default 1 WD (design, Q6)
  CALLBACK: { id: 'CALLBACK', length: 1, unit: 'WORKING_DAYS', startsFrom: 'DISSATISFIED_RATING', onDue: 'ESCALATE', source: '(design) Q6', warnBefore: 1 },
  // 履职尽责意见: 5 WD after the unit receives the second dissatisfied rating (002 L1662–1664)
  DUTY_OPINION: { id: 'DUTY_OPINION', length: 5, unit: 'WORKING_DAYS', startsFrom: 'SECOND_DISSATISFACTION_CALLBACK_RECORDED', onDue: 'CLOSE_DUTY_OPINION_LAPSED', source: '002 L1662–1664', warnBefore: 1 },
};

/** A jurisdiction's table: the defaults with some lengths replaced (spec §0: every limit configurable). */
export function timeLimitsWith(overrides: Partial<Record<TimeLimitId, number>>, base: TimeLimitTable = DEFAULT_TIME_LIMITS): TimeLimitTable {
  const table = { ...base } as Record<TimeLimitId, TimeLimitRule>;
  for (const [id, length] of Object.entries(overrides) as [TimeLimitId, number | undefined][]) {
    if (length === undefined) continue;
    if (!Number.isSafeInteger(length) || length < 1) throw new InvalidArgumentError(`Limit ${id} must be an integer >= 1`, { id, length });
    table[id] = { ...base[id], length };
  }
  return table;
}

/** Extensions (延期), 002 L1570: before the deadline, at most 2, each at most the limit set at first dispatch. */
export const EXTENSION_RULE = { maxCount: 2, maxEachIsOriginalLimit: true, source: '002 L1570' } as const;

/** Difficult-ticket coordination (疑难工单协调): returns approved for 3 or more distinct units (002 L1558; Q4). */
export const COORDINATION_RULE = { distinctUnitsWithApprovedReturns: 3, source: '002 L1558' } as const;

/** Re-handling (重办): at most once, no return, no extension (002 L1640–1642). */
export const REHANDLING_RULE = { maxTimes: 1, returnAllowed: false, extensionAllowed: false, source: '002 L1640–1642' } as const;

/** The handling limit id for a ticket type; PRAISE has none (002 L1604). */
export function handlingLimitIdFor(type: TicketType): TimeLimitId | undefined {
  if (type === 'PRAISE') return undefined;
  return type === 'CONSULTATION' ? 'HANDLING_CONSULTATION' : 'HANDLING_STANDARD';
}

/** Handling limit in WD: 2 consultation / 10 others (002 L1535–1536); undefined for PRAISE. */
export function handlingLimitWd(type: TicketType, limits: TimeLimitTable = DEFAULT_TIME_LIMITS): number | undefined {
  const id = handlingLimitIdFor(type);
  return id === undefined ? undefined : limits[id].length;
}

export function guidanceLimitId(kind: GuidanceKind): TimeLimitId {
  return kind === 'INTER_DISTRICT' ? 'GUIDANCE_INTER_DISTRICT' : kind === 'DUTY_SPLIT' ? 'GUIDANCE_DUTY_SPLIT' : 'GUIDANCE_LAW_APPLICATION';
}

/** Due instant (exclusive) of `length` `unit` counted from `trigger` under the §0 convention. */
export function dueAfter(calendar: WorkingCalendar, trigger: Date, length: number, unit: TimeUnit): Date {
  switch (unit) {
    case 'WORKING_DAYS':
      return calendar.deadlineWorkingDays(trigger, length);
    case 'NATURAL_DAYS':
      return calendar.deadlineNaturalDays(trigger, length);
    case 'HOURS':
      return calendar.addHours(trigger, length);
  }
}

/** Due instant of one rule of the table, from the instant of its start event. */
export function dueAtFor(calendar: WorkingCalendar, id: TimeLimitId, trigger: Date, limits: TimeLimitTable = DEFAULT_TIME_LIMITS): Date {
  const rule = limits[id];
  return dueAfter(calendar, trigger, rule.length, rule.unit);
}

/**
 * When the reminder fires: `warnBefore` units before the due instant. For WD clocks with the
 * default 1 this is 00:00 of the last working day (spec §3.2 design: reminder at T−1 WD).
 */
export function warnAtFor(calendar: WorkingCalendar, dueAt: Date, unit: TimeUnit, warnBefore: number): Date {
  switch (unit) {
    case 'WORKING_DAYS': {
      // dueAt is 00:00 of the day after the last day; the last WD before that date is the last day.
      const lastDay = calendar.addWorkingDays(calendar.localDateOf(new Date(dueAt.getTime() - 1)).plusDays(1), -warnBefore);
      return calendar.startOfDay(lastDay);
    }
    case 'NATURAL_DAYS':
      return calendar.addNaturalDays(dueAt, -warnBefore);
    case 'HOURS':
      return calendar.addHours(dueAt, -warnBefore);
  }
}

/** Traffic light at `at`: RED at or after `dueAt`, YELLOW from `warnAt`, GREEN before. */
export function statusAt(at: Date, dueAt: Date, warnAt: Date): DeadlineStatus {
  if (at.getTime() >= dueAt.getTime()) return DeadlineStatus.RED;
  if (at.getTime() >= warnAt.getTime()) return DeadlineStatus.YELLOW;
  return DeadlineStatus.GREEN;
}

// ---------------------------------------------------------------- named computations

/** Dispatch due: 1 WD after registration (002 L1527–1531). */
export function dispatchDueAt(calendar: WorkingCalendar, registeredAt: Date, limits: TimeLimitTable = DEFAULT_TIME_LIMITS): Date {
  return dueAtFor(calendar, 'DISPATCH', registeredAt, limits);
}

/** The unit's check / return window: 2 WD after receipt (002 L1541, L1545). */
export function unitCheckDueAt(calendar: WorkingCalendar, receivedAt: Date, limits: TimeLimitTable = DEFAULT_TIME_LIMITS): Date {
  return dueAtFor(calendar, 'UNIT_CHECK', receivedAt, limits);
}

/** Handling clock start: 00:00 of the working day after the last dispatch (002 L1539). */
export function handlingClockStart(calendar: WorkingCalendar, lastDispatchAt: Date): Date {
  return calendar.clockStart(lastDispatchAt);
}

/**
 * Handling deadline: the type's limit (2 WD consultation, 10 WD others, 002 L1535–1536) plus
 * granted extension days, from 00:00 of the WD after the trigger (the last dispatch, 002 L1539,
 * or the receipt of facts that affect handling, 002 L1574). An `assignedDeadline` from the
 * state, province or city overrides the table (002 L1537). Undefined for PRAISE.
 */
export function handlingDueAt(
  calendar: WorkingCalendar,
  type: TicketType,
  trigger: Date,
  options: { readonly assignedDeadline?: Date; readonly extensionWorkingDays?: number; readonly limits?: TimeLimitTable } = {},
): Date | undefined {
  if (options.assignedDeadline) return new Date(options.assignedDeadline.getTime());
  const limit = handlingLimitWd(type, options.limits);
  if (limit === undefined) return undefined;
  return calendar.deadlineWorkingDays(trigger, limit + (options.extensionWorkingDays ?? 0));
}

/** The deadline after an extension of `days` WD: previous deadline + days WD (002 L1570; Q3 chains the second). */
export function extendedDeadline(calendar: WorkingCalendar, previousDeadlineAt: Date, days: number): Date {
  // previousDeadlineAt is 00:00 after the last day; the new last day is `days` WD after that day.
  const lastDay = calendar.localDateOf(new Date(previousDeadlineAt.getTime() - 1));
  return calendar.dueAtEndOfDay(calendar.addWorkingDays(lastDay, days));
}

/** Co-handler notice due: 2 WD after the lead's receipt (002 L1556). */
export function coHandlerNoticeDueAt(calendar: WorkingCalendar, leadReceivedAt: Date, limits: TimeLimitTable = DEFAULT_TIME_LIMITS): Date {
  return dueAtFor(calendar, 'CO_HANDLER_NOTICE', leadReceivedAt, limits);
}

/** Guidance opinion due: 2 WD inter-district, 5 WD duty split, 5 WD law application (002 L1562–1566). */
export function guidanceDueAt(calendar: WorkingCalendar, kind: GuidanceKind, receivedAt: Date, limits: TimeLimitTable = DEFAULT_TIME_LIMITS): Date {
  return dueAtFor(calendar, guidanceLimitId(kind), receivedAt, limits);
}

/** Rating request must be sent within 24 h of the audit pass (002 L1634). */
export function ratingRequestDueAt(calendar: WorkingCalendar, auditPassedAt: Date, limits: TimeLimitTable = DEFAULT_TIME_LIMITS): Date {
  return dueAtFor(calendar, 'RATING_CHANNEL', auditPassedAt, limits);
}

/** Rating window: 5 ND from the caller's receipt of the request; later = NOT_RATED (002 L1636). */
export function ratingWindowDueAt(calendar: WorkingCalendar, noticeReceivedAt: Date, limits: TimeLimitTable = DEFAULT_TIME_LIMITS): Date {
  return dueAtFor(calendar, 'RATING_WINDOW', noticeReceivedAt, limits);
}

/** Duty-fulfilled opinion: 5 WD after the unit receives the second dissatisfied rating (002 L1664). */
export function dutyOpinionDueAt(calendar: WorkingCalendar, receivedAt: Date, limits: TimeLimitTable = DEFAULT_TIME_LIMITS): Date {
  return dueAtFor(calendar, 'DUTY_OPINION', receivedAt, limits);
}

/** Network supplement: 3 ND from the caller's receipt of the notice (002 L1517). */
export function supplementDueAt(calendar: WorkingCalendar, noticeReceivedAt: Date, limits: TimeLimitTable = DEFAULT_TIME_LIMITS): Date {
  return dueAtFor(calendar, 'SUPPLEMENT_NETWORK', noticeReceivedAt, limits);
}

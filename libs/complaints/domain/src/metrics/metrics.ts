/**
 * The §6 metrics, computed from the ticket event history (see ./history). Pure functions: the
 * history, the period, the jurisdiction's calendar and an `asOf` instant go in; numbers come out.
 *
 * Period attribution (each ticket counts at most once per metric, so months partition quarters):
 *  - On-time closure rate (按时办结率, 001 L912; target 98%): tickets with a round-1 handling
 *    deadline (after approved extensions and restarts, 002 L1539, L1570, L1574) whose outcome is
 *    decided in the period. The outcome is decided at the compliant report's `submittedAt` when
 *    it is before the deadline (on time), otherwise at the deadline (late): "the compliant report
 *    or the deadline, whichever comes first". A ticket with no compliant report is late once its
 *    deadline passes (by `asOf`) unless it closed before the deadline (withdrawn, merged, praise
 *    read: excluded). For REPORT this is the on-time verification rate (same formula).
 *  - Satisfaction (平均办结满意率, 002 L225; Q9): tickets closed in the period with a final grade.
 *    Variant A: (VS+S+BS) ÷ rated, NOT_RATED excluded. Variant B: NOT_RATED counted as satisfied.
 *  - Dispatch speed (002 L225: 20% faster): tickets first dispatched in the period; registration →
 *    first dispatch in working hours (see ./working-hours); mean, P90 (nearest rank) and the share
 *    dispatched before `dispatchDueAt` (1 WD, 002 L1527–1531).
 *  - Direct resolution (002 L243, L3747): CONSULTATION tickets registered in the period, withdrawals
 *    excluded; share closed ANSWERED_FROM_KB.
 *  - Overdue (002 L1539), per unit: open overdue at `asOf` (a stock, not partitioned); closed in
 *    the period after being overdue; working days overdue (WDs from the deadline's day to the day
 *    of the compliant report, or `asOf` while open, both counted).
 * Units: a ticket belongs to the last unit it was dispatched to (the lead); never-dispatched
 * tickets (direct answers, guidance) belong to no unit (`null`, shown as the centre).
 * Rates are null when their denominator is 0, otherwise in [0, 1].
 */
import type { WorkingCalendar } from '@one-window/shared/calendar';
import { isDissatisfied, type TicketType } from '../ticket/ticket-types';
import { ticketTimelines, type ComplaintsHistoryEvent, type TicketTimeline } from './history';
import { inPeriod, monthsOf, periodBounds, periodLabel, type MetricsPeriod } from './periods';
import { workingHoursBetween, type WorkingHoursWindow } from './working-hours';

export interface OnTimeClosureMetric {
  /** Tickets whose on-time outcome is decided in the period. */
  readonly decided: number;
  readonly onTime: number;
  readonly late: number;
  /** Of the decided, how many had at least one extension (延期, 002 L1570). */
  readonly extended: number;
  readonly rate: number | null;
}

export interface SatisfactionMetric {
  /** Closed in the period with a final grade (incl. NOT_RATED). */
  readonly graded: number;
  /** With a real grade (NOT_RATED excluded). */
  readonly rated: number;
  readonly satisfied: number;
  readonly notRated: number;
  /** Variant A: NOT_RATED excluded. */
  readonly rate: number | null;
  /** Variant B: NOT_RATED counted as satisfied (Q9). */
  readonly rateNotRatedAsSatisfied: number | null;
}

export interface DispatchSpeedMetric {
  readonly dispatched: number;
  readonly meanWorkingHours: number | null;
  readonly p90WorkingHours: number | null;
  readonly withinOneWd: number;
  readonly oneWdRate: number | null;
}

export interface DirectResolutionMetric {
  /** CONSULTATION registered in the period, withdrawals excluded. */
  readonly consultations: number;
  readonly answeredFromKb: number;
  readonly rate: number | null;
}

export interface OverdueMetric {
  /** Open and past the current deadline at `asOf`. */
  readonly openOverdue: number;
  /** Closed in the period after having been overdue. */
  readonly closedOverdue: number;
  /** Sum and maximum of WD overdue over both groups. */
  readonly overdueWorkingDays: number;
  readonly maxOverdueWorkingDays: number;
}

export interface MetricsSnapshot {
  readonly period: string;
  readonly start: Date;
  readonly end: Date;
  readonly asOf: Date;
  readonly registered: number;
  readonly closed: number;
  readonly withdrawn: number;
  readonly onTimeClosure: OnTimeClosureMetric;
  readonly satisfaction: SatisfactionMetric;
  readonly dispatchSpeed: DispatchSpeedMetric;
  readonly directResolution: DirectResolutionMetric;
  readonly overdue: OverdueMetric;
  /** Process quality (§6): extension, return and re-handling counts of tickets closed in the period. */
  readonly processQuality: { readonly closedExtended: number; readonly returnRequests: number; readonly approvedReturns: number; readonly rehandled: number };
}

export interface MetricsOptions {
  /** The instant the history is read at (default: the last event of the history). Events after it are ignored. */
  readonly asOf?: Date;
  /** Working-hours window for dispatch speed (default: the whole working day). */
  readonly workingHours?: WorkingHoursWindow;
  /** Only these tickets (e.g. one unit, one type). */
  readonly filter?: (t: TicketTimeline) => boolean;
}

const rate = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** When the on-time outcome is decided, and whether on time; undefined if not (yet) decided at `asOf`. */
export function onTimeDecision(t: TicketTimeline, asOf: Date): { at: Date; onTime: boolean } | undefined {
  if (!t.deadlineAt) return undefined;
  const deadline = t.deadlineAt.getTime();
  if (t.compliantSubmittedAt) {
    const onTime = t.onTime ?? t.compliantSubmittedAt.getTime() < deadline;
    return onTime ? { at: t.compliantSubmittedAt, onTime } : { at: t.deadlineAt, onTime };
  }
  if (t.closedAt && t.closedAt.getTime() < deadline) return undefined;
  if (deadline <= asOf.getTime()) return { at: t.deadlineAt, onTime: false };
  return undefined;
}

/** Working days overdue: WDs from the deadline's day to the day of `end`, both counted (0 if not late). */
export function workingDaysOverdue(calendar: WorkingCalendar, deadlineAt: Date, end: Date): number {
  if (end.getTime() < deadlineAt.getTime()) return 0;
  return calendar.workingDaysInRange(calendar.localDateOf(deadlineAt), calendar.localDateOf(end).plusDays(1));
}

/** Nearest-rank percentile (p in (0, 100]) of a non-empty list. */
export function metricsPercentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

function lastInstant(history: readonly ComplaintsHistoryEvent[]): Date {
  let max = 0;
  for (const e of history) {
    const t = new Date(e.occurredAt).getTime();
    if (t > max) max = t;
  }
  return new Date(max);
}

/** The timelines a metrics call reads: folded at `asOf`, filtered. */
function timelinesFor(history: readonly ComplaintsHistoryEvent[], options: MetricsOptions): { timelines: TicketTimeline[]; asOf: Date } {
  const asOf = options.asOf ?? lastInstant(history);
  const all = ticketTimelines(history, asOf);
  return { timelines: options.filter ? all.filter(options.filter) : all, asOf };
}

export function onTimeClosureOf(timelines: readonly TicketTimeline[], bounds: { start: Date; end: Date }, asOf: Date): OnTimeClosureMetric {
  let decided = 0;
  let onTime = 0;
  let extended = 0;
  for (const t of timelines) {
    const d = onTimeDecision(t, asOf);
    if (!d || !inPeriod(d.at, bounds)) continue;
    decided++;
    if (d.onTime) onTime++;
    if (t.extensions > 0) extended++;
  }
  return { decided, onTime, late: decided - onTime, extended, rate: rate(onTime, decided) };
}

export function satisfactionOf(timelines: readonly TicketTimeline[], bounds: { start: Date; end: Date }): SatisfactionMetric {
  let graded = 0;
  let satisfied = 0;
  let notRated = 0;
  for (const t of timelines) {
    if (!t.closedAt || !t.finalGrade || !inPeriod(t.closedAt, bounds)) continue;
    graded++;
    if (t.finalGrade === 'NOT_RATED') notRated++;
    else if (!isDissatisfied(t.finalGrade)) satisfied++;
  }
  const rated = graded - notRated;
  return { graded, rated, satisfied, notRated, rate: rate(satisfied, rated), rateNotRatedAsSatisfied: rate(satisfied + notRated, graded) };
}

export function dispatchSpeedOf(
  timelines: readonly TicketTimeline[],
  bounds: { start: Date; end: Date },
  calendar: WorkingCalendar,
  window?: WorkingHoursWindow,
): DispatchSpeedMetric {
  const hours: number[] = [];
  let within = 0;
  for (const t of timelines) {
    const first = t.dispatches[0];
    if (!first || !t.registeredAt || !inPeriod(first.at, bounds)) continue;
    hours.push(workingHoursBetween(calendar, t.registeredAt, first.at, window));
    const due = t.dispatchDueAt ?? calendar.deadlineWorkingDays(t.registeredAt, 1);
    if (first.at.getTime() < due.getTime()) within++;
  }
  const mean = hours.length === 0 ? null : hours.reduce((a, b) => a + b, 0) / hours.length;
  return { dispatched: hours.length, meanWorkingHours: mean, p90WorkingHours: metricsPercentile(hours, 90), withinOneWd: within, oneWdRate: rate(within, hours.length) };
}

/** Improvement of the mean dispatch time against a baseline period: 0.2 = 20% faster (target, 002 L225). */
export function dispatchSpeedImprovement(current: DispatchSpeedMetric, baseline: DispatchSpeedMetric): number | null {
  if (current.meanWorkingHours === null || baseline.meanWorkingHours === null || baseline.meanWorkingHours === 0) return null;
  return (baseline.meanWorkingHours - current.meanWorkingHours) / baseline.meanWorkingHours;
}

export function directResolutionOf(timelines: readonly TicketTimeline[], bounds: { start: Date; end: Date }): DirectResolutionMetric {
  let consultations = 0;
  let answered = 0;
  for (const t of timelines) {
    if (t.ticketType !== 'CONSULTATION' || !t.registeredAt || t.withdrawn || !inPeriod(t.registeredAt, bounds)) continue;
    consultations++;
    if (t.answeredDirectly) answered++;
  }
  return { consultations, answeredFromKb: answered, rate: rate(answered, consultations) };
}

const HANDLING_STATES = ['DISPATCHED', 'RETURN_REQUESTED', 'IN_PROGRESS', 'REHANDLING'];

/** Open at `asOf` with the current handling deadline passed and no compliant report for that clock (002 L1539). */
export function isOpenOverdue(t: TicketTimeline, asOf: Date): boolean {
  return (
    t.closedAt === null &&
    t.state !== null &&
    HANDLING_STATES.includes(t.state) &&
    !t.currentClockReported &&
    t.currentDeadlineAt !== null &&
    t.currentDeadlineAt.getTime() <= asOf.getTime()
  );
}

export function overdueOf(timelines: readonly TicketTimeline[], bounds: { start: Date; end: Date }, asOf: Date, calendar: WorkingCalendar): OverdueMetric {
  let open = 0;
  let closed = 0;
  let days = 0;
  let max = 0;
  const add = (n: number) => {
    days += n;
    max = Math.max(max, n);
  };
  for (const t of timelines) {
    if (isOpenOverdue(t, asOf)) {
      open++;
      add(workingDaysOverdue(calendar, t.currentDeadlineAt as Date, asOf));
      continue;
    }
    if (!t.closedAt || !inPeriod(t.closedAt, bounds)) continue;
    const late = onTimeDecision(t, asOf)?.onTime === false;
    if (!late && t.overdueMarkedAt === null) continue;
    closed++;
    if (t.deadlineAt) add(workingDaysOverdue(calendar, t.deadlineAt, t.compliantSubmittedAt ?? t.closedAt));
  }
  return { openOverdue: open, closedOverdue: closed, overdueWorkingDays: days, maxOverdueWorkingDays: max };
}

/** Every §6 metric for one period over the given timelines. */
export function metricsFromTimelines(
  timelines: readonly TicketTimeline[],
  period: MetricsPeriod,
  calendar: WorkingCalendar,
  asOf: Date,
  window?: WorkingHoursWindow,
): MetricsSnapshot {
  const bounds = periodBounds(period, calendar);
  const closedIn = timelines.filter((t) => t.closedAt && inPeriod(t.closedAt, bounds));
  return {
    period: periodLabel(period),
    start: bounds.start,
    end: bounds.end,
    asOf,
    registered: timelines.filter((t) => t.registeredAt && inPeriod(t.registeredAt, bounds)).length,
    closed: closedIn.length,
    withdrawn: closedIn.filter((t) => t.withdrawn).length,
    onTimeClosure: onTimeClosureOf(timelines, bounds, asOf),
    satisfaction: satisfactionOf(timelines, bounds),
    dispatchSpeed: dispatchSpeedOf(timelines, bounds, calendar, window),
    directResolution: directResolutionOf(timelines, bounds),
    overdue: overdueOf(timelines, bounds, asOf, calendar),
    processQuality: {
      closedExtended: closedIn.filter((t) => t.extensions > 0).length,
      returnRequests: closedIn.reduce((n, t) => n + t.returnRequests, 0),
      approvedReturns: closedIn.reduce((n, t) => n + t.approvedReturns, 0),
      rehandled: closedIn.filter((t) => t.rehandled).length,
    },
  };
}

/** Every §6 metric for one period, from the event history. */
export function complaintsMetrics(history: readonly ComplaintsHistoryEvent[], period: MetricsPeriod, calendar: WorkingCalendar, options: MetricsOptions = {}): MetricsSnapshot {
  const { timelines, asOf } = timelinesFor(history, options);
  return metricsFromTimelines(timelines, period, calendar, asOf, options.workingHours);
}

/** The key of a ticket's unit in reports: its lead unit, or '(centre)' when never dispatched. */
export const CENTRE_UNIT_KEY = '(centre)';

export interface QuarterlyReport {
  readonly period: string;
  readonly asOf: Date;
  readonly totals: MetricsSnapshot;
  /** The quarter's months, for trends (their counts add up to the quarter's). */
  readonly months: readonly MetricsSnapshot[];
  readonly byUnit: Readonly<Record<string, MetricsSnapshot>>;
  readonly byType: Readonly<Partial<Record<TicketType, MetricsSnapshot>>>;
  readonly byUnitAndType: readonly (MetricsSnapshot & { readonly unitId: string; readonly ticketType: TicketType })[];
}

/**
 * The quarterly report to the provincial data administration (002 L247; Foshan via the city
 * service centre, 002 L2019): every §6 metric for the quarter, its months, per unit, per type and
 * per unit × type. Review findings and issues sent back to units are attached by the app.
 */
export function quarterlyReport(history: readonly ComplaintsHistoryEvent[], quarter: MetricsPeriod, calendar: WorkingCalendar, options: MetricsOptions = {}): QuarterlyReport {
  const { timelines, asOf } = timelinesFor(history, options);
  const snapshot = (ts: readonly TicketTimeline[], p: MetricsPeriod = quarter) => metricsFromTimelines(ts, p, calendar, asOf, options.workingHours);
  const unitKey = (t: TicketTimeline) => t.unitId ?? CENTRE_UNIT_KEY;
  const units = [...new Set(timelines.map(unitKey))].sort();
  const types = [...new Set(timelines.map((t) => t.ticketType).filter((x): x is TicketType => x !== null))].sort();
  const byUnit: Record<string, MetricsSnapshot> = {};
  for (const u of units) byUnit[u] = snapshot(timelines.filter((t) => unitKey(t) === u));
  const byType: Partial<Record<TicketType, MetricsSnapshot>> = {};
  for (const ty of types) byType[ty] = snapshot(timelines.filter((t) => t.ticketType === ty));
  const byUnitAndType: (MetricsSnapshot & { unitId: string; ticketType: TicketType })[] = [];
  for (const u of units) {
    for (const ty of types) {
      const ts = timelines.filter((t) => unitKey(t) === u && t.ticketType === ty);
      if (ts.length > 0) byUnitAndType.push({ ...snapshot(ts), unitId: u, ticketType: ty });
    }
  }
  return {
    period: periodLabel(quarter),
    asOf,
    totals: snapshot(timelines),
    months: monthsOf(quarter).map((m) => snapshot(timelines, m)),
    byUnit,
    byType,
    byUnitAndType,
  };
}

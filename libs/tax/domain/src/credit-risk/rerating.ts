/**
 * New-taxpayer re-rating (新设立纳税人信用复评), tax.md §8 R8.7 (002 L295). Eligible: in credit
 * management less than one evaluation year but at least 12 months. Apply in March or September
 * (the 2023 windows; configured per year); tax decides in April or October on the last 12 months'
 * credit data; the result is open to self-query. Outside a window → 422.
 */
import { LocalDate, type WorkingCalendar } from '@one-window/shared/calendar';
import type { TaxActor } from '../shared/actors';
import { TaxInvalidArgumentError } from '../shared/errors';
import { create, transition } from '../shared/state-machine';
import type { CreditGrade } from './credit-risk';
import { copyDate, taxEvent, type TaxOutcome } from './domain-event';
import { ReratingNotEligibleError, ReratingOutsideDecisionMonthError, ReratingOutsideWindowError } from './errors';
import { RERATING_MACHINE, type ReratingStatus, type ReratingTrigger } from './rerating-machine';

/** One application window: apply in `applicationMonth`, decided in `decisionMonth` (1–12, same year). */
export interface ReratingWindow {
  readonly applicationMonth: number;
  readonly decisionMonth: number;
}

/** Windows per year [cfg]; `default` for years not configured. */
export interface ReratingWindows {
  readonly default: readonly ReratingWindow[];
  readonly byYear: Readonly<Record<number, readonly ReratingWindow[]>>;
}

export const DEFAULT_RERATING_WINDOWS: ReratingWindows = {
  default: [
    { applicationMonth: 3, decisionMonth: 4 },
    { applicationMonth: 9, decisionMonth: 10 },
  ],
  byYear: {},
};

/** At least this many full months in credit management (R8.7). */
export const RERATING_MIN_MONTHS = 12;

export function windowsForYear(windows: ReratingWindows, year: number): readonly ReratingWindow[] {
  return windows.byYear[year] ?? windows.default;
}

/**
 * Full calendar months from `from` to `to` (ISO dates): a month counts once the same day-of-month
 * is reached (2025-03-15 → 2026-03-14 is 11, → 2026-03-15 is 12). A start on a day the end month
 * lacks (the 31st) counts on that month's last day.
 */
export function fullMonthsBetween(from: string, to: string): number {
  const a = LocalDate.parse(from);
  const b = LocalDate.parse(to);
  if (b.isBefore(a)) return -fullMonthsBetween(to, from);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  const lastDayOfB = LocalDate.of(b.year, b.month, 1).plusDays(40);
  const daysInB = LocalDate.of(lastDayOfB.year, lastDayOfB.month, 1).plusDays(-1).day;
  if (b.day < Math.min(a.day, daysInB)) months -= 1;
  return months;
}

export type ReratingIneligibility = 'LESS_THAN_12_MONTHS' | 'FULL_EVALUATION_YEAR_COMPLETED';

export interface ReratingEligibility {
  readonly eligible: boolean;
  readonly monthsInManagement: number;
  /** The first evaluation year (calendar year, Jan 1–Dec 31) fully inside credit management, if it has ended by `on`. */
  readonly completedEvaluationYear?: number;
  readonly reasons: readonly ReratingIneligibility[];
}

/**
 * R8.7 eligibility on `on` for a taxpayer in credit management since `enteredOn` (ISO dates):
 * at least 12 full months, and no evaluation year (the calendar year, 纳税信用评价年度) completed
 * entirely inside credit management — such a taxpayer has an annual rating instead [ext].
 */
export function reratingEligibility(enteredOn: string, on: string): ReratingEligibility {
  const entered = LocalDate.parse(enteredOn);
  const today = LocalDate.parse(on);
  const monthsInManagement = fullMonthsBetween(enteredOn, on);
  const firstFullYear = entered.month === 1 && entered.day === 1 ? entered.year : entered.year + 1;
  const completed = today.year > firstFullYear; // Dec 31 of firstFullYear is before `on`
  const reasons: ReratingIneligibility[] = [];
  if (monthsInManagement < RERATING_MIN_MONTHS) reasons.push('LESS_THAN_12_MONTHS');
  if (completed) reasons.push('FULL_EVALUATION_YEAR_COMPLETED');
  return { eligible: reasons.length === 0, monthsInManagement, ...(completed ? { completedEvaluationYear: firstFullYear } : {}), reasons };
}

export interface ReratingHistoryEntry {
  readonly at: Date;
  readonly trigger: ReratingTrigger;
  readonly from: ReratingStatus | null;
  readonly to: ReratingStatus;
  readonly actor: TaxActor;
  readonly by?: string;
}

export interface ReratingState {
  readonly applicationId: string;
  readonly taxpayerId: string;
  readonly status: ReratingStatus;
  readonly appliedAt: Date;
  readonly year: number;
  readonly window: ReratingWindow;
  readonly monthsInManagement: number;
  /** The last 12 months before the decision month: ISO dates, inclusive. */
  readonly basisFrom: string;
  readonly basisTo: string;
  readonly grade?: CreditGrade;
  readonly ratedAt?: Date;
  readonly publishedAt?: Date;
  readonly history: readonly ReratingHistoryEntry[];
}

export interface CreditReratedData {
  readonly taxpayerId: string;
  readonly applicationId: string;
  readonly grade: CreditGrade;
  readonly year: number;
  readonly kind: 're-rating';
  readonly basisFrom: string;
  readonly basisTo: string;
}

export class CreditRerating {
  private constructor(readonly state: ReratingState) {}

  static restore(state: ReratingState): CreditRerating {
    return new CreditRerating(state);
  }

  /**
   * — → APPLIED (the taxpayer). Refused outside the year's windows (tax.credit.rerating_outside_window)
   * and when not eligible (tax.credit.rerating_not_eligible). Dates are Asia/Shanghai local dates.
   */
  static apply(cmd: {
    applicationId: string;
    taxpayerId: string;
    /** ISO date the taxpayer entered credit management (first tax matter). */
    enteredCreditManagementOn: string;
    at: Date;
    calendar: WorkingCalendar;
    windows?: ReratingWindows;
  }): TaxOutcome<CreditRerating> {
    const status = create(RERATING_MACHINE, 'apply', 'applicant');
    const today = cmd.calendar.localDateOf(cmd.at);
    const windows = windowsForYear(cmd.windows ?? DEFAULT_RERATING_WINDOWS, today.year);
    const window = windows.find((w) => w.applicationMonth === today.month);
    if (!window) throw new ReratingOutsideWindowError({ appliedOn: today.toString(), windowMonths: windows.map((w) => w.applicationMonth) });
    if (window.decisionMonth < 1 || window.decisionMonth > 12) throw new TaxInvalidArgumentError('decisionMonth must be 1–12', { window: { ...window } });
    const eligibility = reratingEligibility(cmd.enteredCreditManagementOn, today.toString());
    if (!eligibility.eligible) throw new ReratingNotEligibleError(eligibility);
    const decisionStart = LocalDate.of(today.year, window.decisionMonth, 1);
    const basisFrom = LocalDate.of(today.year - 1, window.decisionMonth, 1);
    return {
      aggregate: new CreditRerating({
        applicationId: cmd.applicationId,
        taxpayerId: cmd.taxpayerId,
        status,
        appliedAt: copyDate(cmd.at),
        year: today.year,
        window: { ...window },
        monthsInManagement: eligibility.monthsInManagement,
        basisFrom: basisFrom.toString(),
        basisTo: decisionStart.plusDays(-1).toString(),
        history: [{ at: copyDate(cmd.at), trigger: 'apply', from: null, to: status, actor: 'applicant', by: cmd.taxpayerId }],
      }),
      events: [],
    };
  }

  /** APPLIED → RATED (officer or system), only in the window's decision month. */
  rate(cmd: { at: Date; calendar: WorkingCalendar; grade: CreditGrade; actor: 'officer_service' | 'system'; officerId?: string }): TaxOutcome<CreditRerating> {
    const day = cmd.calendar.localDateOf(cmd.at);
    const { year, window } = this.state;
    if (day.year !== year || day.month !== window.decisionMonth) {
      throw new ReratingOutsideDecisionMonthError({ decisionMonth: `${year}-${String(window.decisionMonth).padStart(2, '0')}`, ratedOn: day.toString() });
    }
    const next = this.step('rate', cmd.actor, cmd.at, cmd.officerId, { grade: cmd.grade, ratedAt: copyDate(cmd.at) });
    return { aggregate: next, events: [] };
  }

  /** RATED → PUBLISHED (system): open to self-query; tax.credit.re_rated. */
  publish(cmd: { at: Date }): TaxOutcome<CreditRerating> {
    const next = this.step('publish', 'system', cmd.at, undefined, { publishedAt: copyDate(cmd.at) });
    const s = next.state;
    const data: CreditReratedData = {
      taxpayerId: s.taxpayerId,
      applicationId: s.applicationId,
      grade: s.grade as CreditGrade,
      year: s.year,
      kind: 're-rating',
      basisFrom: s.basisFrom,
      basisTo: s.basisTo,
    };
    return { aggregate: next, events: [taxEvent('tax.credit.re_rated', s.taxpayerId, cmd.at, data)] };
  }

  private step(trigger: ReratingTrigger, actor: TaxActor, at: Date, by: string | undefined, changes: Partial<ReratingState>): CreditRerating {
    const to = transition(RERATING_MACHINE, this.state.status, trigger, actor);
    const entry: ReratingHistoryEntry = { at: copyDate(at), trigger, from: this.state.status, to, actor, ...(by !== undefined ? { by } : {}) };
    return new CreditRerating({ ...this.state, ...changes, status: to, history: [...this.state.history, entry] });
  }
}

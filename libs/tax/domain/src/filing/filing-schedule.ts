import { LocalDate, type WorkingCalendar } from '@one-window/shared/calendar';
import { TaxInvalidArgumentError } from '../shared/errors';
import { lastOfMonth, type TaxPeriod } from './tax-period';

/**
 * When a return for a period is due (R6.5: due dates per tax type and period come from a
 * configuration table; the seeds give none). One row per filing stream.
 */
export interface DueDateRule {
  /** Due on this day of the month after the period ends (1–28). */
  readonly dayOfFollowingMonth: number;
  /** A due day that is not a working day moves to the next working day on the shared calendar. */
  readonly rollToWorkingDay: boolean;
  /** Where the default comes from. */
  readonly basis: string;
}

export interface FilingScheduleConfig {
  /** Months per period of the combined return and of the 11 taxes filed alone. */
  readonly combinedPeriod: TaxPeriod['kind'];
  readonly vat: DueDateRule;
  readonly combined: DueDateRule;
  readonly single: DueDateRule;
}

const FIFTEENTH: DueDateRule = {
  dayOfFollowingMonth: 15,
  rollToWorkingDay: true,
  basis:
    '[ext] 15 days after the period ends (增值税暂行条例 art. 23; 企业所得税法 art. 54), moved to the next ' +
    'working day when the 15th is not one (税收征管法实施细则 art. 109). [ext, not modelled] the national ' +
    "rule also extends the month's filing window by the days of a holiday of 3+ days inside it (e.g. " +
    'National Day); the tax bureau publishes each month\'s date (申报纳税期限), and that published table ' +
    'should replace this computation when loaded [cfg].',
};

/** The default table [ext/cfg]. Combined return quarterly [cfg]: CIT prepayment and most property-and-behaviour taxes are quarterly. */
export const DEFAULT_FILING_SCHEDULE: FilingScheduleConfig = {
  combinedPeriod: 'QUARTER',
  vat: FIFTEENTH,
  combined: FIFTEENTH,
  single: FIFTEENTH,
};

/** The last day to file (and pay) for a period under `rule`. */
export function dueDateFor(period: Pick<TaxPeriod, 'end'>, rule: DueDateRule, calendar: WorkingCalendar): LocalDate {
  if (!Number.isInteger(rule.dayOfFollowingMonth) || rule.dayOfFollowingMonth < 1 || rule.dayOfFollowingMonth > 28) {
    throw new TaxInvalidArgumentError(`dayOfFollowingMonth must be 1–28, got ${rule.dayOfFollowingMonth}`);
  }
  const end = LocalDate.parse(period.end);
  const nextMonthFirst = lastOfMonth(end.year, end.month).plusDays(1);
  const day = LocalDate.of(nextMonthFirst.year, nextMonthFirst.month, rule.dayOfFollowingMonth);
  return rule.rollToWorkingDay && !calendar.isWorkingDay(day) ? calendar.nextWorkingDay(day) : day;
}

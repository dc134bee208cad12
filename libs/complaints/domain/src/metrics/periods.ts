/**
 * Reporting periods (统计周期) for the §6 metrics: days, months and quarters of the
 * jurisdiction's local calendar (Asia/Shanghai), as half-open instant ranges [start, end).
 */
import { LocalDate, type WorkingCalendar } from '@one-window/shared/calendar';
import { InvalidArgumentError } from '../shared/errors';

export type MetricsPeriodKind = 'DAY' | 'MONTH' | 'QUARTER';

export interface MetricsPeriod {
  readonly kind: MetricsPeriodKind;
  readonly year: number;
  /** MONTH: 1–12; QUARTER: 1–4; DAY: day of year is not used, see `day`. */
  readonly index: number;
  /** DAY only: the local date. */
  readonly day?: string;
}

export function monthPeriod(year: number, month: number): MetricsPeriod {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new InvalidArgumentError('month must be 1–12', { month });
  return { kind: 'MONTH', year, index: month };
}

export function quarterPeriod(year: number, quarter: number): MetricsPeriod {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new InvalidArgumentError('quarter must be 1–4', { quarter });
  return { kind: 'QUARTER', year, index: quarter };
}

export function dayPeriod(date: LocalDate | string): MetricsPeriod {
  const d = LocalDate.from(date);
  return { kind: 'DAY', year: d.year, index: d.month, day: d.toString() };
}

/** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY-Qn'. */
export function periodLabel(p: MetricsPeriod): string {
  if (p.kind === 'DAY') return p.day as string;
  if (p.kind === 'MONTH') return `${p.year}-${String(p.index).padStart(2, '0')}`;
  return `${p.year}-Q${p.index}`;
}

/** The local first day and the local first day after the period. */
export function periodDates(p: MetricsPeriod): { first: LocalDate; after: LocalDate } {
  if (p.kind === 'DAY') {
    const first = LocalDate.parse(p.day as string);
    return { first, after: first.plusDays(1) };
  }
  const firstMonth = p.kind === 'MONTH' ? p.index : (p.index - 1) * 3 + 1;
  const months = p.kind === 'MONTH' ? 1 : 3;
  const first = LocalDate.of(p.year, firstMonth, 1);
  const next = firstMonth - 1 + months;
  return { first, after: LocalDate.of(p.year + Math.floor(next / 12), (next % 12) + 1, 1) };
}

/** [start, end) of the period in the calendar's time zone. */
export function periodBounds(p: MetricsPeriod, calendar: WorkingCalendar): { start: Date; end: Date } {
  const { first, after } = periodDates(p);
  return { start: calendar.startOfDay(first), end: calendar.startOfDay(after) };
}

export function inPeriod(instant: Date, bounds: { start: Date; end: Date }): boolean {
  return instant.getTime() >= bounds.start.getTime() && instant.getTime() < bounds.end.getTime();
}

/** The months of a quarter (or the month itself). */
export function monthsOf(p: MetricsPeriod): MetricsPeriod[] {
  if (p.kind === 'MONTH') return [p];
  if (p.kind === 'QUARTER') return [0, 1, 2].map((i) => monthPeriod(p.year, (p.index - 1) * 3 + 1 + i));
  throw new InvalidArgumentError('A day has no months');
}

/** The period of `kind` containing `instant` (local time). */
export function periodContaining(instant: Date, kind: MetricsPeriodKind, calendar: WorkingCalendar): MetricsPeriod {
  const d = calendar.localDateOf(instant);
  if (kind === 'DAY') return dayPeriod(d);
  if (kind === 'MONTH') return monthPeriod(d.year, d.month);
  return quarterPeriod(d.year, Math.floor((d.month - 1) / 3) + 1);
}

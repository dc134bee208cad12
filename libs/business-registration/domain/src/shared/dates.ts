import { LocalDate, type LocalDateLike, type WorkingCalendar } from '@one-window/shared/calendar';

/**
 * Adds whole months to a date; a day the target month lacks becomes its last day
 * (2026-12-31 + 2 months = 2027-02-28). This is the "corresponding day" (对应日) rule of
 * 民法典 art. 202 [NR].
 */
export function plusMonths(date: LocalDateLike, months: number): LocalDate {
  const d = LocalDate.from(date);
  const index = d.year * 12 + (d.month - 1) + months;
  const firstOf = (i: number) => LocalDate.of(Math.floor(i / 12), (i % 12) + 1, 1);
  const first = firstOf(index);
  const daysInMonth = first.daysUntil(firstOf(index + 1));
  return first.plusDays(Math.min(d.day, daysInMonth) - 1);
}

export function plusYears(date: LocalDateLike, years: number): LocalDate {
  return plusMonths(date, years * 12);
}

/**
 * The instant a period of natural months started at `at` ends (exclusive): the period counts
 * from the next day (民法典 art. 201) and its last day is the corresponding day of the start
 * date in the final month (art. 202) [NR]. Reserved 2026-03-15 10:00 for 2 months: valid to the
 * end of 2026-05-15, i.e. expired from 2026-05-16T00:00+08:00.
 */
export function monthsPeriodEnd(calendar: WorkingCalendar, at: Date, months: number): Date {
  return calendar.dueAtEndOfDay(plusMonths(calendar.localDateOf(at), months));
}

/** 'YYYY-MM-DD' of an instant in the calendar's zone. */
export function localDateString(calendar: WorkingCalendar, at: Date): string {
  return calendar.localDateOf(at).toString();
}

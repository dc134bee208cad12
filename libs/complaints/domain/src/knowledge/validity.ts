/**
 * Validity caps of knowledge points (知识点有效期), spec §4, 002 L1678:
 * 政策法规 ≤ 5 years, 办事指南 ≤ 1 year, 具体事项答复口径 ≤ 6 months, 业务解读等其他 ≤ 1 year.
 *
 * `validFrom` and `validUntil` are instants; `validUntil` is exclusive (the point is usable at
 * `validFrom ≤ t < validUntil`, the same test the ticket applies to a direct answer, 002 L1527).
 * The cap is on `validUntil − validFrom` (spec §4), measured in calendar months:
 *
 *   latest allowed validUntil = validFrom + N months, same local wall-clock time (Asia/Shanghai),
 *   and when that day does not exist in the target month, the LAST day of that month
 *   (end-of-month clamp, like java.time plusMonths).
 *
 * So 2026-01-01T00:00 + 5 years = 2031-01-01T00:00 (allowed, exactly 5 years; one day or even
 * 1 ms more is refused); 2028-02-29 + 5 years = 2033-02-28; 2026-08-31 + 6 months = 2027-02-28;
 * 2027-08-31 + 6 months = 2028-02-29. The clamp is the stricter of the two readings of a missing
 * day ("不超过" = must not exceed), which is why it was chosen over rolling into the next month.
 */
import { LocalDate, type WorkingCalendar } from '@one-window/shared/calendar';
import { InvalidArgumentError } from '../shared/errors';

/** Knowledge point kinds (知识点类别), 002 L1678. */
export const KNOWLEDGE_POINT_KINDS = ['POLICY_LAW', 'SERVICE_GUIDE', 'ANSWER_SCRIPT', 'INTERPRETATION_OTHER'] as const;
export type KnowledgePointKind = (typeof KNOWLEDGE_POINT_KINDS)[number];

export interface KnowledgeValidityCap {
  readonly months: number;
  readonly label: string;
  readonly source: string;
}

/** The caps in calendar months (002 L1678); configurable per jurisdiction by passing another table. */
export const KNOWLEDGE_VALIDITY_CAPS: Readonly<Record<KnowledgePointKind, KnowledgeValidityCap>> = {
  // 政策法规 ≤ 5 years (002 L1678)
  POLICY_LAW: { months: 60, label: '5 years', source: '002 L1678' },
  // 办事指南 ≤ 1 year (002 L1678)
  SERVICE_GUIDE: { months: 12, label: '1 year', source: '002 L1678' },
  // 具体事项答复口径 ≤ 6 months (002 L1678)
  ANSWER_SCRIPT: { months: 6, label: '6 months', source: '002 L1678' },
  // 业务解读等其他知识点 ≤ 1 year (002 L1678)
  INTERPRETATION_OTHER: { months: 12, label: '1 year', source: '002 L1678' },
};

const MS_PER_DAY = 86_400_000;

/** The local date `months` calendar months after `date`, clamped to the last day of the target month. */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isSafeInteger(months)) throw new InvalidArgumentError('months must be an integer', { months });
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = LocalDate.of(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1).plusDays(-1).day;
  return LocalDate.of(year, month, Math.min(date.day, lastDay));
}

/** `instant` + `months` calendar months at the same local wall-clock time (end-of-month clamp). */
export function addMonthsAt(calendar: WorkingCalendar, instant: Date, months: number): Date {
  const day = calendar.localDateOf(instant);
  const intoDay = instant.getTime() - calendar.startOfDay(day).getTime();
  const target = addCalendarMonths(day, months);
  return new Date(calendar.startOfDay(target).getTime() + Math.min(intoDay, MS_PER_DAY - 1));
}

/** The latest `validUntil` the cap of `kind` allows for a point valid from `validFrom` (002 L1678). */
export function maxValidUntil(
  calendar: WorkingCalendar,
  kind: KnowledgePointKind,
  validFrom: Date,
  caps: Readonly<Record<KnowledgePointKind, KnowledgeValidityCap>> = KNOWLEDGE_VALIDITY_CAPS,
): Date {
  return addMonthsAt(calendar, validFrom, caps[kind].months);
}

export type ValidityProblem = 'until_not_after_from' | 'exceeds_cap';

/** What is wrong with a validity period for `kind`, or undefined when it is within the cap. */
export function validityProblem(
  calendar: WorkingCalendar,
  kind: KnowledgePointKind,
  validFrom: Date,
  validUntil: Date,
  caps: Readonly<Record<KnowledgePointKind, KnowledgeValidityCap>> = KNOWLEDGE_VALIDITY_CAPS,
): ValidityProblem | undefined {
  if (validUntil.getTime() <= validFrom.getTime()) return 'until_not_after_from';
  if (validUntil.getTime() > maxValidUntil(calendar, kind, validFrom, caps).getTime()) return 'exceeds_cap';
  return undefined;
}

/** A whole-day validity end: the exclusive instant after the local date `lastDay` (00:00 of the next day). */
export function validUntilEndOf(calendar: WorkingCalendar, lastDay: LocalDate | string): Date {
  return calendar.dueAtEndOfDay(lastDay);
}

/** Expiry reminders (design, spec §4): 30 ND and 7 ND before `validUntil`. */
export const KNOWLEDGE_EXPIRY_REMINDER_DAYS = [30, 7] as const;

export interface KnowledgeExpiryReminder {
  readonly daysBefore: number;
  readonly at: Date;
}

/**
 * The instants of the expiry reminders: `validUntil` minus 30 and 7 natural days, same local
 * wall-clock time (spec §4 design). Reminders at or before `notBefore` (e.g. the publication
 * instant, for a short-lived point) are left out.
 */
export function knowledgeExpiryReminders(
  calendar: WorkingCalendar,
  validUntil: Date,
  notBefore?: Date,
  days: readonly number[] = KNOWLEDGE_EXPIRY_REMINDER_DAYS,
): KnowledgeExpiryReminder[] {
  return days
    .map((daysBefore) => ({ daysBefore, at: calendar.addNaturalDays(validUntil, -daysBefore) }))
    .filter((r) => notBefore === undefined || r.at.getTime() > notBefore.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

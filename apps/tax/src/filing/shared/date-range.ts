import { LocalDate } from '@one-window/shared/calendar';
import { validationProblem, type Violation } from '@one-window/shared/http';

/** Checks `from` / `to` are real local dates and in order; a 400 naming each bad field otherwise. */
export function checkDateRange(range: { from?: string; to?: string }): void {
  const violations: Violation[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = range[field];
    if (value !== undefined && !LocalDate.isValidIso(value)) violations.push({ field, reason: 'must be a date YYYY-MM-DD' });
  }
  if (violations.length === 0 && range.from && range.to && range.from > range.to) violations.push({ field: 'to', reason: 'must not be before from' });
  if (violations.length > 0) throw validationProblem(violations);
}

import { LocalDate } from '@one-window/shared/calendar';
import { plusYears } from '../shared/dates';
import { RegistrationError } from '../shared/errors';

/**
 * 歇业 (spec §8 "Dormancy", §10.4 ACTIVE ⇄ DORMANT): an entity in hardship caused by a natural disaster,
 * an accident, a public-health or a public-security event [NR] may suspend business for at most 3 years
 * [NR, cfg]; it resumes when it says so, or by itself when the period ends.
 */
export const DORMANCY_REASONS = ['NATURAL_DISASTER', 'ACCIDENT', 'PUBLIC_HEALTH_EVENT', 'PUBLIC_SECURITY_EVENT'] as const;
export type DormancyReason = (typeof DORMANCY_REASONS)[number];

/** [NR, cfg] The longest dormancy. */
export const MAX_DORMANCY_YEARS = 3;

export class DormancyPeriodError extends RegistrationError {
  readonly code = 'registration.dormancy.period_not_allowed';

  constructor(startOn: string, endsOn: string, latestEndOn: string) {
    super(`A dormancy from ${startOn} may end on ${latestEndOn} at the latest, not ${endsOn}`, { startOn, endsOn, latestEndOn });
  }
}

/**
 * The period of a dormancy starting on `startOn` (local dates): it ends on `endsOn` (the last dormant
 * day), by default and at the latest the day MAX_DORMANCY_YEARS later (the period counts from the next
 * day and ends on the corresponding day, 民法典 art. 201–202); not before it starts. The entity resumes
 * on the day after `endsOn`.
 */
export function dormancyPeriod(startOn: string, endsOn?: string, maxYears: number = MAX_DORMANCY_YEARS): { startOn: string; endsOn: string; resumesOn: string } {
  const latest = plusYears(startOn, maxYears).toString();
  const end = endsOn ?? latest;
  if (end > latest || end < startOn) throw new DormancyPeriodError(startOn, end, latest);
  return { startOn, endsOn: end, resumesOn: LocalDate.parse(end).plusDays(1).toString() };
}

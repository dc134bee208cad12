import { LocalDate } from '@one-window/shared/calendar';
import { plusYears } from '../shared/dates';

/** A tax-return fact from the tax service's events ("returns filed" projection). */
export interface TaxFilingFact {
  readonly filedOn: string;
  /** A zero return (零申报). */
  readonly zero?: boolean;
}

export interface ForcedExitPolicy {
  readonly years: number;
  /** Q4: does a zero return count as filing? Default yes [design]. */
  readonly zeroReturnCounts: boolean;
}

export const DEFAULT_FORCED_EXIT_POLICY: ForcedExitPolicy = { years: 2, zeroReturnCounts: true };

export interface ForcedExitAssessment {
  readonly candidate: boolean;
  /** The first day on which the listing has lasted the full period. */
  readonly fullPeriodFrom: string;
  readonly fullPeriodReached: boolean;
  /** Returns filed while listed (the ones that count). */
  readonly filingsWhileListed: number;
}

/**
 * Forced-exit candidate (满两年未申报纳税, 000 L902–905): on the abnormal list for 2 full years
 * AND no tax return filed while listed. The period counts from the day after listing; its last
 * day is the corresponding day 2 years later (民法典 art. 201–202), so an entity listed on
 * 2024-03-15 is a candidate from 2026-03-16, not on 2026-03-15. `listedOn` is the start of the
 * current, unbroken listing (removal resets it [design, Q4]). Q4 reading: "no tax filed" means
 * none during the listing.
 */
export function assessForcedExit(
  input: { listedOn: string; today: string; filings: readonly TaxFilingFact[] },
  policy: ForcedExitPolicy = DEFAULT_FORCED_EXIT_POLICY,
): ForcedExitAssessment {
  const fullPeriodFrom = plusYears(input.listedOn, policy.years).plusDays(1);
  const today = LocalDate.parse(input.today);
  const fullPeriodReached = !today.isBefore(fullPeriodFrom);
  const filingsWhileListed = input.filings.filter(
    (f) => f.filedOn >= input.listedOn && f.filedOn <= input.today && (policy.zeroReturnCounts || !f.zero),
  ).length;
  return { candidate: fullPeriodReached && filingsWhileListed === 0, fullPeriodFrom: fullPeriodFrom.toString(), fullPeriodReached, filingsWhileListed };
}

/** The local hour (Asia/Shanghai) the nightly forced-exit rule runs at (§8 [design]: "Nightly rule → candidates"). */
export const FORCED_EXIT_NIGHTLY_HOUR = 2;

/**
 * The next nightly run of the candidate rule strictly after `after`: 02:00 local time of the same
 * day if that is still ahead, else 02:00 of the next day. The zone is the calendar's (Asia/Shanghai
 * has no daylight-saving time, so 02:00 is always the day's start plus two hours).
 */
export function nextForcedExitRunAt(after: Date, zone: { localDateOf(instant: Date): LocalDate; startOfDay(date: LocalDate): Date }): Date {
  const runOn = (day: LocalDate) => new Date(zone.startOfDay(day).getTime() + FORCED_EXIT_NIGHTLY_HOUR * 3_600_000);
  const today = zone.localDateOf(after);
  const tonight = runOn(today);
  return tonight.getTime() > after.getTime() ? tonight : runOn(today.plusDays(1));
}

/** The entity statuses a forced exit may start from (an officer confirms, then the notice runs): 存续 and 歇业. */
export const FORCED_EXIT_OPEN_STATUSES: readonly string[] = ['ACTIVE', 'DORMANT'];

/** Why a recorded candidate no longer stands. */
export const CANDIDATE_LAPSE_REASONS = ['LISTING_ENDED', 'TAX_FILED', 'NOT_OPEN_TO_FORCED_EXIT'] as const;
export type CandidateLapseReason = (typeof CANDIDATE_LAPSE_REASONS)[number];

/**
 * Whether a candidate the nightly rule recorded still stands at `today` (re-checked every night
 * before new ones are looked for, so the officer's queue holds only companies the rule selects):
 * - the entity must still be open to forced exit (not deregistered, revoked or struck off meanwhile);
 * - the listing it was found for must still be the current one (`currentListedOn`; removal ends it,
 *   and a later listing starts a new 2-year period, §7 "the forced-exit clock resets");
 * - no tax return may have been filed while listed (the rule itself, `assessForcedExit`).
 * The first failing check is the reason.
 */
export function recheckForcedExitCandidate(
  input: { candidateListedOn: string; currentListedOn?: string; entityStatus: string; today: string; filings: readonly TaxFilingFact[] },
  policy: ForcedExitPolicy = DEFAULT_FORCED_EXIT_POLICY,
): { readonly stands: true } | { readonly stands: false; readonly reason: CandidateLapseReason } {
  if (!FORCED_EXIT_OPEN_STATUSES.includes(input.entityStatus)) return { stands: false, reason: 'NOT_OPEN_TO_FORCED_EXIT' };
  if (input.currentListedOn !== input.candidateListedOn) return { stands: false, reason: 'LISTING_ENDED' };
  const assessment = assessForcedExit({ listedOn: input.candidateListedOn, today: input.today, filings: input.filings }, policy);
  return assessment.filingsWhileListed > 0 ? { stands: false, reason: 'TAX_FILED' } : { stands: true };
}

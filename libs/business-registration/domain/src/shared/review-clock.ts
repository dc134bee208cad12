import { Deadline, ExtensionRefusedError, type DeadlineSnapshot, type WorkingCalendar } from '@one-window/shared/calendar';
import { ReviewExtensionRefusedError } from '../application/errors';
import { ReasonRequiredError } from './errors';

/**
 * The officer route's review discipline (§3.2, §10.2), shared by the establishment application and
 * the change request ("changes reuse it"): the review time limit in working days, the clock stopped
 * while a supplement notice waits and resumed on resubmission, and a refusal that states reasons
 * and remedies.
 */

/** Time limits of the officer route [NR, cfg]. */
export interface ReviewPolicy {
  /**
   * Review due within N working days (spec §3.2 "[NR] Register on the spot if the file is
   * complete. Otherwise within 3 WD"; §10.2 "Due the same day or within 3 WD [NR, cfg]").
   */
  readonly reviewWorkingDays: number;
  /** One extension of N working days (§10.2 "Once, +3 WD [NR]"). */
  readonly extensionWorkingDays: number;
  /** The applicant answers a supplement notice within N natural days, or the application lapses [design]. */
  readonly supplementResponseDays: number;
}

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { reviewWorkingDays: 3, extensionWorkingDays: 3, supplementResponseDays: 30 };

/** A refusal always states these remedies (002 L3235). */
export const REFUSAL_REMEDIES = ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'] as const;

/** Starts the review clock at `at`: due at the end of the N-th working day after it (the calendar's holidays and 调休). */
export function startReviewClock(calendar: WorkingCalendar, at: Date, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): Deadline {
  return Deadline.start(calendar, {
    trigger: at,
    workingDays: policy.reviewWorkingDays,
    policy: { maxExtensions: 1, maxExtensionWorkingDays: policy.extensionWorkingDays },
  });
}

/**
 * A supplement notice stops a running clock (one that is not already overdue; an overdue review
 * stays overdue). Returns the clock and whether it was stopped.
 */
export function suspendForSupplement(
  calendar: WorkingCalendar,
  review: DeadlineSnapshot | undefined,
  at: Date,
): { review: DeadlineSnapshot | undefined; clockSuspended: boolean } {
  if (!review) return { review, clockSuspended: false };
  const deadline = Deadline.fromSnapshot(calendar, review);
  if (deadline.isOverdue(at)) return { review, clockSuspended: false };
  return { review: deadline.suspend(at, 'supplement requested').toSnapshot(), clockSuspended: true };
}

/** The resubmission resumes a clock the notice stopped (the due time moves by the working days it stood still). */
export function resumeAfterSupplement(calendar: WorkingCalendar, review: DeadlineSnapshot | undefined, clockSuspended: boolean, at: Date): DeadlineSnapshot | undefined {
  return review && clockSuspended ? Deadline.fromSnapshot(calendar, review).resume(at).toSnapshot() : review;
}

/** The one extension of the review (§3.2 [NR]: "one extension of +3 WD on the head's approval"): who asked, who approved, why. */
export interface ReviewExtension {
  readonly at: Date;
  readonly officerId: string;
  readonly approvedBy: string;
  readonly reason: string;
}

/**
 * The one extension of a running review clock (§3.2 [NR]: "Otherwise within 3 WD, with one
 * extension of +3 WD on the head's approval"; §10.2 "Once, +3 WD [NR]"), shared by the
 * establishment application and the change request: refused (ReviewExtensionRefusedError) when
 * already extended, without the head's approval, while the clock is stopped, or at or after the
 * due instant (the last instant before it is still in time). A blank reason is ReasonRequiredError.
 * Returns the moved deadline and the record to keep on the aggregate.
 */
export function extendReviewClock(
  calendar: WorkingCalendar,
  review: DeadlineSnapshot,
  cmd: { at: Date; officerId: string; approvedBy: string; reason: string; alreadyExtended: boolean },
  policy: ReviewPolicy = DEFAULT_REVIEW_POLICY,
): { deadline: Deadline; extension: ReviewExtension } {
  if (cmd.alreadyExtended) throw new ReviewExtensionRefusedError('ALREADY_EXTENDED', 'The review was already extended once');
  if (!cmd.approvedBy.trim()) throw new ReviewExtensionRefusedError('NO_HEAD_APPROVAL', "An extension needs the head's approval");
  if (!cmd.reason.trim()) throw new ReasonRequiredError('An extension');
  let deadline: Deadline;
  try {
    deadline = Deadline.fromSnapshot(calendar, review).extend(cmd.at, policy.extensionWorkingDays, cmd.reason);
  } catch (error) {
    if (error instanceof ExtensionRefusedError) {
      const reason = error.reason === 'MAX_COUNT_REACHED' ? 'ALREADY_EXTENDED' : error.reason;
      throw new ReviewExtensionRefusedError(reason, error.message);
    }
    throw error;
  }
  return { deadline, extension: { at: new Date(cmd.at.getTime()), officerId: cmd.officerId, approvedBy: cmd.approvedBy, reason: cmd.reason } };
}

/** When the applicant must answer a supplement notice sent at `at`. */
export function supplementRespondBy(calendar: WorkingCalendar, at: Date, policy: ReviewPolicy = DEFAULT_REVIEW_POLICY): Date {
  return calendar.deadlineNaturalDays(at, policy.supplementResponseDays);
}

/** A refusal needs a reason code and at least one non-blank reason (§3.2: reasons and remedies). */
export function requireRefusalReasons(reasonCode: string, reasons: readonly string[]): void {
  if (!reasonCode.trim() || reasons.filter((r) => r.trim()).length === 0) throw new ReasonRequiredError('A refusal');
}

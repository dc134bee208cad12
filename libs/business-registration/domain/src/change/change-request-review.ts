import { Deadline, type DeadlineSnapshot, type WorkingCalendar } from '@one-window/shared/calendar';
import type {
  ApplicationOverdueData,
  ApplicationRejectedData,
  ApplicationStepData,
  ApplicationSubmittedData,
  ApplicationSupplementRequestedData,
  SupplementItem,
} from '../application/events';
import { NotApplicationOwnerError, SupplementPeriodOverError } from '../application/errors';
import type { Actor } from '../shared/actors';
import { InvalidArgumentError, NotYetDueError, ReasonRequiredError } from '../shared/errors';
import { event, type Outcome } from '../shared/outcome';
import {
  DEFAULT_REVIEW_POLICY,
  extendReviewClock,
  REFUSAL_REMEDIES,
  requireRefusalReasons,
  resumeAfterSupplement,
  startReviewClock,
  supplementRespondBy,
  suspendForSupplement,
  type ReviewExtension,
  type ReviewPolicy,
} from '../shared/review-clock';
import { create, transition } from '../shared/state-machine';
import { CHANGE_REQUEST_MACHINE, CHANGE_REQUEST_UNDER_REVIEW, type ChangeRequestStatus, type ChangeRequestTrigger } from './change-request-machine';

/** The rules of reviewChange that route a change to the officers (recorded on `application.submitted`). */
export const CHANGE_REVIEW_RULE_SET = 'change-review-1';

/** The one supplement notice of a change request and the applicant's one answer. */
export interface ChangeSupplement {
  readonly requestedAt: Date;
  readonly officerId: string;
  readonly items: readonly SupplementItem[];
  readonly respondBy: Date;
  /** Whether the review clock was stopped (it was running and not overdue). */
  readonly clockSuspended: boolean;
  readonly resubmittedAt?: Date;
  readonly newMaterial?: readonly string[];
}

export interface ChangeRequestDecision {
  readonly outcome: 'APPROVE' | 'REFUSE' | 'WITHDRAW' | 'LAPSE';
  readonly by?: string;
  readonly at: Date;
  readonly reasons: readonly string[];
  readonly reasonCode?: string;
  readonly remedies?: readonly string[];
  /** Approval: the registered change (`registration.company.changed`), filled in by the step that registers it. */
  readonly changeId?: string;
  readonly companyVersion?: number;
  readonly licenceVersion?: number;
}

export interface ChangeRequestTransitionRecord {
  readonly at: Date;
  readonly trigger: ChangeRequestTrigger;
  readonly from: ChangeRequestStatus | null;
  readonly to: ChangeRequestStatus;
  readonly actor: Actor;
  readonly by?: string;
}

/**
 * A change registration waiting for, or decided by, an officer. `C` is what the change asks for
 * (the app's RequestedChange). Requests stored before the review existed have no `review`,
 * `supplement` or `history`: their clock never ran.
 */
export interface ChangeRequestState<C = unknown> {
  readonly id: string;
  readonly uscc: string;
  readonly authorityCode: string;
  readonly ownerId: string;
  readonly status: ChangeRequestStatus;
  readonly change: C;
  /** The automatic checks that failed (机器辅批: the officer sees why it is on the queue). */
  readonly failedChecks: readonly string[];
  readonly filedOn: string;
  readonly filedAt: Date;
  /** The review time limit (a Deadline snapshot; rebuilt with Deadline.fromSnapshot). */
  readonly review?: DeadlineSnapshot;
  readonly supplement?: ChangeSupplement;
  /** The one extension of the review (+3 WD on the head's approval), as for establishment. */
  readonly extension?: ReviewExtension;
  readonly overdueNotifiedAt?: Date;
  readonly decision?: ChangeRequestDecision;
  readonly history?: readonly ChangeRequestTransitionRecord[];
}

const KIND = 'CHANGE' as const;

/**
 * The change request's review (§6 routed as §3.2; the §10.2 table, "changes reuse it"): queued with
 * the review clock running (3 WD [NR, cfg], the working-day calendar), one supplement notice that
 * stops the clock, one resubmission that resumes it, one extension (+3 WD on the head's approval),
 * approval or a refusal with reasons and remedies, withdrawal, and a one-time overdue mark. Publishes the application events with kind CHANGE.
 * Immutable: every command returns the new aggregate and its events.
 */
export class ChangeRequest<C = unknown> {
  private constructor(readonly state: ChangeRequestState<C>) {}

  static restore<C>(state: ChangeRequestState<C>): ChangeRequest<C> {
    return new ChangeRequest(state);
  }

  /** Routed to the officers at filing (`at`): PENDING_REVIEW, the review due N working days on. */
  static queue<C>(cmd: {
    id: string;
    uscc: string;
    authorityCode: string;
    ownerId: string;
    change: C;
    failedChecks: readonly string[];
    filedOn: string;
    at: Date;
    calendar: WorkingCalendar;
    policy?: ReviewPolicy;
  }): Outcome<ChangeRequest<C>> {
    const status = create(CHANGE_REQUEST_MACHINE, 'route_to_officer', 'system');
    const review = startReviewClock(cmd.calendar, cmd.at, cmd.policy ?? DEFAULT_REVIEW_POLICY);
    const at = new Date(cmd.at.getTime());
    const request = new ChangeRequest<C>({
      id: cmd.id,
      uscc: cmd.uscc,
      authorityCode: cmd.authorityCode,
      ownerId: cmd.ownerId,
      status,
      change: cmd.change,
      failedChecks: [...cmd.failedChecks],
      filedOn: cmd.filedOn,
      filedAt: at,
      review: review.toSnapshot(),
      history: [{ at, trigger: 'route_to_officer', from: null, to: status, actor: 'system' }],
    });
    const data: ApplicationSubmittedData = {
      applicationId: cmd.id,
      kind: KIND,
      route: 'OFFICER',
      ruleSetVersion: CHANGE_REVIEW_RULE_SET,
      failedChecks: [...cmd.failedChecks],
      dueAt: review.dueAt.toISOString(),
    };
    return { aggregate: request, events: [event('registration.application.submitted', cmd.id, cmd.at, data)] };
  }

  /** The one supplement notice (一次性告知) listing every missing item; the review clock stops. */
  requestSupplement(cmd: { at: Date; officerId: string; items: readonly SupplementItem[]; calendar: WorkingCalendar; policy?: ReviewPolicy }): Outcome<ChangeRequest<C>> {
    const next = this.step('request_supplement', 'officer', cmd.at, cmd.officerId);
    if (cmd.items.length === 0) throw new ReasonRequiredError('A supplement notice');
    const { review, clockSuspended } = suspendForSupplement(cmd.calendar, this.state.review, cmd.at);
    const respondBy = supplementRespondBy(cmd.calendar, cmd.at, cmd.policy ?? DEFAULT_REVIEW_POLICY);
    const supplement: ChangeSupplement = {
      requestedAt: new Date(cmd.at.getTime()),
      officerId: cmd.officerId,
      items: cmd.items.map((i) => ({ ...i })),
      respondBy,
      clockSuspended,
    };
    const data: ApplicationSupplementRequestedData = {
      applicationId: this.state.id,
      kind: KIND,
      round: 1,
      missingItems: cmd.items.map((i) => ({ ...i })),
      respondBy: respondBy.toISOString(),
    };
    return {
      aggregate: new ChangeRequest({ ...next.state, ...(review ? { review } : {}), supplement }),
      events: [event('registration.application.supplement_requested', this.state.id, cmd.at, data)],
    };
  }

  /** The applicant's one answer, on the same request, before the period ends: the clock resumes. */
  resubmit(cmd: { at: Date; applicantId: string; newMaterial: readonly string[]; calendar: WorkingCalendar }): Outcome<ChangeRequest<C>> {
    this.requireOwner(cmd.applicantId);
    const next = this.step('resubmit', 'applicant', cmd.at, cmd.applicantId);
    const supplement = this.state.supplement;
    if (!supplement) throw new InvalidArgumentError('No supplement notice is open');
    if (cmd.at.getTime() >= supplement.respondBy.getTime()) throw new SupplementPeriodOverError(supplement.respondBy);
    if (cmd.newMaterial.length === 0) throw new ReasonRequiredError('A resubmission (list the new material)');
    const review = resumeAfterSupplement(cmd.calendar, this.state.review, supplement.clockSuspended, cmd.at);
    const answered: ChangeSupplement = { ...supplement, resubmittedAt: new Date(cmd.at.getTime()), newMaterial: [...cmd.newMaterial] };
    const data: ApplicationStepData = { applicationId: this.state.id, kind: KIND, ...(review ? { dueAt: new Date(review.dueAt).toISOString() } : {}) };
    return {
      aggregate: new ChangeRequest({ ...next.state, ...(review ? { review } : {}), supplement: answered }),
      events: [event('registration.application.resubmitted', this.state.id, cmd.at, data)],
    };
  }

  /** Timer: the supplement period ended without an answer. No contract publishes `lapsed` yet. */
  lapse(at: Date): Outcome<ChangeRequest<C>> {
    const next = this.step('lapse', 'timer', at, undefined);
    const respondBy = this.state.supplement?.respondBy;
    if (respondBy && at.getTime() < respondBy.getTime()) throw new NotYetDueError('The supplement period', respondBy, at);
    const decision: ChangeRequestDecision = { outcome: 'LAPSE', at: new Date(at.getTime()), reasons: [] };
    const data: ApplicationStepData = { applicationId: this.state.id, kind: KIND };
    return { aggregate: new ChangeRequest({ ...next.state, decision }), events: [event('registration.application.lapsed', this.state.id, at, data)] };
  }

  /**
   * The one extension of the review (§3.2 [NR]: "Otherwise within 3 WD, with one extension of +3 WD
   * on the head's approval"), the establishment application's rule (extendReviewClock): by an officer
   * while the request waits for the officer (PENDING_REVIEW or RESUBMITTED, else the table refuses),
   * once, with the head's approval and a reason, while the clock runs and before the due instant.
   * The due time moves +3 WD on the calendar; `application.extended` (kind CHANGE) carries it.
   */
  extend(cmd: { at: Date; officerId: string; approvedBy: string; reason: string; calendar: WorkingCalendar; policy?: ReviewPolicy }): Outcome<ChangeRequest<C>> {
    const next = this.step('extend', 'officer', cmd.at, cmd.officerId);
    if (!this.state.review) throw new InvalidArgumentError('This request was queued before the review clock existed: there is no time limit to extend');
    const { deadline, extension } = extendReviewClock(
      cmd.calendar,
      this.state.review,
      { at: cmd.at, officerId: cmd.officerId, approvedBy: cmd.approvedBy, reason: cmd.reason, alreadyExtended: this.state.extension !== undefined },
      cmd.policy ?? DEFAULT_REVIEW_POLICY,
    );
    const data: ApplicationStepData = { applicationId: this.state.id, kind: KIND, dueAt: deadline.dueAt.toISOString() };
    return {
      aggregate: new ChangeRequest({ ...next.state, review: deadline.toSnapshot(), extension }),
      events: [event('registration.application.extended', this.state.id, cmd.at, data)],
    };
  }

  /**
   * The officer approves: APPROVED. The caller registers the change in the same transaction
   * (`registration.company.changed`) and records its id and versions on the decision.
   */
  approve(cmd: { at: Date; officerId: string; reasons?: readonly string[] }): Outcome<ChangeRequest<C>> {
    const next = this.step('approve', 'officer', cmd.at, cmd.officerId);
    const decision: ChangeRequestDecision = { outcome: 'APPROVE', by: cmd.officerId, at: new Date(cmd.at.getTime()), reasons: [...(cmd.reasons ?? [])] };
    return { aggregate: new ChangeRequest({ ...next.state, decision }), events: [] };
  }

  /** A refusal states its reasons and the remedies (reconsideration, litigation), as for establishment. */
  refuse(cmd: { at: Date; officerId: string; reasonCode: string; reasons: readonly string[] }): Outcome<ChangeRequest<C>> {
    const next = this.step('refuse', 'officer', cmd.at, cmd.officerId);
    requireRefusalReasons(cmd.reasonCode, cmd.reasons);
    const decision: ChangeRequestDecision = {
      outcome: 'REFUSE',
      by: cmd.officerId,
      at: new Date(cmd.at.getTime()),
      reasons: [...cmd.reasons],
      reasonCode: cmd.reasonCode,
      remedies: [...REFUSAL_REMEDIES],
    };
    const data: ApplicationRejectedData = {
      applicationId: this.state.id,
      kind: KIND,
      outcome: 'REFUSED',
      reasonCode: cmd.reasonCode,
      reasons: [...cmd.reasons],
      remedies: [...REFUSAL_REMEDIES],
    };
    return { aggregate: new ChangeRequest({ ...next.state, decision }), events: [event('registration.application.rejected', this.state.id, cmd.at, data)] };
  }

  /** Records on the approval what registering the change produced: its change id and the new versions. */
  recordRegisteredChange(r: { changeId: string; companyVersion: number; licenceVersion?: number }): ChangeRequest<C> {
    const decision = this.state.decision;
    if (this.state.status !== 'APPROVED' || decision?.outcome !== 'APPROVE') throw new InvalidArgumentError('Only an approved request records the registered change');
    return new ChangeRequest({
      ...this.state,
      decision: { ...decision, changeId: r.changeId, companyVersion: r.companyVersion, ...(r.licenceVersion !== undefined ? { licenceVersion: r.licenceVersion } : {}) },
    });
  }

  /** The applicant withdraws an undecided request (the company may file another change). */
  withdraw(cmd: { at: Date; applicantId: string }): Outcome<ChangeRequest<C>> {
    this.requireOwner(cmd.applicantId);
    const next = this.step('withdraw', 'applicant', cmd.at, cmd.applicantId);
    const decision: ChangeRequestDecision = { outcome: 'WITHDRAW', by: cmd.applicantId, at: new Date(cmd.at.getTime()), reasons: [] };
    const data: ApplicationStepData = { applicationId: this.state.id, kind: KIND };
    return { aggregate: new ChangeRequest({ ...next.state, decision }), events: [event('registration.application.withdrawn', this.state.id, cmd.at, data)] };
  }

  /** The review deadline (undefined for a request queued before the review clock existed). */
  reviewDeadline(calendar: WorkingCalendar): Deadline | undefined {
    return this.state.review ? Deadline.fromSnapshot(calendar, this.state.review) : undefined;
  }

  /** Whether the review clock runs now (waiting for the officer, not stopped by the notice). */
  isReviewClockRunning(calendar: WorkingCalendar): boolean {
    const deadline = this.reviewDeadline(calendar);
    return CHANGE_REQUEST_UNDER_REVIEW.includes(this.state.status) && deadline !== undefined && !deadline.isSuspended;
  }

  /**
   * Timer at the review's due instant: `application.overdue` (kind CHANGE) once, if the request
   * still waits for the officer and is overdue at `at`. Not a state change; no events otherwise.
   */
  markOverdue(at: Date, calendar: WorkingCalendar): Outcome<ChangeRequest<C>> {
    const deadline = this.reviewDeadline(calendar);
    if (!deadline || !this.isReviewClockRunning(calendar) || !deadline.isOverdue(at) || this.state.overdueNotifiedAt) return { aggregate: this, events: [] };
    const data: ApplicationOverdueData = { applicationId: this.state.id, kind: KIND, dueAt: deadline.dueAt.toISOString() };
    return {
      aggregate: new ChangeRequest({ ...this.state, overdueNotifiedAt: new Date(at.getTime()) }),
      events: [event('registration.application.overdue', this.state.id, at, data)],
    };
  }

  private step(trigger: ChangeRequestTrigger, actor: Actor, at: Date, by: string | undefined): ChangeRequest<C> {
    const to = transition(CHANGE_REQUEST_MACHINE, this.state.status, trigger, actor);
    const record: ChangeRequestTransitionRecord = { at: new Date(at.getTime()), trigger, from: this.state.status, to, actor, ...(by ? { by } : {}) };
    return new ChangeRequest({ ...this.state, status: to, history: [...(this.state.history ?? []), record] });
  }

  private requireOwner(applicantId: string): void {
    if (applicantId !== this.state.ownerId) throw new NotApplicationOwnerError(this.state.id);
  }
}

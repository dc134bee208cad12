import type { CompanyRegisteredData } from '@one-window/business-registration/contracts';
import { Deadline, type DeadlineSnapshot, type WorkingCalendar } from '@one-window/shared/calendar';
import { InvalidIdentifierError } from '../identifiers/errors';
import { validateUscc } from '../identifiers/uscc';
import type { Actor } from '../shared/actors';
import { localDateString } from '../shared/dates';
import { InvalidArgumentError, NotYetDueError } from '../shared/errors';
import { sumMoney, type Money } from '../shared/money';
import { event, type DomainEvent, type Outcome } from '../shared/outcome';
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
import { APPLICATION_MACHINE, type ApplicationStatus, type ApplicationTrigger } from './application-machine';
import type { AutoApprovalResult } from './auto-approval';
import {
  DomicileUnresolvedError,
  InvalidApplicationFormError,
  NotApplicationOwnerError,
  NotAutoEligibleError,
  ReasonRequiredError,
  SupplementNotFromNewMaterialError,
  SupplementPeriodOverError,
} from './errors';
import type {
  ApplicationAcceptedData,
  ApplicationKind,
  ApplicationOverdueData,
  ApplicationRejectedData,
  ApplicationStepData,
  ApplicationSubmittedData,
  ApplicationSupplementRequestedData,
  PermitNoticeIssuedData,
  SupplementItem,
} from './events';
import type { EstablishmentForm } from './form';
import { contractPermitRoute, type ScopeCatalogueItem, type StandardAddress } from './reference-data';
import type { FormValidation } from './validate-form';

export { DEFAULT_REVIEW_POLICY, REFUSAL_REMEDIES, type ReviewPolicy } from '../shared/review-clock';

export interface SupplementRound {
  readonly round: number;
  readonly requestedAt: Date;
  readonly officerId: string;
  readonly fromState: 'PENDING_ACCEPTANCE' | 'UNDER_REVIEW';
  readonly items: readonly SupplementItem[];
  readonly respondBy: Date;
  /** Whether the review clock was stopped (it was running and not overdue). */
  readonly clockSuspended: boolean;
  readonly resubmittedAt?: Date;
  /** Material refs the applicant submitted in answer: the only subjects a later request may raise. */
  readonly newMaterial?: readonly string[];
}

export interface TransitionRecord {
  readonly at: Date;
  readonly trigger: ApplicationTrigger;
  readonly from: ApplicationStatus | null;
  readonly to: ApplicationStatus;
  readonly actor: Actor;
  readonly by?: string;
}

export interface ApplicationDecision {
  readonly outcome: 'REGISTERED' | 'REFUSED' | 'NOT_ACCEPTED' | 'RETURNED' | 'WITHDRAWN' | 'LAPSED';
  readonly at: Date;
  readonly by?: string;
  /** 商事登记确认制: formal review only (001 L154–158). */
  readonly reviewType: 'FORMAL';
  readonly approvalMode?: 'AUTO' | 'OFFICER';
  readonly uscc?: string;
  readonly establishedOn?: string;
  readonly reasonCode?: string;
  readonly reasons?: readonly string[];
  readonly remedies?: readonly string[];
}

export interface ApplicationState {
  readonly id: string;
  readonly kind: ApplicationKind;
  readonly applicantId: string;
  readonly authorityCode: string;
  readonly status: ApplicationStatus;
  readonly form: EstablishmentForm;
  readonly createdAt: Date;
  readonly submittedAt?: Date;
  readonly route?: 'AUTO' | 'OFFICER';
  readonly autoApproval?: AutoApprovalResult;
  readonly domicileAddress?: StandardAddress;
  readonly scopeItems?: readonly ScopeCatalogueItem[];
  readonly acceptedAt?: Date;
  readonly receiptNo?: string;
  /** The review time limit (persist as JSON; rebuilt with Deadline.fromSnapshot). */
  readonly review?: DeadlineSnapshot;
  readonly supplements: readonly SupplementRound[];
  readonly extension?: ReviewExtension;
  readonly overdueNotifiedAt?: Date;
  readonly decision?: ApplicationDecision;
  readonly history: readonly TransitionRecord[];
}

export interface SubmitApplication {
  readonly at: Date;
  readonly applicantId: string;
  readonly calendar: WorkingCalendar;
  /** validateEstablishmentForm on the current form, as of `at`. */
  readonly validation: FormValidation;
  /** evaluateAutoApproval with the rule set in force. */
  readonly autoApproval: AutoApprovalResult;
  /** Allocated by the CreditCodeAllocator when `autoApproval.eligible` (needed for 秒批). */
  readonly uscc?: string;
}

/**
 * The establishment application aggregate (§3, §10.2). Immutable: every command returns the new
 * aggregate and the events to publish. Commands that touch time take `at` and the calendar.
 */
export class Application {
  private constructor(readonly state: ApplicationState) {}

  static restore(state: ApplicationState): Application {
    return new Application(state);
  }

  static draft(cmd: { id: string; applicantId: string; authorityCode: string; form: EstablishmentForm; at: Date; kind?: ApplicationKind }): Application {
    const status = create(APPLICATION_MACHINE, 'draft', 'applicant');
    return new Application({
      id: cmd.id,
      kind: cmd.kind ?? 'ESTABLISH',
      applicantId: cmd.applicantId,
      authorityCode: cmd.authorityCode,
      status,
      form: cmd.form,
      createdAt: new Date(cmd.at.getTime()),
      supplements: [],
      history: [{ at: new Date(cmd.at.getTime()), trigger: 'draft', from: null, to: status, actor: 'applicant', by: cmd.applicantId }],
    });
  }

  /** Replaces the form while in DRAFT. */
  updateForm(form: EstablishmentForm, applicantId: string): Application {
    this.requireOwner(applicantId);
    if (this.state.status !== 'DRAFT') throw new InvalidArgumentError(`Only a draft can be edited (status ${this.state.status})`);
    return new Application({ ...this.state, form });
  }

  /**
   * DRAFT → SUBMITTED, then at once REGISTERED (秒批, when every auto check passes and a USCC is
   * given) or PENDING_ACCEPTANCE (failed checks attached).
   */
  submit(cmd: SubmitApplication): Outcome<Application> {
    this.requireOwner(cmd.applicantId);
    let app = this.step('submit', 'applicant', cmd.at, cmd.applicantId, {});
    if (!cmd.validation.submittable) throw new InvalidApplicationFormError(cmd.validation.issues.filter((i) => i.effect === 'BLOCK'));
    const { autoApproval } = cmd;
    app = new Application({
      ...app.state,
      submittedAt: new Date(cmd.at.getTime()),
      autoApproval,
      scopeItems: cmd.validation.scopeItems,
      ...(cmd.validation.domicileAddress ? { domicileAddress: cmd.validation.domicileAddress } : {}),
    });
    const submitted = (route: 'AUTO' | 'OFFICER') =>
      event<string, ApplicationSubmittedData>('registration.application.submitted', this.state.id, cmd.at, {
        applicationId: this.state.id,
        kind: this.state.kind,
        route,
        ruleSetVersion: autoApproval.ruleSetVersion,
        failedChecks: [...autoApproval.failed],
      });
    if (autoApproval.eligible) {
      if (cmd.uscc === undefined) throw new InvalidArgumentError('Automatic approval needs the allocated credit code');
      const approved = app.step('auto_approve', 'system', cmd.at, undefined, { route: 'AUTO' });
      const registered = approved.register(cmd.at, cmd.calendar, cmd.uscc, 'AUTO', undefined);
      return { aggregate: registered.aggregate, events: [submitted('AUTO'), ...registered.events] };
    }
    const routed = app.step('route_to_officer', 'system', cmd.at, undefined, { route: 'OFFICER' });
    return { aggregate: routed, events: [submitted('OFFICER')] };
  }

  /** Officer accepts (受理) with a receipt: the review clock starts (due end of the 3rd working day). */
  accept(cmd: { at: Date; officerId: string; receiptNo: string; calendar: WorkingCalendar; policy?: ReviewPolicy }): Outcome<Application> {
    const policy = cmd.policy ?? DEFAULT_REVIEW_POLICY;
    const app = this.step('accept', 'officer', cmd.at, cmd.officerId, {});
    const review = startReviewClock(cmd.calendar, cmd.at, policy);
    const next = new Application({ ...app.state, acceptedAt: new Date(cmd.at.getTime()), receiptNo: cmd.receiptNo, review: review.toSnapshot() });
    const data: ApplicationAcceptedData = {
      applicationId: this.state.id,
      kind: this.state.kind,
      route: 'OFFICER',
      receiptNo: cmd.receiptNo,
      dueAt: review.dueAt.toISOString(),
    };
    return { aggregate: next, events: [event('registration.application.accepted', this.state.id, cmd.at, data)] };
  }

  /**
   * The one-time supplement notice (一次性告知): every missing or defective item at once. A later
   * notice may only raise items whose materialRef the applicant newly submitted in the last answer.
   * Stops the review clock while waiting.
   */
  requestSupplement(cmd: {
    at: Date;
    officerId: string;
    items: readonly SupplementItem[];
    calendar: WorkingCalendar;
    policy?: ReviewPolicy;
  }): Outcome<Application> {
    const fromState = this.state.status;
    const app = this.step('request_supplement', 'officer', cmd.at, cmd.officerId, {});
    if (cmd.items.length === 0) throw new ReasonRequiredError('A supplement notice');
    const previous = this.state.supplements[this.state.supplements.length - 1];
    if (previous) {
      const allowed = previous.newMaterial ?? [];
      const outside = cmd.items.filter((i) => !allowed.includes(i.materialRef)).map((i) => i.materialRef);
      if (outside.length > 0) throw new SupplementNotFromNewMaterialError(outside, allowed);
    }
    const { review, clockSuspended } = fromState === 'UNDER_REVIEW' ? suspendForSupplement(cmd.calendar, this.state.review, cmd.at) : { review: this.state.review, clockSuspended: false };
    const respondBy = supplementRespondBy(cmd.calendar, cmd.at, cmd.policy ?? DEFAULT_REVIEW_POLICY);
    const round: SupplementRound = {
      round: this.state.supplements.length + 1,
      requestedAt: new Date(cmd.at.getTime()),
      officerId: cmd.officerId,
      fromState: fromState as SupplementRound['fromState'],
      items: [...cmd.items],
      respondBy,
      clockSuspended,
    };
    const next = new Application({ ...app.state, ...(review ? { review } : {}), supplements: [...this.state.supplements, round] });
    const data: ApplicationSupplementRequestedData = {
      applicationId: this.state.id,
      kind: this.state.kind,
      round: round.round,
      missingItems: [...cmd.items],
      respondBy: respondBy.toISOString(),
    };
    return { aggregate: next, events: [event('registration.application.supplement_requested', this.state.id, cmd.at, data)] };
  }

  /** The applicant answers the notice, once, on the same application: back to the prior state; the clock resumes. */
  resubmit(cmd: {
    at: Date;
    applicantId: string;
    newMaterial: readonly string[];
    form?: EstablishmentForm;
    calendar: WorkingCalendar;
  }): Outcome<Application> {
    this.requireOwner(cmd.applicantId);
    const round = this.currentRound();
    const app = this.step('resubmit', 'applicant', cmd.at, cmd.applicantId, {}, round?.fromState);
    if (!round) throw new InvalidArgumentError('No supplement round is open');
    if (cmd.at.getTime() >= round.respondBy.getTime()) throw new SupplementPeriodOverError(round.respondBy);
    if (cmd.newMaterial.length === 0) throw new ReasonRequiredError('A resubmission (list the new material)');
    const review = resumeAfterSupplement(cmd.calendar, this.state.review, round.clockSuspended, cmd.at);
    const answered: SupplementRound = { ...round, resubmittedAt: new Date(cmd.at.getTime()), newMaterial: [...cmd.newMaterial] };
    const next = new Application({
      ...app.state,
      ...(cmd.form ? { form: cmd.form } : {}),
      ...(review ? { review } : {}),
      supplements: [...this.state.supplements.slice(0, -1), answered],
    });
    const data: ApplicationStepData = { applicationId: this.state.id, kind: this.state.kind, ...(review ? { dueAt: review.dueAt } : {}) };
    return { aggregate: next, events: [event('registration.application.resubmitted', this.state.id, cmd.at, data)] };
  }

  /** Timer: the supplement period ended without an answer. */
  lapse(at: Date): Outcome<Application> {
    const round = this.currentRound();
    const app = this.step('lapse', 'timer', at, undefined, {});
    if (round && at.getTime() < round.respondBy.getTime()) throw new NotYetDueError('The supplement period', round.respondBy, at);
    return this.decide(app, { outcome: 'LAPSED', at, reviewType: 'FORMAL' }, 'registration.application.lapsed');
  }

  notAccept(cmd: { at: Date; officerId: string; reasonCode: string }): Outcome<Application> {
    return this.reject('not_accept', 'NOT_ACCEPTED', cmd);
  }

  /** 退件. */
  returnApplication(cmd: { at: Date; officerId: string; reasonCode: string }): Outcome<Application> {
    return this.reject('return', 'RETURNED', cmd);
  }

  /** One extension of +3 WD on the head's approval, while the clock runs and before it is due. */
  extend(cmd: { at: Date; officerId: string; approvedBy: string; reason: string; calendar: WorkingCalendar; policy?: ReviewPolicy }): Outcome<Application> {
    const app = this.step('extend', 'officer', cmd.at, cmd.officerId, {});
    const { deadline: extended, extension } = extendReviewClock(
      cmd.calendar,
      this.requireReview(),
      { at: cmd.at, officerId: cmd.officerId, approvedBy: cmd.approvedBy, reason: cmd.reason, alreadyExtended: this.state.extension !== undefined },
      cmd.policy ?? DEFAULT_REVIEW_POLICY,
    );
    const next = new Application({ ...app.state, review: extended.toSnapshot(), extension });
    const data: ApplicationStepData = { applicationId: this.state.id, kind: this.state.kind, dueAt: extended.dueAt.toISOString() };
    return { aggregate: next, events: [event('registration.application.extended', this.state.id, cmd.at, data)] };
  }

  /** Officer approves: registered under `uscc` (from the CreditCodeAllocator). */
  approve(cmd: { at: Date; officerId: string; uscc: string; calendar: WorkingCalendar; domicile?: StandardAddress }): Outcome<Application> {
    const app = this.step('approve', 'officer', cmd.at, cmd.officerId, {});
    const resolved = cmd.domicile ? new Application({ ...app.state, domicileAddress: cmd.domicile }) : app;
    return resolved.register(cmd.at, cmd.calendar, cmd.uscc, 'OFFICER', cmd.officerId);
  }

  /** Refusal states its reasons and the remedies (reconsideration, litigation). */
  refuse(cmd: { at: Date; officerId: string; reasonCode: string; reasons: readonly string[] }): Outcome<Application> {
    const app = this.step('refuse', 'officer', cmd.at, cmd.officerId, {});
    requireRefusalReasons(cmd.reasonCode, cmd.reasons);
    const decision: ApplicationDecision = {
      outcome: 'REFUSED',
      at: cmd.at,
      by: cmd.officerId,
      reviewType: 'FORMAL',
      reasonCode: cmd.reasonCode,
      reasons: [...cmd.reasons],
      remedies: [...REFUSAL_REMEDIES],
    };
    const data: ApplicationRejectedData = {
      applicationId: this.state.id,
      kind: this.state.kind,
      outcome: 'REFUSED',
      reasonCode: cmd.reasonCode,
      reasons: [...cmd.reasons],
      remedies: [...REFUSAL_REMEDIES],
    };
    return { aggregate: app.withDecision(decision), events: [event('registration.application.rejected', this.state.id, cmd.at, data)] };
  }

  withdraw(cmd: { at: Date; applicantId: string }): Outcome<Application> {
    this.requireOwner(cmd.applicantId);
    const app = this.step('withdraw', 'applicant', cmd.at, cmd.applicantId, {});
    return this.decide(app, { outcome: 'WITHDRAWN', at: cmd.at, by: cmd.applicantId, reviewType: 'FORMAL' }, 'registration.application.withdrawn');
  }

  /** The review deadline at `at` (undefined before acceptance). */
  reviewDeadline(calendar: WorkingCalendar): Deadline | undefined {
    return this.state.review ? Deadline.fromSnapshot(calendar, this.state.review) : undefined;
  }

  /**
   * Timer at the review due instant: publishes `application.overdue` once if still under review
   * and overdue. Not a state change. Returns no events when nothing is overdue.
   */
  markOverdue(at: Date, calendar: WorkingCalendar): Outcome<Application> {
    const deadline = this.reviewDeadline(calendar);
    if (this.state.status !== 'UNDER_REVIEW' || !deadline || !deadline.isOverdue(at) || this.state.overdueNotifiedAt) {
      return { aggregate: this, events: [] };
    }
    const data: ApplicationOverdueData = { applicationId: this.state.id, kind: this.state.kind, dueAt: deadline.dueAt.toISOString() };
    return {
      aggregate: new Application({ ...this.state, overdueNotifiedAt: new Date(at.getTime()) }),
      events: [event('registration.application.overdue', this.state.id, at, data)],
    };
  }

  // ---------------------------------------------------------------- internals

  private register(at: Date, calendar: WorkingCalendar, uscc: string, mode: 'AUTO' | 'OFFICER', by: string | undefined): Outcome<Application> {
    const code = validateUscc(uscc);
    if (!code.valid) throw new InvalidIdentifierError('credit code', code.problems);
    if (mode === 'AUTO' && !this.state.autoApproval?.eligible) throw new NotAutoEligibleError(this.state.autoApproval?.failed ?? []);
    const address = this.state.domicileAddress;
    if (!address) throw new DomicileUnresolvedError();
    const form = this.state.form;
    const establishedOn = localDateString(calendar, at);
    const scopeItems = this.state.scopeItems ?? [];
    const decision: ApplicationDecision = {
      outcome: 'REGISTERED',
      at,
      ...(by ? { by } : {}),
      reviewType: 'FORMAL',
      approvalMode: mode,
      uscc: code.value,
      establishedOn,
    };
    const capital = this.totalCapital();
    const registered: CompanyRegisteredData = {
      uscc: code.value,
      name: form.name,
      entityType: form.entityType,
      establishedOn,
      authorityCode: this.state.authorityCode,
      domicile: { standardAddressId: address.id, divisionCode: address.divisionCode, text: address.text },
      scope: scopeItems.map((s) => ({ code: s.code, permitRoute: contractPermitRoute(s) })),
      capital,
      investors: form.investors.map((i) => ({ personRef: i.personRef, subscribed: i.subscribed, dueDate: i.dueDate })),
      legalRepRef: form.legalRepRef,
      approvalMode: mode,
    };
    const notices: DomainEvent[] = scopeItems
      .filter((s) => s.category === 'POST_PERMIT' && s.permit && s.permit.route !== 'CANCELLED')
      .map((s) =>
        event<string, PermitNoticeIssuedData>('registration.permit_notice.issued', code.value, at, {
          uscc: code.value,
          scopeCode: s.code,
          permitName: s.permit?.name ?? '',
          authorityCode: s.permit?.authorityCode ?? '',
          route: s.permit?.route ?? '',
        }),
      );
    return {
      aggregate: this.withDecision(decision),
      events: [event('registration.company.registered', code.value, at, registered), ...notices],
    };
  }

  private totalCapital(): Money {
    return sumMoney(this.state.form.investors.map((i) => i.subscribed));
  }

  private reject(trigger: 'not_accept' | 'return', outcome: 'NOT_ACCEPTED' | 'RETURNED', cmd: { at: Date; officerId: string; reasonCode: string }): Outcome<Application> {
    const app = this.step(trigger, 'officer', cmd.at, cmd.officerId, {});
    if (!cmd.reasonCode.trim()) throw new ReasonRequiredError(trigger === 'return' ? 'Returning' : 'Not accepting');
    const decision: ApplicationDecision = { outcome, at: cmd.at, by: cmd.officerId, reviewType: 'FORMAL', reasonCode: cmd.reasonCode };
    const data: ApplicationRejectedData = { applicationId: this.state.id, kind: this.state.kind, outcome, reasonCode: cmd.reasonCode };
    return { aggregate: app.withDecision(decision), events: [event('registration.application.rejected', this.state.id, cmd.at, data)] };
  }

  private decide(app: Application, decision: ApplicationDecision, type: string): Outcome<Application> {
    const data: ApplicationStepData = { applicationId: this.state.id, kind: this.state.kind };
    return { aggregate: app.withDecision(decision), events: [event(type, this.state.id, decision.at, data)] };
  }

  private withDecision(decision: ApplicationDecision): Application {
    return new Application({ ...this.state, decision: { ...decision, at: new Date(decision.at.getTime()) } });
  }

  /** Applies a table transition (refusing undefined ones) and records it in the history. */
  private step(
    trigger: ApplicationTrigger,
    actor: Actor,
    at: Date,
    by: string | undefined,
    changes: Partial<ApplicationState>,
    prior?: ApplicationStatus,
  ): Application {
    const to = transition(APPLICATION_MACHINE, this.state.status, trigger, actor, prior);
    const record: TransitionRecord = { at: new Date(at.getTime()), trigger, from: this.state.status, to, actor, ...(by ? { by } : {}) };
    return new Application({ ...this.state, ...changes, status: to, history: [...this.state.history, record] });
  }

  private currentRound(): SupplementRound | undefined {
    const last = this.state.supplements[this.state.supplements.length - 1];
    return last && !last.resubmittedAt ? last : undefined;
  }

  private requireReview(): DeadlineSnapshot {
    if (!this.state.review) throw new InvalidArgumentError('The review clock has not started');
    return this.state.review;
  }

  private requireOwner(applicantId: string): void {
    if (applicantId !== this.state.applicantId) throw new NotApplicationOwnerError(this.state.id);
  }
}

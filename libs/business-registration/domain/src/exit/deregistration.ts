import type { CompanyDeregisteredData } from '@one-window/business-registration/contracts';
import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { Actor } from '../shared/actors';
import { localDateString } from '../shared/dates';
import { InvalidArgumentError } from '../shared/errors';
import { event, type DomainEvent, type Outcome } from '../shared/outcome';
import { create, transition } from '../shared/state-machine';
import { DEREGISTRATION_MACHINE, type DeregistrationStatus, type DeregistrationTrigger } from './deregistration-machine';
import { NoticePeriodError, SimplifiedDeregistrationExcludedError } from './errors';

export type DeregistrationRoute = 'SIMPLIFIED' | 'ORDINARY' | 'COURT';

/** Facts about the entity the simplified route's exclusions read [NR]. */
export interface EntityStanding {
  readonly abnormalListed: boolean;
  readonly seriousViolationListed?: boolean;
  readonly underBankruptcy: boolean;
  readonly equityFrozenOrPledged?: boolean;
  readonly pendingInvestigation?: boolean;
}

export interface DeregistrationPolicy {
  /** Public notice, natural days [cfg; NR 20]. */
  readonly noticeDays: number;
  /** Apply within N natural days after the notice ends [cfg; NR 20]. */
  readonly applyWindowDays: number;
  /** May the system approve a simplified application without an officer [cfg]? */
  readonly systemApprovesSimplified: boolean;
}

export const DEFAULT_DEREGISTRATION_POLICY: DeregistrationPolicy = { noticeDays: 20, applyWindowDays: 20, systemApprovesSimplified: true };

/** Every exclusion that applies (empty: eligible). Investors' commitment is checked separately. */
export function simplifiedExclusions(standing: EntityStanding): string[] {
  const reasons: string[] = [];
  if (standing.abnormalListed) reasons.push('ABNORMAL_LISTED');
  if (standing.seriousViolationListed) reasons.push('SERIOUS_VIOLATION_LISTED');
  if (standing.underBankruptcy) reasons.push('UNDER_BANKRUPTCY');
  if (standing.equityFrozenOrPledged) reasons.push('EQUITY_FROZEN_OR_PLEDGED');
  if (standing.pendingInvestigation) reasons.push('PENDING_INVESTIGATION');
  return reasons;
}

export type ClearanceKind = 'TAX' | 'SOCIAL_INSURANCE';
/** Tax clearance by category (001 L1045–1061). */
export type ClearanceOutcome = 'CERTIFICATE' | 'WAIVER' | 'COMMITMENT' | 'CLEARED';

export interface DeregistrationState {
  readonly id: string;
  readonly uscc: string;
  readonly route: DeregistrationRoute;
  readonly status: DeregistrationStatus;
  readonly policy: DeregistrationPolicy;
  readonly requestedAt: Date;
  readonly noticeEndsAt?: Date;
  readonly applyBy?: Date;
  readonly objections: readonly { readonly at: Date; readonly actor: Actor; readonly reason: string }[];
  readonly clearances: Partial<Record<ClearanceKind, ClearanceOutcome>>;
  readonly courtRulingRef?: string;
  readonly decidedAt?: Date;
  readonly reasons?: readonly string[];
}

export interface DeregistrationRequestedData {
  uscc: string;
  route: DeregistrationRoute;
  noticeEndsOn?: string;
}

/** The deregistration aggregate (§8, §10.4): simplified, ordinary and court routes. */
export class Deregistration {
  private constructor(readonly state: DeregistrationState) {}

  static restore(state: DeregistrationState): Deregistration {
    return new Deregistration(state);
  }

  /** 简易注销: all investors commit; the notice runs N natural days from the next day. */
  static applySimplified(cmd: {
    id: string;
    uscc: string;
    standing: EntityStanding;
    allInvestorsCommitted: boolean;
    at: Date;
    calendar: WorkingCalendar;
    policy?: DeregistrationPolicy;
  }): Outcome<Deregistration> {
    const status = create(DEREGISTRATION_MACHINE, 'apply_simplified', 'applicant');
    const reasons = simplifiedExclusions(cmd.standing);
    if (!cmd.allInvestorsCommitted) reasons.push('INVESTORS_NOT_ALL_COMMITTED');
    if (reasons.length > 0) throw new SimplifiedDeregistrationExcludedError(reasons);
    const policy = cmd.policy ?? DEFAULT_DEREGISTRATION_POLICY;
    const noticeEndsAt = cmd.calendar.deadlineNaturalDays(cmd.at, policy.noticeDays);
    const d = Deregistration.start(cmd, 'SIMPLIFIED', status, policy, { noticeEndsAt });
    const noticeEndsOn = localDateString(cmd.calendar, new Date(noticeEndsAt.getTime() - 1));
    const data: DeregistrationRequestedData = { uscc: cmd.uscc, route: 'SIMPLIFIED', noticeEndsOn };
    return {
      aggregate: d,
      events: [event('registration.deregistration.requested', cmd.uscc, cmd.at, data), event('registration.deregistration.notice_published', cmd.uscc, cmd.at, data)],
    };
  }

  /** Ordinary route: liquidation filed; clearances requested in parallel. */
  static applyOrdinary(cmd: { id: string; uscc: string; at: Date; policy?: DeregistrationPolicy }): Outcome<Deregistration> {
    const status = create(DEREGISTRATION_MACHINE, 'apply_ordinary', 'applicant');
    const d = Deregistration.start(cmd, 'ORDINARY', status, cmd.policy ?? DEFAULT_DEREGISTRATION_POLICY, {});
    return { aggregate: d, events: [event('registration.deregistration.requested', cmd.uscc, cmd.at, { uscc: cmd.uscc, route: 'ORDINARY' })] };
  }

  /** After court liquidation or bankruptcy: the ruling that ends the proceedings starts review. */
  static fromCourtRuling(cmd: { id: string; uscc: string; courtRulingRef: string; at: Date; policy?: DeregistrationPolicy }): Outcome<Deregistration> {
    const status = create(DEREGISTRATION_MACHINE, 'court_ruling', 'bankruptcy_service');
    if (!cmd.courtRulingRef.trim()) throw new InvalidArgumentError('A court-route deregistration needs the ruling');
    const d = Deregistration.start(cmd, 'COURT', status, cmd.policy ?? DEFAULT_DEREGISTRATION_POLICY, { courtRulingRef: cmd.courtRulingRef });
    return { aggregate: d, events: [event('registration.deregistration.requested', cmd.uscc, cmd.at, { uscc: cmd.uscc, route: 'COURT' })] };
  }

  /** An objection during the notice closes the simplified route. */
  object(cmd: { at: Date; actor: Actor; reason: string }): Outcome<Deregistration> {
    const status = this.go('object', cmd.actor);
    if (!cmd.reason.trim()) throw new InvalidArgumentError('An objection needs a reason');
    if (cmd.at.getTime() >= (this.state.noticeEndsAt as Date).getTime()) throw new NoticePeriodError('The notice period is over');
    const next = this.with({ status, objections: [...this.state.objections, { at: cmd.at, actor: cmd.actor, reason: cmd.reason }] });
    return { aggregate: next, events: [event('registration.deregistration.objected', this.state.uscc, cmd.at, { uscc: this.state.uscc, route: 'SIMPLIFIED', reason: cmd.reason })] };
  }

  switchToOrdinary(at: Date): Outcome<Deregistration> {
    const status = this.go('switch_to_ordinary', 'applicant');
    return { aggregate: this.with({ status, route: 'ORDINARY' }), events: [event('registration.deregistration.requested', this.state.uscc, at, { uscc: this.state.uscc, route: 'ORDINARY' })] };
  }

  /** Timer at noticeEndsAt: the apply window opens. */
  endNotice(at: Date, calendar: WorkingCalendar): Outcome<Deregistration> {
    const status = this.go('end_notice', 'timer');
    const endsAt = this.state.noticeEndsAt as Date;
    if (at.getTime() < endsAt.getTime()) throw new NoticePeriodError(`The notice runs until ${endsAt.toISOString()}`);
    const applyBy = calendar.deadlineNaturalDays(new Date(endsAt.getTime() - 1), this.state.policy.applyWindowDays);
    return { aggregate: this.with({ status, applyBy }), events: [] };
  }

  submit(at: Date): Outcome<Deregistration> {
    const status = this.go('submit', 'applicant');
    if (at.getTime() >= (this.state.applyBy as Date).getTime()) throw new NoticePeriodError('The apply window is over');
    return { aggregate: this.with({ status }), events: [] };
  }

  lapse(at: Date): Outcome<Deregistration> {
    const status = this.go('lapse', 'timer');
    if (at.getTime() < (this.state.applyBy as Date).getTime()) throw new NoticePeriodError('The apply window is still open');
    return { aggregate: this.with({ status, decidedAt: at }), events: [] };
  }

  /** A clearance arrives (tax: certificate, waiver or commitment); with all in, review starts. */
  recordClearance(kind: ClearanceKind, outcome: ClearanceOutcome, actor: Actor): Outcome<Deregistration> {
    if (this.state.status !== 'CLEARING') throw new InvalidArgumentError(`No clearance expected in ${this.state.status}`);
    if (kind === 'TAX' && outcome === 'CLEARED') throw new InvalidArgumentError('Tax clearance is a certificate, a waiver or a commitment');
    const clearances = { ...this.state.clearances, [kind]: outcome };
    const complete = clearances.TAX !== undefined && clearances.SOCIAL_INSURANCE !== undefined;
    const status = complete ? this.go('clearances_complete', actor) : this.state.status;
    return { aggregate: this.with({ clearances, status }), events: [] };
  }

  approve(at: Date, actor: Actor, calendar: WorkingCalendar): Outcome<Deregistration> {
    const status = this.go('approve', actor);
    if (actor === 'system' && !(this.state.route === 'SIMPLIFIED' && this.state.policy.systemApprovesSimplified)) {
      throw new InvalidArgumentError('Only a simplified deregistration may be approved by the system');
    }
    const data: CompanyDeregisteredData = {
      uscc: this.state.uscc,
      route: this.state.route,
      effectiveOn: localDateString(calendar, at),
      ...(this.state.courtRulingRef ? { courtRulingRef: this.state.courtRulingRef } : {}),
    };
    const events: DomainEvent[] = [event('registration.company.deregistered', this.state.uscc, at, data)];
    return { aggregate: this.with({ status, decidedAt: at }), events };
  }

  requestSupplement(reasons: readonly string[]): Outcome<Deregistration> {
    if (reasons.length === 0) throw new InvalidArgumentError('A supplement request lists what is missing');
    return { aggregate: this.with({ status: this.go('request_supplement', 'officer'), reasons: [...reasons] }), events: [] };
  }

  resubmit(): Outcome<Deregistration> {
    return { aggregate: this.with({ status: this.go('resubmit', 'applicant') }), events: [] };
  }

  refuse(at: Date, reasons: readonly string[]): Outcome<Deregistration> {
    const status = this.go('refuse', 'officer');
    if (reasons.length === 0) throw new InvalidArgumentError('A refusal states reasons');
    return { aggregate: this.with({ status, decidedAt: at, reasons: [...reasons] }), events: [] };
  }

  private static start(
    cmd: { id: string; uscc: string; at: Date },
    route: DeregistrationRoute,
    status: DeregistrationStatus,
    policy: DeregistrationPolicy,
    extra: Partial<DeregistrationState>,
  ): Deregistration {
    return new Deregistration({ id: cmd.id, uscc: cmd.uscc, route, status, policy, requestedAt: new Date(cmd.at.getTime()), objections: [], clearances: {}, ...extra });
  }

  private go(trigger: DeregistrationTrigger, actor: Actor): DeregistrationStatus {
    return transition(DEREGISTRATION_MACHINE, this.state.status, trigger, actor);
  }

  private with(changes: Partial<DeregistrationState>): Deregistration {
    return new Deregistration({ ...this.state, ...changes });
  }
}

import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { TaxActor } from '../shared/actors';
import { TaxInvalidArgumentError } from '../shared/errors';
import { taxEvent, type TaxOutcome } from '../shared/outcome';
import { create, transition, type TaxStateMachine } from '../shared/state-machine';

/**
 * Tax-dispute mediation (税费争议调解, tax.md §13; Sanya, 002 L3771): a dispute team and a mediation
 * room in the tax hall. RECEIVED → ACCEPTED (within 2 WD [cfg]) → MEDIATING → SETTLED | NOT_SETTLED
 * (within 20 WD [cfg] of the start of mediation; NOT_SETTLED carries the notice of legal remedies
 * [ext]); WITHDRAWN at any time before it ends. The limits are not refusals: a late step is still
 * taken, and recorded late; the views show what is overdue.
 */
export const DISPUTE_STATES = ['RECEIVED', 'ACCEPTED', 'MEDIATING', 'SETTLED', 'NOT_SETTLED', 'WITHDRAWN'] as const;
export type DisputeStatus = (typeof DISPUTE_STATES)[number];
export const DISPUTE_TRIGGERS = ['open', 'accept', 'start_mediation', 'settle', 'close_unsettled', 'withdraw'] as const;
export type DisputeTrigger = (typeof DISPUTE_TRIGGERS)[number];

/** tax.md §13: acceptance within 2 working days [cfg]. */
export const DISPUTE_ACCEPTANCE_WORKING_DAYS = 2;
/** tax.md §13: mediation ends (settled or not) within 20 working days [cfg]. */
export const DISPUTE_MEDIATION_WORKING_DAYS = 20;
/** What a NOT_SETTLED dispute's notice names [ext]: 行政复议, 行政诉讼. */
export const LEGAL_REMEDIES = ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'] as const;
export const DISPUTE_CHANNELS = ['ONLINE', 'HALL', 'PHONE'] as const;
export type DisputeChannel = (typeof DISPUTE_CHANNELS)[number];

export const DISPUTE_MACHINE: TaxStateMachine<DisputeStatus, DisputeTrigger> = {
  name: 'tax-dispute',
  codePrefix: 'tax',
  states: DISPUTE_STATES,
  triggers: DISPUTE_TRIGGERS,
  creations: [{ trigger: 'open', to: 'RECEIVED', actors: ['applicant', 'officer_dispute'], guard: 'The taxpayer online, or the dispute team for a hall or phone request; tax.dispute.opened' }],
  transitions: [
    { from: ['RECEIVED'], trigger: 'accept', to: 'ACCEPTED', actors: ['officer_dispute'], guard: `Within ${DISPUTE_ACCEPTANCE_WORKING_DAYS} WD of receipt [cfg]` },
    { from: ['ACCEPTED'], trigger: 'start_mediation', to: 'MEDIATING', actors: ['officer_dispute'], guard: 'The mediation clock starts' },
    { from: ['MEDIATING'], trigger: 'settle', to: 'SETTLED', actors: ['officer_dispute'], guard: `Agreement recorded, within ${DISPUTE_MEDIATION_WORKING_DAYS} WD [cfg]; tax.dispute.settled` },
    { from: ['MEDIATING'], trigger: 'close_unsettled', to: 'NOT_SETTLED', actors: ['officer_dispute'], guard: 'With the notice of legal remedies [ext]; tax.dispute.closed' },
    { from: ['RECEIVED', 'ACCEPTED', 'MEDIATING'], trigger: 'withdraw', to: 'WITHDRAWN', actors: ['applicant'], guard: 'The taxpayer, at any time before it ends; tax.dispute.closed' },
  ],
  terminal: ['SETTLED', 'NOT_SETTLED', 'WITHDRAWN'],
};

export interface TaxDisputeState {
  readonly disputeId: string;
  readonly taxpayerId: string;
  readonly channel: DisputeChannel;
  /** What the dispute is about (no personal data beyond the taxpayer's own). */
  readonly subject: string;
  readonly status: DisputeStatus;
  readonly receivedAt: Date;
  readonly acceptanceDueAt: Date;
  readonly acceptedAt?: Date;
  readonly acceptedLate?: boolean;
  readonly mediationStartedAt?: Date;
  readonly mediationDueAt?: Date;
  readonly closedAt?: Date;
  readonly closedLate?: boolean;
  readonly agreementRef?: string;
  readonly reason?: string;
  readonly remedies?: readonly string[];
}

export class TaxDispute {
  private constructor(readonly state: TaxDisputeState) {}

  static rehydrate(state: TaxDisputeState): TaxDispute {
    return new TaxDispute(state);
  }

  /** Received now: acceptance due by the end of the 2nd working day after the day of receipt. */
  static open(cmd: { disputeId: string; taxpayerId: string; channel: DisputeChannel; subject: string; actor: TaxActor; at: Date; calendar: WorkingCalendar }): TaxOutcome<TaxDispute> {
    const status = create(DISPUTE_MACHINE, 'open', cmd.actor);
    if (!cmd.subject.trim()) throw new TaxInvalidArgumentError('A dispute needs its subject', { field: 'subject' });
    const acceptanceDueAt = cmd.calendar.deadlineWorkingDays(cmd.at, DISPUTE_ACCEPTANCE_WORKING_DAYS);
    const state: TaxDisputeState = { disputeId: cmd.disputeId, taxpayerId: cmd.taxpayerId, channel: cmd.channel, subject: cmd.subject, status, receivedAt: new Date(cmd.at.getTime()), acceptanceDueAt };
    return {
      aggregate: new TaxDispute(state),
      events: [taxEvent('tax.dispute.opened', cmd.taxpayerId, cmd.at, { disputeId: cmd.disputeId, taxpayerId: cmd.taxpayerId, channel: cmd.channel, acceptanceDueAt: acceptanceDueAt.toISOString() })],
    };
  }

  accept(cmd: { actor: TaxActor; at: Date }): TaxDispute {
    const status = transition(DISPUTE_MACHINE, this.state.status, 'accept', cmd.actor);
    return new TaxDispute({ ...this.state, status, acceptedAt: new Date(cmd.at.getTime()), acceptedLate: cmd.at.getTime() >= this.state.acceptanceDueAt.getTime() });
  }

  /** Mediation starts: it is due to end by the end of the 20th working day after that day. */
  startMediation(cmd: { actor: TaxActor; at: Date; calendar: WorkingCalendar }): TaxDispute {
    const status = transition(DISPUTE_MACHINE, this.state.status, 'start_mediation', cmd.actor);
    return new TaxDispute({ ...this.state, status, mediationStartedAt: new Date(cmd.at.getTime()), mediationDueAt: cmd.calendar.deadlineWorkingDays(cmd.at, DISPUTE_MEDIATION_WORKING_DAYS) });
  }

  settle(cmd: { actor: TaxActor; at: Date; agreementRef: string }): TaxOutcome<TaxDispute> {
    const status = transition(DISPUTE_MACHINE, this.state.status, 'settle', cmd.actor);
    if (!cmd.agreementRef.trim()) throw new TaxInvalidArgumentError('A settlement needs its agreement', { field: 'agreementRef' });
    const next = this.closed(status, cmd.at, { agreementRef: cmd.agreementRef });
    return { aggregate: next, events: [taxEvent('tax.dispute.settled', this.state.taxpayerId, cmd.at, { disputeId: this.state.disputeId, taxpayerId: this.state.taxpayerId, agreementRef: cmd.agreementRef, late: next.state.closedLate === true })] };
  }

  /** Mediation failed: NOT_SETTLED with the reason and the notice of legal remedies. */
  closeUnsettled(cmd: { actor: TaxActor; at: Date; reason: string }): TaxOutcome<TaxDispute> {
    const status = transition(DISPUTE_MACHINE, this.state.status, 'close_unsettled', cmd.actor);
    if (!cmd.reason.trim()) throw new TaxInvalidArgumentError('Say why the mediation failed', { field: 'reason' });
    const next = this.closed(status, cmd.at, { reason: cmd.reason, remedies: [...LEGAL_REMEDIES] });
    return { aggregate: next, events: [this.closedEvent(next, cmd.at)] };
  }

  withdraw(cmd: { actor: TaxActor; at: Date }): TaxOutcome<TaxDispute> {
    const status = transition(DISPUTE_MACHINE, this.state.status, 'withdraw', cmd.actor);
    const next = new TaxDispute({ ...this.state, status, closedAt: new Date(cmd.at.getTime()) });
    return { aggregate: next, events: [this.closedEvent(next, cmd.at)] };
  }

  /** What is overdue at `at`: acceptance while RECEIVED past its due time, mediation while MEDIATING past its due time. */
  overdue(at: Date): { acceptance: boolean; mediation: boolean } {
    const s = this.state;
    return {
      acceptance: s.status === 'RECEIVED' && at.getTime() >= s.acceptanceDueAt.getTime(),
      mediation: s.status === 'MEDIATING' && s.mediationDueAt !== undefined && at.getTime() >= s.mediationDueAt.getTime(),
    };
  }

  private closed(status: DisputeStatus, at: Date, more: Partial<TaxDisputeState>): TaxDispute {
    const late = this.state.mediationDueAt !== undefined && at.getTime() >= this.state.mediationDueAt.getTime();
    return new TaxDispute({ ...this.state, ...more, status, closedAt: new Date(at.getTime()), closedLate: late });
  }

  private closedEvent(next: TaxDispute, at: Date) {
    const s = next.state;
    return taxEvent('tax.dispute.closed', s.taxpayerId, at, {
      disputeId: s.disputeId,
      taxpayerId: s.taxpayerId,
      outcome: s.status,
      ...(s.remedies ? { remedies: [...s.remedies] } : {}),
    });
  }
}

import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { Actor } from '../shared/actors';
import { monthsPeriodEnd } from '../shared/dates';
import type { EntityType } from '../shared/entity-type';
import { InvalidArgumentError, NotYetDueError } from '../shared/errors';
import { event, type Outcome } from '../shared/outcome';
import { create, transition, type StateMachine } from '../shared/state-machine';
import {
  CommitmentNotSignedError,
  NameBlockedError,
  NameWarningsNotAcknowledgedError,
  ReservationHeldError,
  ReservationNotOwnedError,
} from './errors';
import { warningsToAcknowledge, type NameCheckResult } from './name-check';

/** Name reservation (名称预留 / 名称保留), §2.1 and §10.1. */
export const RESERVATION_STATES = ['RESERVED', 'CONSUMED', 'RELEASED', 'EXPIRED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATES)[number];
export const RESERVATION_TRIGGERS = ['reserve', 'consume', 'withdraw', 'expire'] as const;
export type ReservationTrigger = (typeof RESERVATION_TRIGGERS)[number];

export const NAME_RESERVATION_MACHINE: StateMachine<ReservationStatus, ReservationTrigger> = {
  name: 'name-reservation',
  codePrefix: 'registration',
  states: RESERVATION_STATES,
  triggers: RESERVATION_TRIGGERS,
  creations: [
    {
      trigger: 'reserve',
      to: 'RESERVED',
      actors: ['applicant'],
      guard: 'Self-check not BLOCK; every WARN acknowledged; commitment signed. expiresAt = +2 months (1 year with a pre-approval)',
    },
  ],
  transitions: [
    { from: ['RESERVED'], trigger: 'consume', to: 'CONSUMED', actors: ['system'], guard: "The reserving applicant's application is registered" },
    { from: ['RESERVED'], trigger: 'withdraw', to: 'RELEASED', actors: ['applicant'], guard: 'Not held by an undecided application' },
    { from: ['RESERVED'], trigger: 'expire', to: 'EXPIRED', actors: ['system'], guard: 'At or after expiresAt; not held by an undecided application' },
  ],
  terminal: ['CONSUMED', 'RELEASED', 'EXPIRED'],
};

/** Reservation periods in natural months [NR, cfg]. */
export interface ReservationPolicy {
  readonly months: number;
  readonly preApprovalMonths: number;
}

export const DEFAULT_RESERVATION_POLICY: ReservationPolicy = { months: 2, preApprovalMonths: 12 };

export interface NameReservationState {
  readonly id: string;
  readonly applicantId: string;
  readonly authorityCode: string;
  readonly entityType: EntityType;
  readonly name: string;
  readonly parts: {
    readonly division?: string;
    readonly tradeName: string;
    readonly industryWord?: string;
    readonly organisationForm?: string;
  };
  readonly tradeNameKey: string;
  readonly industryCode?: string;
  readonly status: ReservationStatus;
  readonly checkLevel: 'PASS' | 'WARN';
  readonly rulesVersion: string;
  readonly acknowledgedWarnings: readonly string[];
  readonly withPreApproval: boolean;
  readonly reservedAt: Date;
  /** Exclusive: expired from this instant (end of the corresponding day, Asia/Shanghai). */
  readonly expiresAt: Date;
  /** The undecided application citing this name, if any. */
  readonly heldBy?: string;
  readonly consumedBy?: string;
  readonly closedAt?: Date;
}

export interface NameReservedData {
  reservationId: string;
  name: string;
  parts: NameReservationState['parts'];
  entityType: EntityType;
  expiresAt: string;
}

export interface NameReservationClosedData {
  reservationId: string;
  name: string;
  entityType: EntityType;
  expiresAt: string;
}

export interface ReserveName {
  readonly id: string;
  readonly applicantId: string;
  readonly authorityCode: string;
  readonly entityType: EntityType;
  /** The self-check just run on this name (checkName). */
  readonly check: NameCheckResult;
  readonly acknowledgedWarnings?: readonly string[];
  readonly commitmentSigned: boolean;
  /** The establishment needs a pre-approval (前置审批): 1 year instead of 2 months. */
  readonly withPreApproval?: boolean;
  readonly at: Date;
  readonly calendar: WorkingCalendar;
  readonly policy?: ReservationPolicy;
}

/** The name-reservation aggregate. Immutable: every command returns a new one and its events. */
export class NameReservation {
  private constructor(readonly state: NameReservationState) {}

  static restore(state: NameReservationState): NameReservation {
    return new NameReservation(state);
  }

  static reserve(cmd: ReserveName): Outcome<NameReservation> {
    const status = create(NAME_RESERVATION_MACHINE, 'reserve', 'applicant');
    const { check } = cmd;
    if (check.level === 'BLOCK') {
      throw new NameBlockedError(check.reasons.filter((r) => r.level === 'BLOCK').map((r) => r.code));
    }
    const acknowledged = cmd.acknowledgedWarnings ?? [];
    const missing = warningsToAcknowledge(check).filter((code) => !acknowledged.includes(code));
    if (missing.length > 0) throw new NameWarningsNotAcknowledgedError(missing);
    if (!cmd.commitmentSigned) throw new CommitmentNotSignedError('Reserving a name');
    const policy = cmd.policy ?? DEFAULT_RESERVATION_POLICY;
    if (!(policy.months >= 1 && policy.preApprovalMonths >= 1)) throw new InvalidArgumentError('Reservation periods must be >= 1 month');
    const withPreApproval = cmd.withPreApproval ?? false;
    const expiresAt = monthsPeriodEnd(cmd.calendar, cmd.at, withPreApproval ? policy.preApprovalMonths : policy.months);
    const p = check.parsed;
    const state: NameReservationState = {
      id: cmd.id,
      applicantId: cmd.applicantId,
      authorityCode: cmd.authorityCode,
      entityType: cmd.entityType,
      name: p.canonical,
      parts: {
        ...(p.division ? { division: p.division.text } : {}),
        tradeName: p.tradeName,
        ...(p.industryWord ? { industryWord: p.industryWord } : {}),
        ...(p.organisationForm ? { organisationForm: p.organisationForm } : {}),
      },
      tradeNameKey: p.tradeNameKey,
      ...(p.industryCode ? { industryCode: p.industryCode } : {}),
      status,
      checkLevel: check.level,
      rulesVersion: check.rulesVersion,
      acknowledgedWarnings: [...acknowledged],
      withPreApproval,
      reservedAt: new Date(cmd.at.getTime()),
      expiresAt,
    };
    const data: NameReservedData = {
      reservationId: state.id,
      name: state.name,
      parts: state.parts,
      entityType: state.entityType,
      expiresAt: expiresAt.toISOString(),
    };
    return { aggregate: new NameReservation(state), events: [event('registration.name.reserved', state.id, cmd.at, data)] };
  }

  /** Valid for an application at `at`: RESERVED and not past expiresAt (or held past it). */
  isValidAt(at: Date): boolean {
    return this.state.status === 'RESERVED' && (this.state.heldBy !== undefined || at.getTime() < this.state.expiresAt.getTime());
  }

  /** An application citing the name was submitted: hold it until the application is decided. */
  hold(applicationId: string, applicantId: string, at: Date): NameReservation {
    this.requireOwner(applicantId);
    if (!this.isValidAt(at)) throw new InvalidArgumentError(`Reservation ${this.state.id} is not valid at ${at.toISOString()}`);
    if (this.state.heldBy && this.state.heldBy !== applicationId) throw new ReservationHeldError(this.state.id, this.state.heldBy);
    return this.with({ heldBy: applicationId });
  }

  /** The citing application was decided without registering: the hold ends (expiry may now be due). */
  releaseHold(applicationId: string): NameReservation {
    if (this.state.heldBy !== applicationId) return this;
    const { heldBy: _released, ...rest } = this.state;
    return new NameReservation(rest);
  }

  /** The reserving applicant's application was registered. */
  consume(applicationId: string, applicantId: string, at: Date): Outcome<NameReservation> {
    const status = transition(NAME_RESERVATION_MACHINE, this.state.status, 'consume', 'system');
    this.requireOwner(applicantId);
    if (this.state.heldBy !== undefined && this.state.heldBy !== applicationId) throw new ReservationHeldError(this.state.id, this.state.heldBy);
    const { heldBy: _h, ...rest } = this.state;
    return { aggregate: new NameReservation({ ...rest, status, consumedBy: applicationId, closedAt: new Date(at.getTime()) }), events: [] };
  }

  withdraw(applicantId: string, at: Date, actor: Actor = 'applicant'): Outcome<NameReservation> {
    const status = transition(NAME_RESERVATION_MACHINE, this.state.status, 'withdraw', actor);
    this.requireOwner(applicantId);
    if (this.state.heldBy) throw new ReservationHeldError(this.state.id, this.state.heldBy);
    return this.close(status, at, 'registration.name.released');
  }

  /** The expiry timer fired. Refused before expiresAt and while held (reschedule on releaseHold). */
  expire(at: Date): Outcome<NameReservation> {
    const status = transition(NAME_RESERVATION_MACHINE, this.state.status, 'expire', 'system');
    if (at.getTime() < this.state.expiresAt.getTime()) throw new NotYetDueError(`Expiry of ${this.state.id}`, this.state.expiresAt, at);
    if (this.state.heldBy) throw new ReservationHeldError(this.state.id, this.state.heldBy);
    return this.close(status, at, 'registration.name.expired');
  }

  private close(status: ReservationStatus, at: Date, type: string): Outcome<NameReservation> {
    const data: NameReservationClosedData = {
      reservationId: this.state.id,
      name: this.state.name,
      entityType: this.state.entityType,
      expiresAt: this.state.expiresAt.toISOString(),
    };
    return { aggregate: this.with({ status, closedAt: new Date(at.getTime()) }), events: [event(type, this.state.id, at, data)] };
  }

  private requireOwner(applicantId: string): void {
    if (applicantId !== this.state.applicantId) throw new ReservationNotOwnedError(this.state.id);
  }

  private with(changes: Partial<NameReservationState>): NameReservation {
    return new NameReservation({ ...this.state, ...changes });
  }
}

import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { ComplaintActor } from '../shared/actors';
import { attemptsExhausted, THREE_ATTEMPTS_RULE } from '../shared/attempts';
import { ComplaintsRuleError, InvalidArgumentError, NotSameCallerError, NotYetDueError } from '../shared/errors';
import { event, type DomainEvent, type Outcome } from '../shared/outcome';
import { create, transition } from '../shared/state-machine';
import type { CallerDetails, CallerField } from './confidentiality';
import { SUBMISSION_MACHINE, type SubmissionStatus, type SubmissionTrigger } from './submission-machine';
import { Ticket } from './ticket';
import { channelClassOf, type Channel, type ChannelClass, type TicketType } from './ticket-types';
import { DEFAULT_TIME_LIMITS, supplementDueAt, type TimeLimitTable } from './time-limits';

export type SubmissionRefusal =
  | 'one_supplement_only'
  | 'supplement_period_over'
  | 'phone_calls_only'
  | 'close_not_justified'
  | 'real_name_required'
  | 'real_name_not_required'
  | 'nothing_missing'
  | 'no_items';

/** A submission guard refused the command: 'complaints.submission.<reason>'. */
export class SubmissionRefusedError extends ComplaintsRuleError {
  constructor(reason: SubmissionRefusal, message: string, details: Record<string, unknown> = {}) {
    super('submission', reason, message, details);
  }
}

/** The identity fields a real-name request needs: name, ID number, contact (002 L1497–1505). */
export const REAL_NAME_FIELDS: readonly CallerField[] = ['name', 'idNumber', 'phone'];

export type IncompleteReason = 'CALLS_FAILED' | 'REFUSED' | 'STILL_INADEQUATE' | 'LAPSED';

export interface SupplementRound {
  readonly requestedAt: Date;
  readonly channelClass: ChannelClass;
  readonly missing: readonly string[];
  /** Network: the caller's receipt of the notice and the 3 ND end (002 L1517). */
  readonly noticeReceivedAt?: Date;
  readonly dueAt?: Date;
  /** Phone: failed calls (002 L1515). */
  readonly calls: readonly Date[];
  readonly refused: boolean;
  readonly suppliedAt?: Date;
}

export interface SubmissionState {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly channel: Channel;
  readonly channelClass: ChannelClass;
  readonly callerKey: string;
  readonly realNameRequired: boolean;
  /** Which identity fields the caller gave. */
  readonly identityGiven: readonly CallerField[];
  readonly hiddenFields: readonly CallerField[];
  readonly whistleblower: boolean;
  readonly isMarketEntity: boolean;
  readonly uscc?: string;
  readonly status: SubmissionStatus;
  readonly receivedAt: Date;
  readonly supplement?: SupplementRound;
  readonly ticketIds: readonly string[];
  readonly closeReason?: 'INCOMPLETE' | 'IDENTITY_REFUSED';
  readonly closeNote?: string;
  readonly version: number;
  readonly history: readonly { at: Date; trigger: SubmissionTrigger; from: SubmissionStatus | null; to: SubmissionStatus; actor: ComplaintActor }[];
}

export interface TicketItem {
  readonly ticketId: string;
  readonly type: TicketType;
  readonly scenarioCode: string;
  readonly assignedDeadline?: Date;
  readonly priority?: 'NORMAL' | 'URGENT';
  readonly marketEntityTags?: readonly string[];
}

const copy = (d: Date) => new Date(d.getTime());

/**
 * The Submission aggregate (one caller contact), spec §3.1, §3.3. Registration creates one
 * Ticket per item and per handling unit (002 L1509–1513).
 */
export class Submission {
  private constructor(readonly state: SubmissionState) {}

  static restore(state: SubmissionState): Submission {
    return new Submission(state);
  }

  static receive(cmd: {
    id: string;
    jurisdictionId: string;
    channel: Channel;
    agentEntered?: boolean;
    callerKey: string;
    actor: 'caller' | 'hotline_agent' | 'integrator';
    at: Date;
    realNameRequired?: boolean;
    identityGiven?: readonly CallerField[];
    hiddenFields?: readonly CallerField[];
    whistleblower?: boolean;
    isMarketEntity?: boolean;
    uscc?: string;
  }): Outcome<Submission> {
    const status = create(SUBMISSION_MACHINE, 'receive', cmd.actor);
    const s = new Submission({
      id: cmd.id,
      jurisdictionId: cmd.jurisdictionId,
      channel: cmd.channel,
      channelClass: channelClassOf(cmd.channel, cmd.agentEntered),
      callerKey: cmd.callerKey,
      realNameRequired: cmd.realNameRequired ?? false,
      identityGiven: [...(cmd.identityGiven ?? [])],
      hiddenFields: [...(cmd.hiddenFields ?? [])],
      whistleblower: cmd.whistleblower ?? false,
      isMarketEntity: cmd.isMarketEntity ?? false,
      ...(cmd.uscc ? { uscc: cmd.uscc } : {}),
      status,
      receivedAt: copy(cmd.at),
      ticketIds: [],
      version: 1,
      history: [{ at: copy(cmd.at), trigger: 'receive', from: null, to: status, actor: cmd.actor }],
    });
    return { aggregate: s, events: [s.event('complaints.submission.received', cmd.at, { channel: cmd.channel, isMarketEntity: s.state.isMarketEntity })] };
  }

  /** True when a real name is required but not given in full, or hidden (002 L1497–1507). */
  identityRefused(): boolean {
    if (!this.state.realNameRequired) return false;
    return REAL_NAME_FIELDS.some((f) => !this.state.identityGiven.includes(f) || this.state.hiddenFields.includes(f));
  }

  /**
   * The one-time notice listing everything missing (一次性告知, 002 L1515, L1517). Network: the
   * caller has 3 ND from receipt of the notice, once. Phone: up to 3 calls ≥15 min apart.
   */
  requestSupplement(cmd: { at: Date; agentId: string; missing: readonly string[]; noticeReceivedAt?: Date; calendar: WorkingCalendar; limits?: TimeLimitTable }): Outcome<Submission> {
    const next = this.step('request_supplement', 'hotline_agent', cmd.at);
    if (this.state.supplement) throw new SubmissionRefusedError('one_supplement_only', 'One supplement only; if still inadequate the request is closed (002 L1517)');
    if (cmd.missing.length === 0) throw new SubmissionRefusedError('nothing_missing', 'The notice lists everything missing (002 L1515)');
    const network = this.state.channelClass === 'NETWORK';
    const received = cmd.noticeReceivedAt ?? cmd.at;
    const dueAt = network ? supplementDueAt(cmd.calendar, received, cmd.limits ?? DEFAULT_TIME_LIMITS) : undefined;
    const round: SupplementRound = {
      requestedAt: copy(cmd.at),
      channelClass: this.state.channelClass,
      missing: [...cmd.missing],
      ...(network ? { noticeReceivedAt: copy(received), dueAt } : {}),
      calls: [],
      refused: false,
    };
    const updated = next.with({ supplement: round });
    return {
      aggregate: updated,
      events: [
        updated.event('complaints.submission.supplement_requested', cmd.at, {
          channelClass: round.channelClass,
          missing: [...cmd.missing],
          dueAt: dueAt ? dueAt.toISOString() : null,
          attempts: network ? null : THREE_ATTEMPTS_RULE.attempts,
        }),
      ],
    };
  }

  /** Phone class: a failed (or refused) call asking for the information (002 L1515). */
  recordSupplementCall(cmd: { at: Date; agentId: string; refused?: boolean }): Outcome<Submission> {
    const next = this.step('record_supplement_call', 'hotline_agent', cmd.at);
    const round = this.state.supplement as SupplementRound;
    if (round.channelClass !== 'PHONE') throw new SubmissionRefusedError('phone_calls_only', 'Calls apply to the phone channel (002 L1515)');
    return { aggregate: next.with({ supplement: { ...round, calls: [...round.calls, copy(cmd.at)], refused: round.refused || cmd.refused === true } }), events: [] };
  }

  /** The caller supplies the information, from the same phone or account (002 L1495); network: within 3 ND (002 L1517). */
  supplement(cmd: { at: Date; actor: 'caller' | 'hotline_agent' | 'integrator'; callerKey: string; identityGiven?: readonly CallerField[] }): Outcome<Submission> {
    if (cmd.callerKey !== this.state.callerKey) throw new NotSameCallerError(this.state.id);
    const next = this.step('supplement', cmd.actor, cmd.at);
    const round = this.state.supplement as SupplementRound;
    if (round.dueAt && cmd.at.getTime() >= round.dueAt.getTime()) {
      throw new SubmissionRefusedError('supplement_period_over', 'The 3 ND for the supplement have passed (002 L1517)', { dueAt: round.dueAt.toISOString() });
    }
    const identityGiven = [...new Set([...this.state.identityGiven, ...(cmd.identityGiven ?? [])])];
    const updated = next.with({ supplement: { ...round, suppliedAt: copy(cmd.at) }, identityGiven });
    return { aggregate: updated, events: [updated.event('complaints.submission.supplemented', cmd.at, { channelClass: round.channelClass })] };
  }

  /**
   * Closed as incomplete (002 L1515–1521): 3 failed calls ≥15 min apart, a refusal, still
   * inadequate after the one supplement, or (timer) the 3 ND lapsed. The caller may file again.
   */
  closeIncomplete(cmd: { at: Date; actor: 'hotline_agent' | 'timer'; reason: IncompleteReason; note: string }): Outcome<Submission> {
    const next = this.step('close_incomplete', cmd.actor, cmd.at);
    const round = this.state.supplement;
    const justified =
      (cmd.reason === 'CALLS_FAILED' && this.state.status === 'AWAITING_SUPPLEMENT' && round !== undefined && attemptsExhausted(round.calls)) ||
      (cmd.reason === 'REFUSED' && this.state.status === 'AWAITING_SUPPLEMENT' && round?.refused === true) ||
      (cmd.reason === 'STILL_INADEQUATE' && this.state.status === 'RECEIVED' && round?.suppliedAt !== undefined) ||
      (cmd.reason === 'LAPSED' && this.state.status === 'AWAITING_SUPPLEMENT' && round?.dueAt !== undefined);
    if (!justified) throw new SubmissionRefusedError('close_not_justified', `${cmd.reason} does not apply (002 L1515–1521)`, { incompleteReason: cmd.reason });
    if (cmd.reason === 'LAPSED' && round?.dueAt && cmd.at.getTime() < round.dueAt.getTime()) throw new NotYetDueError('The supplement period', round.dueAt, cmd.at);
    return next.with({ closeReason: 'INCOMPLETE', closeNote: cmd.note }).closed(cmd.at, 'INCOMPLETE');
  }

  /** A real name is required but refused or hidden: not registered or dispatched (002 L1507). */
  refuseIdentity(cmd: { at: Date; agentId: string }): Outcome<Submission> {
    const next = this.step('refuse_identity', 'hotline_agent', cmd.at);
    if (!this.identityRefused()) throw new SubmissionRefusedError('real_name_not_required', 'The identity requirement is met or does not apply');
    return next.with({ closeReason: 'IDENTITY_REFUSED' }).closed(cmd.at, 'IDENTITY_REFUSED');
  }

  /**
   * Registration (登记): one Ticket per item and per handling unit; mixed content is split into
   * direct answer, dispatch and guidance (002 L1509–1513). Returns the new tickets with their events.
   */
  register(cmd: { at: Date; agentId: string; items: readonly TicketItem[]; calendar: WorkingCalendar; limits?: TimeLimitTable; caller?: CallerDetails; area?: string }): Outcome<Submission> & { tickets: readonly Ticket[] } {
    const next = this.step('register', 'hotline_agent', cmd.at);
    if (this.identityRefused()) throw new SubmissionRefusedError('real_name_required', 'A real name is required (name, ID number, contact) (002 L1497–1507)');
    if (cmd.items.length === 0) throw new SubmissionRefusedError('no_items', 'Registration creates at least one ticket (002 L1511)');
    const ids = cmd.items.map((i) => i.ticketId);
    if (new Set(ids).size !== ids.length) throw new InvalidArgumentError('Ticket ids repeat', { ids });
    const outcomes = cmd.items.map((item, i) =>
      Ticket.register({
        id: item.ticketId,
        submissionId: this.state.id,
        jurisdictionId: this.state.jurisdictionId,
        type: item.type,
        scenarioCode: item.scenarioCode,
        channel: this.state.channel,
        ...(cmd.area ? { area: cmd.area } : {}),
        callerKey: this.state.callerKey,
        at: cmd.at,
        agentId: cmd.agentId,
        calendar: cmd.calendar,
        ...(cmd.limits ? { limits: cmd.limits } : {}),
        splitIndex: i + 1,
        splitCount: cmd.items.length,
        ...(item.priority ? { priority: item.priority } : {}),
        ...(item.marketEntityTags ? { marketEntityTags: item.marketEntityTags } : {}),
        ...(item.assignedDeadline ? { assignedDeadline: item.assignedDeadline } : {}),
        privacy: { hiddenFields: this.state.hiddenFields, whistleblower: this.state.whistleblower },
        ...(cmd.caller ? { caller: cmd.caller } : {}),
      }),
    );
    return {
      aggregate: next.with({ ticketIds: ids }),
      events: outcomes.flatMap((o) => o.events),
      tickets: outcomes.map((o) => o.aggregate),
    };
  }

  private closed(at: Date, reason: 'INCOMPLETE' | 'IDENTITY_REFUSED'): Outcome<Submission> {
    return { aggregate: this, events: [this.event('complaints.submission.closed', at, { reason })] };
  }

  private with(changes: Partial<SubmissionState>): Submission {
    return new Submission({ ...this.state, ...changes });
  }

  private step(trigger: SubmissionTrigger, actor: ComplaintActor, at: Date): Submission {
    const to = transition(SUBMISSION_MACHINE, this.state.status, trigger, actor);
    return new Submission({
      ...this.state,
      status: to,
      version: this.state.version + 1,
      history: [...this.state.history, { at: copy(at), trigger, from: this.state.status, to, actor }],
    });
  }

  private event(type: string, at: Date, data: Record<string, unknown>): DomainEvent {
    return event(type, this.state.id, this.state.id, at, { submissionId: this.state.id, jurisdictionId: this.state.jurisdictionId, version: this.state.version, ...data });
  }
}

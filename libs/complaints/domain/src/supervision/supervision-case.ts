/**
 * Supervision cases (督办), spec §3.7. The centre opens a case on a ticket with a deadline and
 * requirements and audits the unit's response (002 L1610); the data administration does so for
 * difficult cross-level tickets (002 L1448). States (design): OPEN → RESPONDED → CLOSED on audit
 * pass; audit fail → OPEN with the same deadline. A durable timer marks the case overdue once
 * (no state change: the case stays OPEN, `overdueAt` is set).
 *
 * Limits run from the unit's receipt of the case (= the instant it is opened) on the working-day
 * calendar (spec §0: the receipt day is not counted; due = 00:00 after the N-th WD, exclusive).
 *
 * Auto-proposal (our reading of "an overdue ticket auto-proposes OVERDUE_UNJUSTIFIED"): when a
 * ticket's handling deadline passes (`ticket.overdue`), the service opens an OVERDUE_UNJUSTIFIED
 * case itself (actor `system`, `autoProposed: true`); the centre then audits it like any other.
 */
import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { ComplaintActor } from '../shared/actors';
import { ComplaintsRuleError, InvalidArgumentError, NotYetDueError } from '../shared/errors';
import { event, type DomainEvent, type Outcome } from '../shared/outcome';
import { create, transition, type StateMachine } from '../shared/state-machine';

export const SUPERVISION_KINDS = ['OVERDUE_UNJUSTIFIED', 'FEEDBACK_NONCOMPLIANT', 'LONG_RUNNING', 'DUTY_OPINION_OBJECTION'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

/** Response limits in WD from the unit's receipt; LONG_RUNNING has none and opens a LongRunningIssue (002 L1614–1620). */
export const SUPERVISION_LIMITS: Readonly<Record<SupervisionKind, { readonly wd: number | null; readonly response: string; readonly source: string }>> = {
  OVERDUE_UNJUSTIFIED: { wd: 2, response: 'handling status plus an explanation of the delay', source: '002 L1614' },
  FEEDBACK_NONCOMPLIANT: { wd: 5, response: 'a compliant report', source: '002 L1616' },
  LONG_RUNNING: { wd: null, response: 'active measures (a long-running issue is opened)', source: '002 L1618' },
  DUTY_OPINION_OBJECTION: { wd: 5, response: 'verification findings of the unit and the guidance unit', source: '002 L1620' },
};

export const SUPERVISION_STATES = ['OPEN', 'RESPONDED', 'CLOSED'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATES)[number];

export const SUPERVISION_TRIGGERS = ['open', 'respond', 'audit_pass', 'audit_fail', 'mark_overdue'] as const;
export type SupervisionTrigger = (typeof SUPERVISION_TRIGGERS)[number];

export const SUPERVISION_MACHINE: StateMachine<SupervisionStatus, SupervisionTrigger> = {
  name: 'supervision-case',
  codePrefix: 'complaints',
  states: SUPERVISION_STATES,
  triggers: SUPERVISION_TRIGGERS,
  creations: [
    {
      trigger: 'open',
      to: 'OPEN',
      actors: ['hotline_agent', 'district_body', 'supervisor', 'system'],
      guard: 'the centre (002 L1610), a district body in its district, the data administration for cross-level tickets (002 L1448), or the service proposing OVERDUE_UNJUSTIFIED for an overdue ticket (design)',
    },
  ],
  transitions: [
    { from: ['OPEN'], trigger: 'respond', to: 'RESPONDED', actors: ['handling_unit', 'guidance_body'], guard: 'the unit (and for a duty-opinion objection the guidance unit) responds as the kind requires (002 L1612–1620)' },
    { from: ['RESPONDED'], trigger: 'audit_pass', to: 'CLOSED', actors: ['hotline_agent', 'district_body', 'supervisor'], guard: 'the response meets the requirements (002 L1610)' },
    { from: ['RESPONDED'], trigger: 'audit_fail', to: 'OPEN', actors: ['hotline_agent', 'district_body', 'supervisor'], guard: 'the response falls short: back to the unit, same deadline (design)' },
    { from: ['OPEN'], trigger: 'mark_overdue', to: 'OPEN', actors: ['timer'], guard: 'the deadline passed with no response; marked once (design)' },
  ],
  terminal: ['CLOSED'],
};

export type SupervisionRefusal = 'not_supervised_unit' | 'requirements_required' | 'response_required' | 'reasons_required' | 'no_deadline';

/** A supervision command was refused: 'complaints.supervision.<reason>'. */
export class SupervisionRefusedError extends ComplaintsRuleError {
  constructor(reason: SupervisionRefusal, message: string, details: Record<string, unknown> = {}) {
    super('supervision', reason, message, details);
  }
}

export interface SupervisionCaseState {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly kind: SupervisionKind;
  readonly ticketId: string;
  readonly submissionId: string;
  /** The supervised unit. */
  readonly unitId: string;
  /** DUTY_OPINION_OBJECTION: the guidance unit that verifies with the unit (002 L1620). */
  readonly guidanceBodyId?: string;
  /** LONG_RUNNING: the issue opened for it (002 L1618). */
  readonly issueId?: string;
  readonly requirements: string;
  readonly openedAt: Date;
  readonly openedBy: { readonly role: ComplaintActor; readonly id: string };
  readonly autoProposed: boolean;
  /** Exclusive due instant; null for LONG_RUNNING. */
  readonly dueAt: Date | null;
  readonly status: SupervisionStatus;
  readonly overdueAt?: Date;
  readonly responses: readonly { readonly at: Date; readonly by: string; readonly role: ComplaintActor; readonly text: string; readonly onTime: boolean }[];
  readonly audits: readonly { readonly at: Date; readonly by: string; readonly passed: boolean; readonly reasons: readonly string[] }[];
  readonly closedAt?: Date;
  readonly version: number;
}

export const SUPERVISION_EVENT_TYPES = [
  'complaints.supervision.opened',
  'complaints.supervision.responded',
  'complaints.supervision.audit_failed',
  'complaints.supervision.closed',
  'complaints.supervision.overdue',
] as const;
export type SupervisionEventType = (typeof SUPERVISION_EVENT_TYPES)[number];

/** Data of `complaints.supervision.*` (§8: kind, dueAt). */
export interface SupervisionEventData {
  readonly caseId: string;
  readonly kind: SupervisionKind;
  readonly ticketId: string;
  readonly submissionId: string;
  readonly unitId: string;
  readonly jurisdictionId: string;
  readonly state: SupervisionStatus;
  readonly dueAt: string | null;
  readonly autoProposed: boolean;
  readonly occurredAt: string;
  readonly actor: { readonly role: ComplaintActor };
  readonly version: number;
  readonly issueId?: string;
  readonly onTime?: boolean;
  readonly reasons?: string[];
}

/** The due instant of a case opened (received by the unit) at `openedAt`; null when the kind has no limit. */
export function supervisionDueAt(calendar: WorkingCalendar, kind: SupervisionKind, openedAt: Date): Date | null {
  const wd = SUPERVISION_LIMITS[kind].wd;
  return wd === null ? null : calendar.deadlineWorkingDays(openedAt, wd);
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';
const copy = (d: Date) => new Date(d.getTime());

/** The supervision case aggregate (督办). Immutable; commands return the new aggregate and its events. */
export class SupervisionCase {
  private constructor(readonly state: SupervisionCaseState) {}

  static restore(state: SupervisionCaseState): SupervisionCase {
    return new SupervisionCase(state);
  }

  static open(cmd: {
    id: string;
    jurisdictionId: string;
    kind: SupervisionKind;
    ticketId: string;
    submissionId: string;
    unitId: string;
    guidanceBodyId?: string;
    issueId?: string;
    requirements: string;
    at: Date;
    actor: ComplaintActor;
    by: string;
    calendar: WorkingCalendar;
  }): Outcome<SupervisionCase> {
    const status = create(SUPERVISION_MACHINE, 'open', cmd.actor);
    if (blank(cmd.id) || blank(cmd.ticketId) || blank(cmd.unitId)) throw new InvalidArgumentError('A supervision case needs an id, the ticket and the unit');
    if (blank(cmd.requirements)) throw new SupervisionRefusedError('requirements_required', 'A supervision case states its requirements (002 L1610)');
    const c = new SupervisionCase({
      id: cmd.id,
      jurisdictionId: cmd.jurisdictionId,
      kind: cmd.kind,
      ticketId: cmd.ticketId,
      submissionId: cmd.submissionId,
      unitId: cmd.unitId,
      ...(cmd.guidanceBodyId ? { guidanceBodyId: cmd.guidanceBodyId } : {}),
      ...(cmd.issueId ? { issueId: cmd.issueId } : {}),
      requirements: cmd.requirements,
      openedAt: copy(cmd.at),
      openedBy: { role: cmd.actor, id: cmd.by },
      autoProposed: cmd.actor === 'system',
      dueAt: supervisionDueAt(cmd.calendar, cmd.kind, cmd.at),
      status,
      responses: [],
      audits: [],
      version: 1,
    });
    return { aggregate: c, events: [c.event('complaints.supervision.opened', cmd.at, cmd.actor)] };
  }

  /** The unit (or, for a duty-opinion objection, the guidance unit) responds (002 L1612–1620). */
  respond(cmd: { at: Date; agencyId: string; text: string }): Outcome<SupervisionCase> {
    const role: ComplaintActor | undefined = cmd.agencyId === this.state.unitId ? 'handling_unit' : cmd.agencyId === this.state.guidanceBodyId ? 'guidance_body' : undefined;
    if (!role) throw new SupervisionRefusedError('not_supervised_unit', `Case ${this.state.id} supervises ${this.state.unitId}, not ${cmd.agencyId}`, { agencyId: cmd.agencyId });
    const next = this.step('respond', role);
    if (blank(cmd.text)) throw new SupervisionRefusedError('response_required', `The response gives ${SUPERVISION_LIMITS[this.state.kind].response}`);
    const onTime = this.state.dueAt === null || cmd.at.getTime() < this.state.dueAt.getTime();
    const done = next.with({ responses: [...this.state.responses, { at: copy(cmd.at), by: cmd.agencyId, role, text: cmd.text, onTime }] });
    return { aggregate: done, events: [done.event('complaints.supervision.responded', cmd.at, role, { onTime })] };
  }

  /** The centre audits the response: pass → CLOSED; fail (with reasons) → OPEN, same deadline. */
  audit(cmd: { at: Date; actor: ComplaintActor; by: string; passed: boolean; reasons?: readonly string[] }): Outcome<SupervisionCase> {
    const reasons = [...(cmd.reasons ?? [])].filter((r) => !blank(r));
    if (!cmd.passed && reasons.length === 0) {
      this.step('audit_fail', cmd.actor);
      throw new SupervisionRefusedError('reasons_required', 'A failed audit names its reasons');
    }
    const next = this.step(cmd.passed ? 'audit_pass' : 'audit_fail', cmd.actor);
    const audited = next.with({ audits: [...this.state.audits, { at: copy(cmd.at), by: cmd.by, passed: cmd.passed, reasons }], ...(cmd.passed ? { closedAt: copy(cmd.at) } : {}) });
    const type = cmd.passed ? 'complaints.supervision.closed' : 'complaints.supervision.audit_failed';
    return { aggregate: audited, events: [audited.event(type, cmd.at, cmd.actor, cmd.passed ? {} : { reasons })] };
  }

  /** Timer at dueAt: the case is overdue (marked once; still OPEN). */
  markOverdue(cmd: { at: Date }): Outcome<SupervisionCase> {
    const next = this.step('mark_overdue', 'timer');
    const due = this.state.dueAt;
    if (!due) throw new SupervisionRefusedError('no_deadline', `A ${this.state.kind} case has no deadline`);
    if (cmd.at.getTime() < due.getTime()) throw new NotYetDueError('The supervision response', due, cmd.at);
    if (this.state.overdueAt) return { aggregate: this, events: [] };
    const marked = next.with({ overdueAt: copy(cmd.at) });
    return { aggregate: marked, events: [marked.event('complaints.supervision.overdue', cmd.at, 'timer')] };
  }

  /** The instant the overdue timer should fire, or undefined when none is needed. */
  overdueTimerAt(): Date | undefined {
    return this.state.status === 'OPEN' && this.state.dueAt && !this.state.overdueAt ? this.state.dueAt : undefined;
  }

  private step(trigger: SupervisionTrigger, actor: ComplaintActor): SupervisionCase {
    const status = transition(SUPERVISION_MACHINE, this.state.status, trigger, actor);
    return new SupervisionCase({ ...this.state, status, version: this.state.version + 1 });
  }

  private with(patch: Partial<SupervisionCaseState>): SupervisionCase {
    return new SupervisionCase({ ...this.state, ...patch });
  }

  private event(type: SupervisionEventType, at: Date, role: ComplaintActor, extra: Partial<SupervisionEventData> = {}): DomainEvent<SupervisionEventType, SupervisionEventData> {
    const s = this.state;
    return event(type, s.id, s.id, at, {
      caseId: s.id,
      kind: s.kind,
      ticketId: s.ticketId,
      submissionId: s.submissionId,
      unitId: s.unitId,
      jurisdictionId: s.jurisdictionId,
      state: s.status,
      dueAt: s.dueAt ? s.dueAt.toISOString() : null,
      autoProposed: s.autoProposed,
      occurredAt: at.toISOString(),
      actor: { role },
      version: s.version,
      ...(s.issueId ? { issueId: s.issueId } : {}),
      ...extra,
    });
  }
}

/**
 * Long-running issues (长期未解决问题), spec §3.8. FLAGGED: the centre monitors an issue many callers
 * raise repeatedly and agrees with the unit that it needs long-term work (002 L1622) → it notifies
 * the unit: PLAN_DUE, the plan within 10 WD of the unit's receipt (002 L1624) → ACTIVE: progress
 * to the callers at intervals of at most one month (a month-end timer reminds when no progress was
 * reported in the calendar month, Asia/Shanghai), stage reports to the centre (002 L1624–1626) →
 * PROCEDURE_ENDED: within 3 WD the final position goes to the superior guidance department for its
 * opinion (002 L1626) → CLOSED (finalised) once the callers and the centre are told.
 * Tickets on the issue are linked SAME_ISSUE (002 L1624); the issue keeps their ids.
 */
import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { ComplaintActor } from '../shared/actors';
import { ComplaintsRuleError, InvalidArgumentError, NotYetDueError } from '../shared/errors';
import { event, type DomainEvent, type Outcome } from '../shared/outcome';
import { create, transition, type StateMachine } from '../shared/state-machine';

export const LONG_RUNNING_LIMITS = { planWd: 10, finalPositionWd: 3, progressIntervalMonths: 1, source: '002 L1622–1626' } as const;

export const ISSUE_STATES = ['FLAGGED', 'PLAN_DUE', 'ACTIVE', 'PROCEDURE_ENDED', 'CLOSED'] as const;
export type IssueStatus = (typeof ISSUE_STATES)[number];

export const ISSUE_TRIGGERS = ['flag', 'notify_unit', 'link_ticket', 'file_plan', 'mark_plan_overdue', 'report_progress', 'remind_progress', 'end_procedure', 'mark_final_overdue', 'finalise'] as const;
export type IssueTrigger = (typeof ISSUE_TRIGGERS)[number];

export const LONG_RUNNING_ISSUE_MACHINE: StateMachine<IssueStatus, IssueTrigger> = {
  name: 'long-running-issue',
  codePrefix: 'complaints',
  states: ISSUE_STATES,
  triggers: ISSUE_TRIGGERS,
  creations: [{ trigger: 'flag', to: 'FLAGGED', actors: ['hotline_agent', 'supervisor', 'system'], guard: 'many callers raise the issue repeatedly (002 L1622), or a LONG_RUNNING supervision case (002 L1618)' }],
  transitions: [
    { from: ['FLAGGED'], trigger: 'notify_unit', to: 'PLAN_DUE', actors: ['hotline_agent', 'supervisor'], guard: 'agreed with the unit that it needs long-term work; the unit is notified (002 L1622)' },
    { from: ['FLAGGED'], trigger: 'link_ticket', to: 'FLAGGED', actors: ['hotline_agent'], guard: 'a ticket on the same issue (SAME_ISSUE, 002 L1624)' },
    { from: ['PLAN_DUE'], trigger: 'link_ticket', to: 'PLAN_DUE', actors: ['hotline_agent'], guard: 'a ticket on the same issue (SAME_ISSUE, 002 L1624)' },
    { from: ['ACTIVE'], trigger: 'link_ticket', to: 'ACTIVE', actors: ['hotline_agent'], guard: 'a ticket on the same issue (SAME_ISSUE, 002 L1624)' },
    { from: ['PROCEDURE_ENDED'], trigger: 'link_ticket', to: 'PROCEDURE_ENDED', actors: ['hotline_agent'], guard: 'a ticket on the same issue (SAME_ISSUE, 002 L1624)' },
    { from: ['PLAN_DUE'], trigger: 'file_plan', to: 'ACTIVE', actors: ['handling_unit'], guard: 'the unit files its plan; due 10 WD after receipt (002 L1624)' },
    { from: ['PLAN_DUE'], trigger: 'mark_plan_overdue', to: 'PLAN_DUE', actors: ['timer'], guard: '10 WD passed with no plan; marked once (design)' },
    { from: ['ACTIVE'], trigger: 'report_progress', to: 'ACTIVE', actors: ['handling_unit'], guard: 'progress told to the callers and a stage report to the centre (002 L1624–1626)' },
    { from: ['ACTIVE'], trigger: 'remind_progress', to: 'ACTIVE', actors: ['timer'], guard: 'month end with no progress reported in that month (at most 1 month, 002 L1624)' },
    { from: ['ACTIVE'], trigger: 'end_procedure', to: 'PROCEDURE_ENDED', actors: ['handling_unit'], guard: 'the procedure ended; the final position is due to the guidance department in 3 WD (002 L1626)' },
    { from: ['PROCEDURE_ENDED'], trigger: 'mark_final_overdue', to: 'PROCEDURE_ENDED', actors: ['timer'], guard: '3 WD passed with no final position; marked once (design)' },
    { from: ['PROCEDURE_ENDED'], trigger: 'finalise', to: 'CLOSED', actors: ['handling_unit'], guard: 'final position sent to the guidance department, the callers and the centre told (002 L1626)' },
  ],
  terminal: ['CLOSED'],
};

export type IssueRefusal = 'not_issue_unit' | 'text_required' | 'already_linked' | 'no_deadline';

/** A long-running issue command was refused: 'complaints.issue.<reason>'. */
export class IssueRefusedError extends ComplaintsRuleError {
  constructor(reason: IssueRefusal, message: string, details: Record<string, unknown> = {}) {
    super('issue', reason, message, details);
  }
}

export interface LongRunningIssueState {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly unitId: string;
  readonly title: string;
  readonly ticketIds: readonly string[];
  readonly flaggedAt: Date;
  readonly flaggedBy: string;
  readonly supervisionCaseId?: string;
  readonly status: IssueStatus;
  readonly notifiedAt?: Date;
  /** Exclusive due instant of the plan (10 WD after the unit's receipt). */
  readonly planDueAt?: Date;
  readonly planOverdueAt?: Date;
  readonly plan?: { readonly at: Date; readonly text: string; readonly onTime: boolean };
  readonly progress: readonly { readonly at: Date; readonly text: string }[];
  /** Months (YYYY-MM, Asia/Shanghai) whose month-end progress reminder went out. */
  readonly progressRemindedMonths: readonly string[];
  readonly endedAt?: Date;
  readonly finalPositionDueAt?: Date;
  readonly finalOverdueAt?: Date;
  readonly final?: { readonly at: Date; readonly position: string; readonly guidanceBodyId: string; readonly onTime: boolean };
  readonly version: number;
}

export const ISSUE_EVENT_TYPES = [
  'complaints.issue.flagged',
  'complaints.issue.unit_notified',
  'complaints.issue.ticket_linked',
  'complaints.issue.plan_filed',
  'complaints.issue.plan_overdue',
  'complaints.issue.progress_reported',
  'complaints.issue.progress_due',
  'complaints.issue.procedure_ended',
  'complaints.issue.final_position_overdue',
  'complaints.issue.finalised',
] as const;
export type IssueEventType = (typeof ISSUE_EVENT_TYPES)[number];

/** Data of `complaints.issue.*` (§8: linkedTicketIds, nextUpdateDueAt). */
export interface IssueEventData {
  readonly issueId: string;
  readonly unitId: string;
  readonly jurisdictionId: string;
  readonly state: IssueStatus;
  readonly linkedTicketIds: string[];
  /** The next instant something is due: the plan, the month end, the final position; null otherwise. */
  readonly nextUpdateDueAt: string | null;
  readonly occurredAt: string;
  readonly actor: { readonly role: ComplaintActor };
  readonly version: number;
  readonly month?: string;
  readonly onTime?: boolean;
  readonly ticketId?: string;
}

const SHANGHAI_MS = 8 * 3_600_000;
const blank = (s: string | undefined) => s === undefined || s.trim() === '';
const copy = (d: Date) => new Date(d.getTime());

/** The calendar month (YYYY-MM, Asia/Shanghai) of an instant. */
export function monthOf(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_MS).toISOString().slice(0, 7);
}

/** The month end of `at` (exclusive): 00:00 Asia/Shanghai on the first day of the next month. */
export function monthEndAfter(at: Date): Date {
  const local = new Date(at.getTime() + SHANGHAI_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - SHANGHAI_MS);
}

/** The long-running issue aggregate. Immutable; commands return the new aggregate and its events. */
export class LongRunningIssue {
  private constructor(readonly state: LongRunningIssueState) {}

  static restore(state: LongRunningIssueState): LongRunningIssue {
    return new LongRunningIssue(state);
  }

  static flag(cmd: { id: string; jurisdictionId: string; unitId: string; title: string; ticketIds: readonly string[]; at: Date; actor: ComplaintActor; by: string; supervisionCaseId?: string }): Outcome<LongRunningIssue> {
    const status = create(LONG_RUNNING_ISSUE_MACHINE, 'flag', cmd.actor);
    if (blank(cmd.id) || blank(cmd.unitId)) throw new InvalidArgumentError('A long-running issue needs an id and the unit');
    if (blank(cmd.title)) throw new IssueRefusedError('text_required', 'A long-running issue says what it is about');
    const issue = new LongRunningIssue({
      id: cmd.id,
      jurisdictionId: cmd.jurisdictionId,
      unitId: cmd.unitId,
      title: cmd.title,
      ticketIds: [...new Set(cmd.ticketIds)],
      flaggedAt: copy(cmd.at),
      flaggedBy: cmd.by,
      ...(cmd.supervisionCaseId ? { supervisionCaseId: cmd.supervisionCaseId } : {}),
      status,
      progress: [],
      progressRemindedMonths: [],
      version: 1,
    });
    return { aggregate: issue, events: [issue.event('complaints.issue.flagged', cmd.at, cmd.actor)] };
  }

  /** The unit is notified (its receipt); the plan is due within 10 WD (002 L1624). */
  notifyUnit(cmd: { at: Date; actor: ComplaintActor; calendar: WorkingCalendar }): Outcome<LongRunningIssue> {
    const next = this.step('notify_unit', cmd.actor).with({ notifiedAt: copy(cmd.at), planDueAt: cmd.calendar.deadlineWorkingDays(cmd.at, LONG_RUNNING_LIMITS.planWd) });
    return { aggregate: next, events: [next.event('complaints.issue.unit_notified', cmd.at, cmd.actor)] };
  }

  linkTicket(cmd: { at: Date; ticketId: string }): Outcome<LongRunningIssue> {
    const next = this.step('link_ticket', 'hotline_agent');
    if (this.state.ticketIds.includes(cmd.ticketId)) throw new IssueRefusedError('already_linked', `Ticket ${cmd.ticketId} is already on issue ${this.state.id}`);
    const linked = next.with({ ticketIds: [...this.state.ticketIds, cmd.ticketId] });
    return { aggregate: linked, events: [linked.event('complaints.issue.ticket_linked', cmd.at, 'hotline_agent', { ticketId: cmd.ticketId })] };
  }

  filePlan(cmd: { at: Date; unitId: string; plan: string }): Outcome<LongRunningIssue> {
    this.requireUnit(cmd.unitId);
    const next = this.step('file_plan', 'handling_unit');
    if (blank(cmd.plan)) throw new IssueRefusedError('text_required', 'The plan says what will be done (002 L1624)');
    const onTime = !this.state.planDueAt || cmd.at.getTime() < this.state.planDueAt.getTime();
    const filed = next.with({ plan: { at: copy(cmd.at), text: cmd.plan, onTime } });
    return { aggregate: filed, events: [filed.event('complaints.issue.plan_filed', cmd.at, 'handling_unit', { onTime })] };
  }

  markPlanOverdue(cmd: { at: Date }): Outcome<LongRunningIssue> {
    const next = this.step('mark_plan_overdue', 'timer');
    const due = this.state.planDueAt;
    if (!due) throw new IssueRefusedError('no_deadline', 'No plan deadline is running');
    if (cmd.at.getTime() < due.getTime()) throw new NotYetDueError('The long-running issue plan', due, cmd.at);
    if (this.state.planOverdueAt) return { aggregate: this, events: [] };
    const marked = next.with({ planOverdueAt: copy(cmd.at) });
    return { aggregate: marked, events: [marked.event('complaints.issue.plan_overdue', cmd.at, 'timer')] };
  }

  reportProgress(cmd: { at: Date; unitId: string; text: string }): Outcome<LongRunningIssue> {
    this.requireUnit(cmd.unitId);
    const next = this.step('report_progress', 'handling_unit');
    if (blank(cmd.text)) throw new IssueRefusedError('text_required', 'Progress says what was done (002 L1624)');
    const reported = next.with({ progress: [...this.state.progress, { at: copy(cmd.at), text: cmd.text }] });
    return { aggregate: reported, events: [reported.event('complaints.issue.progress_reported', cmd.at, 'handling_unit')] };
  }

  /**
   * Month-end timer (fires at 00:00 on the 1st): when no progress was reported in the month that
   * just ended, `issue.progress_due`, once per month. Nothing before the month end.
   */
  remindProgress(cmd: { at: Date }): Outcome<LongRunningIssue> {
    const next = this.step('remind_progress', 'timer');
    const month = monthOf(new Date(cmd.at.getTime() - 1));
    if (monthOf(cmd.at) === month) return { aggregate: this, events: [] };
    if (this.state.progressRemindedMonths.includes(month) || this.state.progress.some((p) => monthOf(p.at) === month)) return { aggregate: this, events: [] };
    const reminded = next.with({ progressRemindedMonths: [...this.state.progressRemindedMonths, month] });
    return { aggregate: reminded, events: [reminded.event('complaints.issue.progress_due', cmd.at, 'timer', { month })] };
  }

  endProcedure(cmd: { at: Date; unitId: string; calendar: WorkingCalendar }): Outcome<LongRunningIssue> {
    this.requireUnit(cmd.unitId);
    const next = this.step('end_procedure', 'handling_unit').with({ endedAt: copy(cmd.at), finalPositionDueAt: cmd.calendar.deadlineWorkingDays(cmd.at, LONG_RUNNING_LIMITS.finalPositionWd) });
    return { aggregate: next, events: [next.event('complaints.issue.procedure_ended', cmd.at, 'handling_unit')] };
  }

  markFinalOverdue(cmd: { at: Date }): Outcome<LongRunningIssue> {
    const next = this.step('mark_final_overdue', 'timer');
    const due = this.state.finalPositionDueAt;
    if (!due) throw new IssueRefusedError('no_deadline', 'No final-position deadline is running');
    if (cmd.at.getTime() < due.getTime()) throw new NotYetDueError('The final position', due, cmd.at);
    if (this.state.finalOverdueAt) return { aggregate: this, events: [] };
    const marked = next.with({ finalOverdueAt: copy(cmd.at) });
    return { aggregate: marked, events: [marked.event('complaints.issue.final_position_overdue', cmd.at, 'timer')] };
  }

  finalise(cmd: { at: Date; unitId: string; position: string; guidanceBodyId: string }): Outcome<LongRunningIssue> {
    this.requireUnit(cmd.unitId);
    const next = this.step('finalise', 'handling_unit');
    if (blank(cmd.position) || blank(cmd.guidanceBodyId)) throw new IssueRefusedError('text_required', 'The final position and the guidance department it went to (002 L1626)');
    const onTime = !this.state.finalPositionDueAt || cmd.at.getTime() < this.state.finalPositionDueAt.getTime();
    const done = next.with({ final: { at: copy(cmd.at), position: cmd.position, guidanceBodyId: cmd.guidanceBodyId, onTime } });
    return { aggregate: done, events: [done.event('complaints.issue.finalised', cmd.at, 'handling_unit', { onTime })] };
  }

  /** The durable timers the issue needs at `now`: plan overdue, month-end progress, final-position overdue. */
  timersAt(now: Date): { planOverdue?: Date; progressMonthEnd?: Date; finalOverdue?: Date } {
    const s = this.state;
    return {
      ...(s.status === 'PLAN_DUE' && s.planDueAt && !s.planOverdueAt ? { planOverdue: s.planDueAt } : {}),
      ...(s.status === 'ACTIVE' ? { progressMonthEnd: monthEndAfter(now) } : {}),
      ...(s.status === 'PROCEDURE_ENDED' && s.finalPositionDueAt && !s.finalOverdueAt ? { finalOverdue: s.finalPositionDueAt } : {}),
    };
  }

  /** The next instant something is due (§8 nextUpdateDueAt). */
  nextUpdateDueAt(at: Date): Date | null {
    const s = this.state;
    if (s.status === 'PLAN_DUE') return s.planDueAt ?? null;
    if (s.status === 'ACTIVE') return monthEndAfter(at);
    if (s.status === 'PROCEDURE_ENDED') return s.finalPositionDueAt ?? null;
    return null;
  }

  private requireUnit(unitId: string): void {
    if (unitId !== this.state.unitId) throw new IssueRefusedError('not_issue_unit', `Issue ${this.state.id} belongs to ${this.state.unitId}, not ${unitId}`, { unitId });
  }

  private step(trigger: IssueTrigger, actor: ComplaintActor): LongRunningIssue {
    const status = transition(LONG_RUNNING_ISSUE_MACHINE, this.state.status, trigger, actor);
    return new LongRunningIssue({ ...this.state, status, version: this.state.version + 1 });
  }

  private with(patch: Partial<LongRunningIssueState>): LongRunningIssue {
    return new LongRunningIssue({ ...this.state, ...patch });
  }

  private event(type: IssueEventType, at: Date, role: ComplaintActor, extra: Partial<IssueEventData> = {}): DomainEvent<IssueEventType, IssueEventData> {
    const s = this.state;
    const due = this.nextUpdateDueAt(at);
    return event(type, s.id, s.id, at, {
      issueId: s.id,
      unitId: s.unitId,
      jurisdictionId: s.jurisdictionId,
      state: s.status,
      linkedTicketIds: [...s.ticketIds],
      nextUpdateDueAt: due ? due.toISOString() : null,
      occurredAt: at.toISOString(),
      actor: { role },
      version: s.version,
      ...extra,
    });
  }
}

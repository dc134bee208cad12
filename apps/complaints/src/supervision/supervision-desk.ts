import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  LongRunningIssue,
  SupervisionCase,
  Ticket,
  type ComplaintActor,
  type LongRunningIssueState,
  type Outcome,
  type SupervisionCaseState,
  type SupervisionKind,
  type TicketState,
} from '@one-window/complaints/domain';
import { LongRunningIssueRepository, SupervisionCaseRepository, TicketRepository } from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import type { Stored } from '@one-window/shared/persistence';
import { Timers } from '@one-window/shared/scheduling';
import { ComplaintsEvents } from '../shared/complaints-events';
import { agentActor } from '../shared/acting';
import { DistrictNotAllowedError, NotFoundError } from '../shared/errors';
import { districtOf, perspectiveOf } from '../shared/ticket-desk';

/** The durable timers of supervision cases and long-running issues; the key is the case or issue id. */
export const SUPERVISION_TIMERS = {
  /** The case's deadline passed with no response → `supervision.overdue`, once. */
  caseOverdue: 'complaints.supervision.mark_overdue',
  /** 10 WD for the plan passed → `issue.plan_overdue`, once (002 L1624). */
  planOverdue: 'complaints.issue.plan_overdue',
  /** Month end while ACTIVE → `issue.progress_due` when no progress was reported that month (002 L1624). */
  progressMonthEnd: 'complaints.issue.progress_month_end',
  /** 3 WD for the final position passed → `issue.final_position_overdue`, once (002 L1626). */
  finalOverdue: 'complaints.issue.final_position_overdue',
} as const;

const OVERSIGHT = ['hotline-agent', 'supervisor', 'admin'] as const;

/**
 * The centre, the data administration and admins see every case and issue; a district hotline body
 * only the cases of its district's tickets (and no long-running issue: they are the centre's);
 * an officer only its unit's (others: 404).
 */
export function seesAll(who: Principal): boolean {
  return OVERSIGHT.some((r) => who.roles.includes(r)) && !(districtOf(who) && !who.roles.includes('supervisor') && !who.roles.includes('admin'));
}

/** The actor of the centre, a district hotline body or the data administration opening / auditing a case. */
export function oversightActor(who: Principal): ComplaintActor {
  return who.roles.includes('hotline-agent') ? agentActor(who) : 'supervisor';
}

export type CaseView = SupervisionCaseState & { version: number; overdue: boolean };
export type IssueView = LongRunningIssueState & { version: number; nextUpdateDueAt: Date | null };

/**
 * Loads and saves supervision cases (§3.7) and long-running issues (§3.8), each in one
 * transaction: the new state (optimistic version), its events in the outbox, its durable timers
 * re-planned from the new state.
 */
@Injectable()
export class SupervisionDesk {
  constructor(
    readonly ds: DataSource,
    readonly cases: SupervisionCaseRepository,
    readonly issues: LongRunningIssueRepository,
    readonly tickets: TicketRepository,
    readonly calendar: WorkingCalendar,
    private readonly events: ComplaintsEvents,
    private readonly timers: Timers,
  ) {}

  caseView(s: SupervisionCaseState, version: number, now = new Date()): CaseView {
    return { ...s, version, overdue: s.status !== 'CLOSED' && s.dueAt !== null && now.getTime() >= s.dueAt.getTime() };
  }

  issueView(s: LongRunningIssueState, version: number, now = new Date()): IssueView {
    return { ...s, version, nextUpdateDueAt: LongRunningIssue.restore(s).nextUpdateDueAt(now) };
  }

  /** A case `who` may see: oversight any; an officer its unit's (or, as guidance unit, the case it verifies). */
  canSeeCase(who: Principal, s: SupervisionCaseState): boolean {
    return seesAll(who) || (!!who.agencyId && (s.unitId === who.agencyId || s.guidanceBodyId === who.agencyId));
  }

  /**
   * Whether `who` is a district hotline body and the case's ticket is in its district: it then sees
   * the case and audits the response like the centre (spec §1: supervision cases in its own district).
   */
  async districtCase(tx: EntityManager, who: Principal, s: SupervisionCaseState): Promise<boolean> {
    if (!districtOf(who)) return false;
    const ticket = await this.tickets.get(tx, s.ticketId);
    return !!ticket && perspectiveOf(who, ticket.doc) === 'district';
  }

  canSeeIssue(who: Principal, s: LongRunningIssueState): boolean {
    return seesAll(who) || (!!who.agencyId && s.unitId === who.agencyId);
  }

  async saveCase(tx: EntityManager, stored: Stored<SupervisionCaseState> | undefined, outcome: Outcome<SupervisionCase>): Promise<number> {
    const s = outcome.aggregate.state;
    const version = !stored ? await this.cases.insert(tx, s) : s === stored.doc ? stored.version : await this.cases.update(tx, s, stored.version);
    await this.events.publish(tx, outcome.events);
    const due = outcome.aggregate.overdueTimerAt();
    if (due) await this.timers.schedule(tx, { kind: SUPERVISION_TIMERS.caseOverdue, key: s.id, dueAt: due });
    else await this.timers.cancel(tx, SUPERVISION_TIMERS.caseOverdue, s.id);
    return version;
  }

  async saveIssue(tx: EntityManager, stored: Stored<LongRunningIssueState> | undefined, outcome: Outcome<LongRunningIssue>, now: Date): Promise<number> {
    const s = outcome.aggregate.state;
    const version = !stored ? await this.issues.insert(tx, s) : s === stored.doc ? stored.version : await this.issues.update(tx, s, stored.version);
    await this.events.publish(tx, outcome.events);
    await this.syncIssueTimers(tx, outcome.aggregate, now);
    return version;
  }

  async syncIssueTimers(tx: EntityManager, issue: LongRunningIssue, now: Date): Promise<void> {
    const due = issue.timersAt(now);
    const key = issue.state.id;
    const plan: [string, Date | undefined][] = [
      [SUPERVISION_TIMERS.planOverdue, due.planOverdue],
      [SUPERVISION_TIMERS.progressMonthEnd, due.progressMonthEnd],
      [SUPERVISION_TIMERS.finalOverdue, due.finalOverdue],
    ];
    for (const [kind, at] of plan) {
      if (at) await this.timers.schedule(tx, { kind, key, dueAt: at });
      else await this.timers.cancel(tx, kind, key);
    }
  }

  /**
   * The tickets added to long-running issue `issueId` carry its id (§3.8, 002 L1624), so that the
   * Open311 face shows them IN_PROGRESS as `action_scheduled` (§7). In `tx`; unknown ids are skipped.
   */
  async joinIssue(tx: EntityManager, issueId: string, ticketIds: readonly string[], at = new Date()): Promise<void> {
    for (const id of ticketIds) {
      const stored = await this.tickets.get(tx, id, { lock: true });
      if (!stored) continue;
      const outcome = Ticket.restore(stored.doc).joinLongRunningIssue({ issueId, at });
      if (outcome.aggregate.state !== stored.doc) await this.tickets.update(tx, outcome.aggregate.state, stored.version);
    }
  }

  /**
   * Opens a case on a ticket, in `tx`. LONG_RUNNING opens a long-running issue with it (002 L1618).
   * `id` may be fixed by the caller (the auto-proposal uses one id per ticket and deadline).
   */
  async openCase(
    tx: EntityManager,
    ticket: TicketState,
    cmd: { id: string; kind: SupervisionKind; requirements: string; actor: ComplaintActor; by: string; at: Date; guidanceBodyId?: string },
  ): Promise<{ view: CaseView; issueId?: string }> {
    if (!ticket.unitId) throw new NotFoundError('Handling unit of ticket', ticket.id);
    // A long-running issue is flagged by the centre (§3.8); a district body opens the other kinds.
    if (cmd.kind === 'LONG_RUNNING' && cmd.actor === 'district_body') throw new DistrictNotAllowedError(ticket.area ?? '', 'flag a long-running issue');
    let issueId: string | undefined;
    if (cmd.kind === 'LONG_RUNNING') {
      issueId = `${cmd.id}.issue`;
      const flagged = LongRunningIssue.flag({
        id: issueId,
        jurisdictionId: ticket.jurisdictionId,
        unitId: ticket.unitId,
        title: cmd.requirements,
        ticketIds: [ticket.id],
        at: cmd.at,
        actor: cmd.actor === 'supervisor' ? 'supervisor' : cmd.actor === 'system' ? 'system' : 'hotline_agent',
        by: cmd.by,
        supervisionCaseId: cmd.id,
      });
      await this.saveIssue(tx, undefined, flagged, cmd.at);
      await this.joinIssue(tx, issueId, [ticket.id], cmd.at);
    }
    const outcome = SupervisionCase.open({
      id: cmd.id,
      jurisdictionId: ticket.jurisdictionId,
      kind: cmd.kind,
      ticketId: ticket.id,
      submissionId: ticket.submissionId,
      unitId: ticket.unitId,
      ...(cmd.guidanceBodyId ? { guidanceBodyId: cmd.guidanceBodyId } : {}),
      ...(issueId ? { issueId } : {}),
      requirements: cmd.requirements,
      at: cmd.at,
      actor: cmd.actor,
      by: cmd.by,
      calendar: this.calendar,
    });
    const version = await this.saveCase(tx, undefined, outcome);
    return { view: this.caseView(outcome.aggregate.state, version, new Date()), ...(issueId ? { issueId } : {}) };
  }

  /**
   * An overdue ticket auto-proposes OVERDUE_UNJUSTIFIED (§3.7, design): called in the transaction
   * that publishes `ticket.overdue`; one case per ticket and deadline (a second call does nothing).
   */
  async proposeOverdue(tx: EntityManager, ticket: TicketState, deadlineAt: Date, at: Date): Promise<void> {
    const id = `sv-overdue-${ticket.id}-${deadlineAt.getTime()}`;
    if (!ticket.unitId || (await this.cases.get(tx, id))) return;
    await this.openCase(tx, ticket, {
      id,
      kind: 'OVERDUE_UNJUSTIFIED',
      requirements: 'The handling deadline passed: report the handling status and explain the delay (002 L1614)',
      actor: 'system',
      by: 'complaints',
      at,
    });
  }
}

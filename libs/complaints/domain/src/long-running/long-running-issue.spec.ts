import { WorkingCalendar } from '@one-window/shared/calendar';
import { at, catchError, describeMachineExhaustively } from '../shared/machine-testing';
import { ticketLinkProblems } from '../merging/links';
import { handledAndAudited, inProgress } from '../ticket/test-fixtures';
import { IssueRefusedError, LONG_RUNNING_ISSUE_MACHINE, LongRunningIssue, monthEndAfter, monthOf } from './long-running-issue';

const calendar = WorkingCalendar.chinaMainland();

const flagged = () => LongRunningIssue.flag({ id: 'lr-1', jurisdictionId: 'CN-44-01', unitId: 'U', title: 'street noise', ticketIds: ['t-1', 't-1', 't-2'], at: at('2026-09-29T10:00'), actor: 'hotline_agent', by: 'a' });
const planDue = (notifiedAt = at('2026-09-30T10:00')) => flagged().aggregate.notifyUnit({ at: notifiedAt, actor: 'hotline_agent', calendar }).aggregate;
const active = () => planDue().filePlan({ at: at('2026-10-12T10:00'), unitId: 'U', plan: 'the plan' }).aggregate;

describeMachineExhaustively(LONG_RUNNING_ISSUE_MACHINE);

describe('long-running issue (§3.8) on the 2026 calendar', () => {
  it('flagged with its tickets (deduplicated); notified 2026-09-30 → plan due 10 WD later, after the holiday and the swapped Saturday: 2026-10-21 00:00 +08:00', () => {
    const f = flagged();
    expect(f.events[0]).toMatchObject({ type: 'complaints.issue.flagged', partitionKey: 'lr-1', data: { linkedTicketIds: ['t-1', 't-2'], state: 'FLAGGED', nextUpdateDueAt: null } });
    const p = f.aggregate.notifyUnit({ at: at('2026-09-30T10:00'), actor: 'hotline_agent', calendar });
    expect(p.aggregate.state).toMatchObject({ status: 'PLAN_DUE', planDueAt: at('2026-10-21T00:00') });
    expect(p.events[0].data).toMatchObject({ nextUpdateDueAt: at('2026-10-21T00:00').toISOString() });
  });

  it('a plan at the last instant is on time, 1 ms later late; the overdue mark only from the deadline on, once', () => {
    const p = planDue();
    const last = new Date(at('2026-10-21T00:00').getTime() - 1);
    expect(p.filePlan({ at: last, unitId: 'U', plan: 'x' }).events[0].data).toMatchObject({ onTime: true, state: 'ACTIVE' });
    expect(p.filePlan({ at: at('2026-10-21T00:00'), unitId: 'U', plan: 'x' }).events[0].data).toMatchObject({ onTime: false });
    expect(p.timersAt(at('2026-10-01T00:00'))).toEqual({ planOverdue: at('2026-10-21T00:00') });
    expect(catchError(() => p.markPlanOverdue({ at: last }))).toMatchObject({ code: 'complaints.timer.not_yet_due' });
    const marked = p.markPlanOverdue({ at: at('2026-10-21T00:00') });
    expect(marked.events.map((e) => e.type)).toEqual(['complaints.issue.plan_overdue']);
    expect(marked.aggregate.timersAt(at('2026-10-21T00:00'))).toEqual({});
    expect(marked.aggregate.markPlanOverdue({ at: at('2026-10-22T00:00') }).events).toEqual([]);
  });

  it('month end (Asia/Shanghai): the timer instant is 00:00 +08:00 on the 1st', () => {
    expect(monthEndAfter(at('2026-10-12T10:00'))).toEqual(at('2026-11-01T00:00'));
    expect(monthEndAfter(at('2026-12-31T23:59'))).toEqual(at('2027-01-01T00:00'));
    expect(monthOf(new Date(at('2026-11-01T00:00').getTime() - 1))).toBe('2026-10');
    expect(active().timersAt(at('2026-10-12T10:00'))).toEqual({ progressMonthEnd: at('2026-11-01T00:00') });
  });

  it('progress reminder: at month end when no progress was reported in that month, once; not after a month with progress; nothing mid-month', () => {
    const a = active();
    expect(a.remindProgress({ at: at('2026-10-20T00:00') }).events).toEqual([]);
    const reminded = a.remindProgress({ at: at('2026-11-01T00:00') });
    expect(reminded.events[0]).toMatchObject({ type: 'complaints.issue.progress_due', data: { month: '2026-10', nextUpdateDueAt: at('2026-12-01T00:00').toISOString() } });
    expect(reminded.aggregate.remindProgress({ at: at('2026-11-01T00:05') }).events).toEqual([]);
    const withProgress = a.reportProgress({ at: at('2026-10-31T23:00'), unitId: 'U', text: 'stage 1 done' });
    expect(withProgress.events[0]).toMatchObject({ type: 'complaints.issue.progress_reported' });
    expect(withProgress.aggregate.remindProgress({ at: at('2026-11-01T00:00') }).events).toEqual([]);
  });

  it('procedure ended → final position within 3 WD → finalised (CLOSED); only the issue\u2019s unit acts', () => {
    const ended = active().endProcedure({ at: at('2026-09-30T10:00'), unitId: 'U', calendar }).aggregate;
    expect(ended.state).toMatchObject({ status: 'PROCEDURE_ENDED', finalPositionDueAt: at('2026-10-11T00:00') });
    expect(catchError(() => ended.finalise({ at: at('2026-10-09T10:00'), unitId: 'OTHER', position: 'p', guidanceBodyId: 'G' }))).toBeInstanceOf(IssueRefusedError);
    const done = ended.finalise({ at: at('2026-10-09T10:00'), unitId: 'U', position: 'p', guidanceBodyId: 'G' });
    expect(done.aggregate.state.status).toBe('CLOSED');
    expect(done.events[0]).toMatchObject({ type: 'complaints.issue.finalised', data: { onTime: true, nextUpdateDueAt: null } });
    expect(ended.markFinalOverdue({ at: at('2026-10-11T00:00') }).events.map((e) => e.type)).toEqual(['complaints.issue.final_position_overdue']);
  });

  it('linking tickets (SAME_ISSUE) once each', () => {
    const a = active().linkTicket({ at: at('2026-10-13T10:00'), ticketId: 't-3' });
    expect(a.aggregate.state.ticketIds).toEqual(['t-1', 't-2', 't-3']);
    expect(catchError(() => a.aggregate.linkTicket({ at: at('2026-10-13T10:00'), ticketId: 't-3' }))).toMatchObject({ code: 'complaints.issue.already_linked' });
  });
});

describe('tickets on a long-running issue (§3.8) and repeat tickets (§3.6): the ticket domain already allows them', () => {
  it('a new ticket on the issue is submitted and audited with LONG_RUNNING_PROGRESS_GIVEN', () => {
    const t = inProgress('COMPLAINT');
    const audited = handledAndAudited(t, at('2026-10-12T10:00'), 'LONG_RUNNING_PROGRESS_GIVEN');
    expect(audited.state).toMatchObject({ state: 'AWAITING_RATING', outcomeCode: 'LONG_RUNNING_PROGRESS_GIVEN' });
  });

  it('SAME_ISSUE links need both tickets on the same issue; REPEAT needs the same caller and a closed earlier ticket', () => {
    const a = { id: 't-1', submissionId: 's-1', callerKey: 'ck', jurisdictionId: 'CN-44-01', type: 'COMPLAINT' as const, scenarioCode: 'X', state: 'IN_PROGRESS' as const };
    const b = { ...a, id: 't-2', submissionId: 's-2' };
    expect(ticketLinkProblems('SAME_ISSUE', { ...a, longRunningIssueId: 'lr-1' }, { ...b, longRunningIssueId: 'lr-1' })).toEqual([]);
    expect(ticketLinkProblems('SAME_ISSUE', { ...a, longRunningIssueId: 'lr-1' }, b)).toEqual(['not_same_issue']);
    expect(ticketLinkProblems('REPEAT', a, b)).toEqual(['earlier_not_closed']);
  });
});

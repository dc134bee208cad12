import { WorkingCalendar } from '@one-window/shared/calendar';
import { at, catchError, describeMachineExhaustively } from '../shared/machine-testing';
import { SUPERVISION_MACHINE, SupervisionCase, SupervisionRefusedError, supervisionDueAt, type SupervisionKind } from './supervision-case';

const calendar = WorkingCalendar.chinaMainland();

function opened(kind: SupervisionKind = 'OVERDUE_UNJUSTIFIED', openedAt = at('2026-09-30T10:00'), extra: { guidanceBodyId?: string } = {}) {
  return SupervisionCase.open({ id: 'sv-1', jurisdictionId: 'CN-44-01', kind, ticketId: 't-1', submissionId: 's-1', unitId: 'U', requirements: 'explain the delay', at: openedAt, actor: 'hotline_agent', by: 'agent-1', calendar, ...extra });
}

describeMachineExhaustively(SUPERVISION_MACHINE);

describe('supervision case deadlines (§3.7) on the 2026 calendar, from the unit\u2019s receipt', () => {
  it('OVERDUE_UNJUSTIFIED opened 2026-09-30: 2 WD run after the National Day holiday (Oct 8, 9) → due 2026-10-10 00:00 +08:00', () => {
    expect(supervisionDueAt(calendar, 'OVERDUE_UNJUSTIFIED', at('2026-09-30T10:00'))).toEqual(at('2026-10-10T00:00'));
  });

  it('FEEDBACK_NONCOMPLIANT and DUTY_OPINION_OBJECTION: 5 WD, counting the swapped working Saturday 2026-10-10 → due 2026-10-14 00:00', () => {
    expect(supervisionDueAt(calendar, 'FEEDBACK_NONCOMPLIANT', at('2026-09-30T10:00'))).toEqual(at('2026-10-14T00:00'));
    expect(supervisionDueAt(calendar, 'DUTY_OPINION_OBJECTION', at('2026-09-30T10:00'))).toEqual(at('2026-10-14T00:00'));
  });

  it('LONG_RUNNING has no deadline and needs no overdue timer', () => {
    const c = opened('LONG_RUNNING').aggregate;
    expect(c.state.dueAt).toBeNull();
    expect(c.overdueTimerAt()).toBeUndefined();
  });

  it('the response at the last instant is on time, 1 ms later it is late', () => {
    const c = opened().aggregate;
    expect(c.respond({ at: new Date(at('2026-10-10T00:00').getTime() - 1), agencyId: 'U', text: 'status and reasons' }).events[0].data).toMatchObject({ onTime: true });
    expect(c.respond({ at: at('2026-10-10T00:00'), agencyId: 'U', text: 'status and reasons' }).events[0].data).toMatchObject({ onTime: false });
  });

  it('the overdue mark: refused before the deadline, once at it', () => {
    const c = opened().aggregate;
    expect(c.overdueTimerAt()).toEqual(at('2026-10-10T00:00'));
    expect(catchError(() => c.markOverdue({ at: new Date(at('2026-10-10T00:00').getTime() - 1) }))).toMatchObject({ code: 'complaints.timer.not_yet_due' });
    const marked = c.markOverdue({ at: at('2026-10-10T00:00') });
    expect(marked.events.map((e) => e.type)).toEqual(['complaints.supervision.overdue']);
    expect(marked.aggregate.overdueTimerAt()).toBeUndefined();
    expect(marked.aggregate.markOverdue({ at: at('2026-10-10T01:00') }).events).toEqual([]);
  });
});

describe('supervision case lifecycle', () => {
  it('OPEN → RESPONDED → audit fail → OPEN (same deadline) → RESPONDED → audit pass → CLOSED', () => {
    const o = opened();
    expect(o.events[0]).toMatchObject({ type: 'complaints.supervision.opened', aggregateId: 'sv-1', partitionKey: 'sv-1', data: { kind: 'OVERDUE_UNJUSTIFIED', dueAt: at('2026-10-10T00:00').toISOString(), state: 'OPEN' } });
    const r1 = o.aggregate.respond({ at: at('2026-10-08T10:00'), agencyId: 'U', text: 'in progress' }).aggregate;
    expect(r1.state.status).toBe('RESPONDED');
    expect(r1.overdueTimerAt()).toBeUndefined();
    const failed = r1.audit({ at: at('2026-10-08T11:00'), actor: 'hotline_agent', by: 'a', passed: false, reasons: ['no reason for the delay'] });
    expect(failed.aggregate.state).toMatchObject({ status: 'OPEN', dueAt: at('2026-10-10T00:00') });
    expect(failed.events[0]).toMatchObject({ type: 'complaints.supervision.audit_failed', data: { reasons: ['no reason for the delay'] } });
    const r2 = failed.aggregate.respond({ at: at('2026-10-09T10:00'), agencyId: 'U', text: 'delay explained' }).aggregate;
    const passed = r2.audit({ at: at('2026-10-09T11:00'), actor: 'hotline_agent', by: 'a', passed: true });
    expect(passed.aggregate.state.status).toBe('CLOSED');
    expect(passed.events.map((e) => e.type)).toEqual(['complaints.supervision.closed']);
  });

  it('only the supervised unit (or the named guidance unit) responds; a failed audit names reasons; the unit may not audit', () => {
    const c = opened('DUTY_OPINION_OBJECTION', at('2026-09-30T10:00'), { guidanceBodyId: 'G' }).aggregate;
    expect(catchError(() => c.respond({ at: at('2026-10-08T10:00'), agencyId: 'OTHER', text: 'x' }))).toBeInstanceOf(SupervisionRefusedError);
    const byGuidance = c.respond({ at: at('2026-10-08T10:00'), agencyId: 'G', text: 'verified' });
    expect(byGuidance.events[0].data).toMatchObject({ actor: { role: 'guidance_body' } });
    expect(catchError(() => byGuidance.aggregate.audit({ at: at('2026-10-08T11:00'), actor: 'hotline_agent', by: 'a', passed: false }))).toMatchObject({ code: 'complaints.supervision.reasons_required' });
    expect(catchError(() => byGuidance.aggregate.audit({ at: at('2026-10-08T11:00'), actor: 'handling_unit', by: 'U', passed: true }))).toMatchObject({ code: 'complaints.transition.actor_not_allowed' });
  });

  it('the service auto-proposes a case (actor system) and requirements are required', () => {
    const auto = SupervisionCase.open({ id: 'sv-2', jurisdictionId: 'CN-44-01', kind: 'OVERDUE_UNJUSTIFIED', ticketId: 't-1', submissionId: 's-1', unitId: 'U', requirements: 'r', at: at('2026-09-30T10:00'), actor: 'system', by: 'complaints', calendar });
    expect(auto.aggregate.state.autoProposed).toBe(true);
    expect(catchError(() => opened().aggregate && SupervisionCase.open({ id: 'sv-3', jurisdictionId: 'CN-44-01', kind: 'OVERDUE_UNJUSTIFIED', ticketId: 't-1', submissionId: 's-1', unitId: 'U', requirements: ' ', at: at('2026-09-30T10:00'), actor: 'hotline_agent', by: 'a', calendar }))).toMatchObject({ code: 'complaints.supervision.requirements_required' });
    expect(catchError(() => SupervisionCase.open({ id: 'sv-4', jurisdictionId: 'CN-44-01', kind: 'OVERDUE_UNJUSTIFIED', ticketId: 't-1', submissionId: 's-1', unitId: 'U', requirements: 'r', at: at('2026-09-30T10:00'), actor: 'handling_unit', by: 'U', calendar }))).toMatchObject({ code: 'complaints.transition.actor_not_allowed' });
  });
});

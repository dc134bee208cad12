import { clocksFor, Ticket } from '@one-window/complaints/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { DEFAULT_TIME_LIMITS } from '@one-window/complaints/domain';
import { ESCALATING_CLOCKS, escalatingClock, plannedEscalations, plannedTimers, TICKET_TIMERS } from './ticket-clocks';

const calendar = WorkingCalendar.chinaMainland();
const at = (local: string) => new Date(`${local}+08:00`);

function dispatched(assignedDeadline?: Date): Ticket {
  const registered = Ticket.register({
    id: 't-1', submissionId: 's-1', jurisdictionId: 'CN-44-01', type: 'COMPLAINT', scenarioCode: 'HOUSING.REPAIR', channel: 'PHONE',
    callerKey: 'ck', at: at('2026-09-30T09:00'), agentId: 'a', calendar, ...(assignedDeadline ? { assignedDeadline } : {}),
  }).aggregate;
  return registered.dispatch({ at: at('2026-09-30T10:00'), actor: 'hotline_agent', by: 'a', unitId: 'U', calendar }).aggregate;
}

const plan = (t: Ticket, now: Date) => plannedTimers(t, clocksFor(t, now, calendar)).map((p) => [p.kind, p.dueAt.toISOString()]);

describe('plannedTimers: one durable timer per active clock action', () => {
  it('DISPATCHED: auto-accept at the unit check end, the warning at T−1 WD, overdue at the deadline', () => {
    expect(plan(dispatched(), at('2026-09-30T11:00'))).toEqual([
      [TICKET_TIMERS.autoAccept, at('2026-10-10T00:00').toISOString()],
      [TICKET_TIMERS.overdue, at('2026-10-21T00:00').toISOString()],
      [TICKET_TIMERS.warning, at('2026-10-20T00:00').toISOString()],
    ]);
  });

  it('once the overdue is marked, neither the overdue timer nor (past the deadline) the warning is planned again', () => {
    const t = dispatched().accept({ at: at('2026-10-08T09:00'), unitId: 'U' }).aggregate;
    const marked = t.markOverdue({ at: at('2026-10-21T00:01') }).aggregate;
    expect(plan(marked, at('2026-10-21T00:02'))).toEqual([]);
  });

  it('a clock already due is planned at its (past) instant, so the poller fires it at once', () => {
    const t = dispatched(at('2026-09-30T12:00'));
    expect(plan(t, at('2026-09-30T13:00'))).toContainEqual([TICKET_TIMERS.overdue, at('2026-09-30T12:00').toISOString()]);
  });

  it('a closed ticket needs no timers', () => {
    const t = dispatched().withdraw({ at: at('2026-10-01T10:00'), actor: 'caller', callerKey: 'ck' }).aggregate;
    expect(plan(t, at('2026-10-01T10:01'))).toEqual([]);
  });
});

describe('plannedEscalations: one timer per ESCALATE / GUIDANCE_LAPSED clock, key ticketId:clock', () => {
  it('every limit whose action is ESCALATE is an escalating clock (its id is the clock kind), so its timer can be cancelled', () => {
    const escalating = Object.values(DEFAULT_TIME_LIMITS).filter((r) => r.onDue === 'ESCALATE').map((r) => r.id).sort();
    expect(escalating).toEqual([...ESCALATING_CLOCKS].sort());
  });

  it('REGISTERED: the dispatch clock (1 WD) escalates at its due instant; no other escalation', () => {
    const t = Ticket.register({ id: 't-1', submissionId: 's-1', jurisdictionId: 'CN-44-01', type: 'COMPLAINT', scenarioCode: 'X', channel: 'PHONE', callerKey: 'ck', at: at('2026-09-30T09:00'), agentId: 'a', calendar }).aggregate;
    const clocks = clocksFor(t, at('2026-09-30T10:00'), calendar);
    expect(plannedEscalations('t-1', clocks).map((p) => [p.key, p.clockKey, p.clock.dueAt.toISOString()])).toEqual([['t-1:DISPATCH', 'DISPATCH', at('2026-10-09T00:00').toISOString()]]);
    expect(escalatingClock(clocks, 'DISPATCH')?.dueAt).toEqual(at('2026-10-09T00:00'));
    expect(escalatingClock(clocks, 'AUDIT')).toBeUndefined();
  });

  it('DISPATCHED: the unit check auto-accepts and the handling clock marks overdue, so nothing escalates; once dispatched the dispatch clock is stale', () => {
    const t = dispatched();
    const clocks = clocksFor(t, at('2026-09-30T11:00'), calendar);
    expect(plannedEscalations('t-1', clocks)).toEqual([]);
    expect(escalatingClock(clocks, 'DISPATCH')).toBeUndefined();
  });
});

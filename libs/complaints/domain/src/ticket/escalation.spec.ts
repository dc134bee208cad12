import { at } from '../shared/machine-testing';
import { clocksFor } from './clocks';
import { calendar, dispatched, registered } from './test-fixtures';

describe('escalate: ESCALATE and GUIDANCE_LAPSED clocks (spec §3.2), no state change', () => {
  it('dispatch clock of a ticket registered 2026-09-30 09:00: due after the holiday, 2026-10-09 00:00; nothing before, ticket.escalated at it', () => {
    const t = registered('COMPLAINT', at('2026-09-30T09:00'));
    const clock = clocksFor(t, at('2026-10-09T00:00'), calendar).find((c) => c.clock === 'DISPATCH');
    expect(clock).toMatchObject({ onDue: 'ESCALATE', dueAt: at('2026-10-09T00:00') });
    if (!clock) return;
    expect(t.escalate({ at: new Date(clock.dueAt.getTime() - 1), clock }).events).toEqual([]);
    const out = t.escalate({ at: clock.dueAt, clock });
    expect(out.aggregate).toBe(t);
    expect(out.events).toEqual([
      expect.objectContaining({
        type: 'complaints.ticket.escalated',
        partitionKey: 's-1',
        data: expect.objectContaining({ ticketId: 't-1', clock: 'DISPATCH', limit: 'DISPATCH', action: 'ESCALATE', dueAt: at('2026-10-09T00:00').toISOString(), actor: { role: 'timer' } }),
      }),
    ]);
  });

  it('a clock with another action (MARK_OVERDUE) is not escalated', () => {
    const t = dispatched();
    const handling = clocksFor(t, at('2026-10-22T00:00'), calendar).find((c) => c.clock === 'HANDLING');
    expect(handling && t.escalate({ at: at('2026-10-22T00:00'), clock: handling }).events).toEqual([]);
  });
});

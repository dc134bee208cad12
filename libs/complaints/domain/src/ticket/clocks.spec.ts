import { at } from '../shared/machine-testing';
import { clocksFor } from './clocks';
import { calendar, dispatched, inProgress, registered, UNIT } from './test-fixtures';

describe('clocksFor: the clocks the app schedules (spec §3.2)', () => {
  it('REGISTERED: the dispatch clock (1 WD, 002 L1527–1531)', () => {
    const t = registered('COMPLAINT', at('2026-09-30T09:00'));
    expect(clocksFor(t, at('2026-09-30T10:00'), calendar)).toEqual([
      expect.objectContaining({ clock: 'DISPATCH', limit: 'DISPATCH', dueAt: at('2026-10-09T00:00'), warnAt: at('2026-10-08T00:00'), status: 'GREEN', onDue: 'ESCALATE' }),
    ]);
  });

  it('DISPATCHED: the unit check (auto-accept) and the handling clock (mark overdue), soonest first', () => {
    const clocks = clocksFor(dispatched('COMPLAINT', at('2026-09-30T10:00')), at('2026-10-09T08:00'), calendar);
    expect(clocks.map((c) => [c.clock, c.dueAt, c.status, c.onDue])).toEqual([
      ['UNIT_CHECK', at('2026-10-10T00:00'), 'YELLOW', 'AUTO_ACCEPT'],
      ['HANDLING', at('2026-10-21T00:00'), 'GREEN', 'MARK_OVERDUE'],
    ]);
  });

  it('the handling clock turns YELLOW at T−1 WD and RED at the due instant', () => {
    const t = inProgress('CONSULTATION', at('2026-02-13T10:00')); // due end of Tue Feb 24
    const status = (when: string) => clocksFor(t, at(when), calendar).find((c) => c.clock === 'HANDLING')?.status;
    expect(status('2026-02-14T12:00')).toBe('GREEN');
    expect(status('2026-02-24T00:00')).toBe('YELLOW');
    expect(status('2026-02-24T23:59:59.999')).toBe('YELLOW');
    expect(status('2026-02-25T00:00')).toBe('RED');
    expect(status('2026-02-25T00:01')).toBe('RED');
  });

  it('SUBMITTED: only the audit clock (design, Q6); the handling clock is stopped provisionally', () => {
    const t = inProgress().recordReply({ at: at('2026-10-08T10:00'), unitId: UNIT, outcome: 'DECLINED', attempts: [], evidenceRef: 'r' }).aggregate
      .submit({ at: at('2026-10-08T11:00'), unitId: UNIT, outcomeCode: 'HANDLED', report: { process: { steps: 's', result: 'r' } } }).aggregate;
    expect(clocksFor(t, at('2026-10-08T12:00'), calendar).map((c) => [c.clock, c.dueAt])).toEqual([['AUDIT', at('2026-10-10T00:00')]]);
  });

  it('CLOSED: no clocks', () => {
    expect(clocksFor(registered().guide({ at: at('2026-09-29T10:00'), agentId: 'a', guidanceText: 'g' }).aggregate, at('2026-09-29T11:00'), calendar)).toEqual([]);
  });
});

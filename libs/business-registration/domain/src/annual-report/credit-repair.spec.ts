import { WorkingCalendar } from '@one-window/shared/calendar';
import { describeMachineExhaustively } from '../shared/machine-testing';
import { ActorNotAllowedError, TransitionNotAllowedError } from '../shared/state-machine';
import { CREDIT_REPAIR_MACHINE, CREDIT_REPAIR_UPDATE_WORKING_DAYS, CreditRepairUpdate } from './credit-repair';

describeMachineExhaustively(CREDIT_REPAIR_MACHINE);

const calendar = WorkingCalendar.chinaMainland();
const request = (requestedAt: string) =>
  CreditRepairUpdate.request({ id: 'cr-1', uscc: 'U', caseId: 'BK-1', planRulingRef: '(2026)粤01破1号之三', requestedAt: new Date(requestedAt), calendar });
const minute = 60_000;

describe('credit repair: the publicity-system update (5 working days [cfg])', () => {
  it('is due at the end of the 5th working day after the request day', () => {
    expect(CREDIT_REPAIR_UPDATE_WORKING_DAYS).toBe(5);
    // Friday 2026-12-04 16:00: Mon 7 … Fri 11 → due Fri 11 December 24:00 local
    expect(request('2026-12-04T16:00:00+08:00').state.dueAt.toISOString()).toBe('2026-12-11T16:00:00.000Z');
  });

  it('across National Day 2026 and its swapped Saturday: asked on 30 September, due at the end of 13 October; asked the day before, the 12th', () => {
    // Oct 1–7 off; Thu 8 (1), Fri 9 (2), Sat 10 swapped working day (3), Mon 12 (4), Tue 13 (5)
    expect(request('2026-09-30T10:00:00+08:00').state.dueAt.toISOString()).toBe('2026-10-13T16:00:00.000Z');
    expect(request('2026-09-29T10:00:00+08:00').state.dueAt.toISOString()).toBe('2026-10-12T16:00:00.000Z');
  });

  it('is overdue at the due instant, not one minute before; marked once', () => {
    const r = request('2026-09-30T10:00:00+08:00');
    const due = r.state.dueAt.getTime();
    expect(r.markOverdue(new Date(due - minute)).events).toEqual([]);
    const overdue = r.markOverdue(new Date(due));
    expect(overdue.aggregate.state.status).toBe('OVERDUE');
    expect(overdue.events).toEqual([
      expect.objectContaining({
        type: 'registration.credit_repair.overdue',
        aggregateId: 'U',
        data: { requestId: 'cr-1', caseId: 'BK-1', uscc: 'U', target: 'ENTERPRISE_CREDIT_PUBLICITY', dueAt: '2026-10-13T16:00:00.000Z' },
      }),
    ]);
    expect(overdue.aggregate.markOverdue(new Date(due + minute)).events).toEqual([]);
  });

  it('the officer confirms: on time one minute before the due instant, late after it or once overdue; once', () => {
    const r = request('2026-09-30T10:00:00+08:00');
    const due = r.state.dueAt.getTime();
    const onTime = r.confirmUpdate({ at: new Date(due - minute), actor: 'officer', officerId: 'officer-yx' });
    expect(onTime.aggregate.state).toMatchObject({ status: 'UPDATED', late: false, updatedBy: 'officer-yx' });
    expect(onTime.events[0]).toMatchObject({ type: 'registration.credit_repair.updated', data: { late: false, updatedAt: new Date(due - minute).toISOString() } });
    expect(r.confirmUpdate({ at: new Date(due), actor: 'officer', officerId: 'o' }).aggregate.state.late).toBe(true);
    const overdue = r.markOverdue(new Date(due)).aggregate;
    expect(overdue.confirmUpdate({ at: new Date(due + minute), actor: 'officer', officerId: 'o', note: '已同步公示' }).aggregate.state).toMatchObject({ status: 'UPDATED', late: true, note: '已同步公示' });
    expect(() => onTime.aggregate.confirmUpdate({ at: new Date(due), actor: 'officer', officerId: 'o' })).toThrow(TransitionNotAllowedError);
    expect(() => r.confirmUpdate({ at: new Date(due), actor: 'applicant', officerId: 'o' })).toThrow(ActorNotAllowedError);
  });
});

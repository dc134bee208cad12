import { describeMachineExhaustively } from '@one-window/shared/state-machine/testing';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { TAX_ACTORS } from '../shared/actors';
import { DISPUTE_ACCEPTANCE_WORKING_DAYS, DISPUTE_MACHINE, DISPUTE_MEDIATION_WORKING_DAYS, TaxDispute } from './tax-dispute';

describeMachineExhaustively(DISPUTE_MACHINE, TAX_ACTORS);

const calendar = WorkingCalendar.chinaMainland();
const minute = 60_000;
const open = (at: string) =>
  TaxDispute.open({ disputeId: 'd-1', taxpayerId: '91440104MA00001B3B', channel: 'HALL', subject: '滞纳金计算有异议', actor: 'officer_dispute', at: new Date(at), calendar });

describe('tax-dispute mediation (税费争议调解, §13)', () => {
  it('the limits: accepted within 2 working days, mediation ends within 20', () => {
    expect([DISPUTE_ACCEPTANCE_WORKING_DAYS, DISPUTE_MEDIATION_WORKING_DAYS]).toEqual([2, 20]);
  });

  it('acceptance is due at the end of the 2nd working day after receipt: across a weekend, and across National Day 2026', () => {
    expect(open('2026-12-04T16:00:00+08:00').aggregate.state.acceptanceDueAt.toISOString()).toBe('2026-12-08T16:00:00.000Z'); // Fri → Mon, Tue
    expect(open('2026-09-30T10:00:00+08:00').aggregate.state.acceptanceDueAt.toISOString()).toBe('2026-10-09T16:00:00.000Z'); // Oct 1–7 off → Thu 8, Fri 9
    expect(open('2026-09-30T10:00:00+08:00').events).toEqual([
      expect.objectContaining({ type: 'tax.dispute.opened', data: { disputeId: 'd-1', taxpayerId: '91440104MA00001B3B', channel: 'HALL', acceptanceDueAt: '2026-10-09T16:00:00.000Z' } }),
    ]);
  });

  it('acceptance overdue at the due instant, not one minute before; accepted then, it is recorded late', () => {
    const d = open('2026-09-30T10:00:00+08:00').aggregate;
    const due = d.state.acceptanceDueAt.getTime();
    expect(d.overdue(new Date(due - minute))).toEqual({ acceptance: false, mediation: false });
    expect(d.overdue(new Date(due))).toEqual({ acceptance: true, mediation: false });
    expect(d.accept({ actor: 'officer_dispute', at: new Date(due - minute) }).state.acceptedLate).toBe(false);
    expect(d.accept({ actor: 'officer_dispute', at: new Date(due) }).state.acceptedLate).toBe(true);
  });

  it('mediation is due 20 working days after it starts (across National Day and the swapped Saturday); settled one minute before is on time, at the due instant late', () => {
    const accepted = open('2026-09-24T10:00:00+08:00').aggregate.accept({ actor: 'officer_dispute', at: new Date('2026-09-25T09:00:00+08:00') });
    const mediating = accepted.startMediation({ actor: 'officer_dispute', at: new Date('2026-09-25T10:00:00+08:00'), calendar });
    const due = mediating.state.mediationDueAt?.getTime() ?? 0;
    expect(new Date(due).toISOString()).toBe('2026-10-29T16:00:00.000Z');
    expect(mediating.overdue(new Date(due - minute)).mediation).toBe(false);
    expect(mediating.overdue(new Date(due)).mediation).toBe(true);
    const onTime = mediating.settle({ actor: 'officer_dispute', at: new Date(due - minute), agreementRef: 'MED-2026-001' });
    expect(onTime.aggregate.state).toMatchObject({ status: 'SETTLED', closedLate: false, agreementRef: 'MED-2026-001' });
    expect(onTime.events).toEqual([expect.objectContaining({ type: 'tax.dispute.settled', data: expect.objectContaining({ agreementRef: 'MED-2026-001', late: false }) })]);
    expect(mediating.settle({ actor: 'officer_dispute', at: new Date(due), agreementRef: 'MED-2026-001' }).aggregate.state.closedLate).toBe(true);
  });

  it('not settled: the notice names the legal remedies; withdrawn: closed, no remedies; terminal states take nothing more', () => {
    const mediating = open('2026-12-01T10:00:00+08:00')
      .aggregate.accept({ actor: 'officer_dispute', at: new Date('2026-12-01T11:00:00+08:00') })
      .startMediation({ actor: 'officer_dispute', at: new Date('2026-12-01T12:00:00+08:00'), calendar });
    const failed = mediating.closeUnsettled({ actor: 'officer_dispute', at: new Date('2026-12-10T10:00:00+08:00'), reason: '双方未达成一致' });
    expect(failed.aggregate.state).toMatchObject({ status: 'NOT_SETTLED', remedies: ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'] });
    expect(failed.events[0]).toMatchObject({ type: 'tax.dispute.closed', data: { outcome: 'NOT_SETTLED', remedies: ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'] } });
    const withdrawn = open('2026-12-01T10:00:00+08:00').aggregate.withdraw({ actor: 'applicant', at: new Date('2026-12-02T10:00:00+08:00') });
    expect(withdrawn.events[0]).toMatchObject({ type: 'tax.dispute.closed', data: { outcome: 'WITHDRAWN' } });
    expect(withdrawn.events[0].data).not.toHaveProperty('remedies');
    expect(() => failed.aggregate.withdraw({ actor: 'applicant', at: new Date() })).toThrow();
    expect(() => mediating.settle({ actor: 'officer_dispute', at: new Date(), agreementRef: ' ' })).toThrow(/agreement/);
    expect(() => open('2026-12-01T10:00:00+08:00').aggregate.accept({ actor: 'applicant', at: new Date() })).toThrow();
  });
});

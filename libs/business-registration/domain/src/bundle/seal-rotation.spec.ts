import { WorkingCalendar } from '@one-window/shared/calendar';
import { at } from '../shared/machine-testing';
import { NoEligibleSealMakerError } from './errors';
import { SealMakerRotation } from './seal-rotation';

const calendar = WorkingCalendar.chinaMainland();
const makers = [
  { id: 'm1', eligible: true },
  { id: 'm2', eligible: false },
  { id: 'm3', eligible: true },
];

function lateDeliveries(rotation: SealMakerRotation, makerId: string, n: number, deliveredAt = at('2026-03-02T11:00')) {
  let r = rotation;
  const events = [];
  for (let i = 0; i < n; i++) {
    const outcome = r.recordDelivery({ orderId: `o${i}`, makerId, dueAt: at('2026-03-02T10:00'), deliveredAt, calendar });
    r = outcome.aggregate;
    events.push(...outcome.events);
  }
  return { rotation: r, events };
}

describe('SealMakerRotation', () => {
  it('assigns in turn among eligible makers', () => {
    let r = SealMakerRotation.create(makers, 2026);
    const assigned: string[] = [];
    for (let i = 0; i < 4; i++) {
      const next = r.assignNext(at('2026-03-02T10:00'), calendar);
      assigned.push(next.makerId);
      r = next.rotation;
    }
    expect(assigned).toEqual(['m1', 'm3', 'm1', 'm3']);
    expect(r.assignNext(at('2026-03-02T10:00'), calendar, ['m1']).makerId).toBe('m3');
  });

  it('on time at exactly the due instant; one millisecond later is late', () => {
    const r = SealMakerRotation.create(makers, 2026);
    const onTime = r.recordDelivery({ orderId: 'o', makerId: 'm1', dueAt: at('2026-03-02T10:00'), deliveredAt: at('2026-03-02T10:00'), calendar });
    expect(onTime.events[0].data).toMatchObject({ late: false, yearlyLateCount: 0 });
    const late = r.recordDelivery({ orderId: 'o', makerId: 'm1', dueAt: at('2026-03-02T10:00'), deliveredAt: new Date(at('2026-03-02T10:00').getTime() + 1), calendar });
    expect(late.events[0].data).toMatchObject({ late: true, yearlyLateCount: 1 });
  });

  it('2 late: nothing; 3 late: warned; 4: still in rotation; 5: disqualified and out of the rotation for the year', () => {
    const r = SealMakerRotation.create(makers, 2026);
    expect(lateDeliveries(r, 'm1', 2).events.map((e) => e.type)).not.toContain('registration.seal_maker.warned');
    const three = lateDeliveries(r, 'm1', 3);
    expect(three.events.filter((e) => e.type === 'registration.seal_maker.warned')).toHaveLength(1);
    const four = lateDeliveries(r, 'm1', 4);
    expect(four.events.map((e) => e.type)).not.toContain('registration.seal_maker.disqualified');
    expect(four.rotation.assignNext(at('2026-03-03T10:00'), calendar).makerId).toBe('m1');
    const five = lateDeliveries(r, 'm1', 5);
    expect(five.events.filter((e) => e.type === 'registration.seal_maker.disqualified')).toEqual([
      expect.objectContaining({ data: { makerId: 'm1', year: 2026, yearlyLateCount: 5 } }),
    ]);
    let rot = five.rotation;
    for (let i = 0; i < 3; i++) {
      const next = rot.assignNext(at('2026-03-03T10:00'), calendar);
      expect(next.makerId).toBe('m3');
      rot = next.rotation;
    }
    // A new calendar year: counts reset, back in rotation.
    expect(rot.assignNext(at('2027-01-01T09:00'), calendar).rotation.state).toMatchObject({ year: 2027, lateCounts: {}, disqualified: [] });
  });

  it('an order whose clock ran out counts once: overdue by the timer, then its late delivery adds nothing', () => {
    const r = SealMakerRotation.create(makers, 2026);
    const overdue = r.recordOverdue({ orderId: 'o', makerId: 'm1', dueAt: at('2026-03-02T10:00'), at: at('2026-03-02T10:00:01'), calendar });
    expect(overdue.events).toEqual([
      expect.objectContaining({ type: 'registration.seal_order.overdue', aggregateId: 'o', data: { orderId: 'o', makerId: 'm1', dueAt: at('2026-03-02T10:00').toISOString(), late: true, yearlyLateCount: 1 } }),
    ]);
    const delivered = overdue.aggregate.recordDelivery({ orderId: 'o', makerId: 'm1', dueAt: at('2026-03-02T10:00'), deliveredAt: at('2026-03-02T10:30'), calendar, lateAlreadyCounted: true });
    expect(delivered.events.map((e) => [e.type, e.data])).toEqual([['registration.seal_order.delivered', expect.objectContaining({ late: true, yearlyLateCount: 1 })]]);
    expect(delivered.aggregate.lateCountOf('m1')).toBe(1);
  });

  it('overdue orders reach the thresholds like late deliveries: the fifth disqualifies', () => {
    let r = SealMakerRotation.create(makers, 2026);
    const types: string[] = [];
    for (let i = 0; i < 5; i++) {
      const o = r.recordOverdue({ orderId: `o${i}`, makerId: 'm3', dueAt: at('2026-03-02T10:00'), at: at('2026-03-02T10:01'), calendar });
      r = o.aggregate;
      types.push(...o.events.map((e) => e.type));
    }
    expect(types.filter((t) => t !== 'registration.seal_order.overdue')).toEqual(['registration.seal_maker.warned', 'registration.seal_maker.disqualified']);
    expect(r.isDisqualified('m3')).toBe(true);
    expect(r.isDisqualified('m1')).toBe(false);
  });

  it('no eligible maker is a typed error', () => {
    const only = lateDeliveries(SealMakerRotation.create([{ id: 'm1', eligible: true }], 2026), 'm1', 5).rotation;
    expect(() => only.assignNext(at('2026-03-03T10:00'), calendar)).toThrow(NoEligibleSealMakerError);
  });
});

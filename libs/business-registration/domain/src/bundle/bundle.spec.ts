import { WorkingCalendar } from '@one-window/shared/calendar';
import type { BundleOptions } from '../application/form';
import { at, describeMachineExhaustively } from '../shared/machine-testing';
import { TransitionNotAllowedError } from '../shared/state-machine';
import { SetupBundle } from './bundle';
import { BundlePartNotOptedInError, NotAssignedSealMakerError } from './errors';
import {
  BANK_PART_MACHINE,
  BUNDLE_MACHINE,
  HOUSING_FUND_PART_MACHINE,
  LICENCE_PART_MACHINE,
  SEAL_PART_MACHINE,
  SOCIAL_INSURANCE_PART_MACHINE,
  TAX_PART_MACHINE,
} from './part-machines';

const calendar = WorkingCalendar.chinaMainland();
const ALL: BundleOptions = { seals: true, bank: { bankCode: 'ICBC', branchCode: 'B1' }, socialInsurance: true, housingFund: true, tax: { invoices: true, ukey: true } };

for (const machine of [BUNDLE_MACHINE, LICENCE_PART_MACHINE, SEAL_PART_MACHINE, TAX_PART_MACHINE, SOCIAL_INSURANCE_PART_MACHINE, HOUSING_FUND_PART_MACHINE, BANK_PART_MACHINE]) {
  describeMachineExhaustively(machine);
}

function open(options: BundleOptions = ALL, clockStartedAt = at('2026-03-02T10:00')) {
  return SetupBundle.open({ id: 'b-1', uscc: '91440104MA00000X1Y', options, clockStartedAt, at: clockStartedAt }).aggregate;
}

/** Everything but the last part (tax) done by 11:00. */
function nearlyDone() {
  let b = open().issueLicence(at('2026-03-02T10:05'), calendar).aggregate;
  b = b.dispatchSeals({ at: at('2026-03-02T10:10'), makerId: 'm1', calendar }).aggregate;
  b = b.deliverSeals({ at: at('2026-03-02T11:10'), makerId: 'm1', calendar }).aggregate;
  b = b.handOverSeals(at('2026-03-02T11:15'), calendar).aggregate;
  b = b.completeAgencyPart('SOCIAL_INSURANCE', at('2026-03-02T10:30'), calendar).aggregate;
  b = b.completeAgencyPart('HOUSING_FUND', at('2026-03-02T10:40'), calendar).aggregate;
  return b.presetBankAccount('6222021001123456', at('2026-03-02T10:50'), calendar).aggregate;
}

describe('SetupBundle', () => {
  it('opens with one part per option and publishes setup_bundle.opened', () => {
    const { aggregate, events } = SetupBundle.open({
      id: 'b',
      uscc: 'U',
      options: { ...ALL, seals: false, bank: undefined, housingFund: false },
      clockStartedAt: at('2026-03-02T10:00'),
      at: at('2026-03-02T10:00'),
    });
    expect(aggregate.state.parts.map((p) => [p.part, p.state])).toEqual([
      ['LICENCE', 'REQUESTED'],
      ['SEALS', 'OPTED_OUT'],
      ['TAX', 'REQUESTED'],
      ['SOCIAL_INSURANCE', 'REQUESTED'],
      ['HOUSING_FUND', 'OPTED_OUT'],
      ['BANK', 'OPTED_OUT'],
    ]);
    expect(events[0]).toMatchObject({ type: 'registration.setup_bundle.opened', data: { parts: ['LICENCE', 'TAX', 'SOCIAL_INSURANCE'] } });
    expect(() => aggregate.handOverSeals(at('2026-03-02T11:00'), calendar)).toThrow(BundlePartNotOptedInError);
  });

  it('COMPLETED when the last part is done at exactly 4 working hours', () => {
    const { aggregate, events } = nearlyDone().completeAgencyPart('TAX', at('2026-03-02T15:00'), calendar);
    expect(aggregate.state.status).toBe('COMPLETED');
    expect(events.map((e) => e.type)).toEqual(['registration.setup_bundle.part_completed', 'registration.setup_bundle.completed']);
    expect(events[1].data).toEqual({ uscc: '91440104MA00000X1Y', part: 'ALL', elapsedWorkingMinutes: 240, withinTarget: true });
  });

  it('COMPLETED_LATE one minute later', () => {
    const { aggregate, events } = nearlyDone().completeAgencyPart('TAX', at('2026-03-02T15:01'), calendar);
    expect(aggregate.state.status).toBe('COMPLETED_LATE');
    expect(events[1].data).toMatchObject({ elapsedWorkingMinutes: 241, withinTarget: false });
  });

  it('a failed part keeps the bundle open until retried and done', () => {
    let b = nearlyDone().failAgencyPart('TAX', 'TAXPAYER_DATA_MISMATCH', at('2026-03-02T12:00'), calendar).aggregate;
    expect(b.state.status).toBe('OPEN');
    b = b.retryAgencyPart('TAX', at('2026-03-02T13:00'), calendar).aggregate;
    expect(b.completeAgencyPart('TAX', at('2026-03-02T14:00'), calendar).aggregate.state.status).toBe('COMPLETED');
  });

  it('seals: 1-hour clock from dispatch, only the assigned maker delivers, late flagged, reassign then dispatch again', () => {
    let b = open();
    const dispatched = b.dispatchSeals({ at: at('2026-03-02T10:10'), makerId: 'm1', calendar });
    expect(dispatched.events).toEqual([
      expect.objectContaining({ type: 'registration.seal_order.dispatched', data: { orderId: 'b-1-seals', uscc: '91440104MA00000X1Y', makerId: 'm1', dueAt: at('2026-03-02T11:10').toISOString() } }),
    ]);
    b = dispatched.aggregate;
    expect(() => b.deliverSeals({ at: at('2026-03-02T11:00'), makerId: 'm2', calendar })).toThrow(NotAssignedSealMakerError);
    expect(b.deliverSeals({ at: at('2026-03-02T11:10'), makerId: 'm1', calendar }).aggregate.part('SEALS').late).toBe(false);
    expect(b.deliverSeals({ at: at('2026-03-02T11:11'), makerId: 'm1', calendar }).aggregate.part('SEALS').late).toBe(true);
    const again = b.reassignSeals(at('2026-03-02T10:30'), calendar).aggregate.dispatchSeals({ at: at('2026-03-02T10:31'), makerId: 'm3', calendar }).aggregate;
    expect(again.part('SEALS')).toMatchObject({ state: 'DISPATCHED', makerId: 'm3', dueAt: at('2026-03-02T11:31') });
    expect(() => open().handOverSeals(at('2026-03-02T11:00'), calendar)).toThrow(TransitionNotAllowedError);
  });

  it('seals: the clock running out marks the order late once (same maker, still dispatched); a new dispatch starts afresh', () => {
    const b = open().dispatchSeals({ at: at('2026-03-02T10:10'), makerId: 'm1', calendar }).aggregate;
    expect(b.markSealsOverdue({ at: at('2026-03-02T11:10'), makerId: 'm1' }).counted).toBe(false); // exactly at due: on time
    expect(b.markSealsOverdue({ at: at('2026-03-02T11:11'), makerId: 'm2' }).counted).toBe(false);
    const overdue = b.markSealsOverdue({ at: at('2026-03-02T11:11'), makerId: 'm1' });
    expect(overdue.counted).toBe(true);
    expect(overdue.aggregate.part('SEALS')).toMatchObject({ state: 'DISPATCHED', late: true, lateCounted: true });
    expect(overdue.aggregate.markSealsOverdue({ at: at('2026-03-02T11:30'), makerId: 'm1' }).counted).toBe(false);
    expect(overdue.aggregate.statusView(at('2026-03-02T11:30'), calendar).parts[1].sealClock).toMatchObject({ makerId: 'm1', late: true });
    const again = overdue.aggregate.reassignSeals(at('2026-03-02T11:12'), calendar).aggregate.dispatchSeals({ at: at('2026-03-02T11:12'), makerId: 'm3', calendar }).aggregate;
    expect(again.part('SEALS').late).toBeUndefined();
    expect(again.part('SEALS').lateCounted).toBeUndefined();
    expect(again.statusView(at('2026-03-02T11:20'), calendar).parts[1].sealClock).toEqual({ makerId: 'm3', dueAt: at('2026-03-02T12:12').toISOString(), late: false });
  });

  it('bank: the preset number counts as done (masked); activation is outside the clock', () => {
    const preset = open().presetBankAccount('6222021001123456', at('2026-03-02T10:50'), calendar);
    expect(preset.events.map((e) => e.type)).toEqual(['registration.setup_bundle.part_completed', 'registration.bank_account.preset']);
    expect(preset.events[1].data).toEqual({ uscc: '91440104MA00000X1Y', bankCode: 'ICBC', accountRef: '************3456' });
    const activated = preset.aggregate.activateBankAccount(at('2026-03-05T10:00'), calendar);
    expect(activated.events.map((e) => e.type)).toEqual(['registration.bank_account.activated']);
    expect(activated.aggregate.part('BANK').doneAt).toEqual(at('2026-03-02T10:50'));
  });

  it('one status view lists every part with its clock', () => {
    const b = nearlyDone();
    const view = b.statusView(at('2026-03-02T14:00'), calendar);
    expect(view).toMatchObject({ status: 'OPEN', targetDueAt: at('2026-03-02T15:00').toISOString(), elapsedWorkingMinutes: 180, withinTarget: true });
    expect(view.parts.map((p) => [p.part, p.state, p.done, p.elapsedWorkingMinutes])).toEqual([
      ['LICENCE', 'ISSUED', true, 5],
      ['SEALS', 'HANDED_OVER', true, 75],
      ['TAX', 'REQUESTED', false, 180],
      ['SOCIAL_INSURANCE', 'DONE', true, 30],
      ['HOUSING_FUND', 'DONE', true, 40],
      ['BANK', 'NUMBER_PRESET', true, 50],
    ]);
    expect(view.parts[1].sealClock).toEqual({ makerId: 'm1', dueAt: at('2026-03-02T11:10').toISOString(), late: false });
  });
});

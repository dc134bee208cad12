import type { Actor } from '../shared/actors';
import type { StateMachine } from '../shared/state-machine';

/** The six parts of 照章税保金银 (§5). */
export const BUNDLE_PARTS = ['LICENCE', 'SEALS', 'TAX', 'SOCIAL_INSURANCE', 'HOUSING_FUND', 'BANK'] as const;
export type BundlePart = (typeof BUNDLE_PARTS)[number];

/** The bundle itself, §10.3: OPEN → COMPLETED / COMPLETED_LATE. */
export const BUNDLE_MACHINE: StateMachine<'OPEN' | 'COMPLETED' | 'COMPLETED_LATE', 'open' | 'complete' | 'complete_late'> = {
  name: 'setup-bundle',
  codePrefix: 'registration',
  states: ['OPEN', 'COMPLETED', 'COMPLETED_LATE'],
  triggers: ['open', 'complete', 'complete_late'],
  creations: [{ trigger: 'open', to: 'OPEN', actors: ['system'], guard: 'On REGISTERED (establishment)' }],
  transitions: [
    { from: ['OPEN'], trigger: 'complete', to: 'COMPLETED', actors: ['system'], guard: 'Last opted-in part done within the target (0.5 day)' },
    { from: ['OPEN'], trigger: 'complete_late', to: 'COMPLETED_LATE', actors: ['system'], guard: 'Last opted-in part done after the target' },
  ],
  terminal: ['COMPLETED', 'COMPLETED_LATE'],
};
export type BundleStatus = (typeof BUNDLE_MACHINE.states)[number];

/** 照: the licence and e-gift pack. */
export const LICENCE_PART_MACHINE: StateMachine<'REQUESTED' | 'ISSUED', 'request' | 'issue'> = {
  name: 'bundle-licence',
  codePrefix: 'registration',
  states: ['REQUESTED', 'ISSUED'],
  triggers: ['request', 'issue'],
  creations: [{ trigger: 'request', to: 'REQUESTED', actors: ['system'] }],
  transitions: [{ from: ['REQUESTED'], trigger: 'issue', to: 'ISSUED', actors: ['system'], guard: 'e-licence issued' }],
  terminal: ['ISSUED'],
};

/** 章: the seal order. REASSIGNED [design]: the desk takes the order from a maker and dispatches it again. */
export const SEAL_STATES = ['REQUESTED', 'DISPATCHED', 'DELIVERED', 'HANDED_OVER', 'OPTED_OUT', 'REASSIGNED'] as const;
export const SEAL_TRIGGERS = ['request', 'opt_out', 'dispatch', 'deliver', 'reassign', 'hand_over'] as const;
export const SEAL_PART_MACHINE: StateMachine<(typeof SEAL_STATES)[number], (typeof SEAL_TRIGGERS)[number]> = {
  name: 'bundle-seals',
  codePrefix: 'registration',
  states: SEAL_STATES,
  triggers: SEAL_TRIGGERS,
  creations: [
    { trigger: 'request', to: 'REQUESTED', actors: ['system'], guard: 'Seals opted in' },
    { trigger: 'opt_out', to: 'OPTED_OUT', actors: ['system'], guard: 'Seals not opted in' },
  ],
  transitions: [
    { from: ['REQUESTED', 'REASSIGNED'], trigger: 'dispatch', to: 'DISPATCHED', actors: ['desk'], guard: 'Next eligible maker in rotation; due 1 h later' },
    { from: ['DISPATCHED'], trigger: 'deliver', to: 'DELIVERED', actors: ['seal_maker'], guard: 'Only the assigned maker; late if after due' },
    { from: ['DISPATCHED'], trigger: 'reassign', to: 'REASSIGNED', actors: ['desk'], guard: 'Reason recorded' },
    { from: ['DELIVERED'], trigger: 'hand_over', to: 'HANDED_OVER', actors: ['window'], guard: 'With the licence (一窗通取)' },
  ],
  terminal: ['HANDED_OVER', 'OPTED_OUT'],
};

type AgencyState = 'REQUESTED' | 'DONE' | 'FAILED' | 'OPTED_OUT';
type AgencyTrigger = 'request' | 'opt_out' | 'complete' | 'fail' | 'retry';

/** 税 / 保 / 金: REQUESTED → DONE / FAILED(reason); OPTED_OUT only where allowed; retry after failure [design]. */
function agencyPartMachine(name: string, actor: Actor, optOut: boolean): StateMachine<AgencyState, AgencyTrigger> {
  return {
    name,
    codePrefix: 'registration',
    states: ['REQUESTED', 'DONE', 'FAILED', 'OPTED_OUT'],
    triggers: ['request', 'opt_out', 'complete', 'fail', 'retry'],
    creations: [
      { trigger: 'request', to: 'REQUESTED', actors: ['system'] },
      ...(optOut ? [{ trigger: 'opt_out' as const, to: 'OPTED_OUT' as const, actors: ['system' as const] }] : []),
    ],
    transitions: [
      { from: ['REQUESTED'], trigger: 'complete', to: 'DONE', actors: [actor] },
      { from: ['REQUESTED'], trigger: 'fail', to: 'FAILED', actors: [actor], guard: 'Reason recorded' },
      { from: ['FAILED'], trigger: 'retry', to: 'REQUESTED', actors: ['system', 'officer'] },
    ],
    terminal: ['DONE', 'OPTED_OUT'],
  };
}

export const TAX_PART_MACHINE = agencyPartMachine('bundle-tax', 'tax_service', false);
export const SOCIAL_INSURANCE_PART_MACHINE = agencyPartMachine('bundle-social-insurance', 'agency', true);
export const HOUSING_FUND_PART_MACHINE = agencyPartMachine('bundle-housing-fund', 'agency', true);

/** 银: appointment → number preset (counts as done) → activated / declined (outside the clock). */
export const BANK_PART_MACHINE: StateMachine<
  'APPOINTMENT_BOOKED' | 'NUMBER_PRESET' | 'ACTIVATED' | 'DECLINED' | 'OPTED_OUT',
  'book' | 'opt_out' | 'preset' | 'activate' | 'decline'
> = {
  name: 'bundle-bank',
  codePrefix: 'registration',
  states: ['APPOINTMENT_BOOKED', 'NUMBER_PRESET', 'ACTIVATED', 'DECLINED', 'OPTED_OUT'],
  triggers: ['book', 'opt_out', 'preset', 'activate', 'decline'],
  creations: [
    { trigger: 'book', to: 'APPOINTMENT_BOOKED', actors: ['system'], guard: 'A bank and branch chosen on the form' },
    { trigger: 'opt_out', to: 'OPTED_OUT', actors: ['system'], guard: 'No bank chosen [design]' },
  ],
  transitions: [
    { from: ['APPOINTMENT_BOOKED'], trigger: 'preset', to: 'NUMBER_PRESET', actors: ['bank'], guard: 'Account number pre-assigned (bundle part done)' },
    { from: ['NUMBER_PRESET'], trigger: 'activate', to: 'ACTIVATED', actors: ['bank'], guard: 'After AML/CTF due diligence' },
    { from: ['NUMBER_PRESET'], trigger: 'decline', to: 'DECLINED', actors: ['bank'], guard: 'Reason recorded' },
  ],
  terminal: ['ACTIVATED', 'DECLINED', 'OPTED_OUT'],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyMachine = StateMachine<any, any>;

export const PART_MACHINES: Readonly<Record<BundlePart, AnyMachine>> = {
  LICENCE: LICENCE_PART_MACHINE,
  SEALS: SEAL_PART_MACHINE,
  TAX: TAX_PART_MACHINE,
  SOCIAL_INSURANCE: SOCIAL_INSURANCE_PART_MACHINE,
  HOUSING_FUND: HOUSING_FUND_PART_MACHINE,
  BANK: BANK_PART_MACHINE,
};

/** States in which a part counts as done for the bundle clock. */
export const PART_DONE_STATES: Readonly<Record<BundlePart, readonly string[]>> = {
  LICENCE: ['ISSUED'],
  SEALS: ['HANDED_OVER'],
  TAX: ['DONE'],
  SOCIAL_INSURANCE: ['DONE'],
  HOUSING_FUND: ['DONE'],
  BANK: ['NUMBER_PRESET', 'ACTIVATED', 'DECLINED'],
};

import type { TaxStateMachine } from '../shared/state-machine';

/** New-taxpayer credit re-rating (新设立纳税人信用复评), tax.md §8 R8.7 (002 L295): APPLIED → RATED → PUBLISHED. */
export const RERATING_STATES = ['APPLIED', 'RATED', 'PUBLISHED'] as const;
export type ReratingStatus = (typeof RERATING_STATES)[number];

export const RERATING_TRIGGERS = ['apply', 'rate', 'publish'] as const;
export type ReratingTrigger = (typeof RERATING_TRIGGERS)[number];

export const RERATING_MACHINE: TaxStateMachine<ReratingStatus, ReratingTrigger> = {
  name: 'credit-rerating',
  codePrefix: 'tax',
  states: RERATING_STATES,
  triggers: RERATING_TRIGGERS,
  creations: [
    {
      trigger: 'apply',
      to: 'APPLIED',
      actors: ['applicant'],
      guard: 'In an application window (March / September, configured per year); ≥ 12 months and < one evaluation year in credit management',
    },
  ],
  transitions: [
    { from: ['APPLIED'], trigger: 'rate', to: 'RATED', actors: ['officer_service', 'system'], guard: "In the window's decision month (April / October), on the last 12 months' data" },
    { from: ['RATED'], trigger: 'publish', to: 'PUBLISHED', actors: ['system'], guard: 'Open to self-query; tax.credit.re_rated' },
  ],
  terminal: ['PUBLISHED'],
};

import type { TaxStateMachine } from '../shared/state-machine';

/** Taxpayer states (tax.md §4 table). */
export const TAXPAYER_STATES = ['ACTIVE', 'ABNORMAL', 'CLEARING', 'CLEARED', 'DEREGISTERED'] as const;
export type TaxpayerStatus = (typeof TAXPAYER_STATES)[number];

export const TAXPAYER_TRIGGERS = [
  'company_registered',
  'company_changed',
  'designate_abnormal',
  'lift_abnormal',
  'request_clearance',
  'issue_clearance',
  'company_deregistered',
] as const;
export type TaxpayerTrigger = (typeof TAXPAYER_TRIGGERS)[number];

/**
 * The taxpayer's life (tax.md §4): created from `registration.company.registered` with no
 * application (多证合一、一照一码, 001 L125, L146–148); changes synced from the shared data
 * without the taxpayer reporting (002 L293); abnormal-account designation (非正常户) and lifting by
 * the risk officer; clearance (清税, §10) before deregistration.
 */
export const TAXPAYER_MACHINE: TaxStateMachine<TaxpayerStatus, TaxpayerTrigger> = {
  name: 'taxpayer',
  codePrefix: 'tax',
  states: TAXPAYER_STATES,
  triggers: TAXPAYER_TRIGGERS,
  creations: [{ trigger: 'company_registered', to: 'ACTIVE', actors: ['system'], guard: 'within 30 min of the event [cfg] (R4.2)' }],
  transitions: [
    { from: ['ACTIVE', 'ABNORMAL', 'CLEARING'], trigger: 'company_changed', to: { returnTo: ['ACTIVE', 'ABNORMAL', 'CLEARING'] }, actors: ['system'], guard: 'synced fields only (R4.4); state unchanged' },
    { from: ['ACTIVE'], trigger: 'designate_abnormal', to: 'ABNORMAL', actors: ['officer_risk'] },
    { from: ['ABNORMAL'], trigger: 'lift_abnormal', to: 'ACTIVE', actors: ['officer_risk'], guard: 'overdue returns filed' },
    { from: ['ACTIVE', 'ABNORMAL'], trigger: 'request_clearance', to: 'CLEARING', actors: ['applicant', 'system'] },
    { from: ['CLEARING'], trigger: 'issue_clearance', to: 'CLEARED', actors: ['officer_service', 'system'], guard: 'per route (§10)' },
    { from: ['CLEARED', 'ACTIVE'], trigger: 'company_deregistered', to: 'DEREGISTERED', actors: ['system'], guard: 'ACTIVE only after a simplified deregistration, which needs no clearance' },
  ],
  terminal: ['DEREGISTERED'],
};

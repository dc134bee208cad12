import type { TaxStateMachine } from '../shared/state-machine';

/**
 * Tax clearance for deregistration (清税), tax.md §10: REQUESTED → CLASSIFIED → EXEMPTED | ISSUED →
 * FULFILLED | BREACHED. FULFILLED / BREACHED apply to the COMMITMENT route only (the aggregate
 * enforces it); for the other routes ISSUED is the end of the case.
 */
export const CLEARANCE_STATES = ['REQUESTED', 'CLASSIFIED', 'EXEMPTED', 'ISSUED', 'FULFILLED', 'BREACHED'] as const;
export type ClearanceStatus = (typeof CLEARANCE_STATES)[number];

export const CLEARANCE_TRIGGERS = ['request', 'classify', 'exempt', 'issue', 'fulfil', 'breach'] as const;
export type ClearanceTrigger = (typeof CLEARANCE_TRIGGERS)[number];

export const CLEARANCE_MACHINE: TaxStateMachine<ClearanceStatus, ClearanceTrigger> = {
  name: 'clearance-case',
  codePrefix: 'tax',
  states: CLEARANCE_STATES,
  triggers: CLEARANCE_TRIGGERS,
  creations: [
    {
      trigger: 'request',
      to: 'REQUESTED',
      actors: ['system', 'applicant', 'administrator'],
      guard: 'registration.company.deregistration-requested (system), a taxpayer application, or the administrator on a termination ruling (BANKRUPTCY route); tax.clearance.requested',
    },
  ],
  transitions: [
    { from: ['REQUESTED'], trigger: 'classify', to: 'CLASSIFIED', actors: ['system'], guard: 'Route classified within 1 min; credit+risk gate for ON_THE_SPOT and COMMITMENT (a block falls back to STANDARD)' },
    { from: ['CLASSIFIED'], trigger: 'exempt', to: 'EXEMPTED', actors: ['system'], guard: 'Route EXEMPT; answer within 1 WD [cfg]; tax.clearance.exempted' },
    {
      from: ['CLASSIFIED'],
      trigger: 'issue',
      to: 'ISSUED',
      actors: ['officer_service', 'system'],
      guard: 'STANDARD settled (10 WD [cfg]) or BANKRUPTCY (5 WD [cfg]) by an officer; ON_THE_SPOT / COMMITMENT at once; tax.clearance.issued {certificateNo, route}',
    },
    { from: ['ISSUED'], trigger: 'fulfil', to: 'FULFILLED', actors: ['applicant'], guard: 'COMMITMENT only: items finished before commitmentDue' },
    { from: ['ISSUED'], trigger: 'breach', to: 'BREACHED', actors: ['timer'], guard: 'COMMITMENT only: commitmentDue passed; tax.clearance_commitment.breached; credit deduction [derived]' },
  ],
  terminal: ['EXEMPTED', 'FULFILLED', 'BREACHED'],
};

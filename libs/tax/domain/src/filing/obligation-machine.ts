import type { TaxStateMachine } from '../shared/state-machine';

/** Obligation (申报义务), tax.md §6 state table. The API shows OPEN as 'O' and FULFILLED as 'F' (HMRC MTD). */
export const OBLIGATION_STATES = ['OPEN', 'FULFILLED'] as const;
export type ObligationState = (typeof OBLIGATION_STATES)[number];

export const OBLIGATION_TRIGGERS = ['schedule', 'accept_return', 'flag_overdue', 'accept_amendment'] as const;
export type ObligationTrigger = (typeof OBLIGATION_TRIGGERS)[number];

export const OBLIGATION_MACHINE: TaxStateMachine<ObligationState, ObligationTrigger> = {
  name: 'obligation',
  codePrefix: 'tax',
  states: OBLIGATION_STATES,
  triggers: OBLIGATION_TRIGGERS,
  creations: [{ trigger: 'schedule', to: 'OPEN', actors: ['system'], guard: 'Period schedule of a registered tax type; >= 15 ND before due [cfg]' }],
  transitions: [
    { from: ['OPEN'], trigger: 'accept_return', to: 'FULFILLED', actors: ['system'], guard: 'Finalised return, no return yet for (periodKey, taxType); synchronous' },
    { from: ['OPEN'], trigger: 'flag_overdue', to: 'OPEN', actors: ['timer'], guard: "At due + 1 ND with no return; sets the overdue flag (risk indicator)" },
    { from: ['FULFILLED'], trigger: 'accept_amendment', to: 'FULFILLED', actors: ['applicant'], guard: '更正申报 [ext]: amends the latest return version; liability delta' },
  ],
  terminal: [],
};

/** 'O' / 'F' as in HMRC MTD. */
export type ObligationStatusCode = 'O' | 'F';

export function obligationStatusCode(state: ObligationState): ObligationStatusCode {
  return state === 'OPEN' ? 'O' : 'F';
}

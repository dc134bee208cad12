import type { TaxStateMachine } from '../shared/state-machine';

/**
 * UKey issuance (税控设备, for legacy tax-control invoices), tax.md §5.2 L101: REQUESTED → (mail:
 * DISPATCHED → DELIVERED | counter: READY) → ACTIVATED; dispatch (or counter readiness) within
 * 1 WD [cfg]. The aggregate enforces which branch the pickup allows.
 */
export const UKEY_STATES = ['REQUESTED', 'DISPATCHED', 'DELIVERED', 'READY', 'ACTIVATED'] as const;
export type UKeyStatus = (typeof UKEY_STATES)[number];

export const UKEY_TRIGGERS = ['request', 'dispatch', 'confirm_delivery', 'make_ready', 'activate'] as const;
export type UKeyTrigger = (typeof UKEY_TRIGGERS)[number];

export const UKEY_MACHINE: TaxStateMachine<UKeyStatus, UKeyTrigger> = {
  name: 'ukey-issuance',
  codePrefix: 'tax',
  states: UKEY_STATES,
  triggers: UKEY_TRIGGERS,
  creations: [
    {
      trigger: 'request',
      to: 'REQUESTED',
      actors: ['applicant'],
      guard: 'Free for a new taxpayer; pickup mail or counter (000 L2728–2730)',
    },
  ],
  transitions: [
    {
      from: ['REQUESTED'],
      trigger: 'dispatch',
      to: 'DISPATCHED',
      actors: ['officer_service', 'system'],
      guard: 'Mail pickup; tracking number recorded; within 1 WD [cfg]; emits tax.ukey.dispatched',
    },
    {
      from: ['DISPATCHED'],
      trigger: 'confirm_delivery',
      to: 'DELIVERED',
      actors: ['system', 'applicant'],
      guard: 'Carrier tracking or the taxpayer confirms receipt',
    },
    {
      from: ['REQUESTED'],
      trigger: 'make_ready',
      to: 'READY',
      actors: ['officer_service'],
      guard: 'Counter pickup; within 1 WD [cfg]',
    },
    {
      from: ['DELIVERED', 'READY'],
      trigger: 'activate',
      to: 'ACTIVATED',
      actors: ['applicant'],
      guard: 'The taxpayer it was issued to; emits tax.ukey.activated',
    },
  ],
  terminal: ['ACTIVATED'],
};

import type { StateMachine } from '../shared/state-machine';

/** Deregistration (注销), §8 and §10.4. */
export const DEREGISTRATION_STATES = [
  'NOTICE_PUBLISHED',
  'OBJECTED',
  'NOTICE_ENDED',
  'CLEARING',
  'UNDER_REVIEW',
  'SUPPLEMENT_REQUESTED',
  'LAPSED',
  'DEREGISTERED',
  'REFUSED',
] as const;
export type DeregistrationStatus = (typeof DEREGISTRATION_STATES)[number];

export const DEREGISTRATION_TRIGGERS = [
  'apply_simplified',
  'apply_ordinary',
  'court_ruling',
  'object',
  'switch_to_ordinary',
  'end_notice',
  'submit',
  'lapse',
  'clearances_complete',
  'approve',
  'request_supplement',
  'resubmit',
  'refuse',
] as const;
export type DeregistrationTrigger = (typeof DEREGISTRATION_TRIGGERS)[number];

export const DEREGISTRATION_MACHINE: StateMachine<DeregistrationStatus, DeregistrationTrigger> = {
  name: 'deregistration',
  codePrefix: 'registration',
  states: DEREGISTRATION_STATES,
  triggers: DEREGISTRATION_TRIGGERS,
  creations: [
    { trigger: 'apply_simplified', to: 'NOTICE_PUBLISHED', actors: ['applicant'], guard: 'Eligible; all investors committed; notice N days [cfg; NR 20]' },
    { trigger: 'apply_ordinary', to: 'CLEARING', actors: ['applicant'], guard: 'Liquidation filed; tax and social-insurance clearance requested in parallel' },
    { trigger: 'court_ruling', to: 'UNDER_REVIEW', actors: ['bankruptcy_service'], guard: 'Ruling reference attached' },
  ],
  transitions: [
    { from: ['NOTICE_PUBLISHED'], trigger: 'object', to: 'OBJECTED', actors: ['creditor', 'department', 'public'], guard: 'Before the notice ends; reason recorded' },
    { from: ['OBJECTED'], trigger: 'switch_to_ordinary', to: 'CLEARING', actors: ['applicant'] },
    { from: ['NOTICE_PUBLISHED'], trigger: 'end_notice', to: 'NOTICE_ENDED', actors: ['timer'], guard: 'At noticeEndsAt' },
    { from: ['NOTICE_ENDED'], trigger: 'submit', to: 'UNDER_REVIEW', actors: ['applicant'], guard: 'Within the apply window [cfg; NR 20 days]' },
    { from: ['NOTICE_ENDED'], trigger: 'lapse', to: 'LAPSED', actors: ['timer'], guard: 'Apply window over' },
    { from: ['CLEARING'], trigger: 'clearances_complete', to: 'UNDER_REVIEW', actors: ['tax_service', 'agency'], guard: 'Tax: certificate, waiver or commitment; social insurance cleared' },
    { from: ['UNDER_REVIEW'], trigger: 'approve', to: 'DEREGISTERED', actors: ['officer', 'system'], guard: 'system only on the simplified route [cfg]; licence voided in sync' },
    { from: ['UNDER_REVIEW'], trigger: 'request_supplement', to: 'SUPPLEMENT_REQUESTED', actors: ['officer'] },
    { from: ['SUPPLEMENT_REQUESTED'], trigger: 'resubmit', to: 'UNDER_REVIEW', actors: ['applicant'], guard: '[design] not in §10.4' },
    { from: ['UNDER_REVIEW'], trigger: 'refuse', to: 'REFUSED', actors: ['officer'], guard: 'Reasons stated' },
  ],
  terminal: ['LAPSED', 'DEREGISTERED', 'REFUSED'],
};

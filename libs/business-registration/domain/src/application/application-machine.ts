import type { StateMachine } from '../shared/state-machine';

/** Establishment application (设立登记申请), §10.2; changes reuse it. */
export const APPLICATION_STATES = [
  'DRAFT',
  'SUBMITTED',
  'REGISTERED',
  'PENDING_ACCEPTANCE',
  'UNDER_REVIEW',
  'SUPPLEMENT_REQUESTED',
  'LAPSED',
  'NOT_ACCEPTED',
  'RETURNED',
  'REFUSED',
  'WITHDRAWN',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATES)[number];

export const APPLICATION_TRIGGERS = [
  'draft',
  'submit',
  'auto_approve',
  'route_to_officer',
  'accept',
  'request_supplement',
  'resubmit',
  'lapse',
  'not_accept',
  'return',
  'extend',
  'approve',
  'refuse',
  'withdraw',
] as const;
export type ApplicationTrigger = (typeof APPLICATION_TRIGGERS)[number];

const NON_TERMINAL: ApplicationStatus[] = ['DRAFT', 'SUBMITTED', 'PENDING_ACCEPTANCE', 'UNDER_REVIEW', 'SUPPLEMENT_REQUESTED'];

export const APPLICATION_MACHINE: StateMachine<ApplicationStatus, ApplicationTrigger> = {
  name: 'application',
  codePrefix: 'registration',
  states: APPLICATION_STATES,
  triggers: APPLICATION_TRIGGERS,
  creations: [{ trigger: 'draft', to: 'DRAFT', actors: ['applicant'] }],
  transitions: [
    { from: ['DRAFT'], trigger: 'submit', to: 'SUBMITTED', actors: ['applicant'], guard: 'Form valid; identities verified; commitment signed' },
    { from: ['SUBMITTED'], trigger: 'auto_approve', to: 'REGISTERED', actors: ['system'], guard: 'All 8 auto checks pass (秒批); rule-set version recorded' },
    { from: ['SUBMITTED'], trigger: 'route_to_officer', to: 'PENDING_ACCEPTANCE', actors: ['system'], guard: 'Not auto-eligible; failed checks attached' },
    { from: ['PENDING_ACCEPTANCE'], trigger: 'accept', to: 'UNDER_REVIEW', actors: ['officer'], guard: 'Receipt; review due within 3 WD [NR, cfg]' },
    {
      from: ['PENDING_ACCEPTANCE', 'UNDER_REVIEW'],
      trigger: 'request_supplement',
      to: 'SUPPLEMENT_REQUESTED',
      actors: ['officer'],
      guard: 'One complete list; a later list only about newly submitted material; the review clock is suspended',
    },
    {
      from: ['SUPPLEMENT_REQUESTED'],
      trigger: 'resubmit',
      to: { returnTo: ['PENDING_ACCEPTANCE', 'UNDER_REVIEW'] },
      actors: ['applicant'],
      guard: 'Before the supplement period ends; the clock resumes',
    },
    { from: ['SUPPLEMENT_REQUESTED'], trigger: 'lapse', to: 'LAPSED', actors: ['timer'], guard: 'Supplement period over [cfg]' },
    { from: ['PENDING_ACCEPTANCE'], trigger: 'not_accept', to: 'NOT_ACCEPTED', actors: ['officer'], guard: 'Reason code required' },
    { from: ['PENDING_ACCEPTANCE'], trigger: 'return', to: 'RETURNED', actors: ['officer'], guard: 'Reason code required' },
    { from: ['UNDER_REVIEW'], trigger: 'extend', to: 'UNDER_REVIEW', actors: ['officer'], guard: "Once, +3 WD, on the head's approval [NR]" },
    { from: ['UNDER_REVIEW'], trigger: 'approve', to: 'REGISTERED', actors: ['officer'], guard: 'USCC allocated' },
    { from: ['UNDER_REVIEW'], trigger: 'refuse', to: 'REFUSED', actors: ['officer'], guard: 'Reasons stated; remedies given' },
    { from: NON_TERMINAL, trigger: 'withdraw', to: 'WITHDRAWN', actors: ['applicant'] },
  ],
  terminal: ['REGISTERED', 'LAPSED', 'NOT_ACCEPTED', 'RETURNED', 'REFUSED', 'WITHDRAWN'],
};

/** Decided: the application no longer holds its name reservation. */
export function isDecided(status: ApplicationStatus): boolean {
  return APPLICATION_MACHINE.terminal.includes(status);
}

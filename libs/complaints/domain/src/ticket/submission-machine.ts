import type { StateMachine } from '../shared/state-machine';

/**
 * The Submission (one caller contact) state machine, spec §3.3: intake, supplement requests
 * (补充材料) and registration, which creates the Tickets (002 L1507–1521).
 */
export const SUBMISSION_STATES = ['RECEIVED', 'AWAITING_SUPPLEMENT', 'REGISTERED', 'CLOSED'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATES)[number];

export const SUBMISSION_TRIGGERS = [
  'receive',
  'register',
  'request_supplement',
  'record_supplement_call',
  'supplement',
  'close_incomplete',
  'refuse_identity',
] as const;
export type SubmissionTrigger = (typeof SUBMISSION_TRIGGERS)[number];

export const SUBMISSION_MACHINE: StateMachine<SubmissionStatus, SubmissionTrigger> = {
  name: 'submission',
  codePrefix: 'complaints',
  states: SUBMISSION_STATES,
  triggers: SUBMISSION_TRIGGERS,
  creations: [{ trigger: 'receive', to: 'RECEIVED', actors: ['caller', 'hotline_agent', 'integrator'], guard: 'a non-emergency request (002 L1437)' }],
  transitions: [
    // 登记: one ticket per item and per handling unit; mixed content split (002 L1509–1513)
    { from: ['RECEIVED'], trigger: 'register', to: 'REGISTERED', actors: ['hotline_agent'], guard: 'info complete; real name given where required (002 L1497–1507); one ticket per item / unit (002 L1509–1513)' },
    // 一次性告知 (002 L1515, L1517)
    { from: ['RECEIVED'], trigger: 'request_supplement', to: 'AWAITING_SUPPLEMENT', actors: ['hotline_agent'], guard: 'one notice listing everything missing; one supplement round only (002 L1515, L1517)' },
    { from: ['AWAITING_SUPPLEMENT'], trigger: 'record_supplement_call', to: 'AWAITING_SUPPLEMENT', actors: ['hotline_agent'], guard: 'phone class: calls ≥15 min apart (002 L1515)' },
    { from: ['AWAITING_SUPPLEMENT'], trigger: 'supplement', to: 'RECEIVED', actors: ['caller', 'hotline_agent', 'integrator'], guard: 'same phone or account (002 L1495); network: within 3 ND of the notice, once (002 L1517)' },
    // 不予受理 as incomplete (002 L1515–1521)
    { from: ['RECEIVED', 'AWAITING_SUPPLEMENT'], trigger: 'close_incomplete', to: 'CLOSED', actors: ['hotline_agent', 'timer'], guard: '3 failed calls ≥15 min apart, refusal, still inadequate after the supplement, or 3 ND lapsed; note recorded (002 L1515–1521)' },
    // 实名 refused (002 L1507)
    { from: ['RECEIVED'], trigger: 'refuse_identity', to: 'CLOSED', actors: ['hotline_agent'], guard: 'real name required but refused or hidden: not registered or dispatched (002 L1507)' },
  ],
  terminal: ['REGISTERED', 'CLOSED'],
};

import type { StateMachine } from '../shared/state-machine';

/**
 * A change request (变更登记 that needs an officer, §6 routed as §3.2): the establishment
 * application's review (§10.2, "changes reuse it") without the front-desk steps, since the change
 * is filed online by the company's own applicant and queued at once. One supplement notice only
 * (补齐补正, one complete list), answered once on the same request.
 *
 * The queued state keeps its published name, PENDING_REVIEW (the API and the stored requests used
 * it before this table); it is §10.2's UNDER_REVIEW. RESUBMITTED is UNDER_REVIEW again after the
 * one supplement round: the table itself refuses a second notice or a second resubmission.
 */
export const CHANGE_REQUEST_STATES = ['PENDING_REVIEW', 'SUPPLEMENT_REQUESTED', 'RESUBMITTED', 'APPROVED', 'REFUSED', 'WITHDRAWN', 'LAPSED'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATES)[number];

export const CHANGE_REQUEST_TRIGGERS = ['route_to_officer', 'request_supplement', 'resubmit', 'lapse', 'extend', 'approve', 'refuse', 'withdraw'] as const;
export type ChangeRequestTrigger = (typeof CHANGE_REQUEST_TRIGGERS)[number];

/** Waiting for the officer: the review clock runs (not while SUPPLEMENT_REQUESTED). */
export const CHANGE_REQUEST_UNDER_REVIEW: readonly ChangeRequestStatus[] = ['PENDING_REVIEW', 'RESUBMITTED'];

/**
 * The one extension (§3.2 [NR]: "Otherwise within 3 WD, with one extension of +3 WD on the head's
 * approval"): the application's guard, with when it may be asked (the clock runs and is not yet due)
 * and its effect on the overdue timer.
 */
const EXTEND_GUARD = "Once, +3 WD, on the head's approval [NR]; before the due time, while the clock runs; the review-overdue timer moves to the new due time";

export const CHANGE_REQUEST_MACHINE: StateMachine<ChangeRequestStatus, ChangeRequestTrigger> = {
  name: 'change-request',
  codePrefix: 'registration',
  states: CHANGE_REQUEST_STATES,
  triggers: CHANGE_REQUEST_TRIGGERS,
  creations: [
    {
      trigger: 'route_to_officer',
      to: 'PENDING_REVIEW',
      actors: ['system'],
      guard: 'A check failed that an officer may approve (机器辅批); review due within 3 WD [NR, cfg]',
    },
  ],
  transitions: [
    {
      from: ['PENDING_REVIEW'],
      trigger: 'request_supplement',
      to: 'SUPPLEMENT_REQUESTED',
      actors: ['officer'],
      guard: 'Once; one complete list (一次性告知); the review clock is suspended',
    },
    { from: ['SUPPLEMENT_REQUESTED'], trigger: 'resubmit', to: 'RESUBMITTED', actors: ['applicant'], guard: 'Once, before the supplement period ends; the clock resumes' },
    { from: ['SUPPLEMENT_REQUESTED'], trigger: 'lapse', to: 'LAPSED', actors: ['timer'], guard: 'Supplement period over [cfg]' },
    // The application's extend row (UNDER_REVIEW → UNDER_REVIEW), once per queued state this table splits it into.
    { from: ['PENDING_REVIEW'], trigger: 'extend', to: 'PENDING_REVIEW', actors: ['officer'], guard: EXTEND_GUARD },
    { from: ['RESUBMITTED'], trigger: 'extend', to: 'RESUBMITTED', actors: ['officer'], guard: EXTEND_GUARD },
    { from: ['PENDING_REVIEW', 'RESUBMITTED'], trigger: 'approve', to: 'APPROVED', actors: ['officer'], guard: 'The change is registered (registration.company.changed)' },
    { from: ['PENDING_REVIEW', 'RESUBMITTED'], trigger: 'refuse', to: 'REFUSED', actors: ['officer'], guard: 'Reasons stated; remedies given' },
    { from: ['PENDING_REVIEW', 'SUPPLEMENT_REQUESTED', 'RESUBMITTED'], trigger: 'withdraw', to: 'WITHDRAWN', actors: ['applicant'] },
  ],
  terminal: ['APPROVED', 'REFUSED', 'WITHDRAWN', 'LAPSED'],
};

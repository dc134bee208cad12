import type { ProblemTypeMap, ProblemTypeMapping } from '@one-window/shared/http';
import { KNOWLEDGE_PROBLEM_TYPES } from './knowledge/knowledge.problem-types';
import { LINKING_PROBLEM_TYPES } from './linking/linking.problem-types';
import { SUPERVISION_PROBLEM_TYPES } from './supervision/supervision.problem-types';

const p = (status: number, title: string, type: string): ProblemTypeMapping => ({ status, title, type });

/** Every `complaints.<area>.<reason>` a rule refusal of the domain can carry (ComplaintsRuleError subclasses), 422. */
export const RULE_REFUSALS: Readonly<Record<string, readonly string[]>> = {
  ticket: [
    'not_consultation',
    'knowledge_point_unusable',
    'reason_required',
    'not_praise',
    'facts_pending',
    'no_pending_facts',
    'merge_not_allowed',
    'unit_check_not_due',
    'no_handling_clock',
    'already_overdue',
    'not_overdue',
    'co_handlers_required',
    'duty_opinion_window_closed',
  ],
  return: ['window_closed', 'evidence_missing', 'reasons_missing', 'barred_after_coordination', 'same_unit', 'not_during_rehandling'],
  extension: ['deadline_passed', 'max_count_reached', 'too_long', 'assigned_deadline', 'reason_required', 'not_during_rehandling', 'invalid_days'],
  coordination: ['opinion_pending', 'no_guidance_requested', 'unknown_guidance_request', 'already_answered'],
  report: ['incomplete', 'reply_missing', 'outcome_not_allowed', 'caller_reachable', 'special_category_only'],
  reply: ['attempts_insufficient', 'method_required', 'evidence_required'],
  rating: ['not_requested', 'window_closed', 'already_requested'],
  rehandling: ['already_rehandled', 'excluded_outcome', 'wrong_round'],
  submission: ['one_supplement_only', 'supplement_period_over', 'phone_calls_only', 'close_not_justified', 'real_name_required', 'real_name_not_required', 'nothing_missing', 'no_items'],
};

const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, ' ');

const RULES: ProblemTypeMap = Object.fromEntries(
  Object.entries(RULE_REFUSALS).flatMap(([area, reasons]) =>
    reasons.map((reason) => [`complaints.${area}.${reason}`, p(422, `${title(area)} refused: ${reason.replace(/_/g, ' ')}`, `complaints-${area}-${reason.replace(/_/g, '-')}`)]),
  ),
);

/**
 * The service's one DomainError → HTTP registry: every `complaints.*` code of the domain library and
 * the service's own. 409 for a transition the state machine refuses (the problem names `state` and
 * `trigger`), 422 for rule refusals, 404 for not found or not visible, 403 for the wrong actor.
 */
export const COMPLAINTS_PROBLEM_TYPES: ProblemTypeMap = {
  // shared
  'complaints.invalid_argument': p(422, 'Invalid argument', 'complaints-invalid-argument'),
  'complaints.timer.not_yet_due': p(409, 'Not yet due', 'complaints-not-yet-due'),
  'complaints.transition.not_allowed': p(409, 'Transition not allowed', 'complaints-transition-not-allowed'),
  'complaints.transition.actor_not_allowed': p(403, 'Actor not allowed', 'complaints-actor-not-allowed'),
  'complaints.caller.not_same_contact': p(422, 'Not the same phone or account as the request', 'complaints-not-same-contact'),
  'complaints.ticket.not_assigned_unit': p(404, 'Not found', 'complaints-not-found'),
  // rule refusals
  ...RULES,
  // the service's own
  'complaints.not_found': p(404, 'Not found', 'complaints-not-found'),
  'complaints.dispatch.no_catalogue_entry': p(422, 'No dispatch catalogue entry', 'complaints-dispatch-no-catalogue-entry'),
  'complaints.dispatch.override_reason_required': p(422, 'Override reason required', 'complaints-dispatch-override-reason-required'),
  'complaints.dispatch.unknown_unit': p(422, 'Unknown unit', 'complaints-dispatch-unknown-unit'),
  'complaints.dispatch.outside_district': p(403, 'Outside the district', 'complaints-dispatch-outside-district'),
  'complaints.district.not_allowed': p(403, 'Not for a district hotline body', 'complaints-district-not-allowed'),
  'complaints.jurisdiction.unknown': p(422, 'Unknown jurisdiction', 'complaints-jurisdiction-unknown'),
  'complaints.knowledge.unknown_point': p(422, 'Unknown knowledge point', 'complaints-knowledge-unknown-point'),
  'complaints.caller.contact_required': p(422, 'Caller contact required', 'complaints-caller-contact-required'),
  'complaints.submission.channel_not_allowed': p(422, 'Channel not allowed', 'complaints-submission-channel-not-allowed'),
  'persistence.concurrent_modification': p(409, 'Concurrent modification', 'complaints-concurrent-modification'),
  'calendar.year_not_loaded': p(503, 'Working calendar not loaded for that year', 'complaints-calendar-year-not-loaded'),
  // knowledge base (§4), links and merges (§5)
  ...KNOWLEDGE_PROBLEM_TYPES,
  ...LINKING_PROBLEM_TYPES,
  ...SUPERVISION_PROBLEM_TYPES,
};

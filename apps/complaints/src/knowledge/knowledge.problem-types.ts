import type { ProblemTypeMap } from '@one-window/shared/http';

const p = (status: number, title: string, type: string) => ({ status, title, type });
const rule = (area: string, reason: string) => p(422, `${area.charAt(0).toUpperCase()}${area.slice(1).replace(/_/g, ' ')} refused: ${reason.replace(/_/g, ' ')}`, `complaints-${area.replace(/_/g, '-')}-${reason.replace(/_/g, '-')}`);

/** Every `complaints.knowledge.*` and `complaints.knowledge_feedback.*` code the knowledge domain throws → HTTP (422 rule refusals; not own: 404). */
export const KNOWLEDGE_PROBLEM_TYPES: ProblemTypeMap = {
  ...Object.fromEntries(['content_incomplete', 'validity_exceeds_cap', 'validity_invalid', 'already_expired', 'reason_required', 'no_reminder_due'].map((r) => [`complaints.knowledge.${r}`, rule('knowledge', r)])),
  'complaints.knowledge.not_own_point': p(404, 'Not found', 'complaints-not-found'),
  ...Object.fromEntries(['description_required', 'action_required', 'answer_required', 'point_required'].map((r) => [`complaints.knowledge_feedback.${r}`, rule('knowledge_feedback', r)])),
  'complaints.knowledge_feedback.not_addressed_unit': p(404, 'Not found', 'complaints-not-found'),
  // outage notices (002 L1694)
  ...Object.fromEntries(['details_missing', 'script_required', 'measure_required', 'before_start'].map((r) => [`complaints.outage.${r}`, rule('outage', r)])),
  'complaints.outage.not_own_notice': p(404, 'Not found', 'complaints-not-found'),
};

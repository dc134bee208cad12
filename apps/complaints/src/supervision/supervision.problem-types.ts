import type { ProblemTypeMap } from '@one-window/shared/http';

const p = (status: number, title: string, type: string) => ({ status, title, type });
const rule = (area: string, reason: string) => p(422, `${area.charAt(0).toUpperCase()}${area.slice(1).replace(/_/g, ' ')} refused: ${reason.replace(/_/g, ' ')}`, `complaints-${area.replace(/_/g, '-')}-${reason.replace(/_/g, '-')}`);

/** Every `complaints.supervision.*` and `complaints.issue.*` code → HTTP (422 rule refusals; another unit's: 404). */
export const SUPERVISION_PROBLEM_TYPES: ProblemTypeMap = {
  ...Object.fromEntries(['requirements_required', 'response_required', 'reasons_required', 'no_deadline'].map((r) => [`complaints.supervision.${r}`, rule('supervision', r)])),
  'complaints.supervision.not_supervised_unit': p(404, 'Not found', 'complaints-not-found'),
  ...Object.fromEntries(['text_required', 'already_linked', 'no_deadline'].map((r) => [`complaints.issue.${r}`, rule('issue', r)])),
  'complaints.issue.not_issue_unit': p(404, 'Not found', 'complaints-not-found'),
};

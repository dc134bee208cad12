import type { ProblemTypeMap } from '@one-window/shared/http';

const p = (status: number, title: string, type: string) => ({ status, title, type });
const rule = (area: string, reason: string) => p(422, `${area.charAt(0).toUpperCase()}${area.slice(1)} refused: ${reason.replace(/_/g, ' ')}`, `complaints-${area}-${reason.replace(/_/g, '-')}`);

const LINK_REFUSALS = ['same_ticket', 'automatic_only', 'not_same_submission', 'same_submission', 'not_same_caller', 'earlier_not_closed', 'not_same_issue', 'other_jurisdiction'];
const MERGE_REFUSALS = [
  'same_ticket',
  'other_jurisdiction',
  'report_with_other_type',
  'different_type',
  'different_scenario',
  'same_submission',
  'secondary_state',
  'primary_state',
  'primary_merged',
  'primary_closed',
  'not_proposer_unit',
  'reason_required',
];

/** Every `complaints.link.*` and `complaints.merge.*` code of the merging domain → 422; the same link twice → 409. */
export const LINKING_PROBLEM_TYPES: ProblemTypeMap = {
  ...Object.fromEntries(LINK_REFUSALS.map((r) => [`complaints.link.${r}`, rule('link', r)])),
  ...Object.fromEntries(MERGE_REFUSALS.map((r) => [`complaints.merge.${r}`, rule('merge', r)])),
  'complaints.link.already_exists': p(409, 'Link already recorded', 'complaints-link-already-exists'),
};

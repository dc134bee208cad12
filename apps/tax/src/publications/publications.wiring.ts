import { PUBLICATION_ERROR_HTTP_STATUS } from '@one-window/tax/domain';
import type { ProblemTypeMap } from '@one-window/shared/http';

const TITLES: Record<string, [string, string]> = {
  'tax.publication.invalid': ['Invalid publication', 'tax-publication-invalid'],
  'tax.publication.self_approval': ['Proposer cannot approve (two-person rule)', 'tax-publication-self-approval'],
  'tax.publication.not_pending': ['Publication already decided', 'tax-publication-not-pending'],
};

/** Domain error codes of the admin publications → HTTP (merged into the service's one registry). */
export const PUBLICATION_PROBLEM_TYPES: ProblemTypeMap = Object.fromEntries(
  Object.entries(TITLES).map(([code, [title, type]]) => [code, { status: PUBLICATION_ERROR_HTTP_STATUS[code], title, type }]),
);

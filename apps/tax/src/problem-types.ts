import type { ProblemTypeMap } from '@one-window/shared/http';

const p = (status: number, title: string, type: string) => ({ status, title, type });

/** The tax service's one DomainError → HTTP registry: every `TaxError` code of the domain and the service's own. */
export const TAX_PROBLEM_TYPES: ProblemTypeMap = {
  'tax.not_found': p(404, 'Not found', 'tax-not-found'),
  'tax.invalid_argument': p(422, 'Invalid argument', 'tax-invalid-argument'),
  'tax.transition.not_allowed': p(409, 'Transition not allowed', 'tax-transition-not-allowed'),
  'tax.transition.actor_not_allowed': p(403, 'Actor not allowed', 'tax-actor-not-allowed'),
  'tax.taxpayer.not_found': p(404, 'Taxpayer not found', 'tax-not-found'),
  'tax.taxpayer.overdue_returns_open': p(409, 'Overdue returns still to file', 'tax-overdue-returns-open'),
  'money.invalid_amount': p(422, 'Invalid amount', 'tax-invalid-amount'),
};

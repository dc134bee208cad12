import type { Violation } from '../problem/problem-details';
import { ProblemException } from '../problem/problem.exception';
import { ProblemTypes } from '../problem/problem-types';

/**
 * 400 `validation-error` naming each bad field. One Window answers 400 for every request that does
 * not match its schema (wrong type, missing or unknown field, bad format); 422 is kept for
 * well-formed requests that break a business rule (DomainError mappings, idempotency key reuse).
 */
export function validationProblem(violations: Violation[]): ProblemException {
  const count = violations.length;
  return new ProblemException({
    type: ProblemTypes.validationError,
    title: 'Invalid request',
    status: 400,
    detail: count === 1 ? `Field ${violations[0].field}: ${violations[0].reason}.` : `The request has ${count} invalid fields.`,
    violations,
  });
}

import type { ValidationError } from 'class-validator';
import type { Violation } from '../problem/problem-details';

/** Reason given for a property the DTO does not declare (class-validator's `whitelistValidation`). */
export const UNKNOWN_FIELD_REASON = 'unknown field';

/**
 * Flattens class-validator's error tree into one violation per failed constraint, with the
 * field written as a path: `shareholders[0].idNumber`. Array items are recognized from the
 * parent's value, so keep `validationError.value` on (createValidationPipe does).
 */
export function toViolations(errors: readonly ValidationError[], parentPath = '', parentValue?: unknown): Violation[] {
  const violations: Violation[] = [];
  for (const error of errors) {
    const path = joinPath(parentPath, error.property, parentValue);
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      violations.push({ field: path, reason: constraint === 'whitelistValidation' ? UNKNOWN_FIELD_REASON : message });
    }
    if (error.children && error.children.length > 0) {
      violations.push(...toViolations(error.children, path, error.value));
    }
  }
  return violations;
}

function joinPath(parentPath: string, property: string | undefined, parentValue: unknown): string {
  if (property === undefined || property === '') {
    return parentPath || '$';
  }
  if (Array.isArray(parentValue) && /^\d+$/.test(property)) {
    return `${parentPath}[${property}]`;
  }
  return parentPath ? `${parentPath}.${property}` : property;
}

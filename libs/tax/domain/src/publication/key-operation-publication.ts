import { LocalDate } from '@one-window/shared/calendar';
import { OPERATION_CATEGORIES, type KeyOperationList } from '../credit-risk/key-operations';
import { InvalidPublicationError, type PublicationViolation } from './errors';

/**
 * Everything wrong with publishing `list` after the `published` versions (R8.3 [cfg]), each naming
 * its field: a new version label (versions are immutable), an effectiveFrom after every published
 * version's (so exactly one version is in force on any day), and a non-empty list of distinct
 * operation codes, each with a known category.
 */
export function keyOperationListViolations(list: KeyOperationList, published: readonly KeyOperationList[]): PublicationViolation[] {
  const violations: PublicationViolation[] = [];
  if (typeof list.version !== 'string' || !/^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/.test(list.version)) {
    violations.push({ field: 'version', reason: 'must be a version label like 2027.1' });
  } else if (published.some((v) => v.version === list.version)) {
    violations.push({ field: 'version', reason: `key-operation list ${list.version} is already published and versions are immutable; use a new label` });
  }
  if (!LocalDate.isValidIso(list.effectiveFrom)) {
    violations.push({ field: 'effectiveFrom', reason: 'must be a date (YYYY-MM-DD)' });
  } else {
    const latest = published.map((v) => v.effectiveFrom).reduce<string | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
    if (latest !== undefined && list.effectiveFrom <= latest) violations.push({ field: 'effectiveFrom', reason: `must be after ${latest}, when the latest published version takes effect` });
  }
  if (!Array.isArray(list.operations) || list.operations.length === 0) {
    violations.push({ field: 'operations', reason: 'must list at least one operation' });
    return violations;
  }
  const seen = new Set<string>();
  list.operations.forEach((entry, i) => {
    if (typeof entry?.operation !== 'string' || !/^[A-Z][A-Z0-9_]{1,63}$/.test(entry.operation)) {
      violations.push({ field: `operations[${i}].operation`, reason: 'must be an upper-case operation code like REFUND_CLAIM' });
    } else if (seen.has(entry.operation)) {
      violations.push({ field: `operations[${i}].operation`, reason: `${entry.operation} is listed twice` });
    } else seen.add(entry.operation);
    if (!(OPERATION_CATEGORIES as readonly unknown[]).includes(entry?.category)) {
      violations.push({ field: `operations[${i}].category`, reason: `must be one of ${OPERATION_CATEGORIES.join(', ')}` });
    }
  });
  return violations;
}

/** `list` as a frozen published version, or InvalidPublicationError (422) naming every bad field. */
export function publishKeyOperationList(list: KeyOperationList, published: readonly KeyOperationList[]): KeyOperationList {
  const violations = keyOperationListViolations(list, published);
  if (violations.length > 0) throw new InvalidPublicationError(violations);
  return Object.freeze({
    version: list.version,
    effectiveFrom: list.effectiveFrom,
    operations: Object.freeze(list.operations.map((e) => Object.freeze({ operation: e.operation, category: e.category }))),
  });
}

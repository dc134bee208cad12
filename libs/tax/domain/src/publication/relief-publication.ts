import { parseRuleRef, reliefRuleViolations, ruleRef, type ReliefRule } from '../relief/relief-rule';
import { jurisdictionsOnOneLine, reliefRangesOverlap, type ReliefRuleBook } from '../relief/relief-rule-book';
import { InvalidPublicationError, type PublicationViolation } from './errors';

const range = (r: Pick<ReliefRule, 'effectiveFrom' | 'effectiveTo'>) => `${r.effectiveFrom ?? '(no start)'}..${r.effectiveTo ?? '(national, open)'}`;
const within = (day: string | null, r: Pick<ReliefRule, 'effectiveFrom' | 'effectiveTo'>) =>
  reliefRangesOverlap({ effectiveFrom: day, effectiveTo: day }, r);

/**
 * Everything wrong with publishing `rule` into `book` (E2), each naming its field:
 *  - the version on its own (dates on month boundaries, scope, params, openEnded 'national' ⇔ no end);
 *  - versions are immutable and numbered in sequence: `version` is the next one of its rule;
 *  - `supersedes` names a live version of the same rule (a correction, an extension, or the
 *    closing of an open-ended 'national' version);
 *  - no overlap with another live version of the rule in one scope (jurisdictions on one line),
 *    boundary days included: naming `effectiveFrom` when it falls inside the other version,
 *    `effectiveTo` when that does, both when the new range contains the other.
 */
export function reliefRulePublicationViolations(book: ReliefRuleBook, rule: ReliefRule): PublicationViolation[] {
  const own = reliefRuleViolations(rule);
  if (own.length > 0) return own;
  const violations: PublicationViolation[] = [];
  const existing = book.versions(rule.ruleId);
  const next = (existing.at(-1)?.version ?? 0) + 1;
  if (existing.some((r) => r.version === rule.version)) {
    violations.push({ field: 'version', reason: `${ruleRef(rule)} is already published and versions are immutable; publish version ${next}` });
  } else if (rule.version !== next) {
    violations.push({ field: 'version', reason: `must be ${next}, the next version of ${rule.ruleId}` });
  }
  const live = book.live();
  if (rule.supersedes !== undefined) {
    const target = parseRuleRef(rule.supersedes);
    const superseded = target && existing.find((r) => r.version === target.version);
    if (!superseded) violations.push({ field: 'supersedes', reason: `${rule.supersedes} is not a published version` });
    else if (!live.includes(superseded)) violations.push({ field: 'supersedes', reason: `${rule.supersedes} is already superseded` });
  }
  for (const other of live) {
    if (other.ruleId !== rule.ruleId || ruleRef(other) === rule.supersedes || ruleRef(other) === ruleRef(rule)) continue;
    if (!jurisdictionsOnOneLine(other.scope.jurisdiction, rule.scope.jurisdiction) || !reliefRangesOverlap(rule, other)) continue;
    const reason = `overlaps the live version ${ruleRef(other)} (${range(other)}, ${other.scope.jurisdiction}) in the same scope; supersede it or start after it ends`;
    const fromInside = within(rule.effectiveFrom, other);
    const toInside = within(rule.effectiveTo, other);
    if (fromInside) violations.push({ field: 'effectiveFrom', reason });
    if (toInside && !fromInside) violations.push({ field: 'effectiveTo', reason });
    if (!fromInside && !toInside) violations.push({ field: 'effectiveFrom', reason }, { field: 'effectiveTo', reason });
  }
  return violations;
}

/** The book with `rule` published, or InvalidPublicationError (422) naming every bad field. */
export function publishReliefRule(book: ReliefRuleBook, rule: ReliefRule): ReliefRuleBook {
  const violations = reliefRulePublicationViolations(book, rule);
  if (violations.length > 0) throw new InvalidPublicationError(violations);
  return book.add(rule);
}

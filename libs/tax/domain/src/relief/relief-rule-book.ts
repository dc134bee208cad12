import type { TaxPeriod } from '../filing/tax-period';
import { InvalidReliefRuleError, OverlappingReliefVersionsError, ReliefVersionExistsError, UnknownReliefRuleError } from './errors';
import { parseRuleRef, reliefRuleProblems, ruleRef, type ReliefRule } from './relief-rule';

/**
 * Every published version of every relief rule, immutable (E2). Lookups:
 *  - `inForce`: the live version of a rule that covers a whole tax period for a taxpayer's
 *    jurisdiction. The period is that of the taxable event, never the filing date (E1), so the
 *    lookup takes no filing date at all.
 *  - `get`: an exact 'ruleId@version', for replaying a stored assessment (E1).
 * A version is live unless a later one supersedes it. Two live versions of one rule may not
 * overlap in one scope: same ruleId, jurisdictions on one line (CN covers CN-44), intersecting
 * date ranges (E2).
 */
export class ReliefRuleBook {
  private constructor(
    private readonly rules: readonly ReliefRule[],
    /** A replay book: exactly the pinned versions, all live. */
    private readonly pinned: boolean,
  ) {}

  static empty(): ReliefRuleBook {
    return new ReliefRuleBook([], false);
  }

  /** A book with these versions added in order (each checked like `add`). */
  static of(rules: readonly ReliefRule[]): ReliefRuleBook {
    return rules.reduce((book, rule) => book.add(rule), ReliefRuleBook.empty());
  }

  /** A new book with one more version: a new rule, a new date range, or a correction that supersedes a live version. */
  add(rule: ReliefRule): ReliefRuleBook {
    const ref = ruleRef(rule);
    const problems = reliefRuleProblems(rule);
    if (problems.length > 0) throw new InvalidReliefRuleError(ref, problems);
    if (this.find(rule.ruleId, rule.version)) throw new ReliefVersionExistsError(ref);
    if (rule.supersedes !== undefined) {
      const target = parseRuleRef(rule.supersedes);
      const superseded = target && this.find(target.ruleId, target.version);
      if (!superseded) throw new UnknownReliefRuleError(rule.supersedes, 'the superseded version is not in the rule book');
      if (!this.isLive(superseded)) throw new UnknownReliefRuleError(rule.supersedes, 'already superseded');
    }
    const book = new ReliefRuleBook([...this.rules, freeze(rule)], this.pinned);
    book.requireNoOverlap(rule);
    return book;
  }

  /** An exact version, or throws UnknownReliefRuleError. */
  get(ref: string): ReliefRule {
    const parsed = parseRuleRef(ref);
    const rule = parsed && this.find(parsed.ruleId, parsed.version);
    if (!rule) throw new UnknownReliefRuleError(ref);
    return rule;
  }

  /** All versions of a rule, oldest first. */
  versions(ruleId: string): ReliefRule[] {
    return this.rules.filter((r) => r.ruleId === ruleId).sort((a, b) => a.version - b.version);
  }

  /** Versions nobody supersedes. */
  live(): ReliefRule[] {
    return this.rules.filter((r) => this.isLive(r));
  }

  /** The live version of `ruleId` whose scope covers `jurisdiction` and whose range covers the whole period; at most one (E2). */
  inForce(ruleId: string, period: Pick<TaxPeriod, 'start' | 'end'>, jurisdiction: string): ReliefRule | undefined {
    return this.live().find(
      (r) =>
        r.ruleId === ruleId &&
        covers(r.scope.jurisdiction, jurisdiction) &&
        (r.effectiveFrom === null || r.effectiveFrom <= period.start) &&
        (r.effectiveTo === null || period.end <= r.effectiveTo),
    );
  }

  /** A book of exactly these versions (the `ruleVersions` a liability stored), to replay an assessment (E1). */
  pinnedTo(refs: readonly string[]): ReliefRuleBook {
    const rules = [...new Set(refs)].map((ref) => this.get(ref));
    const book = new ReliefRuleBook(rules, true);
    for (const rule of rules) book.requireNoOverlap(rule);
    return book;
  }

  private find(ruleId: string, version: number): ReliefRule | undefined {
    return this.rules.find((r) => r.ruleId === ruleId && r.version === version);
  }

  private isLive(rule: ReliefRule): boolean {
    return this.pinned || !this.rules.some((r) => r.supersedes === ruleRef(rule));
  }

  private requireNoOverlap(rule: ReliefRule): void {
    const clash = this.live().find(
      (other) =>
        ruleRef(other) !== ruleRef(rule) &&
        other.ruleId === rule.ruleId &&
        (covers(other.scope.jurisdiction, rule.scope.jurisdiction) || covers(rule.scope.jurisdiction, other.scope.jurisdiction)) &&
        rangesOverlap(rule, other),
    );
    if (clash) throw new OverlappingReliefVersionsError(ruleRef(rule), ruleRef(clash));
  }
}

/** 'CN-44' covers 'CN-44' and 'CN-44-19', not 'CN-45'. */
export function jurisdictionCovers(outer: string, inner: string): boolean {
  return covers(outer, inner);
}

function covers(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(`${outer}-`);
}

function rangesOverlap(a: ReliefRule, b: ReliefRule): boolean {
  return reliefRangesOverlap(a, b);
}

/**
 * Whether two inclusive date ranges share at least one day (null = unbounded on that side): a
 * version ending 2027-12-31 and one starting 2027-12-31 overlap; one starting 2028-01-01 does not.
 */
export function reliefRangesOverlap(
  a: Pick<ReliefRule, 'effectiveFrom' | 'effectiveTo'>,
  b: Pick<ReliefRule, 'effectiveFrom' | 'effectiveTo'>,
): boolean {
  const startsBeforeEnd = (x: typeof a, y: typeof a) => x.effectiveFrom === null || y.effectiveTo === null || x.effectiveFrom <= y.effectiveTo;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

/** Whether two scopes' jurisdictions lie on one line (one covers the other), so their versions may clash (E2). */
export function jurisdictionsOnOneLine(a: string, b: string): boolean {
  return covers(a, b) || covers(b, a);
}

function freeze(rule: ReliefRule): ReliefRule {
  return Object.freeze({
    ...rule,
    scope: Object.freeze({ ...rule.scope, subjects: Object.freeze([...rule.scope.subjects]) }),
    params: Object.freeze(Object.fromEntries(Object.entries(rule.params).map(([k, v]) => [k, Array.isArray(v) ? Object.freeze([...v]) : v]))),
  });
}

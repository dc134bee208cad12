import type { NameCheckLevel } from '../name/name-check';
import type { EntityType } from '../shared/entity-type';
import type { EstablishmentForm } from './form';
import type { FormValidation } from './validate-form';

/** The 8 checks of §3.2, in order. */
export const AUTO_APPROVAL_CHECKS = [
  'ENTITY_TYPE',
  'NAME',
  'DOMICILE',
  'SCOPE',
  'IDENTITIES',
  'ARTICLES',
  'NO_FOREIGN_DOCUMENTS',
  'COMMITMENT',
] as const;
export type AutoApprovalCheck = (typeof AUTO_APPROVAL_CHECKS)[number];

/** A versioned auto-approval (秒批) rule set [cfg]; every decision stores the version. */
export interface AutoApprovalRuleSet {
  readonly version: string;
  /** Check 1: entity types on the auto list. */
  readonly entityTypes: readonly EntityType[];
  /** Check 1: only natural-person investors (e.g. a domestic LLC owned by natural persons). */
  readonly naturalPersonInvestorsOnly: boolean;
  /** Check 5: a disqualification hit fails the check [cfg]. */
  readonly checkDisqualification: boolean;
}

export const DEFAULT_AUTO_APPROVAL_RULES: AutoApprovalRuleSet = {
  version: 'auto-2026.1',
  entityTypes: ['LLC'],
  naturalPersonInvestorsOnly: true,
  checkDisqualification: true,
};

export interface AutoApprovalFacts {
  readonly form: EstablishmentForm;
  readonly validation: FormValidation;
  /** The name self-check re-run at submission, and whether the cited reservation is valid. */
  readonly nameCheckLevel: NameCheckLevel;
  readonly reservationValid: boolean;
}

export interface AutoApprovalCheckResult {
  readonly number: number;
  readonly check: AutoApprovalCheck;
  readonly passed: boolean;
  readonly detail?: string;
}

/** Stored with the decision: the version and each check's outcome. */
export interface AutoApprovalResult {
  readonly ruleSetVersion: string;
  readonly eligible: boolean;
  readonly checks: readonly AutoApprovalCheckResult[];
  readonly failed: readonly AutoApprovalCheck[];
}

type Verdict = { passed: boolean; detail?: string };

function verdict(passed: boolean, detail: string): Verdict {
  return passed ? { passed } : { passed, detail };
}

/** Evaluates all 8 checks (none short-circuits, so an officer sees every failure: 机器辅批). */
export function evaluateAutoApproval(rules: AutoApprovalRuleSet, facts: AutoApprovalFacts): AutoApprovalResult {
  const { form, validation } = facts;
  const issuesAt = (prefix: string) => validation.issues.filter((i) => i.path.startsWith(prefix));
  const verdicts: Record<AutoApprovalCheck, Verdict> = {
    ENTITY_TYPE: verdict(
      rules.entityTypes.includes(form.entityType) &&
        (!rules.naturalPersonInvestorsOnly || form.investors.every((i) => i.kind === 'NATURAL_PERSON')),
      `${form.entityType} with ${form.investors.map((i) => i.kind).join(', ')} investors is not on the auto list`,
    ),
    NAME: verdict(
      facts.nameCheckLevel === 'PASS' && facts.reservationValid,
      `name check ${facts.nameCheckLevel}, reservation ${facts.reservationValid ? 'valid' : 'not valid'}`,
    ),
    DOMICILE: verdict(
      validation.domicileAddress !== undefined && issuesAt('domicile').length === 0,
      issuesAt('domicile').map((i) => i.code).join(', ') || 'no standard address',
    ),
    SCOPE: verdict(
      issuesAt('scopeCodes').length === 0 && validation.scopeItems.every((s) => s.category !== 'PRE_APPROVAL' && s.autoApprovable),
      validation.scopeItems.filter((s) => s.category === 'PRE_APPROVAL' || !s.autoApprovable).map((s) => s.code).join(', ') ||
        'scope issues',
    ),
    IDENTITIES: verdict(
      issuesAt('persons').length === 0 &&
        form.persons.every((p) => p.realNameVerified) &&
        (!rules.checkDisqualification || form.persons.every((p) => !p.disqualified)),
      'identity not verified, ID number invalid, or disqualification hit',
    ),
    ARTICLES: verdict(form.articles.kind === 'STANDARD_TEMPLATE', 'articles are not the standard template'),
    NO_FOREIGN_DOCUMENTS: verdict(
      form.investors.every((i) => i.jurisdiction === 'MAINLAND') && form.persons.every((p) => p.idType === 'RESIDENT_ID'),
      'foreign, HK, Macau or Taiwan documents need checking',
    ),
    COMMITMENT: verdict(form.commitment.signed, 'commitment not signed'),
  };
  const checks = AUTO_APPROVAL_CHECKS.map((check, i) => ({ number: i + 1, check, ...verdicts[check] }));
  const failed = checks.filter((c) => !c.passed).map((c) => c.check);
  return { ruleSetVersion: rules.version, eligible: failed.length === 0, checks, failed };
}

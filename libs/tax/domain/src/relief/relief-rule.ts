import { LocalDate } from '@one-window/shared/calendar';
import { isAmount } from '@one-window/shared/money';
import { isTaxType } from '../filing/tax-type';
import { isRate } from './rate';

/** Who a relief is for (tax.md §7 "Who"); a taxpayer matches a scope when it is any one of them. */
export const RELIEF_SUBJECTS = ['INDIVIDUAL_BUSINESS', 'SMALL_SCALE_VAT_PAYER', 'ANY_TAXPAYER'] as const;
export type ReliefSubject = (typeof RELIEF_SUBJECTS)[number];

/**
 * Where and to whom a version applies. `jurisdiction` is a division code ('CN', 'CN-44' for
 * Guangdong); it covers its subdivisions ('CN-44' covers 'CN-44-19' Dongguan).
 */
export interface ReliefScope {
  readonly jurisdiction: string;
  readonly subjects: readonly ReliefSubject[];
}

export type ReliefParamValue = string | number | readonly string[];
export type ReliefParams = Readonly<Record<string, ReliefParamValue>>;

/**
 * One immutable version of a relief rule (§3 ReliefRule, §7, E2). Dates are inclusive local
 * dates. `effectiveFrom: null` = the source states no start (in force for any earlier period).
 * `effectiveTo: null` only with `openEnded: 'national'` (执行期限按国家统一规定) until an admin
 * publishes a closing version that supersedes it.
 */
export interface ReliefRule {
  readonly ruleId: string;
  readonly version: number;
  readonly scope: ReliefScope;
  readonly params: ReliefParams;
  readonly effectiveFrom: string | null;
  readonly effectiveTo: string | null;
  readonly openEnded?: 'national';
  readonly sourceDoc: string;
  /** Citation of the seed line, e.g. '002 L367'. */
  readonly sourceLine: string;
  /** 'ruleId@version' of the version this one corrects or extends (same ruleId). */
  readonly supersedes?: string;
}

/** 'SSVAT-EXEMPT@1': what a liability stores so an assessment can be replayed (E1). */
export function ruleRef(rule: Pick<ReliefRule, 'ruleId' | 'version'>): string {
  return `${rule.ruleId}@${rule.version}`;
}

export function parseRuleRef(ref: string): { ruleId: string; version: number } | undefined {
  const match = /^([A-Z0-9][A-Z0-9-]*)@([1-9]\d*)$/.exec(ref);
  return match ? { ruleId: match[1], version: Number(match[2]) } : undefined;
}

type ParamKind = 'amount' | 'rate' | 'positiveInt' | 'taxTypes' | 'strings';

/** The params each known rule needs (a rule id not listed here may carry any params). */
export const RELIEF_PARAM_SCHEMAS: Readonly<Record<string, Readonly<Record<string, ParamKind>>>> = {
  'SSVAT-EXEMPT': { monthlyLimit: 'amount', quarterlyLimit: 'amount' },
  'SSVAT-1PCT': { fromLevyRate: 'rate', reducedRate: 'rate' },
  'SIX-TAX-TWO-FEE': { reductionRate: 'rate', taxTypes: 'taxTypes' },
  'KEY-GROUP-14400': { annualLimit: 'amount', months: 'positiveInt', groups: 'strings', deductionOrder: 'taxTypes' },
  'VETERAN-14400': { annualLimit: 'amount', months: 'positiveInt', groups: 'strings', deductionOrder: 'taxTypes' },
  'VAT-MISC': { items: 'strings' },
};

/** Problems with one version on its own (empty when valid); the rule book adds the cross-version checks. */
export function reliefRuleProblems(rule: ReliefRule): string[] {
  return reliefRuleChecks(rule).map((c) => c.problem);
}

/** The same problems, each naming the field(s) it is about (for a problem+json `violations` list). */
export function reliefRuleViolations(rule: ReliefRule): { field: string; reason: string }[] {
  return reliefRuleChecks(rule).flatMap((c) => c.fields.map((field) => ({ field, reason: c.problem })));
}

function reliefRuleChecks(rule: ReliefRule): { fields: string[]; problem: string }[] {
  const checks: { fields: string[]; problem: string }[] = [];
  const fail = (fields: string[], problem: string) => checks.push({ fields, problem });
  if (typeof rule.ruleId !== 'string' || !/^[A-Z0-9][A-Z0-9-]*$/.test(rule.ruleId)) fail(['ruleId'], 'ruleId must be upper-case letters, digits and dashes');
  if (!Number.isSafeInteger(rule.version) || rule.version < 1) fail(['version'], 'version must be a positive integer');
  if (!/^[A-Z]{2}(-[0-9A-Z]{1,3})*$/.test(rule.scope?.jurisdiction ?? '')) fail(['scope.jurisdiction'], 'scope.jurisdiction must be a division code like CN or CN-44');
  const subjects: readonly unknown[] = Array.isArray(rule.scope?.subjects) ? rule.scope.subjects : [];
  if (subjects.length === 0 || subjects.some((s) => !(RELIEF_SUBJECTS as readonly unknown[]).includes(s))) {
    fail(['scope.subjects'], `scope.subjects must be some of ${RELIEF_SUBJECTS.join(', ')}`);
  }
  // [cfg] versions start on the 1st and end on the last day of a month, so a monthly period is never split.
  if (rule.effectiveFrom !== null && !(LocalDate.isValidIso(rule.effectiveFrom) && LocalDate.parse(rule.effectiveFrom).day === 1)) {
    fail(['effectiveFrom'], 'effectiveFrom must be null or the first day of a month');
  }
  if (rule.effectiveTo !== null && !(LocalDate.isValidIso(rule.effectiveTo) && LocalDate.parse(rule.effectiveTo).plusDays(1).day === 1)) {
    fail(['effectiveTo'], 'effectiveTo must be null or the last day of a month');
  }
  if (rule.effectiveFrom !== null && rule.effectiveTo !== null && rule.effectiveFrom > rule.effectiveTo) fail(['effectiveFrom'], 'effectiveFrom is after effectiveTo');
  if ((rule.effectiveTo === null) !== (rule.openEnded === 'national')) fail(['effectiveTo', 'openEnded'], "effectiveTo is null exactly when openEnded is 'national' (E2)");
  if (!rule.sourceDoc || !rule.sourceLine) {
    fail([...(rule.sourceDoc ? [] : ['sourceDoc']), ...(rule.sourceLine ? [] : ['sourceLine'])], 'sourceDoc and sourceLine are required');
  }
  if (rule.supersedes !== undefined) {
    const target = parseRuleRef(rule.supersedes);
    if (!target || target.ruleId !== rule.ruleId || target.version >= rule.version) {
      fail(['supersedes'], 'supersedes must be an earlier version of the same rule (ruleId@version)');
    }
  }
  const schema = (typeof rule.ruleId === 'string' && Object.hasOwn(RELIEF_PARAM_SCHEMAS, rule.ruleId) ? RELIEF_PARAM_SCHEMAS[rule.ruleId] : undefined) ?? {};
  for (const [key, kind] of Object.entries(schema)) {
    if (!paramFits(rule.params?.[key], kind)) fail([`params.${key}`], `params.${key} must be ${kind}`);
  }
  return checks;
}

function paramFits(value: ReliefParamValue | undefined, kind: ParamKind): boolean {
  switch (kind) {
    case 'amount':
      return typeof value === 'string' && isAmount(value);
    case 'rate':
      return isRate(value);
    case 'positiveInt':
      return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
    case 'taxTypes':
      return Array.isArray(value) && value.length > 0 && value.every(isTaxType);
    case 'strings':
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.length > 0);
  }
}

import type { EntityType } from '../shared/entity-type';
import type { NameRules } from './name-rules';
import { canonicalName, editDistance, isAllChinese } from './normalise';
import { parseName, type ParsedName } from './parse-name';

export type NameCheckLevel = 'PASS' | 'WARN' | 'BLOCK';
/** INFO reasons do not lower the level (PASS stays PASS). */
export type ReasonLevel = 'INFO' | 'WARN' | 'BLOCK';

export const NAME_REASONS = {
  FORM_MISSING: 'name.form.missing',
  FORM_MISMATCH: 'name.form.mismatch',
  SOLE_PROPRIETORSHIP_COMPANY_WORDS: 'name.form.sole_proprietorship_company_words',
  TRADE_NAME_TOO_SHORT: 'name.trade_name.too_short',
  TRADE_NAME_NOT_CHINESE: 'name.trade_name.not_chinese',
  DIVISION_NOT_DOMICILE: 'name.division.not_domicile',
  DIVISION_ABSENT: 'name.division.absent',
  INDUSTRY_UNKNOWN: 'name.industry.unknown',
  PROHIBITED: 'name.prohibited',
  RESTRICTED_WORD: 'name.restricted_word',
  DUPLICATE: 'name.duplicate',
  SIMILAR_SAME_TRADE_NAME: 'name.similar.same_trade_name',
  SIMILAR_EDIT_DISTANCE: 'name.similar.edit_distance',
  SIMILAR_CONTAINS: 'name.similar.contains',
  SENSITIVE: 'name.sensitive',
  WELL_KNOWN: 'name.well_known',
} as const;

export type NameReasonCode = (typeof NAME_REASONS)[keyof typeof NAME_REASONS];

export interface NameReason {
  readonly code: NameReasonCode;
  readonly level: ReasonLevel;
  /** The listed word, the listing reason, or the conflicting name. */
  readonly detail?: string;
}

/**
 * A registered or reserved name the check compares against. The app keeps these (e.g. a
 * column with `tradeNameKey`) and passes the candidates that share the key or are close to it.
 */
export interface ExistingName {
  readonly id: string;
  readonly name: string;
  readonly tradeNameKey: string;
  readonly industryCode?: string;
  readonly authorityCode: string;
  readonly kind: 'REGISTERED' | 'RESERVED';
}

export interface NameCheckInput {
  readonly name: string;
  readonly entityType: EntityType;
  /** The registration authority that would hold the name. */
  readonly authorityCode: string;
  /** GB/T 2260 code of the domicile, if known: the division in the name must be it or contain it. */
  readonly domicileDivisionCode?: string;
  /** Approval to use 中国 / 中华 / 中央 / 全国 / 国家. */
  readonly restrictedWordApproved?: boolean;
  readonly existing?: readonly ExistingName[];
  /** Ids to ignore among `existing` (the applicant's own reservation when re-checking). */
  readonly ignoreIds?: readonly string[];
}

export interface NameCheckResult {
  readonly level: NameCheckLevel;
  readonly reasons: readonly NameReason[];
  readonly parsed: ParsedName;
  readonly rulesVersion: string;
}

/** True when `ancestor` is `code` itself or a province / city containing it (GB/T 2260 prefixes). */
export function divisionContains(ancestor: string, code: string): boolean {
  if (ancestor === code) return true;
  if (ancestor.endsWith('0000')) return code.startsWith(ancestor.slice(0, 2));
  if (ancestor.endsWith('00')) return code.startsWith(ancestor.slice(0, 4));
  return false;
}

/** The index entry of a name, for the app's store of registered and reserved names. */
export function toExistingName(
  id: string,
  name: string,
  rules: NameRules,
  authorityCode: string,
  kind: ExistingName['kind'],
): ExistingName {
  const parsed = parseName(name, rules);
  return {
    id,
    name: parsed.canonical,
    tradeNameKey: parsed.tradeNameKey,
    ...(parsed.industryCode ? { industryCode: parsed.industryCode } : {}),
    authorityCode,
    kind,
  };
}

function structureReasons(parsed: ParsedName, input: NameCheckInput, rules: NameRules): NameReason[] {
  const reasons: NameReason[] = [];
  const allowedForms = rules.organisationForms[input.entityType].map(canonicalName);
  if (!parsed.organisationForm) {
    reasons.push({ code: NAME_REASONS.FORM_MISSING, level: 'BLOCK' });
  } else if (!allowedForms.includes(parsed.organisationForm)) {
    reasons.push({ code: NAME_REASONS.FORM_MISMATCH, level: 'BLOCK', detail: parsed.organisationForm });
  }
  if (input.entityType === 'SOLE_PROPRIETORSHIP') {
    for (const word of rules.soleProprietorshipBannedWords) {
      if (parsed.canonical.includes(canonicalName(word))) {
        reasons.push({ code: NAME_REASONS.SOLE_PROPRIETORSHIP_COMPANY_WORDS, level: 'BLOCK', detail: word });
      }
    }
  }
  const hanCount = [...parsed.tradeName].filter((c) => isAllChinese(c)).length;
  if (hanCount < 2) reasons.push({ code: NAME_REASONS.TRADE_NAME_TOO_SHORT, level: 'BLOCK', detail: parsed.tradeName });
  else if (!isAllChinese(parsed.tradeName)) {
    reasons.push({ code: NAME_REASONS.TRADE_NAME_NOT_CHINESE, level: 'BLOCK', detail: parsed.tradeName });
  }
  if (!parsed.division) {
    reasons.push({ code: NAME_REASONS.DIVISION_ABSENT, level: 'INFO', detail: 'check the national name database' });
  } else if (input.domicileDivisionCode && !divisionContains(parsed.division.code, input.domicileDivisionCode)) {
    reasons.push({ code: NAME_REASONS.DIVISION_NOT_DOMICILE, level: 'BLOCK', detail: parsed.division.text });
  }
  if (!parsed.industryWord) reasons.push({ code: NAME_REASONS.INDUSTRY_UNKNOWN, level: 'WARN' });
  return reasons;
}

function wordReasons(parsed: ParsedName, input: NameCheckInput, rules: NameRules): NameReason[] {
  const reasons: NameReason[] = [];
  const text = parsed.canonical;
  for (const { word, reason } of rules.prohibitedWords) {
    if (text.includes(canonicalName(word))) reasons.push({ code: NAME_REASONS.PROHIBITED, level: 'BLOCK', detail: `${word}:${reason}` });
  }
  if (!input.restrictedWordApproved) {
    for (const word of rules.restrictedWords) {
      if (text.includes(canonicalName(word))) reasons.push({ code: NAME_REASONS.RESTRICTED_WORD, level: 'BLOCK', detail: word });
    }
  }
  for (const { word, reason } of rules.sensitiveWords) {
    if (text.includes(canonicalName(word))) reasons.push({ code: NAME_REASONS.SENSITIVE, level: 'WARN', detail: `${word}:${reason}` });
  }
  for (const brand of rules.wellKnownTradeNames) {
    if (parsed.tradeName.includes(canonicalName(brand))) reasons.push({ code: NAME_REASONS.WELL_KNOWN, level: 'WARN', detail: brand });
  }
  return reasons;
}

/**
 * Duplicates and similarity [design, Q2]. With k = the normalised trade name:
 * - BLOCK duplicate: same k, same industry code, same authority (registered or reserved).
 * - WARN same trade name: same k in another industry or at another authority.
 * - WARN edit distance: same industry, both k at least `editDistanceMinLength` long, distance 1.
 * - WARN contains: same industry, one k contains the other.
 * Homophones and look-alike characters are out of scope (no clean public rule).
 */
function conflictReasons(parsed: ParsedName, input: NameCheckInput, rules: NameRules): NameReason[] {
  const reasons: NameReason[] = [];
  const k = parsed.tradeNameKey;
  if (k.length === 0) return reasons;
  const ignore = new Set(input.ignoreIds ?? []);
  for (const other of input.existing ?? []) {
    if (ignore.has(other.id)) continue;
    const sameIndustry = parsed.industryCode !== undefined && other.industryCode === parsed.industryCode;
    const j = other.tradeNameKey;
    if (j === k) {
      const duplicate = sameIndustry && other.authorityCode === input.authorityCode;
      reasons.push(
        duplicate
          ? { code: NAME_REASONS.DUPLICATE, level: 'BLOCK', detail: other.name }
          : { code: NAME_REASONS.SIMILAR_SAME_TRADE_NAME, level: 'WARN', detail: other.name },
      );
    } else if (sameIndustry) {
      const min = rules.editDistanceMinLength;
      if ([...k].length >= min && [...j].length >= min && editDistance(k, j) === 1) {
        reasons.push({ code: NAME_REASONS.SIMILAR_EDIT_DISTANCE, level: 'WARN', detail: other.name });
      } else if (j.length > 0 && (k.includes(j) || j.includes(k))) {
        reasons.push({ code: NAME_REASONS.SIMILAR_CONTAINS, level: 'WARN', detail: other.name });
      }
    }
  }
  return reasons;
}

export function levelOf(reasons: readonly NameReason[]): NameCheckLevel {
  if (reasons.some((r) => r.level === 'BLOCK')) return 'BLOCK';
  if (reasons.some((r) => r.level === 'WARN')) return 'WARN';
  return 'PASS';
}

/**
 * The stateless, public name self-check (§2.1): structure, listed words, duplicates and
 * similar names, each reason with a code. BLOCK: cannot reserve. WARN: may reserve after
 * acknowledging, and never auto-approved. PASS otherwise.
 */
export function checkName(input: NameCheckInput, rules: NameRules): NameCheckResult {
  const parsed = parseName(input.name, rules);
  const reasons = [
    ...structureReasons(parsed, input, rules),
    ...wordReasons(parsed, input, rules),
    ...conflictReasons(parsed, input, rules),
  ];
  return { level: levelOf(reasons), reasons, parsed, rulesVersion: rules.version };
}

/** The WARN reason codes an applicant must acknowledge before reserving. */
export function warningsToAcknowledge(result: NameCheckResult): NameReasonCode[] {
  return [...new Set(result.reasons.filter((r) => r.level === 'WARN').map((r) => r.code))];
}

import { ENTITY_TYPES } from '../shared/entity-type';
import { RegistrationError } from '../shared/errors';
import type { NameRules } from './name-rules';

/** One problem with a submitted rule set: the JSON path of the field and why. */
export interface NameRulesViolation {
  readonly field: string;
  readonly reason: string;
}

/** A rule set an admin tried to publish does not hold together; every problem is listed. */
export class InvalidNameRulesError extends RegistrationError {
  readonly code = 'registration.name_rules.invalid';

  constructor(readonly violations: readonly NameRulesViolation[]) {
    super(`The name rules are invalid: ${violations.map((v) => `${v.field} ${v.reason}`).join('; ')}`, { violations: [...violations] });
  }
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/**
 * Checks a rule set before it is published as a new version (名称自主申报 reference data):
 * every list present and well formed, no empty or duplicated words, an organisation form for every
 * entity type, industry codes as GB/T 4754 sections, division codes as 6 digits. Returns every
 * violation with its path (empty when valid).
 */
export function nameRulesViolations(rules: unknown): NameRulesViolation[] {
  const out: NameRulesViolation[] = [];
  const r = (rules ?? {}) as Record<string, unknown>;
  const words = (field: string, list: unknown, item: (v: unknown, path: string) => string | undefined) => {
    if (!Array.isArray(list)) return void out.push({ field, reason: 'must be a list' });
    const seen = new Set<string>();
    list.forEach((v, i) => {
      const key = item(v, `${field}[${i}]`);
      if (key === undefined) return;
      if (seen.has(key)) out.push({ field: `${field}[${i}]`, reason: `duplicates ${JSON.stringify(key)}` });
      seen.add(key);
    });
  };
  const plain = (v: unknown, path: string) => (isText(v) ? v : void out.push({ field: path, reason: 'must be a non-empty string' }));
  const listed = (v: unknown, path: string) => {
    const w = v as { word?: unknown; reason?: unknown } | null;
    if (!w || !isText(w.word)) return void out.push({ field: `${path}.word`, reason: 'must be a non-empty string' });
    if (!isText(w.reason)) out.push({ field: `${path}.reason`, reason: 'must be a non-empty reason code' });
    return w.word;
  };

  if (!isText(r['version']) || !/^[A-Za-z0-9._-]{1,40}$/.test(r['version'])) out.push({ field: 'version', reason: 'must be 1-40 letters, digits, dots, dashes or underscores' });
  words('divisions', r['divisions'], (v, path) => {
    const d = v as { code?: unknown; names?: unknown } | null;
    if (!d || typeof d.code !== 'string' || !/^\d{6}$/.test(d.code)) return void out.push({ field: `${path}.code`, reason: 'must be a 6-digit division code' });
    if (!Array.isArray(d.names) || d.names.length === 0 || !d.names.every(isText)) out.push({ field: `${path}.names`, reason: 'must list at least one name' });
    return d.code;
  });
  words('industryWords', r['industryWords'], (v, path) => {
    const w = v as { word?: unknown; industryCode?: unknown } | null;
    if (!w || !isText(w.word)) return void out.push({ field: `${path}.word`, reason: 'must be a non-empty string' });
    if (typeof w.industryCode !== 'string' || !/^[A-T]$/.test(w.industryCode)) out.push({ field: `${path}.industryCode`, reason: 'must be a GB/T 4754 section letter A-T' });
    return w.word;
  });
  const forms = r['organisationForms'] as Record<string, unknown> | undefined;
  if (!forms || typeof forms !== 'object') out.push({ field: 'organisationForms', reason: 'must map every entity type to its forms' });
  else {
    for (const type of ENTITY_TYPES) {
      const list = forms[type];
      if (!Array.isArray(list) || list.length === 0 || !list.every(isText)) out.push({ field: `organisationForms.${type}`, reason: 'must list at least one form' });
    }
    for (const key of Object.keys(forms)) if (!(ENTITY_TYPES as readonly string[]).includes(key)) out.push({ field: `organisationForms.${key}`, reason: 'is not an entity type' });
  }
  words('prohibitedWords', r['prohibitedWords'], listed);
  words('restrictedWords', r['restrictedWords'], plain);
  words('sensitiveWords', r['sensitiveWords'], listed);
  words('wellKnownTradeNames', r['wellKnownTradeNames'], plain);
  words('soleProprietorshipBannedWords', r['soleProprietorshipBannedWords'], plain);
  const min = r['editDistanceMinLength'];
  if (!Number.isInteger(min) || (min as number) < 2 || (min as number) > 20) out.push({ field: 'editDistanceMinLength', reason: 'must be an integer from 2 to 20' });
  return out;
}

/** The rule set, checked: throws InvalidNameRulesError listing every violation. */
export function validNameRules(rules: unknown): NameRules {
  const violations = nameRulesViolations(rules);
  if (violations.length > 0) throw new InvalidNameRulesError(violations);
  return rules as NameRules;
}

import { ENTITY_TYPES } from '../shared/entity-type';
import type { NameRules } from './name-rules';
import { canonicalName, comparisonKey } from './normalise';

/**
 * A name split into 行政区划 + 字号 + 行业或经营特点 + 组织形式 (§2.1). Every part is as written
 * (after NFKC); absent parts are undefined.
 */
export interface ParsedName {
  /** NFKC, without whitespace. */
  readonly canonical: string;
  readonly division?: { readonly code: string; readonly text: string; readonly placement: 'PREFIX' | 'BRACKETED' };
  /** 字号. */
  readonly tradeName: string;
  readonly industryWord?: string;
  readonly industryCode?: string;
  readonly organisationForm?: string;
  /** The trade name for comparison (comparisonKey). */
  readonly tradeNameKey: string;
}

function longest<T>(candidates: readonly T[], text: (t: T) => string): T | undefined {
  return [...candidates].sort((a, b) => text(b).length - text(a).length)[0];
}

/**
 * Parses a name: the organisation form is the longest known form the name ends with; the
 * division is the longest known division name at the start, or one in brackets after the
 * trade name (某某（广州）科技有限公司); the industry word is the longest known word that ends
 * what is left; the rest is the trade name. Unknown parts stay undefined (the check reports them).
 */
export function parseName(input: string, rules: NameRules): ParsedName {
  const canonical = canonicalName(input);
  let rest = canonical;

  const forms = ENTITY_TYPES.flatMap((t) => rules.organisationForms[t].map(canonicalName));
  const form = longest(forms.filter((f) => rest.endsWith(f) && rest.length > f.length), (f) => f);
  if (form) rest = rest.slice(0, -form.length);

  const divisionNames = rules.divisions.flatMap((d) => d.names.map((n) => ({ code: d.code, text: canonicalName(n) })));
  let division: ParsedName['division'];
  const prefix = longest(divisionNames.filter((d) => rest.startsWith(d.text) && rest.length > d.text.length), (d) => d.text);
  if (prefix) {
    division = { ...prefix, placement: 'PREFIX' };
    rest = rest.slice(prefix.text.length);
  } else {
    const bracketed = longest(divisionNames.filter((d) => rest.includes(`(${d.text})`)), (d) => d.text);
    if (bracketed) {
      division = { ...bracketed, placement: 'BRACKETED' };
      rest = rest.replace(`(${bracketed.text})`, '');
    }
  }

  const industry = longest(
    rules.industryWords
      .map((w) => ({ ...w, word: canonicalName(w.word) }))
      .filter((w) => rest.endsWith(w.word) && rest.length > w.word.length),
    (w) => w.word,
  );
  if (industry) rest = rest.slice(0, -industry.word.length);

  return {
    canonical,
    ...(division ? { division } : {}),
    tradeName: rest,
    ...(industry ? { industryWord: industry.word, industryCode: industry.industryCode } : {}),
    ...(form ? { organisationForm: form } : {}),
    tradeNameKey: comparisonKey(rest),
  };
}

/**
 * The normalised form used to compare names: the trade name only (division, industry word and
 * form stripped; width, brackets and punctuation folded).
 */
export function normaliseForComparison(name: string, rules: NameRules): string {
  return parseName(name, rules).tradeNameKey;
}

/**
 * Text normalisation for names (名称比对): NFKC folds full-width letters, digits and brackets to
 * half-width ('（广州）' → '(广州)'); whitespace is removed.
 */
export function canonicalName(input: string): string {
  return input.normalize('NFKC').replace(/\s+/gu, '');
}

/** For comparison: canonical, lower-case, letters and digits only (brackets and punctuation dropped). */
export function comparisonKey(text: string): string {
  return canonicalName(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Chinese (CJK unified ideograph) characters only. */
export function isAllChinese(text: string): boolean {
  return /^\p{Script=Han}+$/u.test(text);
}

/** Levenshtein distance over code points (names are short; O(n·m)). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}

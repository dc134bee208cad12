/**
 * Organisation code (组织机构代码, GB 11714-1997): 8 body characters and 1 check character.
 * Embedded in the USCC at positions 9–17. Weights 3 7 9 10 5 8 4 2; letters count A=10 … Z=35;
 * C = 11 − (Σ mod 11), with 10 → X and 11 → 0 (Appendix A.1).
 */
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const BODY = /^[0-9A-Z]{8}$/;

function valueOf(c: string): number {
  const code = c.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55; // '0'..'9' → 0..9, 'A'..'Z' → 10..35
}

/** The check character of an 8-character organisation-code body; undefined if the body is malformed. */
export function orgCodeCheckChar(body: string): string | undefined {
  if (!BODY.test(body)) return undefined;
  const sum = [...body].reduce((s, c, i) => s + valueOf(c) * WEIGHTS[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** True when the 9-character code's last character is its body's check character. */
export function isValidOrgCode(code: string): boolean {
  return code.length === 9 && orgCodeCheckChar(code.slice(0, 8)) === code[8];
}

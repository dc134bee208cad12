import { isValidOrgCode } from './org-code';

/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015), Appendix A.1.
 * 18 characters from 31 symbols (digits and uppercase letters except I, O, Z, S, V):
 * department (1), category (2), division code (3–8, GB/T 2260), organisation code (9–17,
 * GB 11714), check character (18).
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Wᵢ = 3^(i−1) mod 31: 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28. */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type UsccProblem = 'LENGTH' | 'ALPHABET' | 'DIVISION_CODE' | 'CHECK_CHARACTER';

export interface UsccValidation {
  readonly valid: boolean;
  /** Normalised (trimmed, upper-cased). */
  readonly value: string;
  readonly problems: readonly UsccProblem[];
  /** Non-blocking: the embedded GB 11714 check fails (a warning until confirmed for every class). */
  readonly warnings: readonly 'ORG_CODE_CHECK'[];
}

export interface UsccParts {
  /** 登记管理部门代码: 1 机构编制, 5 民政, 9 市场监管, Y other… */
  readonly department: string;
  /** 机构类别代码: under 9, 1 enterprise, 2 individual business, 3 farmers' cooperative. */
  readonly category: string;
  readonly divisionCode: string;
  readonly orgCode: string;
  readonly checkChar: string;
}

/** The check character (position 18) of a 17-character body; throws on a malformed body. */
export function usccCheckChar(body17: string): string {
  if (body17.length !== 17) throw new RangeError(`A USCC body has 17 characters, got ${body17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(body17[i]);
    if (v < 0) throw new RangeError(`'${body17[i]}' is not in the USCC alphabet`);
    sum += v * USCC_WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

export function validateUscc(input: string): UsccValidation {
  const value = input.trim().toUpperCase();
  const problems: UsccProblem[] = [];
  if (value.length !== 18) problems.push('LENGTH');
  else if (![...value].every((c) => USCC_ALPHABET.includes(c))) problems.push('ALPHABET');
  else if (!SHAPE.test(value)) problems.push('DIVISION_CODE');
  else if (usccCheckChar(value.slice(0, 17)) !== value[17]) problems.push('CHECK_CHARACTER');
  const warnings: 'ORG_CODE_CHECK'[] = problems.length === 0 && !isValidOrgCode(value.slice(8, 17)) ? ['ORG_CODE_CHECK'] : [];
  return { valid: problems.length === 0, value, problems, warnings };
}

/** True for a well-formed code with a correct check character (the org-code check is not required). */
export function isValidUscc(input: string): boolean {
  return validateUscc(input).valid;
}

/** The parts of a valid code; undefined otherwise. */
export function parseUscc(input: string): UsccParts | undefined {
  const { valid, value } = validateUscc(input);
  if (!valid) return undefined;
  return {
    department: value[0],
    category: value[1],
    divisionCode: value.slice(2, 8),
    orgCode: value.slice(8, 17),
    checkChar: value[17],
  };
}

import { LocalDate, type LocalDateLike } from '@one-window/shared/calendar';
import { InvalidIdentifierError } from './errors';

/**
 * Resident identity number (公民身份号码, GB 11643-1999), Appendix A.2: address (6), birth
 * date YYYYMMDD (8), sequence (3; the last digit odd for male), check character (ISO 7064
 * MOD 11-2). Residence permits of HK, Macau and Taiwan residents (810000 / 820000 / 830000)
 * have the same format and check.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';
const SHAPE_18 = /^[1-9]\d{16}[\dX]$/;
const SHAPE_15 = /^[1-9]\d{14}$/;

export type ResidentIdProblem = 'FORMAT' | 'BIRTH_DATE_INVALID' | 'BIRTH_DATE_IN_FUTURE' | 'CHECK_CHARACTER';

export interface ResidentIdValidation {
  readonly valid: boolean;
  /** Trimmed, with a trailing x stored as X. */
  readonly value: string;
  readonly problems: readonly ResidentIdProblem[];
  readonly birthDate?: string;
  readonly sex?: 'MALE' | 'FEMALE';
}

/** Trims and upper-cases the check character (accept x, store X). */
export function normaliseResidentId(input: string): string {
  return input.trim().toUpperCase();
}

/** The check character of a 17-digit body; throws on a malformed body. */
export function residentIdCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError(`A resident ID body has 17 digits: ${body17}`);
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0);
  return CHECK[sum % 11];
}

function birthDateOf(yyyymmdd: string): LocalDate | undefined {
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return LocalDate.isValidIso(iso) ? LocalDate.parse(iso) : undefined;
}

/** Validates an 18-character number; the birth date must exist and not be after `today`. */
export function validateResidentId(input: string, today: LocalDateLike): ResidentIdValidation {
  const value = normaliseResidentId(input);
  if (!SHAPE_18.test(value)) return { valid: false, value, problems: ['FORMAT'] };
  const problems: ResidentIdProblem[] = [];
  const birth = birthDateOf(value.slice(6, 14));
  if (!birth) problems.push('BIRTH_DATE_INVALID');
  else if (birth.isAfter(LocalDate.from(today))) problems.push('BIRTH_DATE_IN_FUTURE');
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) problems.push('CHECK_CHARACTER');
  return {
    valid: problems.length === 0,
    value,
    problems,
    ...(birth ? { birthDate: birth.toString() } : {}),
    sex: Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}

export function isValidResidentId(input: string, today: LocalDateLike): boolean {
  return validateResidentId(input, today).valid;
}

/**
 * Upgrades a legacy 15-digit number (address + YYMMDD + sequence, no check character):
 * inserts '19' before the year and appends the check character. Throws InvalidIdentifierError
 * if the input is not 15 digits or its birth date does not exist.
 */
export function upgradeResidentId15(input: string): string {
  const value = input.trim();
  if (!SHAPE_15.test(value)) throw new InvalidIdentifierError('15-digit resident ID', ['FORMAT']);
  const body = `${value.slice(0, 6)}19${value.slice(6)}`;
  if (!birthDateOf(body.slice(6, 14))) throw new InvalidIdentifierError('15-digit resident ID', ['BIRTH_DATE_INVALID']);
  return body + residentIdCheckChar(body);
}

import { InvalidArgumentError } from '../shared/errors';
import { orgCodeCheckChar } from './org-code';
import { USCC_ALPHABET, usccCheckChar } from './uscc';

export interface CreditCodeRequest {
  /** Position 1: '9' for market regulation. */
  readonly department: string;
  /** Position 2: '1' enterprise, '2' individual business, '3' farmers' cooperative (usccCategoryOf). */
  readonly category: string;
  /** GB/T 2260 code of the registering authority (6 digits). */
  readonly divisionCode: string;
  /** The application being registered (lets a real allocator be idempotent). */
  readonly applicationId: string;
}

/**
 * Port (Q8): positions 9–17 come from the national code authority. The app calls it before
 * registering (auto approval or an officer's approval) and passes the code to the aggregate.
 */
export interface CreditCodeAllocator {
  allocate(request: CreditCodeRequest): Promise<string>;
}

/** Largest sequence the dev layout holds: 6 base-31 digits. */
export const DEV_MAX_SEQUENCE = 31 ** 6 - 1;

/**
 * A deterministic, valid-looking code for development and tests: department + category +
 * division + organisation body 'MA' + the sequence in 6 base-31 digits (USCC alphabet) + the
 * GB 11714 check character + the GB 32100 check character. Never a real entity's code.
 */
export function buildDevCreditCode(request: Omit<CreditCodeRequest, 'applicationId'>, sequence: number): string {
  const { department, category, divisionCode } = request;
  if (!/^\d{6}$/.test(divisionCode)) throw new InvalidArgumentError(`Division code must be 6 digits: ${divisionCode}`);
  if (![department, category].every((c) => c.length === 1 && USCC_ALPHABET.includes(c))) {
    throw new InvalidArgumentError(`Department and category must be USCC characters: ${department}${category}`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence > DEV_MAX_SEQUENCE) {
    throw new InvalidArgumentError(`Sequence out of range 0..${DEV_MAX_SEQUENCE}: ${sequence}`);
  }
  let digits = '';
  for (let n = sequence, i = 0; i < 6; i++, n = Math.floor(n / 31)) digits = USCC_ALPHABET[n % 31] + digits;
  const orgBody = `MA${digits}`;
  const body17 = `${department}${category}${divisionCode}${orgBody}${orgCodeCheckChar(orgBody)}`;
  return body17 + usccCheckChar(body17);
}

/**
 * Dev allocator: one counter per (department, category, division), starting at 1, from an
 * injectable source (in memory by default; the app may back it with a database sequence).
 * The same application id always gets the same code.
 */
export class DevCreditCodeAllocator implements CreditCodeAllocator {
  private readonly counters = new Map<string, number>();
  private readonly issued = new Map<string, string>();

  constructor(private readonly nextSequence?: (key: string) => number | Promise<number>) {}

  async allocate(request: CreditCodeRequest): Promise<string> {
    const known = this.issued.get(request.applicationId);
    if (known) return known;
    const key = `${request.department}${request.category}${request.divisionCode}`;
    const sequence = this.nextSequence ? await this.nextSequence(key) : (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, sequence);
    const code = buildDevCreditCode(request, sequence);
    this.issued.set(request.applicationId, code);
    return code;
  }
}

/**
 * Money in One Window: CNY amounts as decimal strings with at most 2 decimals in contracts and
 * APIs ('1000000.00'), exact integer fen (分, bigint) inside computations. Rounding is explicit:
 * `percentOf` rounds half up to the fen, the usual rule for computed tax.
 */

const AMOUNT = /^\d+(\.\d{1,2})?$/;

export interface Money {
  readonly amount: string;
  readonly currency: 'CNY';
}

/** Not a non-negative amount with at most 2 decimals. `code` follows the platform's coded-error shape. */
export class InvalidAmountError extends Error {
  readonly code = 'money.invalid_amount';
  readonly details: Readonly<Record<string, unknown>>;

  constructor(amount: unknown) {
    super(`Not an amount: ${JSON.stringify(amount)}`);
    this.name = 'InvalidAmountError';
    this.details = { amount };
  }
}

export function isAmount(value: string): boolean {
  return AMOUNT.test(value);
}

/** Amount in fen (分), exact. */
export function toFen(amount: string): bigint {
  if (typeof amount !== 'string' || !isAmount(amount)) throw new InvalidAmountError(amount);
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** '1234.50' from 123450n; negative amounts keep their sign ('-0.01'). */
export function fromFen(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export function cny(amount: string): Money {
  toFen(amount);
  return { amount, currency: 'CNY' };
}

export function moneyFromFen(fen: bigint): Money {
  return { amount: fromFen(fen), currency: 'CNY' };
}

export function sumMoney(amounts: readonly Money[]): Money {
  return moneyFromFen(amounts.reduce((sum, m) => sum + toFen(m.amount), 0n));
}

/**
 * `fen × numerator / denominator`, rounded half up to the fen (for non-negative inputs):
 * 3% of 100.01 → percentOf(10001n, 3n, 100n) = 300n (3.0003 → 3.00).
 */
export function percentOf(fen: bigint, numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const scaled = fen * numerator;
  const quotient = scaled / denominator;
  const remainder = scaled % denominator;
  return remainder * 2n >= denominator ? quotient + 1n : quotient;
}

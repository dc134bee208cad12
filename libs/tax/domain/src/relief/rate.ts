import { percentOf } from '@one-window/shared/money';
import { TaxInvalidArgumentError } from '../shared/errors';

/** An exact rate as a fraction: '0.03' → 3/100. Never a float. */
export interface Rate {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const RATE = /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/;

export function isRate(value: unknown): value is string {
  return typeof value === 'string' && RATE.test(value);
}

/** '0.03' → 3/100; between 0 and 1 with at most 6 decimals. */
export function parseRate(value: string): Rate {
  if (!isRate(value)) throw new TaxInvalidArgumentError(`Not a rate between 0 and 1: ${JSON.stringify(value)}`, { rate: value });
  const [whole, fraction = ''] = value.split('.');
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
}

/** fen × rate, half up to the fen. */
export function applyRate(fen: bigint, rate: string): bigint {
  const { numerator, denominator } = parseRate(rate);
  return percentOf(fen, numerator, denominator);
}

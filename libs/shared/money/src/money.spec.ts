import fc from 'fast-check';
import { cny, fromFen, InvalidAmountError, isAmount, moneyFromFen, percentOf, sumMoney, toFen } from './money';

describe('money', () => {
  it('parses amounts with up to two decimals exactly', () => {
    expect(toFen('0')).toBe(0n);
    expect(toFen('0.1')).toBe(10n);
    expect(toFen('100000.00')).toBe(10_000_000n);
    expect(toFen('100000.01')).toBe(10_000_001n);
  });

  it.each(['', '-1', '1.001', '1,000', 'abc', '1.', '.5'])('refuses %j with a coded error', (bad) => {
    expect(isAmount(bad)).toBe(false);
    expect(() => toFen(bad)).toThrow(InvalidAmountError);
    expect(() => cny(bad)).toThrow(expect.objectContaining({ code: 'money.invalid_amount' }));
  });

  it('round-trips every fen value', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (fen) => toFen(fromFen(fen)) === fen));
    expect(fromFen(-1n)).toBe('-0.01');
  });

  it('sums exactly', () => {
    expect(sumMoney([cny('0.10'), cny('0.20')])).toEqual({ amount: '0.30', currency: 'CNY' });
    expect(sumMoney([])).toEqual(moneyFromFen(0n));
  });

  it('rounds percentages half up to the fen', () => {
    expect(percentOf(10_001n, 3n, 100n)).toBe(300n); // 300.03 fen → 300
    expect(percentOf(50n, 1n, 100n)).toBe(1n); // 0.5 fen → 1
    expect(percentOf(49n, 1n, 100n)).toBe(0n); // 0.49 fen → 0
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 100n }), (fen, pct) => {
        const r = percentOf(fen, pct, 100n);
        // within half a fen of the exact value, never negative
        return r >= 0n && (r * 100n - fen * pct) * 2n <= 100n && (fen * pct - r * 100n) * 2n < 100n;
      }),
    );
    expect(() => percentOf(1n, 1n, 0n)).toThrow(RangeError);
  });
});

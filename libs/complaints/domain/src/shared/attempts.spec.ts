import fc from 'fast-check';
import { attemptsExhausted, countedAttempts } from './attempts';

const T0 = Date.UTC(2026, 2, 2, 2, 0);
const min = (m: number) => new Date(T0 + m * 60_000);

describe('three attempts at least 15 minutes apart (002 L1515, L1519, L1578)', () => {
  it('counts only attempts ≥15 min after the last counted one', () => {
    expect(countedAttempts([min(0), min(14), min(29)])).toBe(2);
    expect(attemptsExhausted([min(0), min(15), min(30)])).toBe(true);
    expect(attemptsExhausted([min(30), min(0), min(15)])).toBe(true);
    expect(attemptsExhausted([min(0), min(15)])).toBe(false);
  });

  it('property: order does not matter, and adding an attempt never lowers the count', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 12 }), fc.integer({ min: 0, max: 600 }), (minutes, extra) => {
        const dates = minutes.map(min);
        expect(countedAttempts([...dates].reverse())).toBe(countedAttempts(dates));
        expect(countedAttempts([...dates, min(extra)])).toBeGreaterThanOrEqual(countedAttempts(dates));
      }),
    );
  });
});

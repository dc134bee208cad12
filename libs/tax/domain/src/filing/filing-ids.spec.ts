import fc from 'fast-check';
import { FORM_BUNDLE_SERIALS_PER_DAY, formBundleNumber } from './filing-ids';

describe('form bundle numbers (12 digits: YYMMDD + 6-digit serial)', () => {
  it('puts the filing day first and the serial, zero-padded, after it', () => {
    expect(formBundleNumber('2026-12-05', 1)).toBe('261205000001');
    expect(formBundleNumber('2026-12-05', 999_999)).toBe('261205999999');
    expect(formBundleNumber('2027-01-01', 42)).toBe('270101000042');
  });

  it('wraps the serial part at a million: the millionth serial after 0 repeats it', () => {
    expect(formBundleNumber('2026-12-05', FORM_BUNDLE_SERIALS_PER_DAY)).toBe(formBundleNumber('2026-12-05', 0));
    expect(formBundleNumber('2026-12-05', FORM_BUNDLE_SERIALS_PER_DAY + 7)).toBe('261205000007');
  });

  it('refuses what is not a day or a serial', () => {
    expect(() => formBundleNumber('05/12/2026', 1)).toThrow(RangeError);
    expect(() => formBundleNumber('2026-12-05', -1)).toThrow(RangeError);
    expect(() => formBundleNumber('2026-12-05', 1.5)).toThrow(RangeError);
  });

  it('property: always 12 digits; distinct serials less than a million apart give distinct numbers on a day; different days never collide', () => {
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const serial = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER - FORM_BUNDLE_SERIALS_PER_DAY });
    fc.assert(
      fc.property(day, day, serial, fc.integer({ min: 1, max: FORM_BUNDLE_SERIALS_PER_DAY - 1 }), (d1, d2, n, gap) => {
        expect(formBundleNumber(d1, n)).toMatch(/^\d{12}$/);
        expect(formBundleNumber(d1, n)).not.toBe(formBundleNumber(d1, n + gap));
        if (d1 !== d2) expect(formBundleNumber(d1, n)).not.toBe(formBundleNumber(d2, n + gap - 1));
      }),
    );
  });
});

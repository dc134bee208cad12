import fc from 'fast-check';
import { InvalidIdentifierError } from './errors';
import { maskAccountNumber, maskIdNumber, maskMiddle, maskPersonName } from './masking';
import { isValidResidentId, residentIdCheckChar, upgradeResidentId15, validateResidentId } from './resident-id';

const SAMPLE = '11010519491231002X';
const TODAY = '2026-03-02';

describe('resident identity number (GB 11643-1999)', () => {
  it('validates the public sample and reads birth date and sex', () => {
    expect(validateResidentId(SAMPLE, TODAY)).toEqual({
      valid: true,
      value: SAMPLE,
      problems: [],
      birthDate: '1949-12-31',
      sex: 'FEMALE',
    });
  });

  it('accepts x and stores X', () => {
    expect(validateResidentId('11010519491231002x', TODAY)).toMatchObject({ valid: true, value: SAMPLE });
  });

  it('refuses a wrong check character, a bad shape, a date that does not exist', () => {
    expect(validateResidentId('110105194912310021', TODAY).problems).toEqual(['CHECK_CHARACTER']);
    expect(validateResidentId('11010519491231002', TODAY).problems).toEqual(['FORMAT']);
    expect(validateResidentId('01010519491231002X', TODAY).problems).toEqual(['FORMAT']);
    const feb30 = '11010520230230001';
    expect(validateResidentId(feb30 + residentIdCheckChar(feb30), TODAY).problems).toEqual(['BIRTH_DATE_INVALID']);
  });

  it('birth date: today is allowed, tomorrow is in the future', () => {
    const today = '44010420260302001';
    const tomorrow = '44010420260303001';
    expect(isValidResidentId(today + residentIdCheckChar(today), TODAY)).toBe(true);
    expect(validateResidentId(tomorrow + residentIdCheckChar(tomorrow), TODAY).problems).toEqual(['BIRTH_DATE_IN_FUTURE']);
  });

  it('HK, Macau and Taiwan residence permits use the same check', () => {
    const body = '81000019900101001';
    expect(isValidResidentId(body + residentIdCheckChar(body), TODAY)).toBe(true);
  });

  it('upgrades a 15-digit number', () => {
    expect(upgradeResidentId15('110105491231002')).toBe(SAMPLE);
    expect(() => upgradeResidentId15('11010549123100')).toThrow(InvalidIdentifierError);
    expect(() => upgradeResidentId15('110105490231002')).toThrow(InvalidIdentifierError);
  });

  const dateArb = fc.integer({ min: 0, max: 40_000 }).map((d) => new Date(Date.UTC(1920, 0, 1) + d * 86_400_000));
  const body = fc
    .tuple(fc.integer({ min: 110000, max: 830000 }), dateArb, fc.integer({ min: 0, max: 999 }))
    .map(([addr, d, seq]) => `${addr}${d.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`);

  it('property: any body with a real past birth date and its check character validates', () => {
    fc.assert(fc.property(body, (b) => isValidResidentId(b + residentIdCheckChar(b), '2030-01-01')));
  });

  it('property: any single-character change breaks it', () => {
    const digitOrX = fc.constantFrom(...'0123456789X');
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 17 }), digitOrX, (b, position, replacement) => {
        const id = b + residentIdCheckChar(b);
        fc.pre(id[position] !== replacement);
        const changed = id.slice(0, position) + replacement + id.slice(position + 1);
        return !isValidResidentId(changed, '2030-01-01');
      }),
    );
  });
});

describe('masking', () => {
  it('keeps the first 3 and the last 4 characters of an ID number', () => {
    expect(maskIdNumber(SAMPLE)).toBe('110***********002X');
    expect(maskIdNumber('11010519491231002x')).toBe('110***********002X');
  });

  it('masks short values entirely, and other kinds by their own rule', () => {
    expect(maskMiddle('1234567', 3, 4)).toBe('*******');
    expect(maskAccountNumber('6222 0210 0112 3456')).toBe('************3456');
    expect(maskPersonName('张三丰')).toBe('张**');
  });
});

import fc from 'fast-check';
import { buildDevCreditCode, DEV_MAX_SEQUENCE, DevCreditCodeAllocator } from './credit-code-allocator';
import { isValidOrgCode, orgCodeCheckChar } from './org-code';
import { isValidUscc, parseUscc, USCC_ALPHABET, USCC_WEIGHTS, usccCheckChar, validateUscc } from './uscc';

const SAMPLE = '91350100M000100Y43';
const usccChar = fc.constantFrom(...USCC_ALPHABET);
const body17 = fc.array(usccChar, { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''));

describe('USCC (GB 32100-2015)', () => {
  it('uses the weights 3^(i-1) mod 31 of Appendix A.1', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
    expect(USCC_ALPHABET).toHaveLength(31);
    for (const excluded of 'IOZSV') expect(USCC_ALPHABET).not.toContain(excluded);
  });

  it('validates the public sample, including the embedded organisation code', () => {
    expect(validateUscc(SAMPLE)).toEqual({ valid: true, value: SAMPLE, problems: [], warnings: [] });
    expect(usccCheckChar(SAMPLE.slice(0, 17))).toBe('3');
    expect(isValidOrgCode(SAMPLE.slice(8, 17))).toBe(true);
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(parseUscc(SAMPLE)).toEqual({ department: '9', category: '1', divisionCode: '350100', orgCode: 'M000100Y4', checkChar: '3' });
  });

  it('accepts lower case and surrounding blanks, normalising them', () => {
    expect(validateUscc(` ${SAMPLE.toLowerCase()} `)).toMatchObject({ valid: true, value: SAMPLE });
  });

  it('names what is wrong', () => {
    expect(validateUscc('91350100M000100Y4').problems).toEqual(['LENGTH']);
    expect(validateUscc('91350100M000100Y4I').problems).toEqual(['ALPHABET']);
    expect(validateUscc('9135A100M000100Y43').problems).toEqual(['DIVISION_CODE']);
    expect(validateUscc('91350100M000100Y44').problems).toEqual(['CHECK_CHARACTER']);
    expect(parseUscc('91350100M000100Y44')).toBeUndefined();
  });

  it('an org-code failure is a warning only', () => {
    const body = '91350100M000100Y5';
    const code = body + usccCheckChar(body);
    expect(validateUscc(code)).toMatchObject({ valid: true, warnings: ['ORG_CODE_CHECK'] });
  });

  it('property: any 17-character body with its computed check character validates', () => {
    fc.assert(fc.property(body17, (body) => {
      const code = body.slice(0, 2) + '440104' + body.slice(8) ;
      return isValidUscc(code.slice(0, 17) + usccCheckChar(code.slice(0, 17)));
    }));
  });

  it('property: changing any single character breaks the check', () => {
    fc.assert(
      fc.property(body17, fc.integer({ min: 0, max: 17 }), usccChar, (raw, position, replacement) => {
        const body = raw.slice(0, 2) + '440104' + raw.slice(8);
        const code = body + usccCheckChar(body);
        fc.pre(code[position] !== replacement && !(position >= 2 && position < 8 && !/\d/.test(replacement)));
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        return !isValidUscc(changed);
      }),
    );
  });
});

describe('credit code allocation (dev)', () => {
  const request = { department: '9', category: '1', divisionCode: '440104' };

  it('builds valid codes with a valid embedded organisation code, for the whole sequence range', () => {
    for (const sequence of [0, 1, 30, 31, 961, DEV_MAX_SEQUENCE]) {
      const code = buildDevCreditCode(request, sequence);
      expect(validateUscc(code)).toMatchObject({ valid: true, warnings: [] });
      expect(code.startsWith('91440104MA')).toBe(true);
    }
    expect(() => buildDevCreditCode(request, DEV_MAX_SEQUENCE + 1)).toThrow();
    expect(() => buildDevCreditCode({ ...request, divisionCode: '4401' }, 1)).toThrow();
  });

  it('property: distinct sequences give distinct valid codes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: DEV_MAX_SEQUENCE }), fc.integer({ min: 0, max: DEV_MAX_SEQUENCE }), (a, b) => {
        const ca = buildDevCreditCode(request, a);
        return isValidUscc(ca) && isValidOrgCode(ca.slice(8, 17)) && (a === b) === (ca === buildDevCreditCode(request, b));
      }),
    );
  });

  it('the allocator counts per division and is idempotent per application', async () => {
    const allocator = new DevCreditCodeAllocator();
    const a = await allocator.allocate({ ...request, applicationId: 'app-1' });
    const b = await allocator.allocate({ ...request, applicationId: 'app-2' });
    const again = await allocator.allocate({ ...request, applicationId: 'app-1' });
    const other = await allocator.allocate({ ...request, divisionCode: '440106', applicationId: 'app-3' });
    expect(a).toBe(buildDevCreditCode(request, 1));
    expect(b).toBe(buildDevCreditCode(request, 2));
    expect(again).toBe(a);
    expect(other).toBe(buildDevCreditCode({ ...request, divisionCode: '440106' }, 1));
  });

  it('uses an injected sequence source', async () => {
    const allocator = new DevCreditCodeAllocator(() => Promise.resolve(42));
    expect(await allocator.allocate({ ...request, applicationId: 'x' })).toBe(buildDevCreditCode(request, 42));
  });
});

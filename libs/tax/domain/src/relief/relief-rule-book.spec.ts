import { parseTaxPeriod } from '../filing/tax-period';
import type { ReliefRule } from './relief-rule';
import { jurisdictionCovers, ReliefRuleBook } from './relief-rule-book';
import { bundledReliefRuleBook, RELIEF_RULES_2023 } from './relief-rules-2023';

const exempt = RELIEF_RULES_2023.find((r) => r.ruleId === 'SSVAT-EXEMPT') as ReliefRule;
const book = bundledReliefRuleBook();
const inForce = (b: ReliefRuleBook, ruleId: string, period: string, jurisdiction = 'CN-44-19') =>
  b.inForce(ruleId, parseTaxPeriod(period), jurisdiction);

describe('bundled rules (§7)', () => {
  it('has the five required rules with their sources and ranges', () => {
    const rows = ['SSVAT-EXEMPT', 'SSVAT-1PCT', 'SIX-TAX-TWO-FEE', 'KEY-GROUP-14400', 'VETERAN-14400'].map((id) => {
      const r = book.get(`${id}@1`);
      return [id, r.effectiveFrom, r.effectiveTo, r.sourceLine];
    });
    expect(rows).toEqual([
      ['SSVAT-EXEMPT', '2023-01-01', '2023-12-31', '002 L367'],
      ['SSVAT-1PCT', '2023-01-01', '2023-12-31', '002 L367'],
      ['SIX-TAX-TWO-FEE', null, '2024-12-31', '002 L377'],
      ['KEY-GROUP-14400', null, '2025-12-31', '002 L379'],
      ['VETERAN-14400', null, '2023-12-31', '002 L415'],
    ]);
    expect(book.get('VAT-MISC@1')).toMatchObject({ effectiveTo: null, openEnded: 'national' });
  });

  it('is immutable data', () => {
    expect(Object.isFrozen(book.get('SSVAT-EXEMPT@1'))).toBe(true);
    expect(Object.isFrozen(book.get('SSVAT-EXEMPT@1').params)).toBe(true);
  });
});

describe('inForce (E1)', () => {
  it('covers a period only when the range covers all of it, boundaries inclusive', () => {
    expect(inForce(book, 'SSVAT-EXEMPT', '2023-01')?.version).toBe(1);
    expect(inForce(book, 'SSVAT-EXEMPT', '2023-12')?.version).toBe(1);
    expect(inForce(book, 'SSVAT-EXEMPT', '2023-Q4')?.version).toBe(1);
    expect(inForce(book, 'SSVAT-EXEMPT', '2024-01')).toBeUndefined();
    expect(inForce(book, 'SSVAT-EXEMPT', '2022-12')).toBeUndefined();
    expect(inForce(book, 'SIX-TAX-TWO-FEE', '2019-01')?.version).toBe(1); // no start stated
    expect(inForce(book, 'VAT-MISC', '2099-12')?.version).toBe(1); // open-ended national
  });

  it('covers subdivisions of the scope only', () => {
    expect(inForce(book, 'SSVAT-EXEMPT', '2023-05', 'CN-44')).toBeDefined();
    expect(inForce(book, 'SSVAT-EXEMPT', '2023-05', 'CN-45-01')).toBeUndefined();
    expect(inForce(book, 'SSVAT-EXEMPT', '2023-05', 'CN-440')).toBeUndefined();
    expect(jurisdictionCovers('CN', 'CN-44-19')).toBe(true);
  });
});

describe('publishing versions (E2)', () => {
  it('refuses a live version that overlaps another in one scope', () => {
    expect(() => book.add({ ...exempt, version: 2 })).toThrow(expect.objectContaining({ code: 'tax.relief.overlapping_versions' }));
    // a national version overlaps the provincial one too (CN covers CN-44)
    expect(() => book.add({ ...exempt, version: 2, scope: { jurisdiction: 'CN', subjects: ['SMALL_SCALE_VAT_PAYER'] } })).toThrow(
      expect.objectContaining({ code: 'tax.relief.overlapping_versions' }),
    );
    // an open start overlaps anything earlier
    expect(() => book.add({ ...exempt, version: 2, effectiveFrom: null, effectiveTo: '2023-01-31' })).toThrow(
      expect.objectContaining({ code: 'tax.relief.overlapping_versions' }),
    );
  });

  it('accepts a version in another province, or a later range', () => {
    expect(book.add({ ...exempt, version: 2, scope: { jurisdiction: 'CN-45', subjects: ['INDIVIDUAL_BUSINESS'] } }).versions('SSVAT-EXEMPT')).toHaveLength(2);
    const later = book.add({ ...exempt, version: 2, effectiveFrom: '2024-01-01', effectiveTo: '2027-12-31' });
    expect(inForce(later, 'SSVAT-EXEMPT', '2023-12')?.version).toBe(1);
    expect(inForce(later, 'SSVAT-EXEMPT', '2024-01')?.version).toBe(2);
  });

  it('lets a correction supersede a live version, which then stops being live but stays readable', () => {
    const corrected = book.add({ ...exempt, version: 2, effectiveTo: '2027-12-31', supersedes: 'SSVAT-EXEMPT@1' });
    expect(corrected.live().filter((r) => r.ruleId === 'SSVAT-EXEMPT').map((r) => r.version)).toEqual([2]);
    expect(inForce(corrected, 'SSVAT-EXEMPT', '2023-06')?.version).toBe(2);
    expect(corrected.get('SSVAT-EXEMPT@1').effectiveTo).toBe('2023-12-31');
    expect(book.live().some((r) => r.ruleId === 'SSVAT-EXEMPT' && r.version === 1)).toBe(true); // the old book is untouched
    expect(() => corrected.add({ ...exempt, version: 3, supersedes: 'SSVAT-EXEMPT@1' })).toThrow(
      expect.objectContaining({ code: 'tax.relief.unknown_rule', details: expect.objectContaining({ reason: 'already superseded' }) }),
    );
    expect(() => book.add({ ...exempt, version: 3, supersedes: 'SSVAT-EXEMPT@2' })).toThrow(expect.objectContaining({ code: 'tax.relief.unknown_rule' }));
  });

  it('closes an open-ended national rule with a superseding version', () => {
    const misc = book.get('VAT-MISC@1');
    const closed = book.add({ ...misc, version: 2, effectiveTo: '2030-12-31', openEnded: undefined, supersedes: 'VAT-MISC@1' });
    expect(inForce(closed, 'VAT-MISC', '2031-01')).toBeUndefined();
    expect(inForce(closed, 'VAT-MISC', '2030-12')?.version).toBe(2);
  });

  it('refuses to publish the same version twice', () => {
    expect(() => book.add(exempt)).toThrow(expect.objectContaining({ code: 'tax.relief.version_exists' }));
  });

  it.each([
    ['a mid-month start', { effectiveFrom: '2023-01-15' }, 'effectiveFrom'],
    ['a mid-month end', { effectiveTo: '2023-12-30' }, 'effectiveTo'],
    ['an inverted range', { effectiveFrom: '2024-01-01' }, 'after'],
    ['a null end that is not national', { effectiveTo: null }, 'openEnded'],
    ['a national end with a date', { openEnded: 'national' as const }, 'openEnded'],
    ['a non-integer version', { version: 1.5 }, 'version'],
    ['bad params', { params: { monthlyLimit: '100000', quarterlyLimit: 300000 } }, 'params.quarterlyLimit'],
    ['an unknown subject', { scope: { jurisdiction: 'CN-44', subjects: ['EVERYONE'] } }, 'subjects'],
    ['a bad jurisdiction', { scope: { jurisdiction: 'guangdong', subjects: ['INDIVIDUAL_BUSINESS'] } }, 'jurisdiction'],
    ['supersedes another rule', { version: 2, supersedes: 'SSVAT-1PCT@1' }, 'supersedes'],
    ['no source', { sourceLine: '' }, 'source'],
  ])('refuses %s (tax.relief.invalid_rule)', (_name, change, problem) => {
    expect(() => ReliefRuleBook.empty().add({ ...exempt, ...change } as ReliefRule)).toThrow(
      expect.objectContaining({ code: 'tax.relief.invalid_rule', details: expect.objectContaining({ problems: expect.arrayContaining([expect.stringContaining(problem)]) }) }),
    );
  });
});

describe('pinnedTo (replay, E1)', () => {
  it('holds exactly the stored versions, superseded or not', () => {
    const corrected = book.add({ ...exempt, version: 2, supersedes: 'SSVAT-EXEMPT@1' });
    const replay = corrected.pinnedTo(['SSVAT-EXEMPT@1', 'SSVAT-1PCT@1']);
    expect(inForce(replay, 'SSVAT-EXEMPT', '2023-06')?.version).toBe(1);
    expect(inForce(replay, 'SIX-TAX-TWO-FEE', '2023-06')).toBeUndefined();
    expect(() => corrected.pinnedTo(['SSVAT-EXEMPT@9'])).toThrow(expect.objectContaining({ code: 'tax.relief.unknown_rule' }));
    expect(() => corrected.pinnedTo(['SSVAT-EXEMPT@1', 'SSVAT-EXEMPT@2'])).toThrow(expect.objectContaining({ code: 'tax.relief.overlapping_versions' }));
  });
});

import { parseTaxPeriod } from '../filing/tax-period';
import { ReliefRuleBook } from './relief-rule-book';
import { RELIEF_RULES_2023 } from './relief-rules-2023';
import { assessSmallScalePeriod } from './small-scale-assessment';
import { assess, BOOK, INDIVIDUAL_BUSINESS, line, taxes } from './test-fixtures';

const KEY_GROUP = { ruleId: 'KEY-GROUP-14400', group: 'GRADUATE_IN_GRADUATION_YEAR' } as const;
const VETERAN = { ruleId: 'VETERAN-14400', group: 'DISCHARGED_SOLDIER' } as const;

describe('SSVAT-EXEMPT threshold (002 L367, E3: 未超过 = ≤, whole amount taxed above)', () => {
  it('exempts 100,000.00 in a month', () => {
    const a = assess('2023-03', '100000.00');
    expect(line(a, 'VAT')).toEqual({
      taxType: 'VAT',
      base: '100000.00',
      taxBeforeRelief: '3000.00',
      reliefs: [{ ruleVersion: 'SSVAT-EXEMPT@1', amount: '3000.00' }],
      tax: '0.00',
      ruleVersions: ['SSVAT-EXEMPT@1'],
    });
    expect(a.total).toBe('0.00');
    expect(a.ruleVersions).toEqual(['SSVAT-EXEMPT@1']);
  });

  it('taxes 100,000.01 in a month on the whole amount, at 1% (SSVAT-1PCT), surcharges halved (SIX-TAX-TWO-FEE)', () => {
    const a = assess('2023-03', '100000.01');
    expect(taxes(a)).toEqual({
      VAT: '1000.00',
      URBAN_MAINTENANCE_CONSTRUCTION_TAX: '35.00',
      EDUCATION_SURCHARGE: '15.00',
      LOCAL_EDUCATION_SURCHARGE: '10.00',
    });
    expect(line(a, 'VAT').reliefs).toEqual([{ ruleVersion: 'SSVAT-1PCT@1', amount: '2000.00' }]);
    expect(line(a, 'URBAN_MAINTENANCE_CONSTRUCTION_TAX')).toMatchObject({ base: '1000.00', taxBeforeRelief: '70.00', tax: '35.00' });
    expect(a.total).toBe('1060.00');
    expect(a.ruleVersions).toEqual(['SIX-TAX-TWO-FEE@1', 'SSVAT-1PCT@1']);
  });

  it('exempts 300,000.00 in a quarter and taxes 300,000.01', () => {
    expect(assess('2023-Q2', '300000.00').total).toBe('0.00');
    const over = assess('2023-Q2', '300000.01');
    expect(taxes(over)).toEqual({
      VAT: '3000.00',
      URBAN_MAINTENANCE_CONSTRUCTION_TAX: '105.00',
      EDUCATION_SURCHARGE: '45.00',
      LOCAL_EDUCATION_SURCHARGE: '30.00',
    });
    // a quarterly filer is not held to the monthly limit
    expect(assess('2023-Q2', '250000.00').total).toBe('0.00');
  });

  it('counts exempt-item sales toward the threshold; VAT-MISC items carry no VAT (002 L369)', () => {
    const a = assessSmallScalePeriod(
      {
        taxpayer: INDIVIDUAL_BUSINESS,
        period: parseTaxPeriod('2023-03'),
        sales: [
          { levyRate: '0.03', amount: '60000.00' },
          { levyRate: '0.03', amount: '50000.00', exemptItem: 'BOOK_WHOLESALE_RETAIL' },
        ],
      },
      BOOK,
    );
    expect(line(a, 'VAT')).toMatchObject({
      base: '110000.00',
      taxBeforeRelief: '3300.00',
      reliefs: [
        { ruleVersion: 'VAT-MISC@1', amount: '1500.00' },
        { ruleVersion: 'SSVAT-1PCT@1', amount: '1200.00' },
      ],
      tax: '600.00',
    });
  });

  it('taxes 5% sales at 5% above the threshold (only 3% sales are reduced)', () => {
    const a = assessSmallScalePeriod(
      { taxpayer: INDIVIDUAL_BUSINESS, period: parseTaxPeriod('2023-03'), sales: [{ levyRate: '0.05', amount: '200000.00' }] },
      BOOK,
    );
    expect(line(a, 'VAT')).toMatchObject({ tax: '10000.00', reliefs: [] });
  });
});

describe('effective dates (E1, E3)', () => {
  it('applies the 2023 VAT reliefs to 2023-12 and not to 2024-01 (3% applies, no exemption)', () => {
    expect(line(assess('2023-12', '100000.00'), 'VAT').tax).toBe('0.00');
    expect(line(assess('2023-12', '100000.01'), 'VAT').tax).toBe('1000.00');
    const jan = assess('2024-01', '100000.00');
    expect(line(jan, 'VAT')).toMatchObject({ taxBeforeRelief: '3000.00', reliefs: [], tax: '3000.00' });
    expect(jan.ruleVersions).toEqual(['SIX-TAX-TWO-FEE@1']);
    expect(assess('2023-Q4', '300000.00').total).toBe('0.00');
    expect(line(assess('2024-Q1', '300000.00'), 'VAT').tax).toBe('9000.00');
  });

  it('halves 六税两费 until 2024-12-31 (002 L377)', () => {
    expect(line(assess('2024-12', '10000.00'), 'URBAN_MAINTENANCE_CONSTRUCTION_TAX')).toMatchObject({ taxBeforeRelief: '21.00', tax: '10.50' });
    expect(line(assess('2025-01', '10000.00'), 'URBAN_MAINTENANCE_CONSTRUCTION_TAX')).toMatchObject({ taxBeforeRelief: '21.00', tax: '21.00' });
    const other = { otherTaxes: [{ taxType: 'PROPERTY_TAX' as const, amount: '1000.01' }] };
    // the cut is rounded half up in the taxpayer's favour: 500.005 → 500.01 off
    expect(line(assess('2024-Q4', '0.00', other), 'PROPERTY_TAX')).toMatchObject({ tax: '500.00' });
    expect(line(assess('2025-Q1', '0.00', other), 'PROPERTY_TAX')).toMatchObject({ tax: '1000.01' });
  });

  it('chooses the version by the period, not the filing date: an extension published later applies to past periods (E1, E2)', () => {
    const extended = BOOK.add({ ...RELIEF_RULES_2023[0], version: 2, effectiveTo: '2027-12-31', supersedes: 'SSVAT-EXEMPT@1', sourceDoc: '[ext] extension' });
    // exempt: no VAT, so no surcharge to halve
    expect(assess('2024-01', '100000.00', {}, extended).ruleVersions).toEqual(['SSVAT-EXEMPT@2']);
    expect(assess('2023-12', '100000.00', {}, extended).ruleVersions).toEqual(['SSVAT-EXEMPT@2']);
    // replaying a stored assessment with its pinned versions gives the stored result
    const stored = assess('2023-12', '100000.01');
    expect(assess('2023-12', '100000.01', {}, extended.pinnedTo(stored.ruleVersions))).toEqual(stored);
    const storedJan = assess('2024-01', '100000.00');
    expect(assess('2024-01', '100000.00', {}, extended.pinnedTo(storedJan.ruleVersions))).toEqual(storedJan);
  });
});

describe('14,400 deductions (002 L379, L415; E4 last)', () => {
  const withRelief = (period: string, sales: string, relief: object, remaining = '14400.00', extra = {}) =>
    assess(period, sales, {
      taxpayer: { ...INDIVIDUAL_BUSINESS, employmentRelief: relief as never },
      remainingAllowance: { year: Number(period.slice(0, 4)), amount: remaining },
      ...extra,
    });

  it('deducts in order VAT, UMCT, education surcharge, local education surcharge, IIT up to the allowance', () => {
    const a = withRelief('2023-05', '150000.00', { ...KEY_GROUP, registeredMonth: '2022-01' }, '1560.00', { individualIncomeTax: '300.00' });
    expect(taxes(a)).toEqual({
      VAT: '0.00',
      URBAN_MAINTENANCE_CONSTRUCTION_TAX: '0.00',
      EDUCATION_SURCHARGE: '15.00',
      LOCAL_EDUCATION_SURCHARGE: '15.00',
      INDIVIDUAL_INCOME_TAX: '300.00',
    });
    expect(line(a, 'EDUCATION_SURCHARGE').reliefs).toEqual([
      { ruleVersion: 'SIX-TAX-TWO-FEE@1', amount: '22.50' },
      { ruleVersion: 'KEY-GROUP-14400@1', amount: '7.50' },
    ]);
    expect(a.allowance).toEqual({ year: 2023, before: '1560.00', used: '1560.00', after: '0.00' });
    const plenty = withRelief('2023-05', '150000.00', { ...KEY_GROUP, registeredMonth: '2022-01' }, '14400.00', { individualIncomeTax: '300.00' });
    expect(plenty.total).toBe('0.00');
    expect(plenty.allowance).toEqual({ year: 2023, before: '14400.00', used: '1890.00', after: '12510.00' });
  });

  it('applies in month 36 counted from the registration month and not in month 37 (E3)', () => {
    const month36 = withRelief('2023-05', '150000.00', { ...KEY_GROUP, registeredMonth: '2020-06' });
    expect(month36.total).toBe('0.00');
    expect(month36.ruleVersions).toContain('KEY-GROUP-14400@1');
    const month37 = withRelief('2023-06', '150000.00', { ...KEY_GROUP, registeredMonth: '2020-06' });
    expect(month37.total).toBe('1590.00');
    expect(month37.allowance).toEqual({ year: 2023, before: '14400.00', used: '0.00', after: '14400.00' });
    // month 1 is the registration month itself; the month before is not covered
    expect(withRelief('2023-06', '150000.00', { ...KEY_GROUP, registeredMonth: '2023-06' }).total).toBe('0.00');
    expect(withRelief('2023-06', '150000.00', { ...KEY_GROUP, registeredMonth: '2023-07' }).total).toBe('1590.00');
    // a quarter with month 36 in it qualifies
    expect(withRelief('2023-Q2', '400000.00', { ...KEY_GROUP, registeredMonth: '2020-06' }).allowance?.used).not.toBe('0.00');
    expect(withRelief('2023-Q3', '400000.00', { ...KEY_GROUP, registeredMonth: '2020-06' }).allowance?.used).toBe('0.00');
  });

  it('ends KEY-GROUP-14400 after 2025-12-31 and VETERAN-14400 after 2023-12-31', () => {
    const kg = { ...KEY_GROUP, registeredMonth: '2024-06' };
    // 2025: 3% VAT 300.00 and full surcharges 21.00 + 9.00 + 6.00 (六税两费 ended 2024-12-31), all deducted
    expect(withRelief('2025-12', '10000.00', kg).allowance?.used).toBe('336.00');
    expect(withRelief('2025-12', '10000.00', kg).total).toBe('0.00');
    expect(withRelief('2026-01', '10000.00', kg).total).toBe('336.00');
    expect(withRelief('2026-01', '10000.00', kg).allowance?.used).toBe('0.00');
    const vet = { ...VETERAN, registeredMonth: '2023-01' };
    expect(withRelief('2023-12', '150000.00', vet).ruleVersions).toContain('VETERAN-14400@1');
    expect(withRelief('2024-01', '150000.00', vet).ruleVersions).not.toContain('VETERAN-14400@1');
  });

  it('needs a group the rule lists', () => {
    expect(withRelief('2023-05', '150000.00', { ...KEY_GROUP, group: 'DISCHARGED_SOLDIER', registeredMonth: '2022-01' }).allowance?.used).toBe('0.00');
  });

  it('refuses a missing, foreign-year or oversized allowance', () => {
    const taxpayer = { ...INDIVIDUAL_BUSINESS, employmentRelief: { ...KEY_GROUP, registeredMonth: '2022-01' } };
    expect(() => assess('2023-05', '1.00', { taxpayer })).toThrow(expect.objectContaining({ code: 'tax.invalid_argument' }));
    expect(() => assess('2023-05', '1.00', { taxpayer, remainingAllowance: { year: 2022, amount: '1.00' } })).toThrow(
      expect.objectContaining({ code: 'tax.invalid_argument' }),
    );
    expect(() => assess('2023-05', '1.00', { taxpayer, remainingAllowance: { year: 2023, amount: '14400.01' } })).toThrow(
      expect.objectContaining({ code: 'tax.invalid_argument' }),
    );
  });
});

describe('scope (§7, §16 Q2)', () => {
  it('gives no relief to a small-scale enterprise or outside Guangdong under the bundled (individual business, CN-44) rules', () => {
    expect(assess('2023-03', '100000.00', { taxpayer: { ...INDIVIDUAL_BUSINESS, kind: 'ENTERPRISE' } }).total).toBe('3360.00');
    expect(assess('2023-03', '100000.00', { taxpayer: { ...INDIVIDUAL_BUSINESS, jurisdiction: 'CN-11' } }).total).toBe('3360.00');
  });

  it('extends to small-scale enterprises once a version with that scope is published', () => {
    const wider = ReliefRuleBook.of(RELIEF_RULES_2023).add({
      ...RELIEF_RULES_2023[0],
      version: 2,
      scope: { jurisdiction: 'CN-44', subjects: ['SMALL_SCALE_VAT_PAYER'] },
      supersedes: 'SSVAT-EXEMPT@1',
    });
    expect(line(assess('2023-03', '100000.00', { taxpayer: { ...INDIVIDUAL_BUSINESS, kind: 'ENTERPRISE' } }, wider), 'VAT').tax).toBe('0.00');
  });

  it('refuses a general VAT taxpayer and malformed input', () => {
    expect(() => assess('2023-03', '1.00', { taxpayer: { ...INDIVIDUAL_BUSINESS, vatStatus: 'GENERAL' } })).toThrow(
      expect.objectContaining({ code: 'tax.relief.not_small_scale' }),
    );
    expect(() => assess('2023-03', '1.001')).toThrow(expect.objectContaining({ code: 'tax.invalid_argument' }));
    expect(() => assess('2023-03', '-1.00')).toThrow(expect.objectContaining({ code: 'tax.invalid_argument' }));
    expect(() => assess('2023-03', '1.00', { sales: [{ levyRate: '0.06' as never, amount: '1.00' }] })).toThrow(
      expect.objectContaining({ code: 'tax.invalid_argument' }),
    );
  });
});

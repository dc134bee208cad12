import fc from 'fast-check';
import { fromFen, toFen } from '@one-window/shared/money';
import { parseTaxPeriod } from '../filing/tax-period';
import { VAT_EXEMPT_ITEMS } from './relief-rules-2023';
import { assessSmallScalePeriod, type SmallScaleAssessmentInput, type SmallScaleSalesLine } from './small-scale-assessment';
import { BOOK, INDIVIDUAL_BUSINESS } from './test-fixtures';

const periods = ['2022-12', '2023-01', '2023-06', '2023-12', '2024-01', '2024-12', '2025-01', '2025-12', '2026-01', '2023-Q1', '2023-Q4', '2024-Q1', '2024-Q4', '2025-Q4'];

/** Amounts near the thresholds as often as anywhere else. */
const fen = fc.oneof(
  fc.bigInt({ min: 0n, max: 50_000_000n }),
  fc.constantFrom(10_000_000n, 10_000_001n, 9_999_999n, 30_000_000n, 30_000_001n),
  fc.bigInt({ min: 0n, max: 10n ** 11n }),
);
const amount = fen.map(fromFen);

const salesLine: fc.Arbitrary<SmallScaleSalesLine> = fc.record(
  {
    levyRate: fc.constantFrom('0.03' as const, '0.05' as const, '0.01' as const),
    amount,
    exemptItem: fc.constantFrom(...VAT_EXEMPT_ITEMS),
  },
  { requiredKeys: ['levyRate', 'amount'] },
);

const input: fc.Arbitrary<SmallScaleAssessmentInput> = fc
  .record({
    period: fc.constantFrom(...periods),
    sales: fc.array(salesLine, { maxLength: 5 }),
    kind: fc.constantFrom('INDIVIDUAL_BUSINESS' as const, 'ENTERPRISE' as const),
    relief: fc.option(
      fc.record({
        ruleId: fc.constantFrom('KEY-GROUP-14400' as const, 'VETERAN-14400' as const),
        group: fc.constantFrom('OUT_OF_POVERTY', 'GRADUATE_IN_GRADUATION_YEAR', 'DISCHARGED_SOLDIER'),
        registeredMonth: fc.constantFrom('2020-01', '2020-06', '2021-12', '2023-01', '2024-06', '2025-12'),
      }),
      { nil: undefined },
    ),
    remaining: fc.bigInt({ min: 0n, max: 1_440_000n }).map(fromFen),
    iit: fc.option(amount, { nil: undefined }),
    property: fc.option(amount, { nil: undefined }),
    umct: fc.constantFrom('0.07' as const, '0.05' as const, '0.01' as const),
  })
  .map((r) => {
    const period = parseTaxPeriod(r.period);
    return {
      taxpayer: { ...INDIVIDUAL_BUSINESS, kind: r.kind, ...(r.relief ? { employmentRelief: r.relief } : {}) },
      period,
      sales: r.sales,
      urbanMaintenanceRate: r.umct,
      ...(r.relief ? { remainingAllowance: { year: period.year, amount: r.remaining } } : {}),
      ...(r.iit !== undefined ? { individualIncomeTax: r.iit } : {}),
      ...(r.property !== undefined ? { otherTaxes: [{ taxType: 'PROPERTY_TAX' as const, amount: r.property }] } : {}),
    };
  });

const assess = (i: SmallScaleAssessmentInput) => assessSmallScalePeriod(i, BOOK);
const EMPLOYMENT = new Set(['KEY-GROUP-14400@1', 'VETERAN-14400@1']);

describe('small-scale assessment properties', () => {
  it('never gives a negative line or total; each line is its statutory tax less its reliefs; the total is the sum', () => {
    fc.assert(
      fc.property(input, (i) => {
        const a = assess(i);
        for (const l of a.lines) {
          const reliefs = l.reliefs.reduce((s, r) => s + toFen(r.amount), 0n);
          expect(toFen(l.tax)).toBeGreaterThanOrEqual(0n);
          expect(l.reliefs.every((r) => toFen(r.amount) > 0n)).toBe(true);
          expect(toFen(l.taxBeforeRelief) - reliefs).toBe(toFen(l.tax));
        }
        expect(toFen(a.total)).toBe(a.lines.reduce((s, l) => s + toFen(l.tax), 0n));
      }),
    );
  });

  it('never deducts more than the remaining allowance, nor more than the tax left after the other reliefs', () => {
    fc.assert(
      fc.property(input, (i) => {
        const a = assess(i);
        let deducted = 0n;
        for (const l of a.lines) {
          const employment = l.reliefs.filter((r) => EMPLOYMENT.has(r.ruleVersion)).reduce((s, r) => s + toFen(r.amount), 0n);
          const others = l.reliefs.filter((r) => !EMPLOYMENT.has(r.ruleVersion)).reduce((s, r) => s + toFen(r.amount), 0n);
          expect(employment).toBeLessThanOrEqual(toFen(l.taxBeforeRelief) - others);
          deducted += employment;
        }
        if (i.remainingAllowance) {
          expect(a.allowance).toBeDefined();
          expect(toFen(a.allowance?.used ?? '0')).toBe(deducted);
          expect(deducted).toBeLessThanOrEqual(toFen(i.remainingAllowance.amount));
          expect(toFen(a.allowance?.after ?? '0')).toBe(toFen(i.remainingAllowance.amount) - deducted);
        } else {
          expect(deducted).toBe(0n);
        }
      }),
    );
  });

  it('is monotone: more sales never lower any line nor the total (the exemption jump goes up)', () => {
    fc.assert(
      fc.property(input, fc.nat(), fen, (i, pick, extra) => {
        fc.pre(i.sales.length > 0);
        const k = pick % i.sales.length;
        const more = { ...i, sales: i.sales.map((s, j) => (j === k ? { ...s, amount: fromFen(toFen(s.amount) + extra) } : s)) };
        const a = assess(i);
        const b = assess(more);
        expect(toFen(b.total)).toBeGreaterThanOrEqual(toFen(a.total));
        for (const l of a.lines) {
          const m = b.lines.find((x) => x.taxType === l.taxType);
          expect(toFen(m?.tax ?? '0')).toBeGreaterThanOrEqual(toFen(l.tax));
        }
      }),
    );
  });

  it('jumps at the threshold: one fen more costs the tax on the whole amount, so income net of tax is not monotone there', () => {
    const at = (sales: string) => assess({ taxpayer: INDIVIDUAL_BUSINESS, period: parseTaxPeriod('2023-07'), sales: [{ levyRate: '0.03', amount: sales }] });
    const below = at('100000.00');
    const above = at('100000.01');
    expect(toFen(above.total) - toFen(below.total)).toBe(toFen('1060.00'));
    expect(toFen('100000.01') - toFen(above.total)).toBeLessThan(toFen('100000.00') - toFen(below.total));
  });

  it('is deterministic, whatever the order of the sales lines (same input → same output, ruleVersions included)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const a = assess(i);
        expect(assess(structuredClone(i))).toEqual(a);
        expect(assess({ ...i, sales: [...i.sales].reverse() })).toEqual(a);
        expect(a.ruleVersions).toEqual([...new Set(a.lines.flatMap((l) => l.ruleVersions))].sort());
      }),
    );
  });

  it('replays exactly with the rule versions it stored', () => {
    fc.assert(
      fc.property(input, (i) => {
        const a = assess(i);
        expect(assessSmallScalePeriod(i, BOOK.pinnedTo(a.ruleVersions)).lines.map((l) => l.tax)).toEqual(a.lines.map((l) => l.tax));
      }),
    );
  });
});

import fc from 'fast-check';
import { LocalDate } from '@one-window/shared/calendar';
import type { ReliefRule } from '../relief/relief-rule';
import { ReliefRuleBook, reliefRangesOverlap } from '../relief/relief-rule-book';
import { reliefRulePublicationViolations } from './relief-publication';

const epoch = (iso: string) => LocalDate.ofEpochDay(0).daysUntil(LocalDate.parse(iso));
const day = fc.integer({ min: epoch('2020-01-01'), max: epoch('2032-12-31') }).map((d) => LocalDate.ofEpochDay(d).toString());
const bound = fc.option(day, { nil: null });
/** An inclusive range, possibly unbounded on either side. */
const range = fc.tuple(bound, bound).map(([a, b]) => (a !== null && b !== null && a > b ? { effectiveFrom: b, effectiveTo: a } : { effectiveFrom: a, effectiveTo: b }));

/** Month-aligned ranges as versions carry them: from the 1st, to a last day (or open-ended national). */
const month = fc.integer({ min: 2020 * 12, max: 2032 * 12 + 11 });
const firstOf = (m: number) => LocalDate.of(Math.floor(m / 12), (m % 12) + 1, 1).toString();
const lastOf = (m: number) => LocalDate.parse(firstOf(m + 1)).plusDays(-1).toString();
const versionRange = fc.tuple(fc.option(month, { nil: null }), fc.option(month, { nil: null })).map(([a, b]) => {
  const [from, to] = a !== null && b !== null && a > b ? [b, a] : [a, b];
  return { effectiveFrom: from === null ? null : firstOf(from), effectiveTo: to === null ? null : lastOf(to), ...(to === null ? { openEnded: 'national' as const } : {}) };
});

const base: ReliefRule = {
  ruleId: 'TEST-RELIEF',
  version: 1,
  scope: { jurisdiction: 'CN-44', subjects: ['INDIVIDUAL_BUSINESS'] },
  params: {},
  effectiveFrom: null,
  effectiveTo: null,
  sourceDoc: 'test',
  sourceLine: 'L1',
};

/** Whether a day lies in an inclusive range. */
const holds = (r: { effectiveFrom: string | null; effectiveTo: string | null }, d: string) => (r.effectiveFrom === null || r.effectiveFrom <= d) && (r.effectiveTo === null || d <= r.effectiveTo);

describe('overlap of version ranges (E2), properties', () => {
  it('the boundary day counts: ending 2027-12-31 and starting 2027-12-31 overlap; starting 2028-01-01 does not', () => {
    const ending = { effectiveFrom: '2024-01-01', effectiveTo: '2027-12-31' };
    expect(reliefRangesOverlap(ending, { effectiveFrom: '2027-12-31', effectiveTo: '2028-12-31' })).toBe(true);
    expect(reliefRangesOverlap(ending, { effectiveFrom: '2028-01-01', effectiveTo: '2028-12-31' })).toBe(false);
    expect(reliefRangesOverlap(ending, { effectiveFrom: '2028-01-01', effectiveTo: null })).toBe(false);
    expect(reliefRangesOverlap(ending, { effectiveFrom: null, effectiveTo: '2024-01-01' })).toBe(true);
  });

  it('is symmetric and true exactly when some day lies in both ranges', () => {
    fc.assert(
      fc.property(range, range, (a, b) => {
        const overlap = reliefRangesOverlap(a, b);
        expect(reliefRangesOverlap(b, a)).toBe(overlap);
        // the latest start (or any day if none) is in both ranges exactly when they overlap
        const starts = [a.effectiveFrom, b.effectiveFrom].filter((d): d is string => d !== null).sort();
        const ends = [a.effectiveTo, b.effectiveTo].filter((d): d is string => d !== null).sort();
        const witness = starts.at(-1) ?? ends[0] ?? '2026-01-01';
        expect(holds(a, witness) && holds(b, witness)).toBe(overlap);
      }),
    );
  });

  it('adjacent ranges never overlap: [x, d] and [d+1, y]', () => {
    fc.assert(
      fc.property(bound, day, bound, (from, end, to) => {
        const next = LocalDate.parse(end).plusDays(1).toString();
        fc.pre((from === null || from <= end) && (to === null || next <= to));
        expect(reliefRangesOverlap({ effectiveFrom: from, effectiveTo: end }, { effectiveFrom: next, effectiveTo: to })).toBe(false);
        expect(reliefRangesOverlap({ effectiveFrom: from, effectiveTo: end }, { effectiveFrom: end, effectiveTo: to })).toBe(true);
      }),
    );
  });

  it('publishing: a second version is refused, naming effectiveFrom or effectiveTo, exactly when it overlaps the first in one scope; at most one is ever in force', () => {
    fc.assert(
      fc.property(versionRange, versionRange, fc.constantFrom('CN-44', 'CN', 'CN-44-19', 'CN-45'), (first, second, jurisdiction) => {
        const book = ReliefRuleBook.of([{ ...base, ...first }]);
        const candidate: ReliefRule = { ...base, ...second, version: 2, scope: { ...base.scope, jurisdiction } };
        const violations = reliefRulePublicationViolations(book, candidate);
        const clash = jurisdiction !== 'CN-45' && reliefRangesOverlap(first, second);
        expect(violations.length > 0).toBe(clash);
        for (const v of violations) expect(['effectiveFrom', 'effectiveTo']).toContain(v.field);
        if (!clash) {
          const both = book.add(candidate);
          for (const d of [first.effectiveFrom, first.effectiveTo, second.effectiveFrom, second.effectiveTo].filter((x): x is string => x !== null)) {
            const m = d.slice(0, 7);
            const period = { start: `${m}-01`, end: LocalDate.parse(firstOf(Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)))).plusDays(-1).toString() };
            const inForce = both.live().filter((r) => holds(r, period.start) && holds(r, period.end) && (r.scope.jurisdiction === 'CN-44' || r.scope.jurisdiction === jurisdiction));
            expect(inForce.length).toBeLessThanOrEqual(jurisdiction === 'CN-45' ? 2 : 1);
          }
        }
      }),
    );
  });
});

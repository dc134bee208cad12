import { LocalDate } from '@one-window/shared/calendar';
import { TaxInvalidArgumentError } from '../shared/errors';

/**
 * A tax period (税款所属期): one calendar month or one calendar quarter. `start` and `end` are
 * inclusive local dates 'YYYY-MM-DD'. Reliefs are chosen by this period, never by the filing date
 * (E1); obligations are issued per period (§6).
 */
export interface TaxPeriod {
  readonly kind: 'MONTH' | 'QUARTER';
  readonly year: number;
  /** Month 1–12, or quarter 1–4. */
  readonly index: number;
  readonly start: string;
  readonly end: string;
}

export function monthPeriod(year: number, month: number): TaxPeriod {
  requirePart(year, month, 12);
  return { kind: 'MONTH', year, index: month, start: firstOfMonth(year, month).toString(), end: lastOfMonth(year, month).toString() };
}

export function quarterPeriod(year: number, quarter: number): TaxPeriod {
  requirePart(year, quarter, 4);
  const first = (quarter - 1) * 3 + 1;
  return { kind: 'QUARTER', year, index: quarter, start: firstOfMonth(year, first).toString(), end: lastOfMonth(year, first + 2).toString() };
}

/** '2023-12' (a month) or '2023-Q4' (a quarter). */
export function parseTaxPeriod(text: string): TaxPeriod {
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) return monthPeriod(Number(month[1]), Number(month[2]));
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
  if (quarter) return quarterPeriod(Number(quarter[1]), Number(quarter[2]));
  throw new TaxInvalidArgumentError(`Not a tax period ('2023-12' or '2023-Q4'): ${JSON.stringify(text)}`, { period: text });
}

/** '2023-12' or '2023-Q4'. */
export function formatTaxPeriod(period: TaxPeriod): string {
  return period.kind === 'MONTH' ? `${period.year}-${String(period.index).padStart(2, '0')}` : `${period.year}-Q${period.index}`;
}

/** The months of a period as [year, month] pairs, in order. */
export function monthsOf(period: TaxPeriod): readonly (readonly [number, number])[] {
  if (period.kind === 'MONTH') return [[period.year, period.index]];
  const first = (period.index - 1) * 3 + 1;
  return [0, 1, 2].map((i) => [period.year, first + i] as const);
}

/** Every period of `kind` that overlaps the inclusive date range [from, to], in order. */
export function periodsOverlapping(kind: TaxPeriod['kind'], from: string, to: string): TaxPeriod[] {
  const start = LocalDate.parse(from);
  const end = LocalDate.parse(to);
  const periods: TaxPeriod[] = [];
  const size = kind === 'MONTH' ? 1 : 3;
  let monthIndex = start.year * 12 + (start.month - 1);
  monthIndex -= monthIndex % size;
  for (;;) {
    const year = Math.floor(monthIndex / 12);
    const month0 = monthIndex % 12;
    const period = kind === 'MONTH' ? monthPeriod(year, month0 + 1) : quarterPeriod(year, month0 / 3 + 1);
    if (period.start > end.toString()) return periods;
    periods.push(period);
    monthIndex += size;
  }
}

export function firstOfMonth(year: number, month: number): LocalDate {
  return LocalDate.of(year, month, 1);
}

export function lastOfMonth(year: number, month: number): LocalDate {
  return month === 12 ? LocalDate.of(year + 1, 1, 1).plusDays(-1) : LocalDate.of(year, month + 1, 1).plusDays(-1);
}

function requirePart(year: number, part: number, max: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9998 || !Number.isInteger(part) || part < 1 || part > max) {
    throw new TaxInvalidArgumentError(`No such tax period: ${year}/${part}`, { year, part });
  }
}

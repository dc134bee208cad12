import { bundledReliefRuleBook, periodKeyFor, quarterPeriod, scheduleObligations, type TaxpayerState } from '@one-window/tax/domain';
import { CalendarRegistry } from '@one-window/shared/calendar';
import { linesToFile, periodOf } from './return-lines';
import { jurisdictionOf, reliefFactsOf, scheduleFactsOf } from './taxpayer-filing-facts';

const calendar = CalendarRegistry.withBundledData({ fallback: 'weekends-only' }).calendarFor('CN');
const book = bundledReliefRuleBook();

function taxpayer(over: Partial<TaxpayerState> = {}): TaxpayerState {
  return {
    id: '92441900MA5G000003',
    kind: 'INDIVIDUAL_BUSINESS',
    vatStatus: 'SMALL_SCALE',
    vatPeriod: 'QUARTER',
    facts: { domicile: { divisionCode: '441900' } },
    ...over,
  } as TaxpayerState;
}

describe('filing facts of a taxpayer', () => {
  it('maps a division code to the relief jurisdiction', () => {
    expect(jurisdictionOf('441900')).toBe('CN-44-19');
    expect(jurisdictionOf('440104')).toBe('CN-44-01-04');
    expect(jurisdictionOf('440000')).toBe('CN-44');
    expect(jurisdictionOf('x')).toBe('CN');
    expect(reliefFactsOf(taxpayer())).toEqual({ taxpayerId: '92441900MA5G000003', kind: 'INDIVIDUAL_BUSINESS', vatStatus: 'SMALL_SCALE', jurisdiction: 'CN-44-19' });
  });

  it('schedules VAT for an individual business and VAT plus the combined return for an enterprise', () => {
    const keys = (t: TaxpayerState) => scheduleObligations(scheduleFactsOf(t), '2027-01-01', '2027-03-31', calendar).map((o) => o.periodKey);
    expect(keys(taxpayer())).toEqual(['27Q1-VAT']);
    expect(keys(taxpayer({ kind: 'ENTERPRISE' }))).toEqual(['27Q1-VAT', '27Q1-MTC']);
    expect(keys(taxpayer({ kind: 'ENTERPRISE', vatPeriod: 'MONTH' }))).toEqual(['27M01-VAT', '27M02-VAT', '27M03-VAT', '27Q1-MTC']);
    expect(keys(taxpayer({ kind: 'NATURAL_PERSON' }))).toEqual([]);
  });
});

describe('linesToFile', () => {
  const [vat] = scheduleObligations(scheduleFactsOf(taxpayer()), '2023-04-01', '2023-06-30', calendar);

  it('assesses a small-scale VAT return from its sales with the rules of the period (E1)', () => {
    expect(vat.periodKey).toBe(periodKeyFor({ kind: 'VAT' }, quarterPeriod(2023, 2)));
    expect(periodOf(vat)).toEqual(quarterPeriod(2023, 2));
    expect(linesToFile(taxpayer(), vat, { sales: [{ levyRate: '0.03', amount: '300000.01' }] }, book)).toEqual([
      { taxType: 'VAT', taxableBase: '300000.01', taxPayable: '3000.00', ruleVersions: ['SSVAT-1PCT@1'] },
      { taxType: 'URBAN_MAINTENANCE_CONSTRUCTION_TAX', taxableBase: '3000.00', taxPayable: '105.00', ruleVersions: ['SIX-TAX-TWO-FEE@1'] },
      { taxType: 'EDUCATION_SURCHARGE', taxableBase: '3000.00', taxPayable: '45.00', ruleVersions: ['SIX-TAX-TWO-FEE@1'] },
      { taxType: 'LOCAL_EDUCATION_SURCHARGE', taxableBase: '3000.00', taxPayable: '30.00', ruleVersions: ['SIX-TAX-TWO-FEE@1'] },
    ]);
  });

  it('checks lines sent with the sales against the assessment, and refuses a small-scale VAT return without sales', () => {
    const sales = [{ levyRate: '0.03', amount: '300000.00' }] as const;
    expect(() => linesToFile(taxpayer(), vat, { sales, lines: [{ taxType: 'VAT', taxableBase: '300000.00', taxPayable: '0' }] }, book)).not.toThrow();
    expect(() => linesToFile(taxpayer(), vat, { sales, lines: [{ taxType: 'VAT', taxableBase: '300000.00', taxPayable: '9000.00' }] }, book)).toThrow(
      /lines\[0\].taxPayable 9000.00 differs from the assessed 0.00/,
    );
    expect(() => linesToFile(taxpayer(), vat, { lines: [] }, book)).toThrow(/sales are required/);
  });

  it('files the lines as sent for a general taxpayer, and refuses sales there', () => {
    const general = taxpayer({ vatStatus: 'GENERAL' });
    const lines = [{ taxType: 'VAT' as const, taxableBase: '100.00', taxPayable: '13.00' }];
    expect(linesToFile(general, vat, { lines }, book)).toEqual(lines);
    expect(() => linesToFile(general, vat, { sales: [{ levyRate: '0.03', amount: '1.00' }] }, book)).toThrow(/sales apply only/);
  });
});

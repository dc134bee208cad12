import fc from 'fast-check';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { toFen } from '@one-window/shared/money';
import { amendReturn } from './amendment';
import type { FilingIds } from './filing-ids';
import { recordPayment, totalPaid, type Liability } from './liability';
import { scheduleObligations, type Obligation } from './obligation';
import type { ReturnLine } from './return-lines';
import { fileReturn } from './tax-return';
import { at, sequentialIds } from './test-fixtures';

const calendar = WorkingCalendar.chinaMainland();
const [vatJan, , , combinedQ1] = scheduleObligations(
  { taxpayerId: '92440300MA5G000002', vatPeriod: 'MONTH', taxTypes: ['STAMP_DUTY', 'CORPORATE_INCOME_TAX'], combinedReturn: true },
  '2026-01-01',
  '2026-03-31',
  calendar,
);
const when = at('2026-02-10T09:30');

function vatLines(vat = '1200.00', ruleVersions: string[] = []): ReturnLine[] {
  return [
    { taxType: 'VAT', taxableBase: '120000.00', taxPayable: vat, ruleVersions },
    { taxType: 'URBAN_MAINTENANCE_CONSTRUCTION_TAX', taxableBase: vat, taxPayable: '42.00' },
    { taxType: 'EDUCATION_SURCHARGE', taxableBase: vat, taxPayable: '18.00' },
    { taxType: 'LOCAL_EDUCATION_SURCHARGE', taxableBase: vat, taxPayable: '12.00' },
  ];
}

function file(obligation: Obligation | undefined = vatJan, lines = vatLines(), ids = sequentialIds()) {
  return fileReturn(obligation, [], { periodKey: vatJan.periodKey, lines, finalised: true }, { at: when, ids });
}

describe('fileReturn', () => {
  it('accepts a finalised return: receipt, FULFILLED obligation, one liability per tax type, events', () => {
    const filed = file(vatJan, vatLines('1200.00', ['SSVAT-1PCT@1']));
    expect(filed.receipt).toEqual({ receiptId: 'receipt-1', formBundleNo: 'formBundle-1', processedAt: when });
    expect(filed.obligation).toMatchObject({ status: 'F', receiptId: 'receipt-1', overdue: false });
    expect(vatJan.status).toBe('O');
    expect(filed.taxReturn).toMatchObject({ returnId: 'return-1', version: 1, finalised: true, periodKey: '26M01-VAT' });
    expect(filed.liabilities.map((l) => [l.liabilityId, l.taxType, l.amount, l.outstanding, l.due, l.status])).toEqual([
      ['liability-1', 'VAT', '1200.00', '1200.00', '2026-02-24', 'OPEN'],
      ['liability-2', 'URBAN_MAINTENANCE_CONSTRUCTION_TAX', '42.00', '42.00', '2026-02-24', 'OPEN'],
      ['liability-3', 'EDUCATION_SURCHARGE', '18.00', '18.00', '2026-02-24', 'OPEN'],
      ['liability-4', 'LOCAL_EDUCATION_SURCHARGE', '12.00', '12.00', '2026-02-24', 'OPEN'],
    ]);
    expect(filed.liabilities[0].ruleVersions).toEqual(['SSVAT-1PCT@1']);
    expect(filed.events.map((e) => e.type)).toEqual(['tax.return.filed', ...Array(4).fill('tax.liability.assessed')]);
    expect(filed.events[0]).toEqual({
      type: 'tax.return.filed',
      aggregateId: '92440300MA5G000002',
      occurredAt: when,
      data: {
        periodKey: '26M01-VAT',
        returnId: 'return-1',
        receiptId: 'receipt-1',
        formBundleNo: 'formBundle-1',
        version: 1,
        taxTypes: ['VAT', 'URBAN_MAINTENANCE_CONSTRUCTION_TAX', 'EDUCATION_SURCHARGE', 'LOCAL_EDUCATION_SURCHARGE'],
      },
    });
    expect(filed.events[1].data).toMatchObject({ periodKey: '26M01-VAT', taxType: 'VAT', amount: '1200.00', ruleVersions: ['SSVAT-1PCT@1'] });
  });

  it('is deterministic with the same ids and instant', () => {
    expect(file()).toEqual(file());
  });

  it('gives a nil line a PAID zero liability', () => {
    const filed = file(vatJan, vatLines('0.00'));
    expect(filed.liabilities[0]).toMatchObject({ amount: '0.00', outstanding: '0.00', status: 'PAID' });
  });

  it('takes one return for a combined obligation: one periodKey, one receipt, one liability per tax type (R6.3)', () => {
    const filed = fileReturn(
      combinedQ1,
      [],
      {
        periodKey: '26Q1-MTC',
        finalised: true,
        lines: [
          { taxType: 'STAMP_DUTY', taxableBase: '10000.00', taxPayable: '3.00' },
          { taxType: 'CORPORATE_INCOME_TAX', taxableBase: '50000.00', taxPayable: '1250.00' },
        ],
      },
      { at: when, ids: sequentialIds() },
    );
    expect(filed.taxReturn.lines.map((l) => l.taxType)).toEqual(['CORPORATE_INCOME_TAX', 'STAMP_DUTY']);
    expect(filed.liabilities).toHaveLength(2);
    expect(new Set(filed.liabilities.map((l) => l.periodKey))).toEqual(new Set(['26Q1-MTC']));
  });

  it('refuses finalised: false with tax.return.not_finalised (422)', () => {
    expect(() =>
      fileReturn(vatJan, [], { periodKey: vatJan.periodKey, lines: vatLines(), finalised: false }, { at: when, ids: sequentialIds() }),
    ).toThrow(expect.objectContaining({ code: 'tax.return.not_finalised' }));
  });

  it('refuses an unknown period (404)', () => {
    expect(() =>
      fileReturn(undefined, [], { periodKey: vatJan.periodKey, lines: vatLines(), finalised: true }, { at: when, ids: sequentialIds() }),
    ).toThrow(expect.objectContaining({ code: 'tax.obligation.not_found' }));
    expect(() =>
      fileReturn(vatJan, [], { periodKey: '26M02-VAT', lines: vatLines(), finalised: true }, { at: when, ids: sequentialIds() }),
    ).toThrow(expect.objectContaining({ code: 'tax.obligation.not_found' }));
  });

  it('refuses a second return for the same (periodKey, taxType) with tax.return.duplicate (409 DUPLICATE_RETURN)', () => {
    const first = file();
    const second = () =>
      fileReturn(first.obligation, [first.taxReturn], { periodKey: vatJan.periodKey, lines: vatLines(), finalised: true }, { at: when, ids: sequentialIds() });
    expect(second).toThrow(
      expect.objectContaining({ code: 'tax.return.duplicate', details: expect.objectContaining({ legacyCode: 'DUPLICATE_RETURN', existingReturnId: 'return-1' }) }),
    );
    // even if the obligation record were still OPEN, the duplicate is caught
    expect(() =>
      fileReturn(vatJan, [first.taxReturn], { periodKey: vatJan.periodKey, lines: vatLines(), finalised: true }, { at: when, ids: sequentialIds() }),
    ).toThrow(expect.objectContaining({ code: 'tax.return.duplicate' }));
  });

  it('refuses a fulfilled obligation with no return on record (tax.obligation.not_open)', () => {
    expect(() => file({ ...vatJan, status: 'F' })).toThrow(expect.objectContaining({ code: 'tax.obligation.not_open' }));
  });

  it('accepts a late return on an overdue OPEN obligation', () => {
    expect(file({ ...vatJan, overdue: true }).obligation).toMatchObject({ status: 'F', overdue: true });
  });

  it.each([
    ['a missing tax type', vatLines().slice(0, 3), 'no line for LOCAL_EDUCATION_SURCHARGE'],
    ['a tax type outside the obligation', [...vatLines(), { taxType: 'STAMP_DUTY', taxableBase: '1.00', taxPayable: '0.00' }], 'not in the obligation'],
    ['a duplicated line', [...vatLines(), vatLines()[0]], 'appears twice'],
    ['a malformed amount', [{ ...vatLines()[0], taxPayable: '-1.00' }, ...vatLines().slice(1)], 'taxPayable is not an amount'],
    ['a float amount', [{ ...vatLines()[0], taxPayable: '0.001' }, ...vatLines().slice(1)], 'taxPayable is not an amount'],
    ['a bad rule reference', [{ ...vatLines()[0], ruleVersions: ['SSVAT-1PCT'] }, ...vatLines().slice(1)], 'ruleVersions[0]'],
  ] as [string, ReturnLine[], string][])('refuses %s (tax.return.invalid)', (_name, lines, problem) => {
    expect(() => file(vatJan, lines)).toThrow(
      expect.objectContaining({ code: 'tax.return.invalid', details: { problems: expect.arrayContaining([expect.stringContaining(problem)]) } }),
    );
  });
});

describe('recordPayment', () => {
  const vat = () => file().liabilities[0];
  const pay = (liability: Liability, paymentId: string, amount: string) =>
    recordPayment(liability, { paymentId, amount, channel: 'DIGITAL_RMB', treasuryAt: at('2026-02-20T10:00') });

  it('reduces the outstanding amount and is PAID at zero', () => {
    const part = pay(vat(), 'p1', '200.00');
    expect(part.aggregate).toMatchObject({ outstanding: '1000.00', status: 'OPEN' });
    expect(part.events[0]).toMatchObject({ type: 'tax.payment.received', data: { amount: '200.00', outstanding: '1000.00', channel: 'DIGITAL_RMB' } });
    const rest = pay(part.aggregate, 'p2', '1000.00');
    expect(rest.aggregate).toMatchObject({ outstanding: '0.00', status: 'PAID' });
  });

  it('refuses an overpayment (no credit is booked) and a zero payment', () => {
    expect(() => pay(vat(), 'p1', '1200.01')).toThrow(expect.objectContaining({ code: 'tax.payment.exceeds_outstanding' }));
    expect(() => pay(vat(), 'p1', '0.00')).toThrow(expect.objectContaining({ code: 'tax.invalid_argument' }));
    expect(() => pay(vat(), 'p1', '1.234')).toThrow(expect.objectContaining({ code: 'tax.invalid_argument' }));
  });

  it('ignores a redelivered payment', () => {
    const once = pay(vat(), 'p1', '200.00').aggregate;
    expect(pay(once, 'p1', '200.00')).toEqual({ aggregate: once, events: [] });
  });

  it('never lets outstanding go below zero, whatever the payments (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: 200_000n }), { maxLength: 12 }), (amounts) => {
        let liability = vat();
        amounts.forEach((fen, i) => {
          try {
            liability = pay(liability, `p${i}`, `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`).aggregate;
          } catch (e) {
            expect((e as { code: string }).code).toBe('tax.payment.exceeds_outstanding');
          }
          const outstanding = toFen(liability.outstanding);
          expect(outstanding).toBeGreaterThanOrEqual(0n);
          expect(outstanding + totalPaid(liability)).toBe(toFen(liability.amount));
          expect(liability.status).toBe(outstanding === 0n ? 'PAID' : 'OPEN');
        });
      }),
    );
  });
});

describe('amendReturn (更正申报)', () => {
  // one id source per test, shared by the filing and its amendments
  let ids: FilingIds;
  beforeEach(() => {
    ids = sequentialIds();
  });
  const ctx = () => ({ at: at('2026-03-05T11:00'), ids });
  const file = () => fileReturn(vatJan, [], { periodKey: vatJan.periodKey, lines: vatLines(), finalised: true }, { at: when, ids });

  it('produces a new version with a new receipt and the liability deltas', () => {
    const filed = file();
    const paid = recordPayment(filed.liabilities[0], { paymentId: 'p1', amount: '1200.00', channel: 'BANK_CARD', treasuryAt: when }).aggregate;
    const liabilities = [paid, ...filed.liabilities.slice(1)];
    const amended = amendReturn(filed.obligation, [filed.taxReturn], liabilities, { returnId: 'return-1', lines: vatLines('1000.00'), finalised: true }, ctx());
    expect(amended.taxReturn).toMatchObject({ version: 2, amendsReturnId: 'return-1', returnId: 'return-2', receiptId: 'receipt-2' });
    expect(amended.receipt).toEqual({ receiptId: 'receipt-2', formBundleNo: 'formBundle-2', processedAt: at('2026-03-05T11:00') });
    expect(amended.obligation).toMatchObject({ status: 'F', receiptId: 'receipt-2' });
    expect(amended.deltas).toEqual([
      { taxType: 'VAT', liabilityId: 'liability-1', previousAmount: '1200.00', amount: '1000.00', delta: '-200.00', outstanding: '0.00', overpaid: '200.00' },
    ]);
    expect(amended.events.map((e) => e.type)).toEqual(['tax.return.amended', 'tax.liability.assessed']);
    expect(amended.events[1].data).toMatchObject({ delta: '-200.00', previousAmount: '1200.00', overpaid: '200.00' });

    const up = amendReturn(amended.obligation, [filed.taxReturn, amended.taxReturn], amended.liabilities, { returnId: amended.taxReturn.returnId, lines: vatLines('1500.00'), finalised: true }, ctx());
    expect(up.taxReturn.version).toBe(3);
    expect(up.deltas[0]).toMatchObject({ previousAmount: '1000.00', amount: '1500.00', delta: '500.00', outstanding: '300.00', overpaid: '0.00' });
    expect(up.liabilities[0].status).toBe('OPEN');
  });

  it('refuses an amendment of an OPEN obligation, of an old version, or not finalised', () => {
    const filed = file();
    const req = { returnId: 'return-1', lines: vatLines('1000.00'), finalised: true };
    expect(() => amendReturn(vatJan, [filed.taxReturn], filed.liabilities, req, ctx())).toThrow(
      expect.objectContaining({ code: 'tax.transition.not_allowed' }),
    );
    expect(() => amendReturn(filed.obligation, [filed.taxReturn], filed.liabilities, { ...req, finalised: false }, ctx())).toThrow(
      expect.objectContaining({ code: 'tax.return.not_finalised' }),
    );
    expect(() => amendReturn(filed.obligation, [filed.taxReturn], filed.liabilities, { ...req, returnId: 'nope' }, ctx())).toThrow(
      expect.objectContaining({ code: 'tax.return.not_found' }),
    );
    const v2 = amendReturn(filed.obligation, [filed.taxReturn], filed.liabilities, req, ctx());
    expect(() => amendReturn(v2.obligation, [filed.taxReturn, v2.taxReturn], v2.liabilities, req, ctx())).toThrow(
      expect.objectContaining({ code: 'tax.return.not_latest' }),
    );
    expect(() => amendReturn(filed.obligation, [filed.taxReturn], filed.liabilities, { ...req, lines: vatLines().slice(1) }, ctx())).toThrow(
      expect.objectContaining({ code: 'tax.return.invalid' }),
    );
  });

  it('reports no delta when nothing changed', () => {
    const filed = file();
    const same = amendReturn(filed.obligation, [filed.taxReturn], filed.liabilities, { returnId: 'return-1', lines: vatLines(), finalised: true }, ctx());
    expect(same.deltas).toEqual([]);
    expect(same.events.map((e) => e.type)).toEqual(['tax.return.amended']);
  });
});

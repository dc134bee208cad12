import { EventCatalogue } from '@one-window/shared/messaging';
import { FILING_EVENTS, LiabilityAssessed, NonFilingConfirmed, ObligationCreated, ReturnAmended, ReturnFiled, TAX_EVENTS, TAX_TOPIC } from '.';

describe('tax filing event contracts (§6, §14)', () => {
  const catalogue = new EventCatalogue(TAX_EVENTS);

  it('are the filing events on the tax topic, in the catalogue', () => {
    expect(FILING_EVENTS.map((e) => e.type)).toEqual([
      'tax.obligation.created.v1',
      'tax.obligation.overdue.v1',
      'tax.return.filed.v1',
      'tax.return.amended.v1',
      'tax.liability.assessed.v1',
      'tax.payment.received.v1',
      'tax.non_filing.confirmed.v1',
    ]);
    expect(new Set(FILING_EVENTS.map((e) => e.topic))).toEqual(new Set([TAX_TOPIC]));
    for (const e of FILING_EVENTS) expect(TAX_EVENTS).toContain(e);
  });

  it('every example validates against its own schema', () => {
    for (const e of FILING_EVENTS) expect(catalogue.validate(e.type, e.example)).toEqual([]);
  });

  it('accepts what the domain emits: a VAT obligation without combined group, an amendment delta', () => {
    expect(catalogue.validate(ObligationCreated.type, { ...ObligationCreated.example, combinedGroup: null, periodKey: '26M02-VAT' })).toEqual([]);
    expect(
      catalogue.validate(LiabilityAssessed.type, { ...LiabilityAssessed.example, previousAmount: '3000.00', delta: '-120.00', overpaid: '0.00' }),
    ).toEqual([]);
  });

  it('names what is wrong: an unknown tax type, a malformed amount, a first return claiming to amend', () => {
    expect(catalogue.validate(ObligationCreated.type, { ...ObligationCreated.example, taxTypes: ['SALT_TAX'] })).toEqual([
      expect.stringMatching(/^\/taxTypes\/0 must be equal to one of the allowed values/),
    ]);
    expect(catalogue.validate(LiabilityAssessed.type, { ...LiabilityAssessed.example, amount: '12.5' })).toEqual([
      expect.stringMatching(/^\/amount must match pattern/),
    ]);
    expect(catalogue.validate(ReturnFiled.type, { ...ReturnFiled.example, version: 2 })).not.toEqual([]);
    expect(catalogue.validate(ReturnAmended.type, { ...ReturnAmended.example, amendsReturnId: undefined })).not.toEqual([]);
  });

  it('the non-filing answer (R4.7): an unknown taxpayer carries no dates; a day is a date; nothing else', () => {
    expect(catalogue.validate(NonFilingConfirmed.type, { taxpayerId: '91440104MA00001B3B', asOf: '2029-07-02', listedOn: '2027-07-01', taxpayerKnown: false, nonFiling: true, queryEventId: 'q-1' })).toEqual([]);
    expect(catalogue.validate(NonFilingConfirmed.type, { ...NonFilingConfirmed.example, noReturnSince: '15/03/2027' })).toEqual([expect.stringMatching(/^\/noReturnSince must match format "date"/)]);
    expect(catalogue.validate(NonFilingConfirmed.type, { ...NonFilingConfirmed.example, revenue: '1.00' })).toEqual(['/ must NOT have additional properties']);
  });
});

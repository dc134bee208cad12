import { EventCatalogue } from '@one-window/shared/messaging';
import { BANKRUPTCY_COOPERATION_EVENTS, BankruptcyClaimFiled, CreditReRated, DebtorInfoProvided, TAX_EVENTS } from '.';

describe('tax bankruptcy cooperation and re-rating event contracts', () => {
  const catalogue = new EventCatalogue(TAX_EVENTS);

  it('are in the catalogue as tax.bankruptcy_claim.filed, tax.debtor_info.provided and tax.credit.re_rated v1, examples valid', () => {
    expect([...BANKRUPTCY_COOPERATION_EVENTS, CreditReRated].map((e) => e.type)).toEqual([
      'tax.bankruptcy_claim.filed.v1',
      'tax.debtor_info.provided.v1',
      'tax.credit.re_rated.v1',
    ]);
    for (const e of [...BANKRUPTCY_COOPERATION_EVENTS, CreditReRated]) {
      expect(TAX_EVENTS).toContain(e);
      expect(catalogue.validate(e.type, e.example)).toEqual([]);
    }
  });

  it('names what is wrong: an unknown claim class, an empty claim, an unknown section, a grade outside the scale', () => {
    expect(catalogue.validate(BankruptcyClaimFiled.type, { ...BankruptcyClaimFiled.example, claims: [{ class: 'BRIBE', amount: { amount: '1', currency: 'CNY' } }] })).toEqual([
      expect.stringMatching(/^\/claims\/0\/class must be equal to one of the allowed values/),
    ]);
    expect(catalogue.validate(BankruptcyClaimFiled.type, { ...BankruptcyClaimFiled.example, claims: [] })).toEqual([expect.stringMatching(/^\/claims must NOT have fewer than 1 items/)]);
    expect(catalogue.validate(DebtorInfoProvided.type, { ...DebtorInfoProvided.example, sections: ['bankStatements'] })).toEqual([
      expect.stringMatching(/^\/sections\/0 must be equal to one of the allowed values/),
    ]);
    expect(catalogue.validate(CreditReRated.type, { ...CreditReRated.example, grade: 'AAA' })).toEqual([expect.stringMatching(/^\/grade must be equal to one of the allowed values/)]);
  });
});

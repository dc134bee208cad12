import { claimLines, claimTotals } from './bankruptcy-claim';

describe('bankruptcy tax claim lines (§11)', () => {
  const liabilities = [
    { liabilityId: 'l-1', taxType: 'VAT', periodKey: '26Q3', outstanding: '5200.00' },
    { liabilityId: 'l-2', taxType: 'CIT', periodKey: '26Q3', outstanding: '0.00' },
    { liabilityId: 'l-3', taxType: 'URBAN_MAINTENANCE', periodKey: '26Q3', outstanding: '364' },
  ];

  it('takes the principal from outstanding liabilities and keeps late fees and fines as their own classes', () => {
    const lines = claimLines({
      fromLiabilities: liabilities,
      given: [
        { class: 'LATE_FEE', amount: { amount: '131.04', currency: 'CNY' } },
        { class: 'FINE', amount: { amount: '500', currency: 'CNY' } },
      ],
    });
    expect(lines.map((l) => [l.class, l.taxType ?? null, l.amount.amount, l.source.kind])).toEqual([
      ['PRINCIPAL', 'VAT', '5200.00', 'LIABILITY'],
      ['PRINCIPAL', 'URBAN_MAINTENANCE', '364.00', 'LIABILITY'],
      ['LATE_FEE', null, '131.04', 'GIVEN'],
      ['FINE', null, '500.00', 'GIVEN'],
    ]);
    expect(claimTotals(lines)).toEqual({
      PRINCIPAL: { amount: '5564.00', currency: 'CNY' },
      LATE_FEE: { amount: '131.04', currency: 'CNY' },
      FINE: { amount: '500.00', currency: 'CNY' },
      all: { amount: '6195.04', currency: 'CNY' },
    });
  });

  it("lets a given principal for a tax type and period replace the liability's figure, and drops zero lines", () => {
    const lines = claimLines({
      fromLiabilities: liabilities,
      given: [
        { class: 'PRINCIPAL', taxType: 'VAT', periodKey: '26Q3', amount: { amount: '5000.00', currency: 'CNY' } },
        { class: 'FINE', amount: { amount: '0', currency: 'CNY' } },
      ],
    });
    expect(lines.map((l) => [l.taxType, l.amount.amount, l.source.kind])).toEqual([
      ['URBAN_MAINTENANCE', '364.00', 'LIABILITY'],
      ['VAT', '5000.00', 'GIVEN'],
    ]);
  });

  it('has nothing to claim when nothing is given or outstanding', () => {
    expect(claimLines({ fromLiabilities: [], given: [] })).toEqual([]);
    expect(claimTotals([]).all).toEqual({ amount: '0.00', currency: 'CNY' });
  });
});

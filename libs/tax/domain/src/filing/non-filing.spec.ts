import fc from 'fast-check';
import { answerNonFilingQuery } from './non-filing';

describe('R4.7 non-filing query (满两年未申报纳税)', () => {
  const q = { listedOn: '2028-06-10', asOf: '2030-06-11', taxpayer: { registeredOn: '2027-01-04' } };

  it('no return at all: non-filing confirmed since the taxpayer was registered', () => {
    expect(answerNonFilingQuery(q)).toEqual({ taxpayerKnown: true, nonFiling: true, noReturnSince: '2027-01-04' });
  });

  it('a return the day before the listing does not count; one on the listing day does; one on the query day does; the day after does not', () => {
    expect(answerNonFilingQuery({ ...q, lastReturnFiledOn: '2028-06-09' })).toEqual({ taxpayerKnown: true, nonFiling: true, noReturnSince: '2028-06-09', lastReturnFiledOn: '2028-06-09' });
    expect(answerNonFilingQuery({ ...q, lastReturnFiledOn: '2028-06-10' })).toMatchObject({ nonFiling: false, lastReturnFiledOn: '2028-06-10' });
    expect(answerNonFilingQuery({ ...q, lastReturnFiledOn: '2030-06-11' })).toMatchObject({ nonFiling: false });
    expect(answerNonFilingQuery({ ...q, lastReturnFiledOn: '2030-06-12' })).toEqual({ taxpayerKnown: true, nonFiling: true, noReturnSince: '2027-01-04' });
  });

  it('a credit code tax does not know: nothing filed here, confirmed, no date', () => {
    expect(answerNonFilingQuery({ listedOn: q.listedOn, asOf: q.asOf })).toEqual({ taxpayerKnown: false, nonFiling: true });
  });

  it('property: non-filing exactly when no counted return falls in [listedOn, asOf]', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2027, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.option(day, { nil: undefined }), (a, b, last) => {
        const [listedOn, asOf] = a <= b ? [a, b] : [b, a];
        const answer = answerNonFilingQuery({ listedOn, asOf, taxpayer: { registeredOn: '2026-12-31' }, ...(last ? { lastReturnFiledOn: last } : {}) });
        const filed = last !== undefined && last >= listedOn && last <= asOf;
        expect(answer.nonFiling).toBe(!filed);
        expect(answer.noReturnSince).toBe(last !== undefined && last <= asOf ? last : '2026-12-31');
      }),
    );
  });
});

import { computeChanges, companyChangedData, isChangeFiledInTime, type RegisteredFacts } from './change-request';
import { FilingNotAllowedError, NothingChangedError } from './errors';
import { filePremises, registerBranch } from './filings';

const before: RegisteredFacts = {
  name: '广州市星河科技有限公司',
  domicile: { standardAddressId: 'A1', divisionCode: '440104', text: '越秀区示例路1号' },
  capital: { amount: '1000000.00', currency: 'CNY' },
  scope: ['I6513', 'F5191'],
  legalRep: 'p-a',
  officers: [
    { personRef: 'p-a', role: 'LEGAL_REPRESENTATIVE' },
    { personRef: 'p-b', role: 'SUPERVISOR' },
  ],
};

describe('changes (§6)', () => {
  it('lists each changed field with before and after, in the contracts’ order', () => {
    const after = { ...before, capital: { amount: '2000000', currency: 'CNY' as const }, name: '广州市星河网络科技有限公司', legalRep: 'p-b' };
    expect(computeChanges(before, after)).toEqual([
      { field: 'name', before: before.name, after: after.name },
      { field: 'capital', before: before.capital, after: after.capital },
      { field: 'legalRep', before: 'p-a', after: 'p-b' },
    ]);
  });

  it('ignores order in scope and officers, and formatting of amounts', () => {
    const same = { ...before, scope: ['F5191', 'I6513'], officers: [...before.officers].reverse(), capital: { amount: '1000000', currency: 'CNY' as const } };
    expect(computeChanges(before, same)).toEqual([]);
    expect(() => companyChangedData({ uscc: 'U', changeId: 'c', before, after: same, effectiveOn: '2026-12-01' })).toThrow(NothingChangedError);
  });

  it('builds the company.changed data for domicile, scope and officers', () => {
    const after = { ...before, domicile: { ...before.domicile, standardAddressId: 'A2' }, scope: ['I6513'], officers: [before.officers[0]] };
    expect(companyChangedData({ uscc: 'U', changeId: 'c-1', before, after, effectiveOn: '2026-12-01' }).changes.map((c) => c.field)).toEqual([
      'domicile',
      'scope',
      'officers',
    ]);
  });

  it('filed within 30 days of the resolution: day 30 yes, day 31 no', () => {
    expect(isChangeFiledInTime('2026-03-01', '2026-03-31')).toBe(true);
    expect(isChangeFiledInTime('2026-03-01', '2026-04-01')).toBe(false);
  });
});

describe('filings', () => {
  const premises = { id: 'A9', divisionCode: '440106', text: '天河区示例路9号' };

  it('files extra premises in the same city with a scope subset and a commitment (一照多址)', () => {
    expect(filePremises({ uscc: 'U', domicileDivisionCode: '440104', registeredScope: before.scope, premises, scope: ['I6513'], commitmentRef: 'c' })).toEqual({
      uscc: 'U',
      standardAddressId: 'A9',
      scope: ['I6513'],
      commitmentRef: 'c',
    });
    expect(() =>
      filePremises({ uscc: 'U', domicileDivisionCode: '440104', registeredScope: before.scope, premises: { ...premises, divisionCode: '441502' }, scope: ['X'] }),
    ).toThrow(expect.objectContaining({ details: { reasons: ['NOT_SAME_CITY', 'SCOPE_NOT_SUBSET', 'COMMITMENT_MISSING'] } }));
  });

  it('registers a branch named after its parent, within the parent’s scope', () => {
    const cmd = { parentUscc: 'U', parentName: '广州市星河科技有限公司', parentScope: before.scope, name: '广州市星河科技有限公司天河分公司', address: premises, scope: ['I6513'], permitByCommitment: true };
    expect(registerBranch(cmd).name).toBe('广州市星河科技有限公司天河分公司');
    expect(() => registerBranch({ ...cmd, name: '星河天河店' })).toThrow(FilingNotAllowedError);
  });
});

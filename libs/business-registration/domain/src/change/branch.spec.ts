import { describeMachineExhaustively } from '../shared/machine-testing';
import { ActorNotAllowedError, TransitionNotAllowedError } from '../shared/state-machine';
import {
  BRANCH_MACHINE,
  BranchChangeNotAllowedError,
  BranchChangeNothingChangedError,
  branchRegisteredStatus,
  deregisterBranch,
  planCentralisedBranchChange,
  type BranchFacts,
} from './branch';

describeMachineExhaustively(BRANCH_MACHINE);

const parentScope = [
  { code: 'I6513', permitRoute: 'NONE' },
  { code: 'H6210', permitRoute: 'NOTIFICATION_COMMITMENT' },
  { code: 'K7010', permitRoute: 'OPTIMISED_APPROVAL' },
  { code: 'F5191', permitRoute: 'FILING' },
];
const software: BranchFacts = { uscc: 'B1', status: 'ACTIVE', scope: ['I6513'], address: { standardAddressId: 'ADDR-1' }, personInChargeRef: 'p-a', permitByCommitment: false };
const catering: BranchFacts = { uscc: 'B2', status: 'ACTIVE', scope: ['H6210'], address: { standardAddressId: 'ADDR-2' }, personInChargeRef: 'p-a', permitByCommitment: false };
const chain: BranchFacts = { ...catering, uscc: 'B3', permitByCommitment: true };
const address = (id: string) => ({ id, divisionCode: '440106', text: id });
const plan = (branches: BranchFacts[], change: Parameters<typeof planCentralisedBranchChange>[0]['change']) =>
  planCentralisedBranchChange({ parentScope, branches, change, actor: 'applicant' });
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('not refused');
};

describe('branch lifecycle', () => {
  it('a branch is registered ACTIVE by the applicant and deregistered by the applicant or, with its parent, by the system; once', () => {
    expect(branchRegisteredStatus('applicant')).toBe('ACTIVE');
    expect(deregisterBranch('ACTIVE', 'applicant')).toBe('DEREGISTERED');
    expect(deregisterBranch('ACTIVE', 'system')).toBe('DEREGISTERED');
    expect(() => deregisterBranch('DEREGISTERED', 'applicant')).toThrow(TransitionNotAllowedError);
    expect(() => deregisterBranch('ACTIVE', 'officer')).toThrow(ActorNotAllowedError);
  });
});

describe('centralised branch change (000 L574–575)', () => {
  it('changes every branch named in one plan, only the fields that differ; a branch left as it is gets no change', () => {
    expect(plan([software, catering], { personInChargeRef: 'p-b' })).toEqual([
      { uscc: 'B1', changes: [{ field: 'personInChargeRef', before: 'p-a', after: 'p-b' }] },
      { uscc: 'B2', changes: [{ field: 'personInChargeRef', before: 'p-a', after: 'p-b' }] },
    ]);
    expect(plan([software, { ...catering, personInChargeRef: 'p-b' }], { personInChargeRef: 'p-b' })).toEqual([{ uscc: 'B1', changes: [{ field: 'personInChargeRef', before: 'p-a', after: 'p-b' }] }]);
    expect(plan([software], { scope: ['I6513', 'F5191'], address: address('ADDR-9') })).toEqual([
      {
        uscc: 'B1',
        changes: [
          { field: 'scope', before: ['I6513'], after: ['I6513', 'F5191'] },
          { field: 'address', before: 'ADDR-1', after: 'ADDR-9' },
        ],
      },
    ]);
  });

  it('needs no new permit: adding a permit item, or moving a branch that trades under a permit, is refused naming the branch and the items', () => {
    const added = refusal(() => plan([software, catering], { scope: ['I6513', 'H6210'] })) as BranchChangeNotAllowedError;
    expect(added).toBeInstanceOf(BranchChangeNotAllowedError);
    // B2 already holds H6210 and drops nothing it needs: only B1 adds a permit item
    expect(added.branches).toEqual([{ uscc: 'B1', reasons: ['NEEDS_NEW_PERMIT'], permitScopeCodes: ['H6210'] }]);
    expect((refusal(() => plan([catering], { address: address('ADDR-9') })) as BranchChangeNotAllowedError).branches).toEqual([
      { uscc: 'B2', reasons: ['NEEDS_NEW_PERMIT'], permitScopeCodes: ['H6210'] },
    ]);
    // a filing route needs no permit; neither does dropping an item, nor the same address
    expect(plan([software], { scope: ['F5191'] })).toHaveLength(1);
    expect(plan([catering], { scope: ['I6513'] })).toHaveLength(1);
    expect(() => plan([catering], { address: address('ADDR-2') })).toThrow(BranchChangeNothingChangedError);
  });

  it('a branch trading under a commitment (000 L550–554) may move and add permit items: it commits instead', () => {
    expect(plan([chain], { address: address('ADDR-9'), scope: ['H6210', 'K7010'] })).toEqual([
      {
        uscc: 'B3',
        changes: [
          { field: 'scope', before: ['H6210'], after: ['H6210', 'K7010'] },
          { field: 'address', before: 'ADDR-2', after: 'ADDR-9' },
        ],
      },
    ]);
  });

  it('all or nothing: one branch that cannot take it refuses the whole change, every such branch named with all its reasons', () => {
    const e = refusal(() => plan([software, { ...catering, status: 'DEREGISTERED' }, chain], { scope: ['I6513', 'H6210', 'X0000'] })) as BranchChangeNotAllowedError;
    expect(e.code).toBe('registration.branch_change.not_allowed');
    expect(e.branches).toEqual([
      { uscc: 'B1', reasons: ['SCOPE_NOT_SUBSET', 'NEEDS_NEW_PERMIT'], permitScopeCodes: ['H6210'] },
      { uscc: 'B2', reasons: ['BRANCH_NOT_ACTIVE'] },
      { uscc: 'B3', reasons: ['SCOPE_NOT_SUBSET'] },
    ]);
    expect(e.details).toEqual({ branches: e.branches });
  });

  it('a change that changes no branch is refused; only the applicant changes branches', () => {
    expect(() => plan([software], { personInChargeRef: 'p-a', scope: ['I6513'] })).toThrow(BranchChangeNothingChangedError);
    expect(() => planCentralisedBranchChange({ parentScope, branches: [software], change: { personInChargeRef: 'p-z' }, actor: 'officer' })).toThrow(ActorNotAllowedError);
  });
});

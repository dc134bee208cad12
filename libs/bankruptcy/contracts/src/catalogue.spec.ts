import { EventCatalogue } from '@one-window/shared/messaging';
import { BANKRUPTCY_EVENTS, BANKRUPTCY_TOPIC, CaseAccepted, CaseClosed, DEBTOR_ENDING_OUTCOMES, DebtorInfoAccessGranted, DebtorInfoAccessRevoked, ReorganisationPlanApproved, CreditRepairRequested } from '.';

describe('bankruptcy event contracts', () => {
  const catalogue = new EventCatalogue(BANKRUPTCY_EVENTS);

  it('are named bankruptcy.<aggregate>.<verb> v1 on bankruptcy.events, each once, and every example validates', () => {
    const types = BANKRUPTCY_EVENTS.map((e) => e.type);
    expect(types).toEqual([
      'bankruptcy.case.accepted.v1',
      'bankruptcy.administrator.appointed.v1',
      'bankruptcy.debtor_info_access.granted.v1',
      'bankruptcy.debtor_info_access.revoked.v1',
      'bankruptcy.reorganisation_plan.approved.v1',
      'bankruptcy.credit_repair.requested.v1',
      'bankruptcy.case.closed.v1',
    ]);
    for (const e of BANKRUPTCY_EVENTS) {
      expect(e.topic).toBe(BANKRUPTCY_TOPIC);
      expect(catalogue.validate(e.type, e.example)).toEqual([]);
    }
  });

  it('names what is wrong: a bad debtor credit code, an unknown agency, a missing reason', () => {
    expect(catalogue.validate(CaseAccepted.type, { ...CaseAccepted.example, debtor: { uscc: '123' } })).toEqual([expect.stringMatching(/^\/debtor\/uscc must match pattern/)]);
    expect(catalogue.validate(DebtorInfoAccessGranted.type, { ...DebtorInfoAccessGranted.example, agencies: ['gossip'] })).toEqual([
      expect.stringMatching(/^\/agencies\/0 must be equal to one of the allowed values/),
    ]);
    const { reason: _omit, ...noReason } = DebtorInfoAccessRevoked.example;
    expect(catalogue.validate(DebtorInfoAccessRevoked.type, noReason)).toEqual(["/ must have required property 'reason'"]);
  });

  it('grants may be open-ended (no expiry)', () => {
    const { expiresAt: _omit, ...open } = DebtorInfoAccessGranted.example;
    expect(catalogue.validate(DebtorInfoAccessGranted.type, open)).toEqual([]);
  });

  it('a closed case names its outcome and the termination ruling; only a completed liquidation ends the debtor', () => {
    expect(catalogue.validate(CaseClosed.type, { ...CaseClosed.example, outcome: 'REORGANISATION_COMPLETED', procedureType: 'REORGANISATION' })).toEqual([]);
    expect(catalogue.validate(CaseClosed.type, { ...CaseClosed.example, outcome: 'DISSOLVED' })).toEqual([expect.stringMatching(/^\/outcome must be equal to one of the allowed values/)]);
    const { rulingRef: _r, ...noRuling } = CaseClosed.example;
    expect(catalogue.validate(CaseClosed.type, noRuling)).toEqual(["/ must have required property 'rulingRef'"]);
    expect(catalogue.validate(CaseClosed.type, { ...CaseClosed.example, closingDate: '30/09/2027' })).toEqual([expect.stringMatching(/^\/closingDate must match format "date"/)]);
    expect(DEBTOR_ENDING_OUTCOMES).toEqual(['LIQUIDATION_COMPLETED']);
  });

  it('an accepted case may carry its case reference (案号), additively', () => {
    const { caseRef: _c, ...withoutRef } = CaseAccepted.example;
    expect(catalogue.validate(CaseAccepted.type, withoutRef)).toEqual([]);
  });

  it('an approved plan names its procedure and the approving ruling; a liquidation has no plan', () => {
    expect(catalogue.validate(ReorganisationPlanApproved.type, { ...ReorganisationPlanApproved.example, procedureType: 'CONCILIATION' })).toEqual([]);
    expect(catalogue.validate(ReorganisationPlanApproved.type, { ...ReorganisationPlanApproved.example, procedureType: 'LIQUIDATION' })).toEqual([
      expect.stringMatching(/^\/procedureType must be equal to one of the allowed values/),
    ]);
    const { rulingRef: _r, executionDeadline: _d, ...noRuling } = ReorganisationPlanApproved.example;
    expect(catalogue.validate(ReorganisationPlanApproved.type, noRuling)).toEqual(["/ must have required property 'rulingRef'"]);
    expect(catalogue.validate(ReorganisationPlanApproved.type, { ...ReorganisationPlanApproved.example, approvedOn: '2027-02-30' })).toEqual([expect.stringMatching(/^\/approvedOn must match format "date"/)]);
  });

  it('a credit-repair request names at least one target, each once, from the three systems', () => {
    expect(catalogue.validate(CreditRepairRequested.type, { ...CreditRepairRequested.example, targets: ['ENTERPRISE_CREDIT_PUBLICITY'] })).toEqual([]);
    expect(catalogue.validate(CreditRepairRequested.type, { ...CreditRepairRequested.example, targets: [] })).toEqual(['/targets must NOT have fewer than 1 items']);
    expect(catalogue.validate(CreditRepairRequested.type, { ...CreditRepairRequested.example, targets: ['WEIBO'] })).toEqual([
      expect.stringMatching(/^\/targets\/0 must be equal to one of the allowed values/),
    ]);
  });
});

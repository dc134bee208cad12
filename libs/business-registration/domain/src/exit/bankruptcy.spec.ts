import { WorkingCalendar } from '@one-window/shared/calendar';
import { at } from '../shared/machine-testing';
import { ENTITY_STATES } from '../entity/entity-status';
import { afterBankruptcyClosed, afterPlanApproved, isDeregistrable, publicBankruptcyStage } from './bankruptcy';
import { Deregistration, simplifiedExclusions } from './deregistration';
import { SimplifiedDeregistrationExcludedError } from './errors';

const calendar = WorkingCalendar.chinaMainland();
const bankrupt = { abnormalListed: false, underBankruptcy: true };

describe('bankruptcy and deregistration eligibility', () => {
  it('a company under bankruptcy may not use the simplified route, and the refusal names the reason', () => {
    expect(simplifiedExclusions(bankrupt)).toEqual(['UNDER_BANKRUPTCY']);
    expect(simplifiedExclusions({ ...bankrupt, underBankruptcy: false })).toEqual([]);
    let thrown: unknown;
    try {
      Deregistration.applySimplified({ id: 'd', uscc: 'U', standing: bankrupt, allInvestorsCommitted: true, at: at('2026-03-02T10:00'), calendar });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SimplifiedDeregistrationExcludedError);
    expect((thrown as SimplifiedDeregistrationExcludedError).code).toBe('registration.exit.simplified_excluded');
    expect((thrown as SimplifiedDeregistrationExcludedError).details).toEqual({ reasons: ['UNDER_BANKRUPTCY'] });
  });

  it('every exclusion is named together with the missing commitment', () => {
    expect(() =>
      Deregistration.applySimplified({ id: 'd', uscc: 'U', standing: { ...bankrupt, abnormalListed: true }, allInvestorsCommitted: false, at: at('2026-03-02T10:00'), calendar }),
    ).toThrow('Simplified deregistration is excluded: ABNORMAL_LISTED, UNDER_BANKRUPTCY, INVESTORS_NOT_ALL_COMMITTED');
  });

  it('the ordinary and court routes take no standing: bankruptcy does not bar them', () => {
    expect(Deregistration.applyOrdinary({ id: 'd', uscc: 'U', at: at('2026-03-02T10:00') }).aggregate.state.status).toBe('CLEARING');
    expect(Deregistration.fromCourtRuling({ id: 'd', uscc: 'U', courtRulingRef: '(2026)粤01破42号之五', at: at('2026-03-02T10:00') }).aggregate.state.status).toBe('UNDER_REVIEW');
  });

  it('deregistrable statuses: active and revoked (§10.4), not dormant, not ended', () => {
    expect(ENTITY_STATES.filter(isDeregistrable)).toEqual(['ACTIVE', 'REVOKED']);
  });
});

describe('after a bankruptcy case closes', () => {
  const ends = { debtorEnds: true, entityStatus: 'ACTIVE' as const, deregistrationOpen: false };

  it('a completed liquidation opens the court-route deregistration, also for a revoked company', () => {
    expect(afterBankruptcyClosed(ends)).toEqual({ action: 'OPEN_COURT_DEREGISTRATION' });
    expect(afterBankruptcyClosed({ ...ends, entityStatus: 'REVOKED' })).toEqual({ action: 'OPEN_COURT_DEREGISTRATION' });
  });

  it('does nothing when a deregistration is open or the company has ended or cannot be deregistered now', () => {
    expect(afterBankruptcyClosed({ ...ends, deregistrationOpen: true })).toEqual({ action: 'NOTHING', reason: 'DEREGISTRATION_OPEN' });
    expect(afterBankruptcyClosed({ ...ends, entityStatus: 'DEREGISTERED' })).toEqual({ action: 'NOTHING', reason: 'ENTITY_ENDED' });
    expect(afterBankruptcyClosed({ ...ends, entityStatus: 'STRUCK_OFF' })).toEqual({ action: 'NOTHING', reason: 'ENTITY_ENDED' });
    expect(afterBankruptcyClosed({ ...ends, entityStatus: 'DORMANT' })).toEqual({ action: 'NOTHING', reason: 'NOT_DEREGISTRABLE' });
  });

  it('any other outcome (the company goes on) clears the flag, whatever else holds', () => {
    expect(afterBankruptcyClosed({ ...ends, debtorEnds: false })).toEqual({ action: 'CLEAR_FLAG' });
    expect(afterBankruptcyClosed({ debtorEnds: false, entityStatus: 'DORMANT', deregistrationOpen: true })).toEqual({ action: 'CLEAR_FLAG' });
  });
});

describe('after a reorganisation or conciliation plan is approved', () => {
  const plan = { entityStatus: 'ACTIVE' as const, caseId: 'BK-1', rulingRef: '(2027)粤01破1号之三' };
  const open = (more: { caseId?: string; planRulingRef?: string } = {}) => ({ recordedCase: { caseId: 'BK-1', closed: false, ...more } });

  it('records the plan for the recorded open case, or for an entity with no case recorded (the acceptance was missed)', () => {
    expect(afterPlanApproved({ ...plan, ...open() })).toEqual({ action: 'RECORD_PLAN' });
    expect(afterPlanApproved(plan)).toEqual({ action: 'RECORD_PLAN' });
  });

  it('a different approving ruling for the same case replaces the recorded one; the same ruling twice is one approval', () => {
    expect(afterPlanApproved({ ...plan, ...open({ planRulingRef: '(2027)粤01破1号之二' }) })).toEqual({ action: 'RECORD_PLAN' });
    expect(afterPlanApproved({ ...plan, ...open({ planRulingRef: plan.rulingRef }) })).toEqual({ action: 'NOTHING', reason: 'ALREADY_RECORDED' });
  });

  it('takes nothing for an ended entity, whatever else holds', () => {
    for (const status of ENTITY_STATES) {
      const expected = status === 'DEREGISTERED' || status === 'STRUCK_OFF' ? { action: 'NOTHING', reason: 'ENTITY_ENDED' } : { action: 'RECORD_PLAN' };
      expect(afterPlanApproved({ ...plan, entityStatus: status })).toEqual(expected);
      expect(afterPlanApproved({ ...plan, ...open(), entityStatus: status })).toEqual(expected);
    }
  });

  it('an entity under another open case keeps it; a closed earlier case does not stand in the way of a new one', () => {
    expect(afterPlanApproved({ ...plan, ...open({ caseId: 'BK-2' }) })).toEqual({ action: 'NOTHING', reason: 'OTHER_CASE' });
    expect(afterPlanApproved({ ...plan, recordedCase: { caseId: 'BK-2', closed: true } })).toEqual({ action: 'RECORD_PLAN' });
  });

  it('a plan arriving after registration recorded this case closed does not reopen it', () => {
    expect(afterPlanApproved({ ...plan, recordedCase: { caseId: 'BK-1', closed: true } })).toEqual({ action: 'NOTHING', reason: 'CASE_CLOSED' });
    expect(afterPlanApproved({ ...plan, recordedCase: { caseId: 'BK-1', closed: true, planRulingRef: '(2027)粤01破1号之二' } })).toEqual({ action: 'NOTHING', reason: 'CASE_CLOSED' });
  });

  it('the public register shows the stage: proceedings, plan executing, closed', () => {
    expect(publicBankruptcyStage({})).toBe('PROCEEDINGS');
    expect(publicBankruptcyStage({ plan: {} })).toBe('PLAN_EXECUTING');
    expect(publicBankruptcyStage({ plan: {}, closed: {} })).toBe('CLOSED');
    expect(publicBankruptcyStage({ closed: {} })).toBe('CLOSED');
  });
});

import { WorkingCalendar } from '@one-window/shared/calendar';
import { TransitionNotAllowedError } from '@one-window/shared/state-machine';
import { RiskDeadlineNotMissedError } from './errors';
import { RiskCase } from './risk-case';
import { RISK_CASE_MACHINE } from './risk-case-machine';
import { at, catchError, describeTaxMachine } from './testing';

const calendar = WorkingCalendar.chinaMainland();
const TP = '91440101MA5XXXXX0A';

describeTaxMachine(RISK_CASE_MACHINE);

function detected(t = at('2026-09-30T10:00')) {
  return RiskCase.detect({
    caseId: 'risk-1',
    taxpayerId: TP,
    source: { kind: 'LIST_HIT', hit: { list: 'FALSE_INVOICING', origin: 'STA', date: '2026-09-29' } },
    level: 'medium',
    at: t,
    calendar,
  });
}

describe('RiskCase: the R8.6 escalation ladder', () => {
  it('detect → DETECTED, tax.risk.detected; a false-invoicing hit makes the level high; reminder due in 1 WD across National Day', () => {
    const { aggregate, events } = detected();
    expect(aggregate.state.status).toBe('DETECTED');
    expect(aggregate.state.level).toBe('high');
    // 2026-09-30 (Wed) → Oct 1–7 holiday → 1st WD is Thu 2026-10-08; due at its end.
    expect(aggregate.state.stepDueAt).toEqual(at('2026-10-09T00:00'));
    expect(events).toEqual([
      {
        type: 'tax.risk.detected',
        aggregateId: TP,
        occurredAt: at('2026-09-30T10:00'),
        data: { caseId: 'risk-1', taxpayerId: TP, level: 'high', listHits: [{ list: 'FALSE_INVOICING', origin: 'STA', date: '2026-09-29' }] },
      },
    ]);
  });

  it('a monitoring-rule detection keeps the given level', () => {
    const { aggregate, events } = RiskCase.detect({ caseId: 'r2', taxpayerId: TP, source: { kind: 'MONITORING_RULE', ruleId: 'INV-SPIKE-01' }, level: 'medium', at: at('2026-06-01T09:00'), calendar });
    expect(aggregate.state.level).toBe('medium');
    expect(events[0].data).toMatchObject({ ruleId: 'INV-SPIKE-01', listHits: [] });
  });

  it('happy path: REMINDED (self-check due 5 WD, counting the Oct 10 Saturday working day) → SELF_CORRECTING (15 WD) → RESOLVED', () => {
    const reminded = detected().aggregate.sendReminder({ at: at('2026-10-09T09:00'), calendar }).aggregate;
    expect(reminded.state.status).toBe('REMINDED');
    // Fri Oct 9 → Sat Oct 10 (调休上班) 1, Mon 12 2, 13 3, 14 4, Thu 15 5.
    expect(reminded.state.stepDueAt).toEqual(at('2026-10-16T00:00'));

    const correcting = reminded.startSelfCheck({ at: at('2026-10-15T16:00'), calendar, applicantId: TP }).aggregate;
    expect(correcting.state.status).toBe('SELF_CORRECTING');
    // 15 WD after Thu Oct 15: Oct 16, 19–23, 26–30, Nov 2–5 → end of Thu 2026-11-05.
    expect(correcting.state.stepDueAt).toEqual(at('2026-11-06T00:00'));
    expect(correcting.isStepOverdue(at('2026-11-05T23:59'))).toBe(false);
    expect(correcting.isStepOverdue(at('2026-11-06T00:00'))).toBe(true);

    const { aggregate, events } = correcting.verifyCorrection({ at: at('2026-11-02T10:00'), officerId: 'risk-officer-7' });
    expect(aggregate.state.status).toBe('RESOLVED');
    expect(aggregate.state.stepDueAt).toBeUndefined();
    expect(aggregate.keepsBlocks).toBe(false);
    expect(events).toMatchObject([{ type: 'tax.risk.resolved', data: { caseId: 'risk-1', blocksLifted: true, level: 'high' } }]);
    expect(aggregate.state.history.map((h) => [h.trigger, h.to, h.actor])).toEqual([
      ['detect', 'DETECTED', 'system'],
      ['send_reminder', 'REMINDED', 'system'],
      ['start_self_check', 'SELF_CORRECTING', 'applicant'],
      ['verify_correction', 'RESOLVED', 'officer_risk'],
    ]);
  });

  it('escalation for a missed deadline: refused before the due instant, allowed at it; the block stays', () => {
    const reminded = detected().aggregate.sendReminder({ at: at('2026-10-09T09:00'), calendar }).aggregate;
    const early = catchError(() => reminded.escalate({ at: at('2026-10-15T23:59'), officerId: 'o', reason: 'DEADLINE_MISSED' }));
    expect(early).toBeInstanceOf(RiskDeadlineNotMissedError);
    expect(early).toMatchObject({ code: 'tax.risk.deadline_not_missed' });
    const { aggregate, events } = reminded.escalate({ at: at('2026-10-16T00:00'), officerId: 'o', reason: 'DEADLINE_MISSED' });
    expect(aggregate.state.status).toBe('ENFORCEMENT');
    expect(aggregate.keepsBlocks).toBe(true);
    expect(events).toMatchObject([{ type: 'tax.risk.escalated', data: { reason: 'DEADLINE_MISSED', blocksLifted: false } }]);
  });

  it('escalation for a refused correction is allowed at any time during self-correction', () => {
    const correcting = detected()
      .aggregate.sendReminder({ at: at('2026-10-09T09:00'), calendar })
      .aggregate.startSelfCheck({ at: at('2026-10-12T09:00'), calendar, applicantId: TP }).aggregate;
    expect(correcting.escalate({ at: at('2026-10-13T09:00'), officerId: 'o', reason: 'CORRECTION_REFUSED' }).aggregate.state.escalation).toMatchObject({ reason: 'CORRECTION_REFUSED' });
  });

  it('refuses steps out of order (code tax.transition.not_allowed)', () => {
    const d = detected().aggregate;
    expect(() => d.escalate({ at: at('2026-10-12T09:00'), officerId: 'o', reason: 'CORRECTION_REFUSED' })).toThrow(TransitionNotAllowedError);
    expect(catchError(() => d.startSelfCheck({ at: at('2026-10-12T09:00'), calendar, applicantId: TP }))).toMatchObject({ code: 'tax.transition.not_allowed' });
  });

  it('the original aggregate is untouched', () => {
    const d = detected().aggregate;
    d.sendReminder({ at: at('2026-10-08T09:00'), calendar });
    expect(d.state.status).toBe('DETECTED');
  });
});

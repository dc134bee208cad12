import { NotSameCallerError, NotYetDueError } from '../shared/errors';
import { at, catchError } from '../shared/machine-testing';
import { TransitionNotAllowedError, ActorNotAllowedError } from '../shared/state-machine';
import { clocksFor } from './clocks';
import {
  CoordinationRefusedError,
  ExtensionRefusedError,
  NotAssignedUnitError,
  RatingRefusedError,
  RehandlingRefusedError,
  ReplyRefusedError,
  ReportRefusedError,
  ReturnRefusedError,
  TicketRuleError,
} from './errors';
import { calendar, CALLER, dispatched, handledAndAudited, inProgress, registered, REPORT_FOR, UNIT, UNIT_B, UNIT_C, UNIT_D } from './test-fixtures';
import { Ticket } from './ticket';

const code = (fn: () => unknown) => (catchError(fn) as { code: string }).code;
const dutyEvidence = [
  { kind: 'OWN_POWERS' as const, ref: 'doc-powers' },
  { kind: 'OUTSIDE_POWERS' as const, ref: 'doc-outside' },
];

function returnAndApprove(t: Ticket, from: string, to: string, requestAt: Date, approveAt: Date): Ticket {
  const requested = t.requestReturn({ at: requestAt, unitId: from, disputeType: 'DUTY', reasons: ['Not our duty'], evidence: dutyEvidence }).aggregate;
  return requested.approveReturn({ at: approveAt, agentId: 'agent-1', newUnitId: to, calendar }).aggregate;
}

describe('Ticket: registration and dispatch (rows #1, #4; 002 L1527–1531, L1539)', () => {
  it('registers with the dispatch due 1 WD later and emits ticket.registered', () => {
    const out = Ticket.register({ id: 't-9', submissionId: 's-9', jurisdictionId: 'CN-44-01', type: 'HELP', scenarioCode: 'X', channel: 'WEB', callerKey: CALLER, at: at('2026-09-30T09:00'), agentId: 'a', calendar, splitIndex: 2, splitCount: 3 });
    expect(out.aggregate.state).toMatchObject({ state: 'REGISTERED', round: 1, dispatchDueAt: at('2026-10-09T00:00') });
    expect(out.events[0]).toMatchObject({ type: 'complaints.ticket.registered', aggregateId: 't-9', partitionKey: 's-9', data: { splitIndex: 2, splitCount: 3, dispatchDueAt: at('2026-10-09T00:00').toISOString() } });
    expect(JSON.stringify(out.events)).not.toContain(CALLER);
  });

  it('dispatch on 2026-09-30 sets the National Day deadlines exactly: complaint end of Oct 20, consultation end of Oct 9', () => {
    const complaint = dispatched('COMPLAINT', at('2026-09-30T10:00'));
    expect(complaint.state.handling).toMatchObject({ clockStartAt: at('2026-10-08T00:00'), limitWd: 10, deadlineAt: at('2026-10-21T00:00') });
    const consultation = dispatched('CONSULTATION', at('2026-09-30T10:00'));
    expect(consultation.state.handling?.deadlineAt).toEqual(at('2026-10-10T00:00'));
  });

  it('dispatch on Fri 2026-02-13 (Spring Festival): consultation end of Feb 24, complaint end of Mar 5', () => {
    expect(dispatched('CONSULTATION', at('2026-02-13T15:00')).state.handling?.deadlineAt).toEqual(at('2026-02-25T00:00'));
    expect(dispatched('COMPLAINT', at('2026-02-13T15:00')).state.handling?.deadlineAt).toEqual(at('2026-03-06T00:00'));
  });

  it('emits ticket.dispatched with the clock; partition key is the submission id', () => {
    const out = registered().dispatch({ at: at('2026-09-30T10:00'), actor: 'district_body', by: 'district-1', unitId: UNIT, calendar });
    expect(out.events).toHaveLength(1);
    expect(out.events[0]).toMatchObject({
      type: 'complaints.ticket.dispatched',
      aggregateId: 't-1',
      partitionKey: 's-1',
      data: { reason: 'INITIAL', limitWd: 10, clockStartAt: at('2026-10-08T00:00').toISOString(), deadlineAt: at('2026-10-21T00:00').toISOString(), unitId: UNIT, state: 'DISPATCHED' },
    });
  });

  it('an assigned deadline overrides the limit (002 L1537) and cannot be extended locally', () => {
    const t = dispatched('COMPLAINT', at('2026-03-02T10:00'), { assignedDeadline: at('2026-03-06T18:00') }).accept({ at: at('2026-03-02T11:00'), unitId: UNIT }).aggregate;
    expect(t.state.handling?.deadlineAt).toEqual(at('2026-03-06T18:00'));
    expect(code(() => t.extend({ at: at('2026-03-03T10:00'), unitId: UNIT, workingDays: 1, reason: 'r', publicReason: 'p', calendar }))).toBe('complaints.extension.assigned_deadline');
  });

  it('a caller or a unit cannot dispatch', () => {
    expect(catchError(() => registered().dispatch({ at: at('2026-09-30T10:00'), actor: 'caller' as never, by: 'x', unitId: UNIT, calendar }))).toBeInstanceOf(ActorNotAllowedError);
  });
});

describe('Ticket: direct answer and guidance (rows #2, #3)', () => {
  const point = { id: 'kp-1', status: 'PUBLISHED' as const, validUntil: at('2027-01-01T00:00') };

  it('a consultation answered from a published, unexpired point closes ANSWERED_FROM_KB (002 L1527)', () => {
    const out = registered('CONSULTATION').answerFromKnowledgeBase({ at: at('2026-09-29T09:05'), agentId: 'a', points: [point] });
    expect(out.aggregate.state).toMatchObject({ state: 'CLOSED', closeReason: 'ANSWERED_FROM_KB', knowledgePointIds: ['kp-1'] });
    expect(out.events.map((e) => e.type)).toEqual(['complaints.ticket.answered_directly', 'complaints.ticket.closed']);
  });

  it('refuses an expired point, or a non-consultation', () => {
    expect(code(() => registered('CONSULTATION').answerFromKnowledgeBase({ at: at('2027-01-01T00:00'), agentId: 'a', points: [point] }))).toBe('complaints.ticket.knowledge_point_unusable');
    expect(code(() => registered('COMPLAINT').answerFromKnowledgeBase({ at: at('2026-09-29T09:05'), agentId: 'a', points: [point] }))).toBe('complaints.ticket.not_consultation');
  });

  it('guidance closes GUIDED (002 L1513)', () => {
    expect(registered().guide({ at: at('2026-09-29T09:05'), agentId: 'a', guidanceText: 'Go to court' }).aggregate.state.closeReason).toBe('GUIDED');
  });
});

describe('Ticket: the unit check and returns (rows #5–#10; 002 L1541–1558)', () => {
  it('accepts within the window; the timer auto-accepts only at the window end (design)', () => {
    const t = dispatched();
    expect(t.accept({ at: at('2026-10-08T09:00'), unitId: UNIT }).aggregate.state.state).toBe('IN_PROGRESS');
    expect(catchError(() => t.accept({ at: at('2026-10-08T09:00'), unitId: UNIT_B }))).toBeInstanceOf(NotAssignedUnitError);
    expect(catchError(() => t.autoAccept({ at: at('2026-10-09T23:59:59.999') }))).toBeInstanceOf(NotYetDueError);
    expect(t.autoAccept({ at: at('2026-10-10T00:00') }).events[0]).toMatchObject({ type: 'complaints.ticket.accepted', data: { auto: true } });
  });

  it('a return is requested within 2 WD of receipt: at the last instant yes, at the window end no (002 L1545)', () => {
    const t = dispatched();
    const ok = t.requestReturn({ at: at('2026-10-09T23:59:59.999'), unitId: UNIT, disputeType: 'DUTY', reasons: ['x'], evidence: dutyEvidence });
    expect(ok.aggregate.state.state).toBe('RETURN_REQUESTED');
    expect(code(() => t.requestReturn({ at: at('2026-10-10T00:00'), unitId: UNIT, disputeType: 'DUTY', reasons: ['x'], evidence: dutyEvidence }))).toBe('complaints.return.window_closed');
    expect(code(() => t.requestReturn({ at: at('2026-10-10T00:01'), unitId: UNIT, disputeType: 'DUTY', reasons: ['x'], evidence: dutyEvidence }))).toBe('complaints.return.window_closed');
  });

  it.each([
    ['DUTY', [{ kind: 'OWN_POWERS', ref: 'a' }], 'OUTSIDE_POWERS'],
    ['MAINTENANCE', [], 'MAINTENANCE_SCOPE or HANDOVER_DOCUMENT'],
    ['JURISDICTION', [{ kind: 'DOCUMENT', ref: 'a' }], 'OWN_AREA'],
    ['DOCUMENT', [], 'DOCUMENT'],
  ] as const)('a %s return without the evidence is refused (002 L1549–1552)', (disputeType, evidence, missing) => {
    const error = catchError(() => dispatched().requestReturn({ at: at('2026-10-08T10:00'), unitId: UNIT, disputeType, reasons: ['x'], evidence }));
    expect(error).toBeInstanceOf(ReturnRefusedError);
    expect((error as ReturnRefusedError).details).toMatchObject({ missing: [missing] });
  });

  it('a maintenance return with the handover document alone is enough; reasons are always required', () => {
    const t = dispatched();
    expect(t.requestReturn({ at: at('2026-10-08T10:00'), unitId: UNIT, disputeType: 'MAINTENANCE', reasons: ['x'], evidence: [{ kind: 'HANDOVER_DOCUMENT', ref: 'h' }] }).aggregate.state.state).toBe('RETURN_REQUESTED');
    expect(code(() => t.requestReturn({ at: at('2026-10-08T10:00'), unitId: UNIT, disputeType: 'DUTY', reasons: [' '], evidence: dutyEvidence }))).toBe('complaints.return.reasons_missing');
  });

  it('an approved return restarts the clock from the new dispatch (002 L1554)', () => {
    const t = returnAndApprove(dispatched('COMPLAINT', at('2026-09-30T10:00')), UNIT, UNIT_B, at('2026-10-08T10:00'), at('2026-10-09T15:00'));
    expect(t.state).toMatchObject({ state: 'DISPATCHED', unitId: UNIT_B });
    // new dispatch Fri Oct 9 → clock from Sat Oct 10 (worked): Oct 10, 12–16, 19–22 → end of Thu Oct 22
    expect(t.state.handling).toMatchObject({ clockStartAt: at('2026-10-10T00:00'), deadlineAt: at('2026-10-23T00:00') });
    expect(t.state.dispatches.map((d) => d.reason)).toEqual(['INITIAL', 'RETURN_APPROVED']);
  });

  it('a rejected return keeps the clock running for the original unit (002 L1554)', () => {
    const requested = dispatched('COMPLAINT', at('2026-09-30T10:00')).requestReturn({ at: at('2026-10-08T10:00'), unitId: UNIT, disputeType: 'DUTY', reasons: ['x'], evidence: dutyEvidence }).aggregate;
    const out = requested.rejectReturn({ at: at('2026-10-09T15:00'), agentId: 'agent-1', reason: 'It is your duty' });
    expect(out.aggregate.state).toMatchObject({ state: 'IN_PROGRESS', unitId: UNIT });
    expect(out.aggregate.state.handling?.deadlineAt).toEqual(at('2026-10-21T00:00'));
    expect(out.events[0]).toMatchObject({ type: 'complaints.ticket.return_decided', data: { decision: 'REJECTED', clockEffect: 'CONTINUE' } });
  });

  it('joint handling: lead plus co-handlers; the lead names them within 2 WD (002 L1556)', () => {
    const requested = dispatched('COMPLAINT', at('2026-09-30T10:00')).requestReturn({ at: at('2026-10-08T10:00'), unitId: UNIT, disputeType: 'DUTY', reasons: ['x'], evidence: dutyEvidence }).aggregate;
    const joint = requested.approveReturn({ at: at('2026-10-08T16:00'), agentId: 'a', newUnitId: UNIT_B, coHandlerUnitIds: [UNIT_C], calendar }).aggregate;
    expect(joint.state.history[joint.state.history.length - 1].trigger).toBe('approve_return_jointly');
    expect(joint.state.coHandlingOrder?.dueAt).toEqual(at('2026-10-11T00:00')); // Oct 9, Sat Oct 10
    expect(clocksFor(joint, at('2026-10-08T17:00'), calendar).map((c) => c.clock)).toContain('CO_HANDLER_NOTICE');
    const named = joint.assignCoHandlers({ at: at('2026-10-09T10:00'), unitId: UNIT_B, coHandlers: [{ unitId: UNIT_C, items: ['pipe repair'] }] });
    expect(named.events[0]).toMatchObject({ type: 'complaints.ticket.cohandlers_assigned', data: { leadUnitId: UNIT_B, coHandlers: [{ unitId: UNIT_C, items: ['pipe repair'] }] } });
    expect(named.aggregate.state.coHandlingOrder).toBeUndefined();
  });

  describe('difficult-ticket coordination after returns approved for 3 distinct units (002 L1558–1566)', () => {
    function toCoordination(): Ticket {
      let t = returnAndApprove(dispatched('COMPLAINT', at('2026-03-02T10:00')), UNIT, UNIT_B, at('2026-03-02T11:00'), at('2026-03-02T12:00'));
      t = returnAndApprove(t, UNIT_B, UNIT_C, at('2026-03-02T13:00'), at('2026-03-02T14:00'));
      const requested = t.requestReturn({ at: at('2026-03-03T09:00'), unitId: UNIT_C, disputeType: 'DUTY', reasons: ['x'], evidence: dutyEvidence }).aggregate;
      return requested.approveReturn({ at: at('2026-03-03T10:00'), agentId: 'a', calendar }).aggregate;
    }

    it('the third distinct approval goes to IN_COORDINATION and suspends the handling clock', () => {
      const t = toCoordination();
      expect(t.state.state).toBe('IN_COORDINATION');
      expect(t.approvedReturnUnits()).toEqual([UNIT, UNIT_B, UNIT_C]);
      expect(t.state.handling).toBeUndefined();
    });

    it('guidance limits by dispute type; the decision waits for opinions or their deadline; the decided unit may not return', () => {
      let t = toCoordination();
      t = t.requestGuidance({ at: at('2026-03-03T11:00'), supervisorId: 'sup', requestId: 'g1', kind: 'INTER_DISTRICT', guidanceBodyId: 'city-guidance', calendar }).aggregate;
      t = t.requestGuidance({ at: at('2026-03-03T11:00'), supervisorId: 'sup', requestId: 'g2', kind: 'LAW_APPLICATION', guidanceBodyId: 'justice', calendar }).aggregate;
      expect(t.state.coordination?.guidance.map((g) => g.dueAt)).toEqual([at('2026-03-06T00:00'), at('2026-03-11T00:00')]);
      t = t.giveGuidance({ at: at('2026-03-04T10:00'), guidanceBodyId: 'city-guidance', requestId: 'g1', opinion: 'District D' }).aggregate;
      const decide = (when: Date) => t.decideUnit({ at: when, supervisorId: 'sup', unitId: UNIT_D, calendar });
      expect(catchError(() => decide(at('2026-03-10T23:59:59.999')))).toBeInstanceOf(CoordinationRefusedError);
      const decided = decide(at('2026-03-11T00:00')).aggregate;
      expect(decided.state).toMatchObject({ state: 'DISPATCHED', unitId: UNIT_D });
      expect(decided.state.handling?.clockStartAt).toEqual(at('2026-03-12T00:00'));
      expect(code(() => decided.requestReturn({ at: at('2026-03-11T10:00'), unitId: UNIT_D, disputeType: 'DUTY', reasons: ['x'], evidence: dutyEvidence }))).toBe('complaints.return.barred_after_coordination');
    });
  });
});

describe('Ticket: extensions (row #13; 002 L1570)', () => {
  const t = inProgress('COMPLAINT', at('2026-09-30T10:00')); // due end of Oct 20
  const extend = (x: Ticket, when: Date, days: number) => x.extend({ at: when, unitId: UNIT, workingDays: days, reason: 'site survey', publicReason: 'Needs a survey', calendar });

  it('extends from the previous deadline, twice, chained (Q3)', () => {
    const once = extend(t, at('2026-10-15T10:00'), 10);
    expect(once.aggregate.state.handling?.deadlineAt).toEqual(at('2026-11-04T00:00')); // Oct 21–23, 26–30, Nov 2, 3
    expect(once.events[0]).toMatchObject({ type: 'complaints.ticket.extended', data: { extensionNo: 1, previousDeadlineAt: at('2026-10-21T00:00').toISOString(), publicReason: 'Needs a survey' } });
    const twice = extend(once.aggregate, at('2026-11-02T10:00'), 5);
    expect(twice.aggregate.state.handling?.deadlineAt).toEqual(at('2026-11-11T00:00'));
  });

  it('a third extension is refused', () => {
    const twice = extend(extend(t, at('2026-10-15T10:00'), 1).aggregate, at('2026-10-16T10:00'), 1).aggregate;
    expect(code(() => extend(twice, at('2026-10-19T10:00'), 1))).toBe('complaints.extension.max_count_reached');
  });

  it('an extension longer than the original limit is refused (10 WD ok, 11 WD not; consultation 2/3)', () => {
    expect(extend(t, at('2026-10-15T10:00'), 10).aggregate.state.extensions).toHaveLength(1);
    expect(code(() => extend(t, at('2026-10-15T10:00'), 11))).toBe('complaints.extension.too_long');
    const consult = inProgress('CONSULTATION', at('2026-09-30T10:00'));
    expect(code(() => extend(consult, at('2026-10-08T10:00'), 3))).toBe('complaints.extension.too_long');
  });

  it('before the deadline only: the last instant yes, the due instant and one minute later no', () => {
    expect(extend(t, at('2026-10-20T23:59:59.999'), 1).aggregate.state.extensions).toHaveLength(1);
    expect(code(() => extend(t, at('2026-10-21T00:00'), 1))).toBe('complaints.extension.deadline_passed');
    expect(code(() => extend(t, at('2026-10-21T00:01'), 1))).toBe('complaints.extension.deadline_passed');
  });

  it('an extension states a reason told to the caller', () => {
    expect(catchError(() => t.extend({ at: at('2026-10-15T10:00'), unitId: UNIT, workingDays: 1, reason: 'x', publicReason: ' ', calendar }))).toBeInstanceOf(ExtensionRefusedError);
  });
});

describe('Ticket: overdue (002 L1539) — boundary', () => {
  const t = inProgress('COMPLAINT', at('2026-09-30T10:00'));

  it('not overdue at the last instant of Oct 20; overdue at the due instant and one minute later', () => {
    expect(t.isOverdueAt(at('2026-10-20T23:59:59.999'))).toBe(false);
    expect(t.isOverdueAt(at('2026-10-21T00:00'))).toBe(true);
    expect(catchError(() => t.markOverdue({ at: at('2026-10-20T23:59:59.999') }))).toBeInstanceOf(NotYetDueError);
    const out = t.markOverdue({ at: at('2026-10-21T00:01') });
    expect(out.aggregate.state.overdue).toBe(true);
    expect(out.events[0]).toMatchObject({ type: 'complaints.ticket.overdue', data: { deadlineAt: at('2026-10-21T00:00').toISOString() } });
    expect(out.aggregate.markOverdue({ at: at('2026-10-22T00:00') }).events).toEqual([]);
  });

  it('a report submitted on time but failed at audit after the deadline is overdue then (002 L1539, row #20)', () => {
    const replied = t.recordReply({ at: at('2026-10-20T10:00'), unitId: UNIT, outcome: 'REPLIED', method: 'PHONE', attempts: [at('2026-10-20T10:00')], evidenceRef: 'r' }).aggregate;
    const submitted = replied.submit({ at: at('2026-10-20T11:00'), unitId: UNIT, outcomeCode: 'HANDLED', report: REPORT_FOR.COMPLAINT }).aggregate;
    const failed = submitted.auditFail({ at: at('2026-10-21T09:00'), actor: 'hotline_agent', by: 'a', reasons: ['No result'] });
    expect(failed.aggregate.state).toMatchObject({ state: 'IN_PROGRESS', overdue: true });
    expect(failed.events.map((e) => e.type)).toEqual(['complaints.ticket.audited', 'complaints.ticket.overdue']);
  });

  it('onTime is fixed at audit pass from the report submittedAt (row #19)', () => {
    const late = t.recordReply({ at: at('2026-10-21T10:00'), unitId: UNIT, outcome: 'REPLIED', method: 'SMS', attempts: [], evidenceRef: 'r' }).aggregate
      .submit({ at: at('2026-10-21T11:00'), unitId: UNIT, outcomeCode: 'HANDLED', report: REPORT_FOR.COMPLAINT }).aggregate
      .auditPass({ at: at('2026-10-21T15:00'), actor: 'district_body', by: 'd', calendar });
    expect(late.aggregate.state.onTime).toBe(false);
    expect(late.events[1]).toMatchObject({ type: 'complaints.ticket.submitted', data: { onTime: false, outcomeCode: 'HANDLED' } });
    expect(handledAndAudited(t, at('2026-10-20T23:00')).state.onTime).toBe(true);
  });
});

describe('Ticket: added facts (rows #14, #15; 002 L1572–1576)', () => {
  const t = inProgress('COMPLAINT', at('2026-09-30T10:00'));
  const added = t.addFacts({ at: at('2026-10-12T15:00'), actor: 'hotline_agent', callerKey: CALLER, summary: 'The leak spread' }).aggregate;

  it('only from the same phone or account (002 L1495)', () => {
    expect(catchError(() => t.addFacts({ at: at('2026-10-12T15:00'), actor: 'caller', callerKey: 'other', summary: 'x' }))).toBeInstanceOf(NotSameCallerError);
  });

  it('facts that affect handling restart the clock from 00:00 of the next WD after receipt', () => {
    const out = added.assessFacts({ at: at('2026-10-13T09:00'), unitId: UNIT, factsNo: 1, affectsHandling: true, note: 'Explained to caller', calendar });
    expect(out.aggregate.state.handling).toMatchObject({ startedBy: 'FACTS', clockStartAt: at('2026-10-13T00:00'), deadlineAt: at('2026-10-27T00:00') });
    expect(out.events[0]).toMatchObject({ data: { affectsHandling: true, clockEffect: 'RESTART' } });
  });

  it('facts that do not affect handling leave the clock; unassessed facts block submission', () => {
    expect(added.assessFacts({ at: at('2026-10-13T09:00'), unitId: UNIT, factsNo: 1, affectsHandling: false, note: 'Called', calendar }).aggregate.state.handling?.deadlineAt).toEqual(at('2026-10-21T00:00'));
    const replied = added.recordReply({ at: at('2026-10-14T10:00'), unitId: UNIT, outcome: 'REPLIED', method: 'PHONE', attempts: [], evidenceRef: 'r' }).aggregate;
    expect(code(() => replied.submit({ at: at('2026-10-14T11:00'), unitId: UNIT, outcomeCode: 'HANDLED', report: REPORT_FOR.COMPLAINT }))).toBe('complaints.ticket.facts_pending');
  });

  it('the extension count does not reset after a restart (Q7)', () => {
    const ext = (x: Ticket, when: Date) => x.extend({ at: when, unitId: UNIT, workingDays: 1, reason: 'r', publicReason: 'p', calendar }).aggregate;
    const twice = ext(ext(t, at('2026-10-09T10:00')), at('2026-10-09T11:00'));
    const restarted = twice
      .addFacts({ at: at('2026-10-12T15:00'), actor: 'caller', callerKey: CALLER, summary: 'x' }).aggregate
      .assessFacts({ at: at('2026-10-13T09:00'), unitId: UNIT, factsNo: 1, affectsHandling: true, note: 'n', calendar }).aggregate;
    expect(code(() => ext(restarted, at('2026-10-14T10:00')))).toBe('complaints.extension.max_count_reached');
  });
});

describe('Ticket: reply, verification and submission (rows #16–#18; 002 L1519, L1578–1600)', () => {
  const t = inProgress('COMPLAINT', at('2026-09-30T10:00'));

  it('unreachable needs 3 attempts ≥15 min apart (002 L1578)', () => {
    const tries = [at('2026-10-08T10:00'), at('2026-10-08T10:14'), at('2026-10-08T10:30')];
    expect(catchError(() => t.recordReply({ at: at('2026-10-08T11:00'), unitId: UNIT, outcome: 'UNREACHABLE', attempts: tries, evidenceRef: 'log' }))).toBeInstanceOf(ReplyRefusedError);
    const ok = t.recordReply({ at: at('2026-10-08T11:00'), unitId: UNIT, outcome: 'UNREACHABLE', attempts: [...tries, at('2026-10-08T10:45')], evidenceRef: 'log' });
    expect(ok.events[0]).toMatchObject({ type: 'complaints.ticket.reply_recorded', data: { outcome: 'UNREACHABLE', attemptCount: 4 } });
  });

  it('a report needs the reply first and the type-specific content (002 L1580–1600)', () => {
    expect(code(() => t.submit({ at: at('2026-10-08T12:00'), unitId: UNIT, outcomeCode: 'HANDLED', report: REPORT_FOR.COMPLAINT }))).toBe('complaints.report.reply_missing');
    const consult = inProgress('CONSULTATION').recordReply({ at: at('2026-10-08T10:00'), unitId: UNIT, outcome: 'DECLINED', attempts: [], evidenceRef: 'rec' }).aggregate;
    const error = catchError(() => consult.submit({ at: at('2026-10-08T12:00'), unitId: UNIT, outcomeCode: 'HANDLED', report: { process: { steps: 's', result: 'r' } } }));
    expect(error).toBeInstanceOf(ReportRefusedError);
    expect((error as ReportRefusedError).details['problems']).toEqual(['answerBasis (002 L1592)']);
  });

  it('CALLER_UNREACHABLE needs 3 unanswered verification calls ≥15 min apart or a refusal (002 L1519)', () => {
    const replied = t.recordReply({ at: at('2026-10-08T10:00'), unitId: UNIT, outcome: 'DECLINED', attempts: [], evidenceRef: 'rec' }).aggregate;
    expect(code(() => replied.submit({ at: at('2026-10-08T12:00'), unitId: UNIT, outcomeCode: 'CALLER_UNREACHABLE', report: REPORT_FOR.COMPLAINT }))).toBe('complaints.report.caller_reachable');
    const refused = replied.recordVerificationAttempt({ at: at('2026-10-08T11:00'), unitId: UNIT, refused: true }).aggregate;
    expect(refused.submit({ at: at('2026-10-08T12:00'), unitId: UNIT, outcomeCode: 'CALLER_UNREACHABLE', report: REPORT_FOR.COMPLAINT }).aggregate.state.state).toBe('SUBMITTED');
  });

  it('a special category may be submitted straight from DISPATCHED (002 L1544, L1646); other outcomes not', () => {
    const d = dispatched();
    const report = { ...REPORT_FOR.COMPLAINT, evidenceRefs: ['proof'] };
    expect(d.submit({ at: at('2026-10-08T10:00'), unitId: UNIT, outcomeCode: 'SPECIAL_CATEGORY:ART11_2_3', report }).aggregate.state.state).toBe('SUBMITTED');
    expect(code(() => d.submit({ at: at('2026-10-08T10:00'), unitId: UNIT, outcomeCode: 'HANDLED', report }))).toBe('complaints.report.special_category_only');
    expect(code(() => d.submit({ at: at('2026-10-08T10:00'), unitId: UNIT, outcomeCode: 'SPECIAL_CATEGORY:ART99', report }))).toBe('complaints.report.incomplete');
  });
});

describe('Ticket: satisfaction (rows #19, #21, #22; 002 L1634–1638)', () => {
  const audited = handledAndAudited(inProgress('COMPLAINT', at('2026-09-30T10:00')), at('2026-10-12T10:00'), 'HANDLED', at('2026-10-12T16:00'));

  it('the rating request is due within 24 h of the audit; the window is 5 ND from its receipt', () => {
    expect(audited.state.ratingRequest?.sendBy).toEqual(at('2026-10-13T16:00'));
    expect(clocksFor(audited, at('2026-10-12T17:00'), calendar)[0]).toMatchObject({ clock: 'RATING_CHANNEL', dueAt: at('2026-10-13T16:00'), status: 'GREEN' });
    const sent = audited.sendRatingRequest({ at: at('2026-10-12T18:00'), calendar }).aggregate;
    expect(sent.state.ratingRequest?.windowDueAt).toEqual(at('2026-10-18T00:00'));
  });

  const sent = audited.sendRatingRequest({ at: at('2026-10-12T18:00'), calendar }).aggregate;

  it('a satisfied grade closes RATED; an invalid answer is ignored', () => {
    expect(sent.rate({ at: at('2026-10-13T10:00'), callerKey: CALLER, answer: 'GREAT' })).toEqual({ aggregate: sent, events: [] });
    const out = sent.rate({ at: at('2026-10-13T10:00'), callerKey: CALLER, answer: 'BASICALLY_SATISFIED' });
    expect(out.aggregate.state).toMatchObject({ state: 'CLOSED', closeReason: 'RATED' });
    expect(out.events.map((e) => e.type)).toEqual(['complaints.ticket.rated', 'complaints.ticket.closed']);
    expect(out.events[1]).toMatchObject({ data: { finalGrade: 'BASICALLY_SATISFIED', onTime: true, outcomeCode: 'HANDLED' } });
  });

  it('not rated after 5 natural days: the last instant still rates, the window end is NOT_RATED', () => {
    expect(sent.rate({ at: at('2026-10-17T23:59:59.999'), callerKey: CALLER, answer: 'SATISFIED' }).aggregate.state.state).toBe('CLOSED');
    expect(catchError(() => sent.rate({ at: at('2026-10-18T00:00'), callerKey: CALLER, answer: 'SATISFIED' }))).toBeInstanceOf(RatingRefusedError);
    expect(catchError(() => sent.lapseRating({ at: at('2026-10-17T23:59') }))).toBeInstanceOf(NotYetDueError);
    const lapsed = sent.lapseRating({ at: at('2026-10-18T00:01') });
    expect(lapsed.aggregate.state).toMatchObject({ state: 'CLOSED', closeReason: 'NOT_RATED' });
    expect(lapsed.events[0]).toMatchObject({ type: 'complaints.ticket.rated', data: { grade: 'NOT_RATED' } });
  });

  it('a dissatisfied grade goes to the callback', () => {
    expect(sent.rate({ at: at('2026-10-13T10:00'), callerKey: CALLER, answer: 'VERY_DISSATISFIED' }).aggregate.state.state).toBe('CALLBACK_PENDING');
  });
});

describe('Ticket: re-handling, second rating and the duty opinion (rows #23–#27; 002 L1640–1664)', () => {
  const base = inProgress('COMPLAINT', at('2026-09-30T10:00'));
  const dissatisfied = (t: Ticket, when: Date) =>
    t.sendRatingRequest({ at: when, calendar }).aggregate.rate({ at: new Date(when.getTime() + 3_600_000), callerKey: CALLER, answer: 'DISSATISFIED' }).aggregate;
  const firstDissatisfied = dissatisfied(handledAndAudited(base, at('2026-10-12T10:00')), at('2026-10-12T18:00'));
  const callback = { channel: 'PHONE' as const, reason: 'Lift still broken' };
  const reopened = firstDissatisfied.reopenForRehandling({ at: at('2026-10-13T10:00'), agentId: 'a', callback, calendar });

  it('reopens once with the same limit from 00:00 of the next WD (design), no return and no extension', () => {
    expect(reopened.aggregate.state).toMatchObject({ state: 'REHANDLING', round: 2, rehandled: true });
    expect(reopened.aggregate.state.handling).toMatchObject({ kind: 'REHANDLING', clockStartAt: at('2026-10-14T00:00'), deadlineAt: at('2026-10-28T00:00') });
    expect(reopened.events.map((e) => e.type)).toEqual(['complaints.ticket.callback_recorded', 'complaints.ticket.rehandling_opened', 'complaints.ticket.dispatched']);
    const r = reopened.aggregate;
    expect(code(() => r.requestReturn({ at: at('2026-10-14T10:00'), unitId: UNIT, disputeType: 'DUTY', reasons: ['x'], evidence: dutyEvidence }))).toBe('complaints.return.not_during_rehandling');
    expect(code(() => r.extend({ at: at('2026-10-14T10:00'), unitId: UNIT, workingDays: 1, reason: 'r', publicReason: 'p', calendar }))).toBe('complaints.extension.not_during_rehandling');
  });

  it.each(['CALLER_UNREACHABLE', 'SUGGESTION_NOT_ADOPTED', 'MEDIATION_CONCLUDED', 'FORCE_MAJEURE', 'REPEAT_NO_NEW_FACTS', 'SPECIAL_CATEGORY:ART11_2_2'])(
    'never re-handles %s (002 L1644–1658) but may close with rehandling_skipped',
    (outcome) => {
      const type = outcome === 'SUGGESTION_NOT_ADOPTED' ? 'SUGGESTION' : 'COMPLAINT';
      let t = inProgress(type, at('2026-09-30T10:00'));
      if (outcome === 'CALLER_UNREACHABLE') t = t.recordVerificationAttempt({ at: at('2026-10-08T09:00'), unitId: UNIT, refused: true }).aggregate;
      const replied = t.recordReply({ at: at('2026-10-12T10:00'), unitId: UNIT, outcome: 'REPLIED', method: 'LETTER', attempts: [], evidenceRef: 'r' }).aggregate;
      const report = { ...REPORT_FOR[type], evidenceRefs: ['doc'], adoption: { adopted: false, planOrReasons: 'Outside duties' } };
      const audited = replied.submit({ at: at('2026-10-12T11:00'), unitId: UNIT, outcomeCode: outcome, report }).aggregate.auditPass({ at: at('2026-10-12T12:00'), actor: 'hotline_agent', by: 'a', calendar }).aggregate;
      const pending = dissatisfied(audited, at('2026-10-12T18:00'));
      expect(catchError(() => pending.reopenForRehandling({ at: at('2026-10-13T10:00'), agentId: 'a', callback, calendar }))).toBeInstanceOf(RehandlingRefusedError);
      const closed = pending.closeWithoutRehandling({ at: at('2026-10-13T10:00'), agentId: 'a', callback, reason: 'Excluded' });
      expect(closed.aggregate.state.closeReason).toBe('REHANDLING_SKIPPED');
      expect(closed.events.map((e) => e.type)).toContain('complaints.ticket.rehandling_skipped');
    },
  );

  const secondRound = handledAndAudited(reopened.aggregate, at('2026-10-20T10:00'));

  it('round 2: an audit fail returns to REHANDLING; the second rating closes on any satisfied grade', () => {
    const replied = reopened.aggregate.recordReply({ at: at('2026-10-20T10:00'), unitId: UNIT, outcome: 'REPLIED', method: 'PHONE', attempts: [], evidenceRef: 'r' }).aggregate;
    const submitted = replied.submit({ at: at('2026-10-20T11:00'), unitId: UNIT, outcomeCode: 'HANDLED', report: REPORT_FOR.COMPLAINT }).aggregate;
    expect(submitted.auditFail({ at: at('2026-10-20T12:00'), actor: 'hotline_agent', by: 'a', reasons: ['vague'] }).aggregate.state.state).toBe('REHANDLING');
    expect(secondRound.state).toMatchObject({ state: 'AWAITING_RATING', round: 2, rehandlingOnTime: true, onTime: true });
    const sent = secondRound.sendRatingRequest({ at: at('2026-10-20T18:00'), calendar }).aggregate;
    expect(sent.rate({ at: at('2026-10-21T09:00'), callerKey: CALLER, answer: 'SATISFIED' }).aggregate.state.state).toBe('CLOSED');
  });

  it('a second dissatisfaction: callback, then the duty opinion within 5 WD or lapse (002 L1662–1664); no second re-handling', () => {
    const pending = dissatisfied(secondRound, at('2026-10-20T18:00'));
    expect(catchError(() => pending.reopenForRehandling({ at: at('2026-10-21T10:00'), agentId: 'a', callback, calendar }))).toBeInstanceOf(RehandlingRefusedError);
    const awaiting = pending.recordCallback({ at: at('2026-10-21T10:00'), agentId: 'a', channel: 'SMS', reason: 'Still unhappy', calendar }).aggregate;
    expect(awaiting.state.dutyOpinion?.dueAt).toEqual(at('2026-10-29T00:00')); // Oct 22, 23, 26, 27, 28
    expect(awaiting.fileDutyOpinion({ at: at('2026-10-28T23:59:59.999'), unitId: UNIT, opinion: 'Lawfully handled' }).aggregate.state.closeReason).toBe('DUTY_OPINION_FILED');
    expect(code(() => awaiting.fileDutyOpinion({ at: at('2026-10-29T00:00'), unitId: UNIT, opinion: 'late' }))).toBe('complaints.ticket.duty_opinion_window_closed');
    expect(awaiting.lapseDutyOpinion({ at: at('2026-10-29T00:00') }).aggregate.state.closeReason).toBe('DUTY_OPINION_LAPSED');
  });
});

describe('Ticket: withdrawal, praise, merge (rows #28–#30)', () => {
  it('withdrawal closes and is never rated; a REPORT may still be investigated (002 L1606)', () => {
    const report = dispatched('REPORT').withdraw({ at: at('2026-10-08T10:00'), actor: 'caller', callerKey: CALLER });
    expect(report.aggregate.state).toMatchObject({ closeReason: 'WITHDRAWN', withdrawal: { investigationContinues: true, unitToConfirm: UNIT } });
    expect(report.events[0]).toMatchObject({ type: 'complaints.ticket.withdrawn', data: { investigationContinues: true } });
    expect(catchError(() => dispatched().withdraw({ at: at('2026-10-08T10:00'), actor: 'caller', callerKey: 'other' }))).toBeInstanceOf(NotSameCallerError);
    expect(catchError(() => report.aggregate.withdraw({ at: at('2026-10-08T11:00'), actor: 'caller', callerKey: CALLER }))).toBeInstanceOf(TransitionNotAllowedError);
  });

  it('praise has no handling clock and closes when read (002 L1604)', () => {
    const praise = dispatched('PRAISE');
    expect(praise.state.handling).toBeUndefined();
    expect(praise.markRead({ at: at('2026-10-08T10:00'), unitId: UNIT }).aggregate.state.closeReason).toBe('PRAISE_READ');
    expect(catchError(() => dispatched('COMPLAINT').markRead({ at: at('2026-10-08T10:00'), unitId: UNIT }))).toBeInstanceOf(TicketRuleError);
  });

  it('merge never mixes REPORT with another type (§5)', () => {
    expect(registered().merge({ at: at('2026-09-29T10:00'), agentId: 'a', primary: { id: 't-0', type: 'COMPLAINT', jurisdictionId: 'CN-44-01' } }).aggregate.state.mergedInto).toBe('t-0');
    expect(code(() => registered().merge({ at: at('2026-09-29T10:00'), agentId: 'a', primary: { id: 't-0', type: 'REPORT', jurisdictionId: 'CN-44-01' } }))).toBe('complaints.ticket.merge_not_allowed');
  });
});

describe('Ticket: immutability and versions', () => {
  it('commands return a new aggregate and leave the old one untouched', () => {
    const t = dispatched();
    const next = t.accept({ at: at('2026-10-08T09:00'), unitId: UNIT }).aggregate;
    expect(t.state.state).toBe('DISPATCHED');
    expect(next.state.version).toBe(t.state.version + 1);
    expect(next.state.history.map((h) => h.trigger)).toEqual(['register', 'dispatch', 'accept']);
  });
});

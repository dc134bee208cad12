import { WorkingCalendar } from '@one-window/shared/calendar';
import { at, catchError, describeMachineExhaustively } from '../shared/machine-testing';
import { KnowledgeFeedback, KNOWLEDGE_FEEDBACK_MACHINE, KnowledgeFeedbackRefusedError, knowledgeFeedbackDueAt } from './feedback';
import { knowledgeBaseMetrics } from './kb-metrics';
import { KnowledgePoint } from './knowledge-point';
import { OUTAGE_MACHINE, OutageNotice, OutageRefusedError, outageReminderSlotAt, outageScriptDueAt } from './outage';

const calendar = WorkingCalendar.chinaMainland();
const UNIT = 'unit-housing';

describeMachineExhaustively(KNOWLEDGE_FEEDBACK_MACHINE);
describeMachineExhaustively(OUTAGE_MACHINE);

function raise(raisedAt: Date, urgent = false) {
  return KnowledgeFeedback.raise({ id: 'fb-1', jurisdictionId: 'CN-44-01', unitId: UNIT, pointId: 'kp-1', kind: 'ERROR', urgent, description: 'Wrong income line', at: raisedAt, agentId: 'agent-1', calendar });
}

describe('knowledge feedback: 2 WD, urgent 1 WD (002 L1680–1682)', () => {
  it.each<[string, boolean, string]>([
    // Wed before National Day: Oct 1–7 are holidays
    ['2026-09-30T10:00', false, '2026-10-10T00:00'],
    ['2026-09-30T10:00', true, '2026-10-09T00:00'],
    // Fri Oct 9: Sat Oct 10 is a swapped working day (调休)
    ['2026-10-09T10:00', false, '2026-10-13T00:00'],
    ['2026-10-09T10:00', true, '2026-10-11T00:00'],
    // raised on a holiday: the next WDs count
    ['2026-10-03T10:00', false, '2026-10-10T00:00'],
  ])('raised %s (urgent %s) → due before %s', (raisedAt, urgent, due) => {
    expect(knowledgeFeedbackDueAt(calendar, at(raisedAt), urgent)).toEqual(at(due));
    const out = raise(at(raisedAt), urgent);
    expect(out.aggregate.state.dueAt).toEqual(at(due));
    expect(out.events[0]).toMatchObject({ type: 'complaints.knowledge.feedback_raised', data: { pointId: 'kp-1', urgent, dueAt: at(due).toISOString() } });
  });

  it('resolved by acting, on time up to the last millisecond', () => {
    const fb = raise(at('2026-09-30T10:00')).aggregate;
    const out = fb.resolveActed({ at: at('2026-10-09T23:59:59.999'), unitId: UNIT, actions: ['EDIT', 'REVIEW'], pointIds: ['kp-1'] });
    expect(out.aggregate.state.status).toBe('RESOLVED');
    expect(out.aggregate.state.resolution?.onTime).toBe(true);
    expect(out.events[0]).toMatchObject({ type: 'complaints.knowledge.feedback_resolved', data: { resolution: 'ACTED', onTime: true } });
    expect(() => fb.resolveActed({ at: at('2026-10-09T10:00'), unitId: UNIT, actions: [], pointIds: [] })).toThrow(KnowledgeFeedbackRefusedError);
  });

  it('"no action needed" must be answered with a reason (002 L1682)', () => {
    const fb = raise(at('2026-09-30T10:00')).aggregate;
    const error = catchError(() => fb.resolveNoAction({ at: at('2026-10-08T10:00'), unitId: UNIT, answer: '' }));
    expect((error as KnowledgeFeedbackRefusedError).code).toBe('complaints.knowledge_feedback.answer_required');
    expect(fb.resolveNoAction({ at: at('2026-10-08T10:00'), unitId: UNIT, answer: 'The line is correct' }).events[0].data).toMatchObject({ resolution: 'NO_ACTION' });
  });

  it('OVERDUE by the timer at the due instant; a late answer still resolves it, marked late', () => {
    const fb = raise(at('2026-09-30T10:00'), true).aggregate;
    expect(() => fb.markOverdue({ at: at('2026-10-08T23:59:59.999') })).toThrow(/is due at/);
    const overdue = fb.markOverdue({ at: at('2026-10-09T00:00') }).aggregate;
    expect(overdue.state.status).toBe('OVERDUE');
    expect(overdue.isOverdueAt(at('2026-10-09T00:00'))).toBe(true);
    const late = overdue.resolveActed({ at: at('2026-10-09T09:00'), unitId: UNIT, actions: ['RETIRE'], pointIds: ['kp-1'] }).aggregate;
    expect(late.state).toMatchObject({ status: 'RESOLVED', resolution: { onTime: false } });
  });

  it('feedback other than NEW_POINT names its point; only the addressed unit answers', () => {
    expect(() => KnowledgeFeedback.raise({ id: 'fb', jurisdictionId: 'J', unitId: UNIT, kind: 'UNCLEAR', description: 'd', at: at('2026-09-30T10:00'), agentId: 'a', calendar })).toThrow(/names the point/);
    const fb = KnowledgeFeedback.raise({ id: 'fb', jurisdictionId: 'J', unitId: UNIT, kind: 'NEW_POINT', description: 'New subsidy', at: at('2026-09-30T10:00'), agentId: 'a', calendar }).aggregate;
    expect(() => fb.resolveNoAction({ at: at('2026-10-08T10:00'), unitId: 'other', answer: 'x' })).toThrow(/addressed to/);
  });
});

describe('outage notice (002 L1694)', () => {
  const declare = (startedAt = at('2026-03-02T09:00')) =>
    OutageNotice.declare({
      id: 'out-1',
      jurisdictionId: 'CN-44-01',
      unitId: UNIT,
      cause: 'Database failure',
      startedAt,
      services: ['housing-application'],
      expectedRecoveryAt: at('2026-03-05T18:00'),
      publishedOn: ['homepage', 'wechat'],
      at: new Date(startedAt.getTime() + 3_600_000),
      calendar,
    });

  it('declared with cause, time, services and recovery time; script due within 1 ND of the outage', () => {
    const out = declare();
    expect(out.events[0]).toMatchObject({ type: 'complaints.outage.declared', data: { unitId: UNIT, services: ['housing-application'], scriptDueAt: at('2026-03-04T00:00').toISOString() } });
    expect(outageScriptDueAt(calendar, at('2026-03-02T09:00'))).toEqual(at('2026-03-04T00:00'));
    expect(() => OutageNotice.declare({ id: 'o', jurisdictionId: 'J', unitId: UNIT, cause: '', startedAt: at('2026-03-02T09:00'), services: [], publishedOn: [], at: at('2026-03-02T10:00'), calendar })).toThrow(OutageRefusedError);
  });

  it('script boundary: on time until 23:59:59.999 of the next ND, overdue from 00:00', () => {
    const n = declare().aggregate;
    expect(n.duties(at('2026-03-03T23:59:59.999')).scriptOverdue).toBe(false);
    expect(n.duties(at('2026-03-04T00:00')).scriptOverdue).toBe(true);
    expect(n.publishScript({ at: at('2026-03-03T23:59:59.999'), unitId: UNIT, text: 'Apply on paper' }).events[0].data).toMatchObject({ onTime: true });
    expect(n.publishScript({ at: at('2026-03-04T00:00'), unitId: UNIT, text: 'Apply on paper' }).events[0].data).toMatchObject({ onTime: false });
  });

  it('≥2 ND: the update duty starts at startedAt + 48 h; an update then must refresh the script or staff the floor', () => {
    const n = declare().aggregate.publishScript({ at: at('2026-03-02T15:00'), unitId: UNIT, text: 'Script' }).aggregate;
    expect(n.duties(at('2026-03-04T08:59:59.999')).updateDutyActive).toBe(false);
    const d = n.duties(at('2026-03-04T09:00'));
    expect(d).toMatchObject({ updateDutyActive: true, updateDutyFrom: at('2026-03-04T09:00'), nextUpdateDueAt: at('2026-03-05T09:00'), updateOverdue: false });
    expect(n.duties(at('2026-03-05T09:00')).updateOverdue).toBe(true);
    const error = catchError(() => n.postUpdate({ at: at('2026-03-04T12:00'), unitId: UNIT, progress: 'Restoring backups' }));
    expect((error as OutageRefusedError).code).toBe('complaints.outage.measure_required');
    const updated = n.postUpdate({ at: at('2026-03-04T12:00'), unitId: UNIT, progress: 'Restoring backups', scriptUpdated: true }).aggregate;
    expect(updated.state.status).toBe('SCRIPTED');
    expect(updated.duties(at('2026-03-04T13:00')).nextUpdateDueAt).toEqual(at('2026-03-05T12:00'));
    // before the duty starts, a plain progress note is fine
    expect(declare().aggregate.postUpdate({ at: at('2026-03-02T12:00'), unitId: UNIT, progress: 'Investigating' }).aggregate.state.status).toBe('DECLARED');
  });

  it('timer: the script overdue mark is set once, never after a script; none is due once recovered', () => {
    const n = declare().aggregate;
    expect(n.timersAt()).toEqual({ scriptOverdue: at('2026-03-04T00:00'), updateReminder: at('2026-03-04T09:00') });
    expect(n.markScriptOverdue({ at: at('2026-03-03T23:59:59.999') }).events).toEqual([]);
    const marked = n.markScriptOverdue({ at: at('2026-03-04T00:00') });
    expect(marked.events.map((e) => e.type)).toEqual(['complaints.outage.script_overdue']);
    expect(marked.aggregate.state.scriptOverdueAt).toEqual(at('2026-03-04T00:00'));
    expect(marked.aggregate.markScriptOverdue({ at: at('2026-03-04T01:00') }).events).toEqual([]);
    expect(marked.aggregate.timersAt().scriptOverdue).toBeUndefined();
    const scripted = n.publishScript({ at: at('2026-03-02T15:00'), unitId: UNIT, text: 'Script' }).aggregate;
    expect(scripted.markScriptOverdue({ at: at('2026-03-05T00:00') }).events).toEqual([]);
    expect(scripted.recover({ at: at('2026-03-03T09:00'), unitId: UNIT }).aggregate.timersAt()).toEqual({});
  });

  it('timer: from start + 2 ND one update reminder per ND slot, skipped after a recent update; the next slot follows', () => {
    const n = declare().aggregate.publishScript({ at: at('2026-03-02T15:00'), unitId: UNIT, text: 'Script' }).aggregate;
    expect(outageReminderSlotAt(calendar, n.state, at('2026-03-04T08:59'))).toBeUndefined();
    expect(n.remindUpdate({ at: at('2026-03-04T08:59') }).events).toEqual([]);
    const first = n.remindUpdate({ at: at('2026-03-04T09:00') });
    expect(first.events[0]).toMatchObject({ type: 'complaints.outage.update_due', data: { dueAt: at('2026-03-05T09:00').toISOString() } });
    expect(first.aggregate.remindUpdate({ at: at('2026-03-04T20:00') }).events).toEqual([]);
    expect(first.aggregate.timersAt().updateReminder).toEqual(at('2026-03-05T09:00'));
    const updated = first.aggregate.postUpdate({ at: at('2026-03-04T12:00'), unitId: UNIT, progress: 'Restoring', floorSupport: true, script: 'New script' }).aggregate;
    expect(updated.state.script?.text).toBe('New script');
    const skipped = updated.remindUpdate({ at: at('2026-03-05T09:00') });
    expect(skipped.events).toEqual([]);
    expect(skipped.aggregate.timersAt().updateReminder).toEqual(at('2026-03-06T09:00'));
    expect(skipped.aggregate.remindUpdate({ at: at('2026-03-06T09:00') }).events.map((e) => e.type)).toEqual(['complaints.outage.update_due']);
  });

  it('recovery ends the duties', () => {
    const n = declare().aggregate.recover({ at: at('2026-03-03T09:00'), unitId: UNIT }).aggregate;
    expect(n.state.status).toBe('RECOVERED');
    expect(n.duties(at('2026-03-06T00:00')).updateDutyActive).toBe(false);
  });
});

describe('knowledge-base metrics (§6, 002 L1678–1682)', () => {
  it('counts points expiring in 30 ND, expired ones still published, late and overdue feedback', () => {
    const content = { title: 't', body: 'b', basis: ['x'], scope: 's', applicableSubjects: 'a', conditions: 'c', relations: [], faqs: [] };
    const pub = (id: string, until: string) =>
      KnowledgePoint.draft({ id, jurisdictionId: 'J', unitId: UNIT, category: 'SERVICE_GUIDE', content })
        .submitForReview({ at: at('2026-01-01T00:00'), unitId: UNIT })
        .publish({ at: at('2026-01-01T00:00'), unitId: UNIT, validUntil: at(until), calendar }).aggregate.state;
    const points = [pub('a', '2026-07-01T00:00'), pub('b', '2026-06-20T00:00'), pub('c', '2026-12-01T00:00')];
    const fbOverdue = raise(at('2026-06-01T10:00')).aggregate.state;
    const m = knowledgeBaseMetrics(calendar, points, [fbOverdue], at('2026-06-25T00:00'), [{ pointId: 'b', at: at('2026-06-21T10:00') }]);
    expect(m).toMatchObject({ expiringWithin30Nd: 1, expiredStillPublished: 1, answersWithExpiredPoints: 1, feedbackOverdue: 1, feedbackResolvedLate: 0 });
    expect(m.byUnit[UNIT]).toEqual({ expiringWithin30Nd: 1, feedbackOverdue: 1, feedbackResolvedLate: 0 });
  });
});

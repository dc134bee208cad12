import { LocalDate, WorkingCalendar } from '@one-window/shared/calendar';
import fc from 'fast-check';
import { at, catchError, describeMachineExhaustively } from '../shared/machine-testing';
import { Ticket } from '../ticket/ticket';
import { KnowledgePoint, KNOWLEDGE_POINT_MACHINE, KnowledgeRefusedError, usableForDirectAnswer, type KnowledgePointContent } from './knowledge-point';
import { addCalendarMonths, knowledgeExpiryReminders, maxValidUntil, validityProblem, validUntilEndOf, type KnowledgePointKind } from './validity';

const calendar = WorkingCalendar.chinaMainland();
const UNIT = 'unit-housing';

const CONTENT: KnowledgePointContent = {
  title: 'Public rental housing eligibility',
  body: 'Households with a local hukou and income below the line may apply.',
  basis: ['Guangzhou public rental housing measures, art. 8'],
  scope: 'Guangzhou',
  applicableSubjects: 'Households',
  conditions: 'Income below the published line',
  relations: [],
  faqs: [{ question: 'Where to apply?', answer: 'At the street office.' }],
};

function inReview(kind: KnowledgePointKind = 'POLICY_LAW'): KnowledgePoint {
  return KnowledgePoint.draft({ id: 'kp-1', jurisdictionId: 'CN-44-01', unitId: UNIT, category: kind, content: CONTENT }).submitForReview({ at: at('2026-01-01T09:00'), unitId: UNIT });
}

function published(kind: KnowledgePointKind, validFrom: Date, validUntil: Date): KnowledgePoint {
  return inReview(kind).publish({ at: validFrom, unitId: UNIT, validFrom, validUntil, calendar }).aggregate;
}

describeMachineExhaustively(KNOWLEDGE_POINT_MACHINE);

describe('validity caps by kind (002 L1678)', () => {
  it.each<[KnowledgePointKind, string, string]>([
    ['POLICY_LAW', '2026-01-01T00:00', '2031-01-01T00:00'],
    ['SERVICE_GUIDE', '2026-01-01T00:00', '2027-01-01T00:00'],
    ['ANSWER_SCRIPT', '2026-01-01T00:00', '2026-07-01T00:00'],
    ['INTERPRETATION_OTHER', '2026-01-01T00:00', '2027-01-01T00:00'],
  ])('%s from %s: exactly the cap (%s) is published; one day or 1 ms more is refused', (kind, from, max) => {
    expect(maxValidUntil(calendar, kind, at(from))).toEqual(at(max));
    expect(published(kind, at(from), at(max)).state.status).toBe('PUBLISHED');
    const oneDayMore = calendar.addNaturalDays(at(max), 1);
    const error = catchError(() => inReview(kind).publish({ at: at(from), unitId: UNIT, validFrom: at(from), validUntil: oneDayMore, calendar }));
    expect(error).toBeInstanceOf(KnowledgeRefusedError);
    expect((error as KnowledgeRefusedError).code).toBe('complaints.knowledge.validity_exceeds_cap');
    expect((error as KnowledgeRefusedError).details).toMatchObject({ maxValidUntil: at(max).toISOString() });
    expect(validityProblem(calendar, kind, at(from), new Date(at(max).getTime() + 1))).toBe('exceeds_cap');
  });

  it('month-end rule: the same day N months later, clamped to the last day of the month', () => {
    const d = (s: string) => LocalDate.parse(s);
    expect(addCalendarMonths(d('2026-08-31'), 6).toString()).toBe('2027-02-28');
    expect(addCalendarMonths(d('2027-08-31'), 6).toString()).toBe('2028-02-29');
    expect(addCalendarMonths(d('2028-02-29'), 60).toString()).toBe('2033-02-28');
    expect(addCalendarMonths(d('2028-02-29'), 12).toString()).toBe('2029-02-28');
    expect(addCalendarMonths(d('2026-03-31'), 6).toString()).toBe('2026-09-30');
    expect(addCalendarMonths(d('2026-12-15'), 1).toString()).toBe('2027-01-15');
    // Aug 31 + 6 months: Feb 28 00:00 is the latest validUntil; Mar 1 is refused
    expect(maxValidUntil(calendar, 'ANSWER_SCRIPT', at('2026-08-31T00:00'))).toEqual(at('2027-02-28T00:00'));
    expect(validityProblem(calendar, 'ANSWER_SCRIPT', at('2026-08-31T00:00'), at('2027-03-01T00:00'))).toBe('exceeds_cap');
    // Feb 29 + 5 years keeps the wall-clock time and clamps to Feb 28
    expect(maxValidUntil(calendar, 'POLICY_LAW', at('2028-02-29T15:30'))).toEqual(at('2033-02-28T15:30'));
  });

  it('whole-day validity: validUntil = end of the last valid day', () => {
    expect(validUntilEndOf(calendar, '2026-12-31')).toEqual(at('2027-01-01T00:00'));
  });

  it('validUntil must follow validFrom and the publication instant', () => {
    expect(validityProblem(calendar, 'POLICY_LAW', at('2026-01-01T00:00'), at('2026-01-01T00:00'))).toBe('until_not_after_from');
    const error = catchError(() => inReview('SERVICE_GUIDE').publish({ at: at('2026-03-01T00:00'), unitId: UNIT, validFrom: at('2026-01-01T00:00'), validUntil: at('2026-02-01T00:00'), calendar }));
    expect((error as KnowledgeRefusedError).code).toBe('complaints.knowledge.already_expired');
  });

  it('property: the cap is never shorter than N×28 days nor longer than N×31 days, and monotone in validFrom', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.constantFrom<KnowledgePointKind>('POLICY_LAW', 'SERVICE_GUIDE', 'ANSWER_SCRIPT'), (offset, kind) => {
        const from = calendar.addNaturalDays(at('2026-01-01T08:00'), offset);
        const max = maxValidUntil(calendar, kind, from);
        const months = { POLICY_LAW: 60, SERVICE_GUIDE: 12, ANSWER_SCRIPT: 6, INTERPRETATION_OTHER: 12 }[kind];
        const days = (max.getTime() - from.getTime()) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(months * 28);
        expect(days).toBeLessThanOrEqual(months * 31);
        expect(maxValidUntil(calendar, kind, calendar.addNaturalDays(from, 1)).getTime()).toBeGreaterThanOrEqual(max.getTime());
      }),
    );
  });
});

describe('knowledge point lifecycle', () => {
  it('review needs basis, scope, subjects and conditions (002 L1676)', () => {
    const draft = KnowledgePoint.draft({ id: 'kp-2', jurisdictionId: 'CN-44-01', unitId: UNIT, category: 'SERVICE_GUIDE', content: { ...CONTENT, basis: [], conditions: ' ' } });
    const error = catchError(() => draft.submitForReview({ at: at('2026-01-01T09:00'), unitId: UNIT }));
    expect((error as KnowledgeRefusedError).code).toBe('complaints.knowledge.content_incomplete');
    expect((error as KnowledgeRefusedError).details).toMatchObject({ missing: ['basis', 'conditions'] });
    const fixed = draft.edit({ at: at('2026-01-01T09:00'), unitId: UNIT, content: { basis: ['Rule 1'], conditions: 'None' } });
    expect(fixed.submitForReview({ at: at('2026-01-01T09:10'), unitId: UNIT }).state.status).toBe('IN_REVIEW');
  });

  it('only the owning unit maintains its points (002 L1676)', () => {
    const error = catchError(() => inReview().publish({ at: at('2026-01-01T10:00'), unitId: 'unit-other', validUntil: at('2026-06-01T00:00'), calendar }));
    expect((error as KnowledgeRefusedError).code).toBe('complaints.knowledge.not_own_point');
  });

  it('a rejected review goes back to DRAFT with its note', () => {
    const back = inReview().rejectReview({ at: at('2026-01-02T10:00'), unitId: UNIT, note: 'Cite the article' });
    expect(back.state.status).toBe('DRAFT');
    expect(back.state.reviewNotes).toEqual([{ at: at('2026-01-02T10:00'), note: 'Cite the article' }]);
  });

  it('publish emits complaints.knowledge.published with category and validUntil (§8)', () => {
    const out = inReview('ANSWER_SCRIPT').publish({ at: at('2026-03-01T10:00'), unitId: UNIT, validUntil: at('2026-09-01T00:00'), calendar });
    expect(out.aggregate.state.validFrom).toEqual(at('2026-03-01T10:00'));
    expect(out.events).toEqual([
      expect.objectContaining({ type: 'complaints.knowledge.published', aggregateId: 'kp-1', partitionKey: 'kp-1', data: expect.objectContaining({ pointId: 'kp-1', category: 'ANSWER_SCRIPT', validUntil: at('2026-09-01T00:00').toISOString() }) }),
    ]);
  });

  it('usableForDirectAnswer: published and validFrom ≤ at < validUntil (002 L1527, L1678)', () => {
    const p = published('SERVICE_GUIDE', at('2026-01-10T00:00'), at('2026-07-01T00:00'));
    expect(usableForDirectAnswer(p.state, at('2026-01-09T23:59:59.999'))).toBe(false);
    expect(usableForDirectAnswer(p.state, at('2026-01-10T00:00'))).toBe(true);
    expect(p.usableForDirectAnswer(at('2026-06-30T23:59:59.999'))).toBe(true);
    expect(p.usableForDirectAnswer(at('2026-07-01T00:00'))).toBe(false);
    expect(usableForDirectAnswer(inReview().state, at('2026-03-01T00:00'))).toBe(false);
    const retired = p.retire({ at: at('2026-02-01T00:00'), unitId: UNIT, reason: 'Replaced' }).aggregate;
    expect(retired.state.status).toBe('RETIRED');
    expect(retired.usableForDirectAnswer(at('2026-03-01T00:00'))).toBe(false);
  });

  it('the ticket accepts it for a direct answer exactly while it is usable (row #2)', () => {
    const p = published('SERVICE_GUIDE', at('2026-01-10T00:00'), at('2026-09-30T10:00'));
    const consult = () =>
      Ticket.register({ id: 't-1', submissionId: 's-1', jurisdictionId: 'CN-44-01', type: 'CONSULTATION', scenarioCode: 'HOUSING', channel: 'PHONE', callerKey: 'c', at: at('2026-09-30T09:00'), agentId: 'a', calendar }).aggregate;
    expect(consult().answerFromKnowledgeBase({ at: at('2026-09-30T09:59'), agentId: 'a', points: [p.asUse()] }).aggregate.state.closeReason).toBe('ANSWERED_FROM_KB');
    expect(() => consult().answerFromKnowledgeBase({ at: at('2026-09-30T10:00'), agentId: 'a', points: [p.asUse()] })).toThrow(/published, unexpired/);
  });

  it('expiry reminders at 30 ND and 7 ND before validUntil (design, spec §4)', () => {
    expect(knowledgeExpiryReminders(calendar, at('2026-07-01T00:00'))).toEqual([
      { daysBefore: 30, at: at('2026-06-01T00:00') },
      { daysBefore: 7, at: at('2026-06-24T00:00') },
    ]);
    // a short-lived point published 20 days before expiry only gets the 7-ND reminder
    const p = published('ANSWER_SCRIPT', at('2026-06-11T00:00'), at('2026-07-01T00:00'));
    expect(p.expiryReminders(calendar)).toEqual([{ daysBefore: 7, at: at('2026-06-24T00:00') }]);
  });

  it('remindExpiry emits complaints.knowledge.expiring once per reminder', () => {
    const p = published('SERVICE_GUIDE', at('2026-01-01T00:00'), at('2026-07-01T00:00'));
    expect(() => p.remindExpiry({ at: at('2026-05-31T23:59'), calendar })).toThrow(KnowledgeRefusedError);
    const first = p.remindExpiry({ at: at('2026-06-01T00:00'), calendar });
    expect(first.events[0]).toMatchObject({ type: 'complaints.knowledge.expiring', data: { daysBefore: 30 } });
    expect(first.aggregate.expiryReminders(calendar).map((r) => r.daysBefore)).toEqual([7]);
    const second = first.aggregate.remindExpiry({ at: at('2026-06-24T00:00'), calendar });
    expect(second.events[0]).toMatchObject({ data: { daysBefore: 7 } });
    expect(second.aggregate.expiryReminders(calendar)).toEqual([]);
  });

  it('expire: the timer at validUntil, not before', () => {
    const p = published('SERVICE_GUIDE', at('2026-01-01T00:00'), at('2026-07-01T00:00'));
    expect(() => p.expire({ at: at('2026-06-30T23:59:59.999') })).toThrow(/is due at/);
    const out = p.expire({ at: at('2026-07-01T00:00') });
    expect(out.aggregate.state.status).toBe('EXPIRED');
    expect(out.events[0].type).toBe('complaints.knowledge.expired');
  });

  it('confirmValidity before expiry restarts the capped period from the confirmation (002 L1678)', () => {
    const p = published('ANSWER_SCRIPT', at('2026-01-01T00:00'), at('2026-07-01T00:00'));
    const ok = p.confirmValidity({ at: at('2026-06-20T10:00'), unitId: UNIT, validUntil: at('2026-12-20T10:00'), calendar });
    expect(ok.aggregate.state).toMatchObject({ validFrom: at('2026-06-20T10:00'), validUntil: at('2026-12-20T10:00'), status: 'PUBLISHED' });
    expect(() => p.confirmValidity({ at: at('2026-06-20T10:00'), unitId: UNIT, validUntil: at('2026-12-20T10:01'), calendar })).toThrow(/at most 6 months/);
    const late = catchError(() => p.confirmValidity({ at: at('2026-07-01T00:00'), unitId: UNIT, validUntil: at('2026-12-01T00:00'), calendar }));
    expect((late as KnowledgeRefusedError).code).toBe('complaints.knowledge.already_expired');
  });
});

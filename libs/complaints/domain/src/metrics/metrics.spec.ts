import fc from 'fast-check';
import type { DomainEvent, Outcome } from '../shared/outcome';
import { at } from '../shared/machine-testing';
import { calendar, CALLER, REPORT_FOR, UNIT } from '../ticket/test-fixtures';
import { Ticket } from '../ticket/ticket';
import type { CloseReason, FinalGrade, TicketType } from '../ticket/ticket-types';
import { ticketTimelines, type ComplaintsHistoryEvent } from './history';
import {
  complaintsMetrics,
  dispatchSpeedImprovement,
  metricsPercentile,
  onTimeDecision,
  quarterlyReport,
  workingDaysOverdue,
  type MetricsSnapshot,
} from './metrics';
import { monthPeriod, monthsOf, periodBounds, periodContaining, periodLabel, quarterPeriod } from './periods';
import { workingHoursBetween } from './working-hours';

// ---------------------------------------------------------------- a compact history builder (real event names and fields)

interface Spec {
  id: string;
  type?: TicketType;
  unit?: string;
  registeredAt: Date;
  dispatchedAt?: Date;
  deadlineAt?: Date;
  extendedTo?: Date;
  submittedAt?: Date;
  auditAt?: Date;
  closedAt?: Date;
  closeReason?: CloseReason;
  grade?: FinalGrade;
}

function history(spec: Spec): ComplaintsHistoryEvent[] {
  const common = (state: string, unitId: string | null) => ({ ticketId: spec.id, submissionId: `s-${spec.id}`, jurisdictionId: 'CN-44-01', ticketType: spec.type ?? 'COMPLAINT', scenarioCode: 'X', state, round: 1, unitId });
  const unit = spec.unit ?? 'unit-a';
  const events: ComplaintsHistoryEvent[] = [
    { type: 'complaints.ticket.registered', occurredAt: spec.registeredAt.toISOString(), data: { ...common('REGISTERED', null), dispatchDueAt: calendar.deadlineWorkingDays(spec.registeredAt, 1).toISOString() } },
  ];
  if (spec.dispatchedAt) {
    events.push({ type: 'complaints.ticket.dispatched', occurredAt: spec.dispatchedAt, data: { ...common('DISPATCHED', unit), reason: 'INITIAL', limitWd: 10, deadlineAt: spec.deadlineAt?.toISOString() ?? null } });
  }
  if (spec.extendedTo) {
    events.push({ type: 'complaints.ticket.extended', occurredAt: new Date((spec.dispatchedAt as Date).getTime() + 1000), data: { ...common('IN_PROGRESS', unit), extensionNo: 1, deadlineAt: spec.extendedTo.toISOString() } });
  }
  if (spec.submittedAt) {
    events.push({ type: 'complaints.ticket.submitted', occurredAt: spec.auditAt ?? spec.submittedAt, data: { ...common('AWAITING_RATING', unit), outcomeCode: 'HANDLED', submittedAt: spec.submittedAt.toISOString(), onTime: null } });
  }
  if (spec.closedAt) {
    events.push({ type: 'complaints.ticket.closed', occurredAt: spec.closedAt, data: { ...common('CLOSED', spec.dispatchedAt ? unit : null), closeReason: spec.closeReason ?? 'RATED', finalGrade: spec.grade ?? null, closedAt: spec.closedAt.toISOString() } });
  }
  return events;
}

const Q3 = quarterPeriod(2026, 3);
const OPTIONS = { asOf: at('2026-12-31T00:00') };

describe('periods', () => {
  it('months and quarters in local time, half-open', () => {
    expect(periodBounds(Q3, calendar)).toEqual({ start: at('2026-07-01T00:00'), end: at('2026-10-01T00:00') });
    expect(monthsOf(Q3).map(periodLabel)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(periodLabel(periodContaining(at('2026-09-30T23:59:59.999'), 'QUARTER', calendar))).toBe('2026-Q3');
    expect(periodLabel(periodContaining(at('2026-10-01T00:00'), 'QUARTER', calendar))).toBe('2026-Q4');
    expect(periodBounds(quarterPeriod(2026, 4), calendar).end).toEqual(at('2027-01-01T00:00'));
    expect(periodLabel(periodContaining(at('2026-12-31T23:00'), 'MONTH', calendar))).toBe('2026-12');
  });
});

describe('working hours (dispatch speed)', () => {
  it('counts only working days; holidays and swapped weekends follow the calendar', () => {
    expect(workingHoursBetween(calendar, at('2026-09-29T09:00'), at('2026-09-29T15:00'))).toBe(6);
    // Wed 22:00 → Thu Oct 8 02:00: Oct 1–7 are holidays → 2 h + 2 h
    expect(workingHoursBetween(calendar, at('2026-09-30T22:00'), at('2026-10-08T02:00'))).toBe(4);
    // Sat Oct 10 is a working day (调休)
    expect(workingHoursBetween(calendar, at('2026-10-10T10:00'), at('2026-10-10T12:00'))).toBe(2);
    expect(workingHoursBetween(calendar, at('2026-10-10T10:00'), at('2026-10-12T12:00'), { fromHour: 9, toHour: 18 })).toBe(8 + 3);
    expect(workingHoursBetween(calendar, at('2026-10-10T10:00'), at('2026-10-10T09:00'))).toBe(0);
  });

  it('P90 is the nearest rank', () => {
    expect(metricsPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(metricsPercentile([5], 90)).toBe(5);
    expect(metricsPercentile([], 90)).toBeNull();
  });
});

describe('on-time closure rate (001 L912)', () => {
  const deadline = at('2026-07-20T00:00');
  it('decided at the compliant report when on time, at the deadline when late; extensions count', () => {
    const h = [
      ...history({ id: 'on', registeredAt: at('2026-07-01T09:00'), dispatchedAt: at('2026-07-01T10:00'), deadlineAt: deadline, submittedAt: at('2026-07-19T23:59:59.999'), closedAt: at('2026-07-22T10:00'), grade: 'SATISFIED' }),
      ...history({ id: 'late', registeredAt: at('2026-07-01T09:00'), dispatchedAt: at('2026-07-01T10:00'), deadlineAt: deadline, submittedAt: at('2026-07-20T00:00'), closedAt: at('2026-08-02T10:00'), grade: 'DISSATISFIED' }),
      ...history({ id: 'ext', registeredAt: at('2026-07-01T09:00'), dispatchedAt: at('2026-07-01T10:00'), deadlineAt: deadline, extendedTo: at('2026-08-10T00:00'), submittedAt: at('2026-08-05T10:00') }),
      ...history({ id: 'open-late', registeredAt: at('2026-07-01T09:00'), dispatchedAt: at('2026-07-01T10:00'), deadlineAt: deadline }),
      ...history({ id: 'withdrawn', registeredAt: at('2026-07-01T09:00'), dispatchedAt: at('2026-07-01T10:00'), deadlineAt: deadline, closedAt: at('2026-07-05T10:00'), closeReason: 'WITHDRAWN' }),
    ];
    const july = complaintsMetrics(h, monthPeriod(2026, 7), calendar, OPTIONS).onTimeClosure;
    expect(july).toEqual({ decided: 3, onTime: 1, late: 2, extended: 0, rate: 1 / 3 });
    const august = complaintsMetrics(h, monthPeriod(2026, 8), calendar, OPTIONS).onTimeClosure;
    expect(august).toEqual({ decided: 1, onTime: 1, late: 0, extended: 1, rate: 1 });
    // before the deadline, an open ticket is undecided
    const early = ticketTimelines(h, at('2026-07-10T00:00')).find((t) => t.ticketId === 'open-late');
    expect(early && onTimeDecision(early, at('2026-07-10T00:00'))).toBeUndefined();
  });

  it('uses the onTime the ticket fixed at audit when present', () => {
    const h = history({ id: 'x', registeredAt: at('2026-07-01T09:00'), dispatchedAt: at('2026-07-01T10:00'), deadlineAt: deadline, submittedAt: at('2026-07-10T10:00') });
    (h[2].data as Record<string, unknown>)['onTime'] = false;
    expect(complaintsMetrics(h, Q3, calendar, OPTIONS).onTimeClosure).toMatchObject({ decided: 1, onTime: 0 });
  });
});

describe('satisfaction, both variants (002 L225; Q9)', () => {
  it('NOT_RATED excluded / counted as satisfied; withdrawn and direct answers have no grade', () => {
    const base = { registeredAt: at('2026-07-01T09:00'), dispatchedAt: at('2026-07-01T10:00'), deadlineAt: at('2026-07-20T00:00'), submittedAt: at('2026-07-10T10:00') };
    const h = [
      ...history({ id: 'a', ...base, closedAt: at('2026-07-12T10:00'), grade: 'VERY_SATISFIED' }),
      ...history({ id: 'b', ...base, closedAt: at('2026-07-12T10:00'), grade: 'BASICALLY_SATISFIED' }),
      ...history({ id: 'c', ...base, closedAt: at('2026-07-12T10:00'), closeReason: 'DUTY_OPINION_FILED', grade: 'VERY_DISSATISFIED' }),
      ...history({ id: 'd', ...base, closedAt: at('2026-07-16T10:00'), closeReason: 'NOT_RATED', grade: 'NOT_RATED' }),
      ...history({ id: 'e', registeredAt: at('2026-07-01T09:00'), closedAt: at('2026-07-01T09:05'), closeReason: 'ANSWERED_FROM_KB', type: 'CONSULTATION' }),
    ];
    expect(complaintsMetrics(h, Q3, calendar, OPTIONS).satisfaction).toEqual({ graded: 4, rated: 3, satisfied: 2, notRated: 1, rate: 2 / 3, rateNotRatedAsSatisfied: 3 / 4 });
    expect(complaintsMetrics(h, monthPeriod(2026, 8), calendar, OPTIONS).satisfaction.rate).toBeNull();
  });
});

describe('dispatch speed (002 L225, L1527–1531)', () => {
  it('mean, P90 and 1-WD compliance in working hours', () => {
    const h = [
      ...history({ id: 'a', registeredAt: at('2026-09-29T09:00'), dispatchedAt: at('2026-09-29T11:00') }),
      ...history({ id: 'b', registeredAt: at('2026-09-30T20:00'), dispatchedAt: at('2026-10-08T23:59:59.999') }), // due end of Oct 8: within
      ...history({ id: 'c', registeredAt: at('2026-09-30T20:00'), dispatchedAt: at('2026-10-09T00:00') }), // 1 ms late
    ];
    const d = complaintsMetrics(h, quarterPeriod(2026, 4), calendar, OPTIONS).dispatchSpeed;
    expect(d.dispatched).toBe(2);
    expect(d.withinOneWd).toBe(1);
    expect(d.oneWdRate).toBe(0.5);
    expect(d.meanWorkingHours).toBeCloseTo(28, 6); // (4 + 24 − ε) and (4 + 24): 4 h on Sep 30, 24 h on Oct 8
    const q3 = complaintsMetrics(h, Q3, calendar, OPTIONS).dispatchSpeed;
    expect(q3).toMatchObject({ dispatched: 1, meanWorkingHours: 2, p90WorkingHours: 2, oneWdRate: 1 });
    expect(dispatchSpeedImprovement(q3, { ...q3, meanWorkingHours: 2.5 })).toBeCloseTo(0.2, 10);
  });
});

describe('direct-resolution rate for consultations (002 L243, L3747)', () => {
  it('ANSWERED_FROM_KB ÷ consultations registered in the period, withdrawals excluded', () => {
    const h = [
      ...history({ id: 'kb', type: 'CONSULTATION', registeredAt: at('2026-07-01T09:00'), closedAt: at('2026-07-01T09:05'), closeReason: 'ANSWERED_FROM_KB' }),
      ...history({ id: 'disp', type: 'CONSULTATION', registeredAt: at('2026-07-01T09:00'), dispatchedAt: at('2026-07-01T10:00'), deadlineAt: at('2026-07-04T00:00') }),
      ...history({ id: 'wd', type: 'CONSULTATION', registeredAt: at('2026-07-01T09:00'), closedAt: at('2026-07-01T09:30'), closeReason: 'WITHDRAWN' }),
      ...history({ id: 'help', type: 'HELP', registeredAt: at('2026-07-01T09:00') }),
    ];
    expect(complaintsMetrics(h, Q3, calendar, OPTIONS).directResolution).toEqual({ consultations: 2, answeredFromKb: 1, rate: 0.5 });
  });
});

describe('overdue by unit (002 L1539)', () => {
  it('open overdue at asOf, closed overdue in the period, WD overdue', () => {
    expect(workingDaysOverdue(calendar, at('2026-10-01T00:00'), at('2026-10-09T10:00'))).toBe(2); // Oct 1–7 holidays; Oct 8, 9
    expect(workingDaysOverdue(calendar, at('2026-10-09T00:00'), at('2026-10-08T10:00'))).toBe(0);
    const h = [
      ...history({ id: 'open', unit: 'u1', registeredAt: at('2026-09-01T09:00'), dispatchedAt: at('2026-09-01T10:00'), deadlineAt: at('2026-09-16T00:00') }),
      ...history({ id: 'closed-late', unit: 'u2', registeredAt: at('2026-09-01T09:00'), dispatchedAt: at('2026-09-01T10:00'), deadlineAt: at('2026-09-16T00:00'), submittedAt: at('2026-09-17T10:00'), closedAt: at('2026-09-20T10:00'), grade: 'SATISFIED' }),
      ...history({ id: 'fine', unit: 'u2', registeredAt: at('2026-09-01T09:00'), dispatchedAt: at('2026-09-01T10:00'), deadlineAt: at('2026-09-16T00:00'), submittedAt: at('2026-09-15T10:00'), closedAt: at('2026-09-20T10:00'), grade: 'SATISFIED' }),
    ];
    const report = quarterlyReport(h, Q3, calendar, { asOf: at('2026-09-18T12:00') });
    expect(report.byUnit['u1'].overdue).toEqual({ openOverdue: 1, closedOverdue: 0, overdueWorkingDays: 3, maxOverdueWorkingDays: 3 });
    // closed-late: asOf before its close → it is still open but reported (audit passed): not open-overdue
    expect(report.byUnit['u2'].overdue.openOverdue).toBe(0);
    const later = quarterlyReport(h, Q3, calendar, OPTIONS);
    expect(later.byUnit['u2'].overdue).toEqual({ openOverdue: 0, closedOverdue: 1, overdueWorkingDays: 2, maxOverdueWorkingDays: 2 });
  });
});

describe('quarterlyReport (002 L247, L2019)', () => {
  it('per unit, per type and per unit × type, with the months', () => {
    const h = [
      ...history({ id: 'a', unit: 'u1', type: 'COMPLAINT', registeredAt: at('2026-07-01T09:00'), dispatchedAt: at('2026-07-01T10:00'), deadlineAt: at('2026-07-16T00:00'), submittedAt: at('2026-07-10T10:00'), closedAt: at('2026-07-12T10:00'), grade: 'SATISFIED' }),
      ...history({ id: 'b', unit: 'u2', type: 'REPORT', registeredAt: at('2026-08-03T09:00'), dispatchedAt: at('2026-08-03T10:00'), deadlineAt: at('2026-08-18T00:00'), submittedAt: at('2026-08-19T10:00'), closedAt: at('2026-08-25T10:00'), grade: 'SATISFIED' }),
      ...history({ id: 'c', type: 'CONSULTATION', registeredAt: at('2026-09-01T09:00'), closedAt: at('2026-09-01T09:05'), closeReason: 'ANSWERED_FROM_KB' }),
    ];
    const r = quarterlyReport(h, Q3, calendar, OPTIONS);
    expect(r.period).toBe('2026-Q3');
    expect(Object.keys(r.byUnit)).toEqual(['(centre)', 'u1', 'u2']);
    expect(r.byType.REPORT?.onTimeClosure).toMatchObject({ decided: 1, onTime: 0 }); // on-time verification rate for REPORT
    expect(r.byUnitAndType.map((x) => [x.unitId, x.ticketType])).toEqual([
      ['(centre)', 'CONSULTATION'],
      ['u1', 'COMPLAINT'],
      ['u2', 'REPORT'],
    ]);
    expect(r.totals).toMatchObject({ registered: 3, closed: 3, onTimeClosure: { decided: 2, onTime: 1, rate: 0.5 }, directResolution: { rate: 1 } });
    expect(r.months.map((m) => m.registered)).toEqual([1, 1, 1]);
  });

  it('reads the events of the real Ticket aggregate', () => {
    const events: DomainEvent[] = [];
    const take = (o: Outcome<Ticket>) => {
      events.push(...o.events);
      return o.aggregate;
    };
    let t = take(Ticket.register({ id: 't-9', submissionId: 's-9', jurisdictionId: 'CN-44-01', type: 'COMPLAINT', scenarioCode: 'HOUSING', channel: 'PHONE', callerKey: CALLER, at: at('2026-09-29T09:00'), agentId: 'a', calendar }));
    t = take(t.dispatch({ at: at('2026-09-29T10:30'), actor: 'hotline_agent', by: 'a', unitId: UNIT, calendar }));
    t = take(t.accept({ at: at('2026-09-29T11:00'), unitId: UNIT }));
    t = take(t.extend({ at: at('2026-10-09T10:00'), unitId: UNIT, workingDays: 3, reason: 'site visit', publicReason: 'site visit', calendar }));
    t = take(t.recordReply({ at: at('2026-10-15T10:00'), unitId: UNIT, outcome: 'REPLIED', method: 'PHONE', attempts: [at('2026-10-15T10:00')], evidenceRef: 'r' }));
    t = take(t.submit({ at: at('2026-10-15T11:00'), unitId: UNIT, outcomeCode: 'HANDLED', report: REPORT_FOR.COMPLAINT }));
    t = take(t.auditPass({ at: at('2026-10-15T15:00'), actor: 'hotline_agent', by: 'a', calendar }));
    t = take(t.sendRatingRequest({ at: at('2026-10-15T18:00'), calendar }));
    take(t.rate({ at: at('2026-10-16T09:00'), callerKey: CALLER, answer: 'VERY_SATISFIED' }));
    const q4 = complaintsMetrics(events, quarterPeriod(2026, 4), calendar);
    expect(q4.onTimeClosure).toEqual({ decided: 1, onTime: 1, late: 0, extended: 1, rate: 1 });
    expect(q4.satisfaction).toMatchObject({ rated: 1, satisfied: 1, rate: 1 });
    expect(q4.processQuality.closedExtended).toBe(1);
    const q3 = complaintsMetrics(events, Q3, calendar);
    expect(q3.dispatchSpeed).toMatchObject({ dispatched: 1, meanWorkingHours: 1.5, oneWdRate: 1 });
    expect(quarterlyReport(events, Q3, calendar).byUnit[UNIT].registered).toBe(1);
  });
});

// ---------------------------------------------------------------- properties

const DAY = 86_400_000;
const Q3_START = at('2026-07-01T00:00').getTime();

interface Gen {
  reg: number;
  dispatchAfter: number | undefined;
  limit: number;
  submitAfter: number | undefined;
  grade: FinalGrade;
  type: TicketType;
  unit: string;
  kb: boolean;
}

const ticketSpec: fc.Arbitrary<Gen> = fc.record({
    reg: fc.integer({ min: 0, max: 91 * DAY }),
    dispatchAfter: fc.option(fc.integer({ min: 60_000, max: 3 * DAY }), { nil: undefined }),
    limit: fc.integer({ min: 1, max: 20 }),
    submitAfter: fc.option(fc.integer({ min: 0, max: 30 * DAY }), { nil: undefined }),
    grade: fc.constantFrom<FinalGrade>('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED', 'NOT_RATED'),
    type: fc.constantFrom<TicketType>('CONSULTATION', 'COMPLAINT', 'REPORT'),
    unit: fc.constantFrom('u1', 'u2', 'u3'),
  kb: fc.boolean(),
});

function buildHistory(specs: readonly Gen[]): ComplaintsHistoryEvent[] {
  return specs.flatMap((s, i) => {
    const registeredAt = new Date(Q3_START + s.reg);
    if (s.kb || s.dispatchAfter === undefined) {
      return history({ id: `t${i}`, type: s.type, registeredAt, ...(s.kb ? { closedAt: new Date(registeredAt.getTime() + 60_000), closeReason: 'ANSWERED_FROM_KB' as const } : {}) });
    }
    const dispatchedAt = new Date(registeredAt.getTime() + s.dispatchAfter);
    const deadlineAt = new Date(dispatchedAt.getTime() + s.limit * DAY);
    const submittedAt = s.submitAfter === undefined ? undefined : new Date(dispatchedAt.getTime() + s.submitAfter);
    const closedAt = submittedAt && new Date(submittedAt.getTime() + DAY);
    return history({ id: `t${i}`, type: s.type, unit: s.unit, registeredAt, dispatchedAt, deadlineAt, ...(submittedAt ? { submittedAt, closedAt, grade: s.grade } : {}) });
  });
}

const inUnit = (x: number | null) => x === null || (x >= 0 && x <= 1);
const rates = (m: MetricsSnapshot) => [m.onTimeClosure.rate, m.satisfaction.rate, m.satisfaction.rateNotRatedAsSatisfied, m.dispatchSpeed.oneWdRate, m.directResolution.rate];

describe('metric properties', () => {
  it('every rate is null or in [0, 1], for the quarter, its months, units and types', () => {
    fc.assert(
      fc.property(fc.array(ticketSpec, { maxLength: 25 }), (specs) => {
        const r = quarterlyReport(buildHistory(specs), Q3, calendar, OPTIONS);
        const all = [r.totals, ...r.months, ...Object.values(r.byUnit), ...Object.values(r.byType), ...r.byUnitAndType];
        for (const m of all) for (const x of rates(m)) expect(inUnit(x)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('adding an on-time closure never lowers the on-time rate', () => {
    fc.assert(
      fc.property(fc.array(ticketSpec, { maxLength: 25 }), fc.integer({ min: 0, max: 80 * DAY }), (specs, offset) => {
        const h = buildHistory(specs);
        const before = complaintsMetrics(h, Q3, calendar, OPTIONS).onTimeClosure;
        const registeredAt = new Date(Q3_START + offset);
        const dispatchedAt = new Date(registeredAt.getTime() + 3_600_000);
        const extra = history({ id: 'extra', registeredAt, dispatchedAt, deadlineAt: new Date(dispatchedAt.getTime() + 10 * DAY), submittedAt: new Date(dispatchedAt.getTime() + DAY) });
        const after = complaintsMetrics([...h, ...extra], Q3, calendar, OPTIONS).onTimeClosure;
        expect(after.decided).toBe(before.decided + 1);
        expect(after.rate as number).toBeGreaterThanOrEqual(before.rate ?? 0);
      }),
      { numRuns: 60 },
    );
  });

  it('period partitioning: the monthly counts add up to the quarterly count', () => {
    fc.assert(
      fc.property(fc.array(ticketSpec, { maxLength: 25 }), (specs) => {
        const r = quarterlyReport(buildHistory(specs), Q3, calendar, OPTIONS);
        const sum = (f: (m: MetricsSnapshot) => number) => r.months.reduce((n, m) => n + f(m), 0);
        const counts: ((m: MetricsSnapshot) => number)[] = [
          (m) => m.registered,
          (m) => m.closed,
          (m) => m.onTimeClosure.decided,
          (m) => m.onTimeClosure.onTime,
          (m) => m.satisfaction.graded,
          (m) => m.satisfaction.satisfied,
          (m) => m.dispatchSpeed.dispatched,
          (m) => m.dispatchSpeed.withinOneWd,
          (m) => m.directResolution.consultations,
          (m) => m.directResolution.answeredFromKb,
          (m) => m.overdue.closedOverdue,
        ];
        for (const f of counts) expect(sum(f)).toBe(f(r.totals));
        // and the units partition the totals
        for (const f of counts) expect(Object.values(r.byUnit).reduce((n, m) => n + f(m), 0)).toBe(f(r.totals));
      }),
      { numRuns: 60 },
    );
  });
});

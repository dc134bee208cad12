import { periodContaining, periodLabel } from '@one-window/complaints/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { ServiceUnderTest, startServiceUnderTest } from '@one-window/shared/platform';
import { testTokens, uniqueName, waitFor } from '@one-window/shared/testing';
import { AppModule } from '../src/app.module';
import { complaintsService } from '../src/service';
import { complaintsApi, YX_HOUSING, YX_STREET } from './complaints-api';

const calendar = WorkingCalendar.chinaMainland();

/**
 * The §6 metrics from the event history: tickets driven through the native API, their events
 * relayed to the service's own topic (unique per test file) and appended by the history consumer;
 * the metrics and the quarterly report are computed from that history, never from counters.
 */
describe('complaints: metrics and the quarterly report from the event history', () => {
  const tokens = testTokens();
  let svc: ServiceUnderTest;
  let api: ReturnType<typeof complaintsApi>;
  const now = new Date();
  const month = periodLabel(periodContaining(now, 'MONTH', calendar));
  const quarter = periodLabel(periodContaining(now, 'QUARTER', calendar));
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    svc = await startServiceUnderTest(complaintsService, AppModule, { tokens, env: { KAFKA_TOPIC_PREFIX: `${uniqueName('cm', '-')}.` } });
    api = complaintsApi(svc, tokens);
    const { who, command } = api;

    /** Accept, reply, submit, audit: the unit's report passes. */
    const handle = async (id: string) => {
      expect((await command(id, 'accept', who.unit)).status).toBe(200);
      expect((await command(id, 'record-reply', who.unit, { outcome: 'REPLIED', method: 'PHONE', attempts: [new Date().toISOString()], evidenceRef: 'rec-1' })).status).toBe(200);
      expect((await command(id, 'submit', who.unit, { outcomeCode: 'HANDLED', report: { process: { steps: 'Inspected', result: 'Repaired' } } })).status).toBe(200);
      const audited = await command(id, 'audit', who.agent, { result: 'PASS' });
      expect(audited.body.state).toBe('AWAITING_RATING');
      return audited.body as { onTime: boolean };
    };

    // A: on time, satisfied
    ids.a = (await api.dispatchedTicket({ online: true })).ticket.id;
    expect((await handle(ids.a)).onTime).toBe(true);
    expect((await command(ids.a, 'rate', who.caller, { grade: 'SATISFIED' })).body.state).toBe('CLOSED');
    // B: an assigned deadline already past: overdue (timer), reported late, satisfied
    ids.b = (await api.dispatchedTicket({ online: true, assignedDeadline: new Date(Date.now() - 60_000).toISOString() })).ticket.id;
    await waitFor(async () => ((await api.get(`/tickets/${ids.b}`, who.agent)).body.overdue ? true : undefined));
    expect((await handle(ids.b)).onTime).toBe(false);
    expect((await command(ids.b, 'rate', who.caller, { grade: 'SATISFIED' })).body.state).toBe('CLOSED');
    // C: on time, rated dissatisfied, closed without re-handling
    ids.c = (await api.dispatchedTicket({ online: true })).ticket.id;
    await handle(ids.c);
    expect((await command(ids.c, 'rate', who.caller, { grade: 'DISSATISFIED' })).body.state).toBe('CALLBACK_PENDING');
    expect((await command(ids.c, 'close-without-rehandling', who.agent, { callback: { channel: 'PHONE', reason: 'Still unhappy' }, reason: 'Not reopened' })).body.state).toBe('CLOSED');
    // D: a consultation answered from a published point; E: a consultation dispatched to the unit
    const point = (await api.post('/knowledge-points', who.unit, {
      category: 'SERVICE_GUIDE',
      title: '电梯维修责任',
      body: 'The owner or the property manager maintains a lift',
      basis: ['《特种设备安全法》'],
      scope: 'Guangzhou',
      applicableSubjects: 'Owners',
      conditions: 'Lift in use',
    })).body.id as string;
    await api.post(`/knowledge-points/${point}/submit`, who.unit);
    expect((await api.post(`/knowledge-points/${point}/publish`, who.unit, { validUntil: new Date(Date.now() + 90 * 86_400_000).toISOString() })).status).toBe(200);
    const received = await api.post('/submissions', who.agent, { channel: 'PHONE', content: 'Who repairs the lift?', serviceCode: 'HOUSING.REPAIR', area: '440104', caller: { name: '韩梅梅', phone: '13812345678' } });
    const registered = await api.post(`/submissions/${received.body.id}/registration`, who.agent, { items: [{ type: 'CONSULTATION', scenarioCode: 'HOUSING.REPAIR' }] });
    ids.d = registered.body.tickets[0].id;
    expect((await command(ids.d, 'answer-from-kb', who.agent, { knowledgePointIds: [point] })).body.closeReason).toBe('ANSWERED_FROM_KB');
    ids.e = (await api.dispatchedTicket({ type: 'CONSULTATION' })).ticket.id;
    // F: a noise complaint dispatched to the street office, still open
    ids.f = (await api.dispatchedTicket({ scenarioCode: 'STREET.NOISE' })).ticket.id;

    // the history consumer has appended every ticket event the service published
    // Wait for the whole condition: both counts in one statement (one snapshot), as a timer may still add ticket events meanwhile.
    await waitFor(async () => {
      const [{ caughtUp }] = await svc.dataSource.query(
        `SELECT (SELECT count(*) FROM messaging_outbox WHERE type LIKE 'complaints.ticket.%') = (SELECT count(*) FROM ticket_event_history) AS "caughtUp"`,
      );
      return caughtUp ? true : undefined;
    }, 30_000);
  }, 120_000);

  afterAll(async () => {
    await svc?.close();
    tokens.cleanup();
  });

  it('the history holds each event once, in the order of the tickets, as published', async () => {
    const rows: { type: string; ticket_id: string }[] = await svc.dataSource.query(`SELECT type, ticket_id FROM ticket_event_history WHERE ticket_id = $1 ORDER BY occurred_at, recorded_at`, [ids.b]);
    expect(rows.map((r) => r.type)).toEqual(expect.arrayContaining(['complaints.ticket.registered', 'complaints.ticket.dispatched', 'complaints.ticket.overdue', 'complaints.ticket.closed']));
    expect(rows.filter((r) => r.type === 'complaints.ticket.overdue')).toHaveLength(1);
  });

  it(`GET /metrics?period=<this month>: exact rates for the whole centre`, async () => {
    const res = await api.get(`/metrics?period=${month}`, api.who.supervisor);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      period: month,
      scope: { unitId: null },
      registered: 6,
      closed: 4,
      withdrawn: 0,
      onTimeClosure: { decided: 3, onTime: 2, late: 1, rate: 2 / 3 },
      satisfaction: { graded: 3, rated: 3, satisfied: 2, notRated: 0, rate: 2 / 3, rateNotRatedAsSatisfied: 2 / 3 },
      directResolution: { consultations: 2, answeredFromKb: 1, rate: 0.5 },
      overdue: { openOverdue: 0, closedOverdue: 1 },
      dispatchSpeed: { dispatched: 5, withinOneWd: 5, oneWdRate: 1 },
      processQuality: { closedExtended: 0, rehandled: 0 },
      knowledgeBase: { expiredStillPublished: 0, answersWithExpiredPoints: 0, feedbackOverdue: 0 },
    });
    // the quarter holds the month
    const q = await api.get(`/metrics?period=${quarter}`, api.who.agent);
    expect(q.body).toMatchObject({ period: quarter, registered: 6, onTimeClosure: { rate: 2 / 3 }, satisfaction: { rate: 2 / 3 } });
    expect((await api.get('/metrics?period=2026-13', api.who.agent)).status).toBe(422);
    expect((await api.get('/metrics?period=last-month', api.who.agent)).status).toBe(400);
    expect((await api.get(`/metrics?period=${month}`, api.who.caller)).status).toBe(403);
  });

  it('scoping: an officer sees its own unit\u2019s metrics only, whatever unitId it asks for', async () => {
    const own = await api.get(`/metrics?period=${month}&unitId=${YX_STREET}`, api.who.unit);
    expect(own.body).toMatchObject({
      scope: { unitId: YX_HOUSING },
      registered: 4,
      closed: 3,
      onTimeClosure: { decided: 3, onTime: 2, rate: 2 / 3 },
      satisfaction: { rated: 3, satisfied: 2 },
      directResolution: { consultations: 1, answeredFromKb: 0, rate: 0 },
    });
    const street = await api.get(`/metrics?period=${month}`, api.who.street);
    expect(street.body).toMatchObject({ scope: { unitId: YX_STREET }, registered: 1, closed: 0, onTimeClosure: { decided: 0, rate: null }, satisfaction: { rate: null } });
    const chosen = await api.get(`/metrics?period=${month}&unitId=${YX_STREET}`, api.who.supervisor);
    expect(chosen.body).toMatchObject({ scope: { unitId: YX_STREET }, registered: 1 });
  });

  it('GET /reports/quarterly/<this quarter>: totals, its three months, per unit and type; an officer gets its unit only; generating it publishes quarterly_generated', async () => {
    const res = await api.get(`/reports/quarterly/${quarter}`, api.who.supervisor);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: quarter, totals: { registered: 6, closed: 4, onTimeClosure: { rate: 2 / 3 } } });
    expect(res.body.months.map((m: { period: string }) => m.period)).toHaveLength(3);
    expect(res.body.months.map((m: { period: string }) => m.period)).toContain(month);
    expect(res.body.months.reduce((n: number, m: { registered: number }) => n + m.registered, 0)).toBe(6);
    expect(Object.keys(res.body.byUnit).sort()).toEqual(['(centre)', YX_HOUSING, YX_STREET].sort());
    expect(res.body.byUnit[YX_HOUSING]).toMatchObject({ registered: 4, satisfaction: { rate: 2 / 3 } });
    expect(res.body.byUnit['(centre)']).toMatchObject({ registered: 1, directResolution: { rate: 1 } });
    expect(Object.keys(res.body.byType).sort()).toEqual(['COMPLAINT', 'CONSULTATION']);
    expect(res.body.byUnitAndType).toEqual(expect.arrayContaining([expect.objectContaining({ unitId: YX_HOUSING, ticketType: 'COMPLAINT', registered: 3 })]));

    const officer = await api.get(`/reports/quarterly/${quarter}`, api.who.street);
    expect(Object.keys(officer.body.byUnit)).toEqual([YX_STREET]);
    expect((await api.get(`/reports/quarterly/${month}`, api.who.supervisor)).status).toBe(422);

    const generated = await api.post(`/reports/quarterly/${quarter}`, api.who.supervisor);
    expect(generated.status).toBe(201);
    expect(generated.body).toMatchObject({ period: quarter, report: { totals: { registered: 6 } } });
    const [event] = await svc.dataSource.query(`SELECT type, payload FROM messaging_outbox WHERE aggregate_id = $1`, [generated.body.id]);
    expect(event.type).toBe('complaints.report.quarterly_generated.v1');
    expect(JSON.parse(event.payload)).toMatchObject({ period: quarter, artefactRef: generated.body.artefactRef });
    expect((await api.get(generated.body.artefactRef.replace('/api/v1/complaints', ''), api.who.agent)).body).toMatchObject({ id: generated.body.id, period: quarter });
    expect((await api.post(`/reports/quarterly/${quarter}`, api.who.agent)).status).toBe(403);
  });
});

import { periodContaining, periodLabel } from '@one-window/complaints/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { ServiceUnderTest, startServiceUnderTest } from '@one-window/shared/platform';
import { testTokens, uniqueName, waitFor } from '@one-window/shared/testing';
import { AppModule } from '../src/app.module';
import { complaintsService } from '../src/service';
import { complaintsApi, TH_HOUSING, YX_HOUSING } from './complaints-api';

const calendar = WorkingCalendar.chinaMainland();

/**
 * The district hotline body (区热线工作机构, spec §1): a `hotline-agent` token with the claim
 * `district` = 440104 (越秀区) sees, lists, dispatches, audits and counts the tickets of its district
 * only, and dispatches to its district's units only; the city centre (no claim) still sees all.
 * Against the real PostgreSQL and Kafka (the metrics read the history the Kafka consumer appends).
 */
describe('complaints: the district hotline body works within its district', () => {
  const tokens = testTokens();
  let svc: ServiceUnderTest;
  let api: ReturnType<typeof complaintsApi>;
  const district = tokens.token({ sub: 'district-yx-1', roles: ['hotline-agent'], district: '440104' });
  const month = periodLabel(periodContaining(new Date(), 'MONTH', calendar));
  /** yx: 440104, dispatched by the district body; yxOpen: 440104, left REGISTERED; th: 440106 (天河区), dispatched by the centre. */
  const ids: Record<'yx' | 'yxOpen' | 'th', string> = { yx: '', yxOpen: '', th: '' };

  /** A phone submission about `area`, registered by the centre without dispatch. */
  async function registered(area: string): Promise<string> {
    const received = await api.post('/submissions', api.who.agent, { channel: 'PHONE', content: 'The lift of building 3 has been broken for a month', serviceCode: 'HOUSING.REPAIR', area, caller: { name: '韩梅梅', phone: '13812345678' } });
    expect(received.status).toBe(201);
    const reg = await api.post(`/submissions/${received.body.id}/registration`, api.who.agent, { items: [{ type: 'COMPLAINT', scenarioCode: 'HOUSING.REPAIR' }] });
    expect(reg.status).toBe(201);
    expect(reg.body.tickets[0].state).toBe('REGISTERED');
    return reg.body.tickets[0].id as string;
  }

  beforeAll(async () => {
    svc = await startServiceUnderTest(complaintsService, AppModule, { tokens, env: { KAFKA_TOPIC_PREFIX: `${uniqueName('cd', '-')}.` } });
    api = complaintsApi(svc, tokens);
    ids.yx = await registered('440104');
    ids.yxOpen = await registered('440104');
    ids.th = await registered('440106');
  }, 120_000);

  afterAll(async () => {
    await svc?.close();
    tokens.cleanup();
  });

  it('the ticket carries its district (the submission\u2019s area) in the store', async () => {
    const rows: { id: string; district: string }[] = await svc.dataSource.query(`SELECT id, district FROM ticket WHERE id = ANY($1)`, [[ids.yx, ids.th]]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.district]))).toEqual({ [ids.yx]: '440104', [ids.th]: '440106' });
  });

  it('reads: its district\u2019s ticket 200, another district\u2019s 404 problem+json; the centre reads both', async () => {
    const own = await api.get(`/tickets/${ids.yx}`, district);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: ids.yx, state: 'REGISTERED', content: 'The lift of building 3 has been broken for a month' });
    const other = await api.get(`/tickets/${ids.th}`, district);
    expect(other.status).toBe(404);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(other.body).toMatchObject({ status: 404 });
    expect((await api.get(`/tickets/${ids.th}`, api.who.agent)).status).toBe(200);
    expect((await api.get(`/tickets/${ids.yx}`, api.who.agent)).status).toBe(200);
  });

  it('lists: its district\u2019s tickets only, whatever unit or state it filters by; the centre lists both districts', async () => {
    const listed = await api.get('/tickets?limit=200', district);
    expect(listed.status).toBe(200);
    const seen = listed.body.items.map((t: { id: string }) => t.id);
    expect(seen).toEqual(expect.arrayContaining([ids.yx, ids.yxOpen]));
    expect(seen).not.toContain(ids.th);
    const registeredOnly = (await api.get('/tickets?state=REGISTERED&limit=200', district)).body.items.map((t: { id: string }) => t.id);
    expect(registeredOnly).not.toContain(ids.th);
    const centre = (await api.get('/tickets?limit=200', api.who.agent)).body.items.map((t: { id: string }) => t.id);
    expect(centre).toEqual(expect.arrayContaining([ids.yx, ids.yxOpen, ids.th]));
  });

  it('submissions: reads its district\u2019s read-only, not another district\u2019s; takes no intake', async () => {
    const own = (await api.get(`/tickets/${ids.yx}`, api.who.agent)).body.submissionId as string;
    const other = (await api.get(`/tickets/${ids.th}`, api.who.agent)).body.submissionId as string;
    expect((await api.get(`/submissions/${own}`, district)).status).toBe(200);
    expect((await api.get(`/submissions/${other}`, district)).status).toBe(404);
    expect((await api.get(`/submissions/${own}/caller`, district)).status).toBe(404);
    const intake = await api.post('/submissions', district, { channel: 'PHONE', content: 'x', area: '440104', caller: { phone: '13812345678' } });
    expect(intake.status).toBe(403);
    expect(intake.body.type).toContain('complaints-district-not-allowed');
  });

  it('dispatch: refused to another district\u2019s unit or area (403 naming the field), 404 on another district\u2019s ticket, done to its own unit', async () => {
    const toOtherUnit = await api.command(ids.yx, 'dispatch', district, { unitId: TH_HOUSING, overrideReason: 'Try Tianhe' });
    expect(toOtherUnit.status).toBe(403);
    expect(toOtherUnit.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(toOtherUnit.body).toMatchObject({ status: 403, field: 'unitId', unitId: TH_HOUSING, district: '440104', violations: [{ field: 'unitId' }] });
    expect(toOtherUnit.body.type).toContain('complaints-dispatch-outside-district');
    const toOtherArea = await api.command(ids.yx, 'dispatch', district, { area: '440106' });
    expect(toOtherArea.status).toBe(403);
    expect(toOtherArea.body).toMatchObject({ field: 'area', area: '440106', violations: [{ field: 'area' }] });
    // the refusals changed nothing
    expect((await api.get(`/tickets/${ids.yx}`, district)).body.state).toBe('REGISTERED');

    expect((await api.command(ids.th, 'dispatch', district)).status).toBe(404);

    const done = await api.command(ids.yx, 'dispatch', district);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'DISPATCHED', unitId: YX_HOUSING });
    const history = (await svc.dataSource.query(`SELECT data FROM ticket WHERE id = $1`, [ids.yx]))[0].data.history as { trigger: string; actor: string; by: string }[];
    expect(history.find((h) => h.trigger === 'dispatch')).toMatchObject({ actor: 'district_body', by: 'district-yx-1' });

    // the centre dispatches the other district's ticket as before
    const centre = await api.command(ids.th, 'dispatch', api.who.agent);
    expect(centre.body).toMatchObject({ state: 'DISPATCHED', unitId: TH_HOUSING });
  });

  it('commands the matrix leaves to the centre are not the district body\u2019s (404), even on its own tickets', async () => {
    expect((await api.command(ids.yxOpen, 'guide', district, { guidanceText: 'Call the property manager' })).status).toBe(404);
    expect((await api.get(`/tickets/${ids.yxOpen}`, district)).body.state).toBe('REGISTERED');
  });

  it('supervision: opens a case on its district\u2019s ticket, not on another district\u2019s, and lists its district\u2019s cases only', async () => {
    const own = await api.post('/supervision-cases', district, { ticketId: ids.yx, kind: 'FEEDBACK_NONCOMPLIANT', requirements: 'Send a compliant report' });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ ticketId: ids.yx, status: 'OPEN' });
    const other = await api.post('/supervision-cases', district, { ticketId: ids.th, kind: 'FEEDBACK_NONCOMPLIANT', requirements: 'Send a compliant report' });
    expect(other.status).toBe(404);
    const centreCase = await api.post('/supervision-cases', api.who.agent, { ticketId: ids.th, kind: 'FEEDBACK_NONCOMPLIANT', requirements: 'Send a compliant report' });
    expect(centreCase.status).toBe(201);

    const listed = (await api.get('/supervision-cases?limit=200', district)).body.items.map((c: { ticketId: string }) => c.ticketId);
    expect(listed).toContain(ids.yx);
    expect(listed).not.toContain(ids.th);
    expect((await api.get(`/supervision-cases/${own.body.id}`, district)).status).toBe(200);
    expect((await api.get(`/supervision-cases/${centreCase.body.id}`, district)).status).toBe(404);
    const centreList = (await api.get('/supervision-cases?limit=200', api.who.agent)).body.items.map((c: { ticketId: string }) => c.ticketId);
    expect(centreList).toEqual(expect.arrayContaining([ids.yx, ids.th]));
  });

  it('metrics: its district only, whatever unit it asks for; the centre counts both districts', async () => {
    // Wait for the whole condition: both counts in one statement (one snapshot), as a timer may still add ticket events meanwhile.
    await waitFor(async () => {
      const [{ caughtUp }] = await svc.dataSource.query(
        `SELECT (SELECT count(*) FROM messaging_outbox WHERE type LIKE 'complaints.ticket.%') = (SELECT count(*) FROM ticket_event_history) AS "caughtUp"`,
      );
      return caughtUp ? true : undefined;
    }, 30_000);

    const own = await api.get(`/metrics?period=${month}`, district);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ scope: { district: '440104', unitId: null }, registered: 2, dispatchSpeed: { dispatched: 1 } });
    const askedOther = await api.get(`/metrics?period=${month}&unitId=${TH_HOUSING}`, district);
    expect(askedOther.body).toMatchObject({ scope: { district: '440104', unitId: TH_HOUSING }, registered: 0, dispatchSpeed: { dispatched: 0 } });
    const centre = await api.get(`/metrics?period=${month}`, api.who.agent);
    expect(centre.body).toMatchObject({ scope: { district: null, unitId: null }, registered: 3, dispatchSpeed: { dispatched: 2 } });

    const quarter = periodLabel(periodContaining(new Date(), 'QUARTER', calendar));
    const report = await api.get(`/reports/quarterly/${quarter}`, district);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ scope: { district: '440104' }, totals: { registered: 2 } });
  });
});

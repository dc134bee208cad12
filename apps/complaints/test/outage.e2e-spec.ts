import { outageScriptDueAt } from '@one-window/complaints/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { ServiceUnderTest, startServiceUnderTest } from '@one-window/shared/platform';
import { testTokens, uniqueName, waitFor } from '@one-window/shared/testing';
import { AppModule } from '../src/app.module';
import { OutageNoticesHandler, OUTAGE_TIMERS } from '../src/knowledge/outage-notices.handler';
import { complaintsService } from '../src/service';
import { complaintsApi, YX_HOUSING } from './complaints-api';

const calendar = WorkingCalendar.chinaMainland();
const DAY = 86_400_000;

/** Outage notices (故障公告, spec §4, 002 L1694) over HTTP against the real database and broker, with their durable timers. */
describe('complaints: outage notices', () => {
  const tokens = testTokens();
  let svc: ServiceUnderTest;
  let api: ReturnType<typeof complaintsApi>;

  beforeAll(async () => {
    svc = await startServiceUnderTest(complaintsService, AppModule, { tokens, env: { KAFKA_TOPIC_PREFIX: `${uniqueName('co', '-')}.` } });
    api = complaintsApi(svc, tokens);
  });
  afterAll(async () => {
    await svc?.close();
    tokens.cleanup();
  });

  const eventsOf = async (noticeId: string, type?: string) =>
    ((await svc.dataSource.query(`SELECT type, payload FROM messaging_outbox WHERE aggregate_id = $1 ORDER BY sequence`, [noticeId])) as { type: string; payload: string }[])
      .map((r) => ({ type: r.type, data: JSON.parse(r.payload) as Record<string, unknown> }))
      .filter((e) => type === undefined || e.type === type);
  const pendingTimers = async (key: string) =>
    ((await svc.dataSource.query(`SELECT kind FROM scheduling_timer WHERE key = $1 AND fired_at IS NULL AND cancelled_at IS NULL ORDER BY kind`, [key])) as { kind: string }[]).map((r) => r.kind);
  const DECLARATION = { cause: 'Database failure of the housing provident fund site', services: ['Provident fund online withdrawal', 'Account statements'], publishedOn: ['homepage', 'wechat'] };

  it('declare, publish the script on time, recover: events, duties, timers, scoping', async () => {
    const startedAt = new Date(Date.now() - 60 * 60_000);
    const expectedRecoveryAt = new Date(Date.now() + 6 * 60 * 60_000);
    const declared = await api.post('/outage-notices', api.who.unit, { ...DECLARATION, startedAt: startedAt.toISOString(), expectedRecoveryAt: expectedRecoveryAt.toISOString() });
    expect(declared.status).toBe(201);
    const id = declared.body.id as string;
    expect(declared.headers.etag).toBeDefined();
    expect(declared.body).toMatchObject({
      unitId: YX_HOUSING,
      status: 'DECLARED',
      services: DECLARATION.services,
      startedAt: startedAt.toISOString(),
      expectedRecoveryAt: expectedRecoveryAt.toISOString(),
      script: null,
      duties: { scriptDueAt: outageScriptDueAt(calendar, startedAt).toISOString(), scriptOverdue: false, updateDutyActive: false },
    });
    expect(await pendingTimers(id)).toEqual([OUTAGE_TIMERS.scriptOverdue, OUTAGE_TIMERS.updateReminder]);
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['complaints.outage.declared.v1']);
    expect((await eventsOf(id))[0].data).toMatchObject({ noticeId: id, unitId: YX_HOUSING, services: DECLARATION.services, startedAt: startedAt.toISOString(), expectedRecoveryAt: expectedRecoveryAt.toISOString() });

    // roles and scoping: only officers declare; agents read every active notice, another unit none of ours
    expect((await api.post('/outage-notices', api.who.agent, { ...DECLARATION, startedAt: startedAt.toISOString() })).status).toBe(403);
    expect((await api.post('/outage-notices', api.who.unit, { ...DECLARATION, startedAt: new Date(Date.now() + DAY).toISOString() })).status).toBe(422);
    expect((await api.post('/outage-notices', api.who.unit, { cause: 'x', startedAt: startedAt.toISOString(), services: [] })).status).toBe(400);
    expect((await api.get(`/outage-notices/${id}`, api.who.otherUnit)).status).toBe(404);
    expect((await api.post(`/outage-notices/${id}/script`, api.who.otherUnit, { text: 'not ours' })).status).toBe(404);
    expect((await api.post(`/outage-notices/${id}/script`, api.who.agent, { text: 'agents do not' })).status).toBe(403);
    expect((await api.get('/outage-notices', api.who.otherUnit)).body.items.map((n: { id: string }) => n.id)).not.toContain(id);
    expect((await api.get('/outage-notices', api.who.agent)).body.items.map((n: { id: string }) => n.id)).toContain(id);
    expect((await api.get('/outage-notices', api.who.unit)).body.items.map((n: { id: string }) => n.id)).toContain(id);
    expect((await api.get('/outage-notices', api.who.caller)).status).toBe(403);

    const scripted = await api.post(`/outage-notices/${id}/script`, api.who.unit, { text: 'Apply at the counter or by phone until the site is back; no fee is charged for the delay' });
    expect(scripted.status).toBe(200);
    expect(scripted.body).toMatchObject({ status: 'SCRIPTED', script: { text: expect.stringContaining('Apply at the counter') }, duties: { scriptOverdue: false } });
    expect((await eventsOf(id, 'complaints.outage.script_published.v1'))[0].data).toMatchObject({ onTime: true });
    expect(await pendingTimers(id)).toEqual([OUTAGE_TIMERS.updateReminder]);
    const agentView = (await api.get(`/outage-notices/${id}`, api.who.agent)).body;
    expect(agentView.script.text).toContain('Apply at the counter');

    const update = await api.post(`/outage-notices/${id}/updates`, api.who.unit, { progress: 'Restoring from backup' });
    expect(update.status).toBe(200);
    expect(update.body.updates).toEqual([{ at: expect.any(String), progress: 'Restoring from backup', scriptUpdated: false, floorSupport: false }]);

    const recovered = await api.post(`/outage-notices/${id}/recover`, api.who.unit, {});
    expect(recovered.status).toBe(200);
    expect(recovered.body).toMatchObject({ status: 'RECOVERED', recoveredAt: expect.any(String), duties: { updateDutyActive: false } });
    expect(await pendingTimers(id)).toEqual([]);
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['complaints.outage.declared.v1', 'complaints.outage.script_published.v1', 'complaints.outage.updated.v1', 'complaints.outage.recovered.v1']);
    expect((await api.get('/outage-notices', api.who.agent)).body.items.map((n: { id: string }) => n.id)).not.toContain(id);
    expect((await api.get('/outage-notices?status=all', api.who.unit)).body.items.map((n: { id: string }) => n.id)).toContain(id);
    expect((await api.post(`/outage-notices/${id}/updates`, api.who.unit, { progress: 'after the end' })).status).toBe(409);
  });

  it('no script within 1 ND: marked overdue by its timer exactly once; an outage of 2 ND and more: a daily update reminder, once per day; updates then need a measure', async () => {
    const startedAt = new Date(Date.now() - 2 * DAY - 60 * 60_000);
    const declared = await api.post('/outage-notices', api.who.unit, { ...DECLARATION, startedAt: startedAt.toISOString() });
    expect(declared.status).toBe(201);
    const id = declared.body.id as string;
    expect(declared.body.duties).toMatchObject({ scriptOverdue: true, updateDutyActive: true, updateOverdue: false });

    const overdue = await waitFor(async () => {
      const found = await eventsOf(id, 'complaints.outage.script_overdue.v1');
      return found.length > 0 ? found : undefined;
    });
    expect(overdue[0].data).toMatchObject({ noticeId: id, scriptDueAt: outageScriptDueAt(calendar, startedAt).toISOString() });
    const reminded = await waitFor(async () => {
      const found = await eventsOf(id, 'complaints.outage.update_due.v1');
      return found.length > 0 ? found : undefined;
    });
    expect(reminded[0].data).toMatchObject({ noticeId: id, dueAt: calendar.addNaturalDays(startedAt, 3).toISOString() });
    expect((await api.get(`/outage-notices/${id}`, api.who.agent)).body.scriptOverdueAt).toEqual(expect.any(String));

    // the handlers run again (a stale or duplicated timer): nothing more happens
    const handler = svc.app.get(OutageNoticesHandler);
    await svc.dataSource.transaction((tx) => handler.scriptOverdue({ kind: OUTAGE_TIMERS.scriptOverdue, key: id } as never, tx));
    await svc.dataSource.transaction((tx) => handler.updateReminder({ kind: OUTAGE_TIMERS.updateReminder, key: id } as never, tx));
    // No sleep: no timer of the notice is pending and due, so no poller round can publish a second event.
    expect(await svc.dataSource.query(`SELECT kind FROM scheduling_timer WHERE key = $1 AND fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()`, [id])).toEqual([]);
    expect(await eventsOf(id, 'complaints.outage.script_overdue.v1')).toHaveLength(1);
    expect(await eventsOf(id, 'complaints.outage.update_due.v1')).toHaveLength(1);
    // the next reminder waits for the next day's slot
    const [next] = (await svc.dataSource.query(`SELECT due_at FROM scheduling_timer WHERE key = $1 AND kind = $2 AND fired_at IS NULL AND cancelled_at IS NULL`, [id, OUTAGE_TIMERS.updateReminder])) as { due_at: Date }[];
    expect(next.due_at).toEqual(calendar.addNaturalDays(startedAt, 3));

    const late = await api.post(`/outage-notices/${id}/script`, api.who.unit, { text: 'Apply at the counter' });
    expect(late.status).toBe(200);
    expect((await eventsOf(id, 'complaints.outage.script_published.v1'))[0].data).toMatchObject({ onTime: false });

    const bare = await api.post(`/outage-notices/${id}/updates`, api.who.unit, { progress: 'Still restoring' });
    expect(bare.status).toBe(422);
    expect(bare.body.type).toMatch(/measure-required$/);
    const update = await api.post(`/outage-notices/${id}/updates`, api.who.unit, { progress: 'Still restoring', floorSupport: true, script: 'Apply at the counter; online again tomorrow' });
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({ script: { text: 'Apply at the counter; online again tomorrow' }, duties: { updateOverdue: false } });
    expect((await eventsOf(id, 'complaints.outage.updated.v1'))[0].data).toMatchObject({ onTime: true });

    expect((await api.post(`/outage-notices/${id}/recover`, api.who.unit, { recoveredAt: new Date(startedAt.getTime() - 1000).toISOString() })).status).toBe(422);
    expect((await api.post(`/outage-notices/${id}/recover`, api.who.unit, {})).status).toBe(200);
    expect(await pendingTimers(id)).toEqual([]);
  });
});

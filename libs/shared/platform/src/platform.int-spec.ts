import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createKafka } from '@one-window/shared/messaging';
import { testInfra, testTokens, uniqueName, waitFor } from '@one-window/shared/testing';
import { ServiceUnderTest, startServiceUnderTest } from './testing/service-under-test';
import { demoService } from './testing/demo-service';

/** A service built on the platform, end to end against the real database and broker. */
describe('platform: a service gets HTTP, auth, idempotency, outbox, consumers, audit and snapshots', () => {
  const tokens = testTokens();
  const topic = uniqueName('test.demo', '.');
  const demo = demoService(topic);
  let svc: ServiceUnderTest;
  let app: NestExpressApplication;
  let ds: DataSource;
  const applicant = tokens.token({ sub: 'citizen-1', roles: ['applicant'] });
  const integrator = tokens.token({ sub: 'partner-1', roles: ['integrator'] });

  beforeAll(async () => {
    svc = await startServiceUnderTest(demo.definition, demo.module, { tokens });
    ({ app, dataSource: ds } = svc);
  });
  afterAll(async () => {
    await svc?.close();
    tokens.cleanup();
  });

  const http = () => request(app.getHttpServer());
  const count = async (sql: string) => Number((await ds.query(sql))[0].n);

  it('is ready when the database and the broker answer', async () => {
    const res = await http().get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body.checks).toMatchObject({ database: { status: 'up' }, broker: { status: 'up' }, calendar: { status: 'up', details: { jurisdiction: 'CN' } } });
  });

  it('answers bad input with problem+json naming each field, and writes nothing', async () => {
    const res = await http().post('/api/v1/demo/widgets').set('Authorization', `Bearer ${applicant}`).send({ name: '', size: 'big', colour: 'red' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect([...new Set(res.body.violations.map((v: { field: string }) => v.field))].sort()).toEqual(['colour', 'name', 'size']);
    expect(await count('SELECT count(*) AS n FROM widget')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM messaging_outbox')).toBe(0);
  });

  it('creates once per Idempotency-Key, replays the response, refuses the key with another body', async () => {
    const post = (body: object) => http().post('/api/v1/demo/widgets').set('Authorization', `Bearer ${applicant}`).set('Idempotency-Key', 'key-0001').send(body);
    const first = await post({ name: 'alpha', size: 3 });
    expect(first.status).toBe(201);
    const again = await post({ name: 'alpha', size: 3 });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await post({ name: 'beta', size: 3 });
    expect(other.status).toBe(422);
    expect(await count(`SELECT count(*) AS n FROM widget`)).toBe(1);
  });

  it('maps a domain error through the service’s one registry, with nothing half-written', async () => {
    const res = await http().post('/api/v1/demo/widgets').set('Authorization', `Bearer ${applicant}`).send({ name: 'alpha', size: 5 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ type: 'https://one-window.gov.cn/problems/widget-name-taken', title: 'Widget name taken' });
    expect(await count(`SELECT count(*) AS n FROM messaging_outbox`)).toBe(1);
  });

  it('publishes the event through the outbox (with its stream position), and its consumer handles it once', async () => {
    await waitFor(async () => ((await count(`SELECT n FROM widget_count`)) >= 1 ? true : undefined));
    const [row] = await ds.query(`SELECT published_at, kafka_partition, kafka_offset FROM messaging_outbox`);
    expect(row.published_at).not.toBeNull();
    expect(Number(row.kafka_offset)).toBeGreaterThanOrEqual(0);
    expect(await count(`SELECT count(*) AS n FROM messaging_inbox`)).toBe(1);
  });

  it('fires the service’s durable timer once when due', async () => {
    const [w] = await ds.query(`SELECT id FROM widget`);
    await waitFor(async () => ((await count(`SELECT count(*) AS n FROM widget_review`)) === 1 ? true : undefined), 10_000);
    expect((await ds.query(`SELECT widget_id FROM widget_review`))[0].widget_id).toBe(w.id);
    expect(await count(`SELECT count(*) AS n FROM scheduling_timer WHERE fired_at IS NOT NULL`)).toBe(1);
  });

  it('records who did what in the audit trail', async () => {
    const rows = await ds.query(`SELECT actor_subject, action, status FROM audit_log ORDER BY id`);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor_subject: 'citizen-1', action: 'POST /api/v1/demo/widgets', status: 201 }),
        expect.objectContaining({ actor_subject: 'citizen-1', status: 409 }),
      ]),
    );
  });

  it('gives integrators a snapshot with the stream position it reflects; others may not read it', async () => {
    expect((await http().get('/api/v1/demo/snapshots/widgets').set('Authorization', `Bearer ${applicant}`)).status).toBe(403);
    const res = await http().get('/api/v1/demo/snapshots/widgets').set('Authorization', `Bearer ${integrator}`);
    expect(res.status).toBe(200);
    const [row] = await ds.query(`SELECT kafka_partition, kafka_offset FROM messaging_outbox`);
    expect(res.body).toMatchObject({ service: 'demo', topic, pendingEvents: 0, items: [{ name: 'alpha', size: 3 }] });
    expect(res.body.position).toEqual({ [String(row.kafka_partition)]: String(Number(row.kafka_offset) + 1) });
    // The position is a real one: the topic's end offset of that partition.
    const admin = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'platform-test', log: () => undefined }).admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    expect(offsets.find((o) => o.partition === row.kafka_partition)?.high).toBe(res.body.position[String(row.kafka_partition)]);
    expect((await http().get('/api/v1/demo/snapshots/nothing').set('Authorization', `Bearer ${integrator}`)).status).toBe(404);
  });

  it('serves an OpenAPI document where each operation states its roles', async () => {
    const res = await http().get('/openapi.json');
    expect(res.body.paths['/api/v1/demo/widgets'].post['x-roles']).toEqual(['applicant']);
    expect(res.body.paths['/api/v1/demo/snapshots/{name}'].get['x-roles']).toEqual(['integrator', 'admin']);
  });

  it('runs a request again when its transaction lost a deadlock: both crossing transfers applied once, one audit entry each', async () => {
    const as = { Authorization: `Bearer ${applicant}` };
    for (const name of ['gamma', 'delta']) expect((await http().post('/api/v1/demo/widgets').set(as).send({ name, size: 50 })).status).toBe(201);
    // gamma→delta locks gamma then delta; delta→gamma the other way round: PostgreSQL aborts one with 40P01.
    const [one, two] = await Promise.all([
      http().post('/api/v1/demo/widgets/transfers').set(as).send({ from: 'gamma', to: 'delta', amount: 1, holdMs: 300 }),
      http().post('/api/v1/demo/widgets/transfers').set(as).send({ from: 'delta', to: 'gamma', amount: 2, holdMs: 300 }),
    ]);
    expect([one.status, two.status]).toEqual([201, 201]);
    const sizes = Object.fromEntries((await ds.query(`SELECT name, size FROM widget WHERE name IN ('gamma', 'delta')`)).map((r: { name: string; size: number }) => [r.name, r.size]));
    expect(sizes).toEqual({ gamma: 51, delta: 49 });
    const audit = await ds.query(`SELECT status FROM audit_log WHERE action = 'POST /api/v1/demo/widgets/transfers'`);
    expect(audit).toEqual([{ status: 201 }, { status: 201 }]);
  });
});

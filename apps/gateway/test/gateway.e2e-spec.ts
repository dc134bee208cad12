import net from 'node:net';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase, freePort, openApiProblems, ServiceProcess, startAppProcess, TestDatabase, testInfra, testTokens } from '@one-window/shared/testing';
import { createGateway } from '../src/create-gateway';

/**
 * The gateway in front of a real service process (tax, with its own database and the real broker),
 * a service that is stopped (nothing listens on its port) and one that accepts connections but
 * never answers.
 */
describe('gateway (e2e)', () => {
  const tokens = testTokens();
  let db: TestDatabase;
  let tax: ServiceProcess;
  let gateway: NestExpressApplication;
  let hanging: net.Server;
  const officer = () => tokens.token({ sub: 'officer-1', roles: ['officer'], agency_id: 'TAX-GZ' });
  const admin = () => tokens.token({ sub: 'ops-1', roles: ['admin'] });

  beforeAll(async () => {
    db = await createTestDatabase('gw_tax');
    tax = await startAppProcess('tax', { DATABASE_URL: db.url, KAFKA_BROKERS: testInfra().kafkaBrokers.join(','), ...tokens.env });
    const stoppedPort = await freePort();
    hanging = net.createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((r) => hanging.once('listening', r));
    const hangingPort = (hanging.address() as net.AddressInfo).port;
    ({ app: gateway } = await createGateway({
      SERVICE_URLS: `tax=${tax.url},complaints=http://127.0.0.1:${stoppedPort},bankruptcy=http://127.0.0.1:${hangingPort}`,
      GATEWAY_RATE_LIMIT: '20',
      GATEWAY_UPSTREAM_TIMEOUT_MS: '1500',
      GATEWAY_HEALTH_TIMEOUT_MS: '1000',
      LOG_LEVEL: 'error',
      ...tokens.env,
    }));
    await gateway.init();
  }, 90_000);

  afterAll(async () => {
    await gateway?.close();
    await tax?.stop();
    hanging?.close();
    await db?.drop();
    tokens.cleanup();
  });

  const http = () => request(gateway.getHttpServer());

  it('proxies to the service with the caller’s token and carries the request id both ways', async () => {
    const res = await http().get('/api/v1/tax/admin/dead-letters').set('Authorization', `Bearer ${admin()}`).set('X-Request-Id', 'gw-test-0001');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
    expect(res.headers['x-request-id']).toBe('gw-test-0001');
    expect(res.headers['ratelimit-limit']).toBe('20');
  });

  it('leaves authorisation to the service: a valid token without the role gets the service’s 403', async () => {
    const res = await http().get('/api/v1/tax/admin/dead-letters').set('Authorization', `Bearer ${officer()}`);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('rejects a bad token at the edge with 401 problem+json, before the service sees it', async () => {
    const res = await http().get('/api/v1/tax/admin/dead-letters').set('Authorization', 'Bearer not.a.token');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    expect(res.body).toMatchObject({ status: 401, title: 'Unauthorized', instance: '/api/v1/tax/admin/dead-letters' });
  });

  it('answers 503 problem+json at once for a stopped service', async () => {
    const started = Date.now();
    const res = await http().get('/api/v1/complaints/tickets');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ status: 503, service: 'complaints', type: 'https://one-window.gov.cn/problems/service-unavailable' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('answers 504 problem+json when a service does not answer within the timeout, never hanging', async () => {
    const res = await http().get('/api/v1/bankruptcy/cases');
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ status: 504, service: 'bankruptcy', detail: 'bankruptcy did not answer within 1500 ms' });
  });

  it('aggregates downstream health at /healthz', async () => {
    const res = await http().get('/healthz');
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('degraded');
    expect(res.body.services.tax.status).toBe('up');
    expect(res.body.services.complaints).toMatchObject({ status: 'down', error: 'ECONNREFUSED' });
    expect(res.body.services.bankruptcy).toMatchObject({ status: 'down', error: 'no answer within 1000 ms' });
  });

  it('serves one OpenAPI 3.1 document that passes redocly lint, and Swagger UI at /docs', async () => {
    const res = await http().get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/tax/admin/dead-letters', '/api/v1/tax/admin/dead-letters/{id}/replay']));
    expect(res.body.paths['/api/v1/tax/admin/dead-letters'].get['x-roles']).toEqual(['admin']);
    expect(res.body['x-unavailable-services']).toEqual(['complaints', 'bankruptcy']);
    expect(await openApiProblems(res.body)).toEqual([]);

    const docs = await http().get('/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain("url: '/openapi.json'");
    const bundle = await http().get('/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
  });

  it('serves the event stream as AsyncAPI 3 with a readable page', async () => {
    const doc = await http().get('/asyncapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.asyncapi).toBe('3.0.0');
    expect(doc.body.channels.registrationEvents.address).toBe('registration.events');
    const page = await http().get('/asyncapi');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('registration.company.registered.v1');
  });

  it('rate-limits per caller: RateLimit headers count down, then 429 with Retry-After', async () => {
    const token = tokens.token({ sub: 'burst-client', roles: ['applicant'] });
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 21; i++) {
      last = await http().get('/api/v1/complaints/anything').set('Authorization', `Bearer ${token}`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 503)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect(last?.headers['retry-after']).toBe('3');
    expect(last?.headers['ratelimit-remaining']).toBe('0');
    expect(last?.headers['content-type']).toMatch(/^application\/problem\+json/);
    // Another caller is not affected.
    const other = await http().get('/api/v1/complaints/anything').set('Authorization', `Bearer ${officer()}`);
    expect(other.status).toBe(503);
  });
});

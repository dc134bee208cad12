import { PROBLEM_BASE_URI } from '../problem/problem-details';
import { bootTestApp, type TestApp } from '../testing/test-app';
import { HealthModule } from './health.module';

const state = { database: 'up' as 'up' | 'fail' | 'hang', broker: 'up' as 'up' | 'fail' | 'hang' };

function check(name: keyof typeof state) {
  return async (): Promise<void> => {
    if (state[name] === 'fail') {
      throw new Error(`${name} refused at 10.0.0.5:5432`);
    }
    if (state[name] === 'hang') {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  };
}

describe('HealthModule', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({
      imports: [HealthModule.register({ checks: { database: check('database'), broker: check('broker') }, timeoutMs: 50 })],
    }, { globalPrefix: 'api' });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    state.database = 'up';
    state.broker = 'up';
    t.lines.splice(0);
  });

  it('answers liveness at the root even with a global prefix', async () => {
    const res = await t.http().get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('is ready with per-check status when every check passes', async () => {
    const res = await t.http().get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      checks: { database: { status: 'up', durationMs: expect.any(Number) }, broker: { status: 'up', durationMs: expect.any(Number) } },
    });
  });

  it('answers 503 problem listing a failing check, without its error text', async () => {
    state.broker = 'fail';
    const res = await t.http().get('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: `${PROBLEM_BASE_URI}not-ready`,
      status: 503,
      detail: 'Failing checks: broker.',
      failing: ['broker'],
      checks: { database: { status: 'up' }, broker: { status: 'down', reason: 'failed' } },
      instance: '/readyz',
    });
    expect(res.text).not.toContain('10.0.0.5');
    expect(t.lines.find((l) => l.msg === 'Readiness check down')).toMatchObject({ level: 'warn', check: 'broker', reason: 'failed' });
  });

  it('answers 503 when a check exceeds its timeout', async () => {
    state.database = 'hang';
    const started = Date.now();
    const res = await t.http().get('/readyz');
    expect(Date.now() - started).toBeLessThan(900);
    expect(res.status).toBe(503);
    expect(res.body.failing).toEqual(['database']);
    expect(res.body.checks.database).toMatchObject({ status: 'down', reason: 'timeout' });
  });
});

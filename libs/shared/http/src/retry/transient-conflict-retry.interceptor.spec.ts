import { Controller, Get, Post } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PROBLEM_BASE_URI } from '../problem/problem-details';
import { bootTestApp, type TestApp } from '../testing/test-app';
import { isTransientConflict } from './transient-conflict';
import { TransientConflictRetryInterceptor } from './transient-conflict-retry.interceptor';

/** What the pg driver throws, and what TypeORM wraps it in (QueryFailedError.driverError). */
const pgError = (code: string) => Object.assign(new Error(code === '40P01' ? 'deadlock detected' : 'could not serialize access'), { code });
const typeormError = (code: string) => Object.assign(new Error('query failed'), { driverError: { code } });

let attempts = 0;
let failures: Error[] = [];

@Controller('things')
class ThingsController {
  @Post()
  create() {
    attempts += 1;
    const next = failures.shift();
    if (next) throw next;
    return { attempts };
  }

  @Get('broken')
  broken() {
    attempts += 1;
    throw Object.assign(new Error('relation "x" does not exist'), { code: '42P01' });
  }
}

describe('isTransientConflict', () => {
  it.each([
    ['pg deadlock', pgError('40P01'), true],
    ['pg serialization failure', pgError('40001'), true],
    ['TypeORM-wrapped deadlock', typeormError('40P01'), true],
    ['unique violation (a real conflict, answered 409 elsewhere)', pgError('23505'), false],
    ['a plain error', new Error('x'), false],
    ['null', null, false],
  ])('%s → %s', (_, e, expected) => expect(isTransientConflict(e)).toBe(expected));
});

describe('TransientConflictRetryInterceptor (a handler whose transaction lost a race runs again)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({
      controllers: [ThingsController],
      providers: [{ provide: APP_INTERCEPTOR, useValue: new TransientConflictRetryInterceptor({ retries: 3, baseDelayMs: 1 }) }],
    });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    attempts = 0;
    failures = [];
  });

  it('a deadlock, then a serialization failure, then success: one 201 after three attempts', async () => {
    failures = [pgError('40P01'), typeormError('40001')];
    const res = await t.http().post('/things').send({});
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ attempts: 3 });
    expect(t.lines.filter((l) => l.level === 'warn' && /lost a race/.test(l.msg))).toHaveLength(2);
  });

  it('still conflicting after the last retry: 503 problem+json with Retry-After, after 1 + 3 attempts', async () => {
    failures = [1, 2, 3, 4].map(() => pgError('40P01'));
    const res = await t.http().post('/things').send({});
    expect(attempts).toBe(4);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body).toMatchObject({ type: `${PROBLEM_BASE_URI}service-unavailable`, status: 503 });
    expect(JSON.stringify(res.body)).not.toContain('deadlock');
  });

  it('any other error is not retried', async () => {
    const res = await t.http().get('/things/broken');
    expect(attempts).toBe(1);
    expect(res.status).toBe(500);
  });
});

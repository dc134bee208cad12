import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IsString } from 'class-validator';
import { PROBLEM_BASE_URI } from '../problem/problem-details';
import { bootTestApp, type TestApp } from '../testing/test-app';
import { parseIdempotencyKey } from './idempotency.interceptor';
import { InMemoryIdempotencyStore } from './in-memory-idempotency-store';

class CreateApplicationDto {
  @IsString() name!: string;
}

const calls: string[] = [];
let release: (() => void) | undefined;
let failNext = false;

@Controller('applications')
class ApplicationsController {
  @Post()
  create(@Body() dto: CreateApplicationDto, @Res({ passthrough: true }) res: Response) {
    calls.push(dto.name);
    if (failNext) {
      failNext = false;
      throw new Error('transient failure');
    }
    const id = `app-${calls.length}`;
    res.setHeader('Location', `/applications/${id}`);
    res.setHeader('ETag', '"1"');
    res.setHeader('X-Not-Replayed', 'yes');
    return { id, name: dto.name };
  }

  @Post('slow')
  async slow(@Body() dto: CreateApplicationDto) {
    calls.push(dto.name);
    await new Promise<void>((resolve) => (release = resolve));
    return { done: true };
  }

  @Post(':id/accept')
  @HttpCode(202)
  accept(@Param('id') id: string, @Res({ passthrough: true }) res: Response) {
    calls.push(id);
    res.status(200);
    return undefined;
  }

  @Get()
  list() {
    calls.push('list');
    return [];
  }
}

describe('IdempotencyInterceptor', () => {
  let t: TestApp;
  const store = new InMemoryIdempotencyStore();

  beforeAll(async () => {
    t = await bootTestApp(
      { controllers: [ApplicationsController] },
      { idempotency: { store, subjectOf: (req) => req.header('x-test-subject') } },
    );
  });
  afterAll(() => t.close());
  beforeEach(() => {
    calls.splice(0);
  });

  it('replays the stored response for the same key and body, calling the handler once', async () => {
    const first = await t.http().post('/applications').set('Idempotency-Key', 'k-1').send({ name: 'Acme' });
    const second = await t.http().post('/applications').set('Idempotency-Key', 'k-1').send({ name: 'Acme' });

    expect(calls).toEqual(['Acme']);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.status).toBe(201);
    expect(second.body).toEqual({ id: 'app-1', name: 'Acme' });
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['location']).toBe('/applications/app-1');
    expect(second.headers['etag']).toBe('"1"');
    expect(second.headers['x-not-replayed']).toBeUndefined();
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it('treats a body with reordered keys as the same request', async () => {
    await t.http().post('/applications').set('Idempotency-Key', 'k-order').send({ name: 'Acme' });
    const replay = await t.http().post('/applications').set('Idempotency-Key', 'k-order').set('Content-Type', 'application/json').send('{ "name" : "Acme" }');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(calls).toHaveLength(1);
  });

  it('answers 422 idempotency-key-reuse for the same key with another body', async () => {
    await t.http().post('/applications').set('Idempotency-Key', 'k-2').send({ name: 'Acme' });
    const reuse = await t.http().post('/applications').set('Idempotency-Key', 'k-2').send({ name: 'Other' });
    expect(reuse.status).toBe(422);
    expect(reuse.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reuse.body).toMatchObject({ type: `${PROBLEM_BASE_URI}idempotency-key-reuse`, status: 422, instance: '/applications' });
    expect(calls).toEqual(['Acme']);
  });

  it('answers 409 while the first request with the key is in flight, then replays', async () => {
    const first = t.http().post('/applications/slow').set('Idempotency-Key', 'k-3').send({ name: 'Slow' });
    const firstDone = first.then((r) => r);
    await waitFor(() => release !== undefined);

    const concurrent = await t.http().post('/applications/slow').set('Idempotency-Key', 'k-3').send({ name: 'Slow' });
    expect(concurrent.status).toBe(409);
    expect(concurrent.body.type).toBe(`${PROBLEM_BASE_URI}idempotency-key-in-flight`);
    expect(concurrent.headers['retry-after']).toBe('1');

    release?.();
    expect((await firstDone).status).toBe(201);
    const later = await t.http().post('/applications/slow').set('Idempotency-Key', 'k-3').send({ name: 'Slow' });
    expect(later.status).toBe(201);
    expect(later.body).toEqual({ done: true });
    expect(calls).toEqual(['Slow']);
  });

  it('scopes keys per caller subject', async () => {
    await t.http().post('/applications').set('Idempotency-Key', 'k-4').set('x-test-subject', 'alice').send({ name: 'A' });
    const bob = await t.http().post('/applications').set('Idempotency-Key', 'k-4').set('x-test-subject', 'bob').send({ name: 'B' });
    expect(bob.status).toBe(201);
    expect(bob.headers['idempotent-replayed']).toBeUndefined();
    expect(calls).toEqual(['A', 'B']);
  });

  it('releases the key when the handler fails, so a retry runs again', async () => {
    failNext = true;
    const failed = await t.http().post('/applications').set('Idempotency-Key', 'k-5').send({ name: 'Retry' });
    expect(failed.status).toBe(500);
    const retried = await t.http().post('/applications').set('Idempotency-Key', 'k-5').send({ name: 'Retry' });
    expect(retried.status).toBe(201);
    expect(calls).toEqual(['Retry', 'Retry']);
  });

  it('does not store a validation failure', async () => {
    const invalid = await t.http().post('/applications').set('Idempotency-Key', 'k-6').send({ name: 1 });
    expect(invalid.status).toBe(400);
    const valid = await t.http().post('/applications').set('Idempotency-Key', 'k-6').send({ name: 'Fixed' });
    expect(valid.status).toBe(201);
    expect(calls).toEqual(['Fixed']);
  });

  it('replays the status the handler set itself', async () => {
    await t.http().post('/applications/a-1/accept').set('Idempotency-Key', 'k-7').send({});
    const replay = await t.http().post('/applications/a-1/accept').set('Idempotency-Key', 'k-7').send({});
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(calls).toEqual(['a-1']);
  });

  it('runs every request without the header', async () => {
    await t.http().post('/applications').send({ name: 'X' });
    await t.http().post('/applications').send({ name: 'X' });
    expect(calls).toEqual(['X', 'X']);
  });

  it('ignores the header on GET', async () => {
    await t.http().get('/applications').set('Idempotency-Key', 'k-8');
    await t.http().get('/applications').set('Idempotency-Key', 'k-8');
    expect(calls).toEqual(['list', 'list']);
  });

  it('rejects an invalid key with 400', async () => {
    const res = await t.http().post('/applications').set('Idempotency-Key', 'x'.repeat(256)).send({ name: 'X' });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe(`${PROBLEM_BASE_URI}invalid-idempotency-key`);
    expect(calls).toEqual([]);
  });
});

describe('parseIdempotencyKey', () => {
  it('accepts tokens and structured-field strings', () => {
    expect(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(parseIdempotencyKey('"abc+/="')).toBe('abc+/=');
  });
  it.each([[''], ['a b'], ['a,b'], [['a', 'b']], ['x'.repeat(256)]])('rejects %p', (value) => {
    expect(parseIdempotencyKey(value)).toBeUndefined();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (!condition()) {
    throw new Error('condition not met');
  }
}

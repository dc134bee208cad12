import { ConflictException, Controller, Get, HttpCode, Post, type INestApplication } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { mintToken } from '../dev/mint-token';
import { AuthModule } from '../nest/auth.module';
import { Public } from '../public';
import { EC_KEY, publicKeysOf } from '../test-support/keys';
import type { AuditActor, AuditEntry } from './audit-entry';
import { AuditInterceptor } from './audit.interceptor';
import { AuditSink } from './audit-sink';
import { InMemoryAuditSink } from './in-memory-audit-sink';

@Controller('applications')
class ApplicationsController {
  @Get(':id')
  read() {
    return { id: 'app-1' };
  }

  @Post(':id/submit')
  submit() {
    return { submitted: true };
  }

  @HttpCode(204)
  @Post(':id/withdraw')
  withdraw() {
    return undefined;
  }

  @Post(':id/approve')
  approve() {
    throw new ConflictException('already decided');
  }

  @Post(':id/crash')
  crash() {
    throw new Error('boom');
  }

  @Public()
  @Post('hotline-callback')
  callback() {
    return { ok: true };
  }
}

async function appWith(sink: AuditSink): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [AuthModule.register({ publicKeys: publicKeysOf(EC_KEY), issuer: 'one-window-dev', audience: 'one-window' })],
    controllers: [ApplicationsController],
    providers: [
      { provide: AuditSink, useValue: sink },
      { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

const officer = `Bearer ${mintToken(EC_KEY.privateKeyPem, EC_KEY.kid, { sub: 'officer-1', roles: ['officer'], agency_id: 'SAMR-GZ' }, '5m')}`;
const officerActor: AuditActor = { subject: 'officer-1', roles: ['officer'], agencyId: 'SAMR-GZ' };

describe('AuditInterceptor', () => {
  const sink = new InMemoryAuditSink();
  let app: INestApplication;

  beforeAll(async () => {
    app = await appWith(sink);
  });

  afterAll(() => app.close());

  beforeEach(() => sink.entries.splice(0));

  it('records a successful POST with actor, route template, path, status and request id', async () => {
    const before = Date.now();
    await request(app.getHttpServer())
      .post('/applications/app-1/submit?lang=zh')
      .set('Authorization', officer)
      .set('x-request-id', 'req-42')
      .expect(201);
    expect(sink.entries).toEqual<AuditEntry[]>([
      {
        at: expect.any(Date),
        actor: officerActor,
        action: 'POST /applications/:id/submit',
        resource: '/applications/app-1/submit',
        outcome: { status: 201, result: 'success' },
        requestId: 'req-42',
      },
    ]);
    expect(sink.entries[0].at.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('records the status set by @HttpCode', async () => {
    await request(app.getHttpServer()).post('/applications/app-1/withdraw').set('Authorization', officer).expect(204);
    expect(sink.entries.map((e) => e.outcome)).toEqual([{ status: 204, result: 'success' }]);
  });

  it('records a refused action (4xx) and a failure (5xx), and keeps their responses', async () => {
    await request(app.getHttpServer()).post('/applications/app-1/approve').set('Authorization', officer).expect(409);
    await request(app.getHttpServer()).post('/applications/app-1/crash').set('Authorization', officer).expect(500);
    expect(sink.entries.map((e) => [e.action, e.outcome])).toEqual([
      ['POST /applications/:id/approve', { status: 409, result: 'rejected' }],
      ['POST /applications/:id/crash', { status: 500, result: 'error' }],
    ]);
  });

  it('does not record GET requests', async () => {
    await request(app.getHttpServer()).get('/applications/app-1').set('Authorization', officer).expect(200);
    expect(sink.entries).toEqual([]);
  });

  it('records public POSTs with a null actor', async () => {
    await request(app.getHttpServer()).post('/applications/hotline-callback').expect(201);
    expect(sink.entries).toMatchObject([{ actor: null, action: 'POST /applications/hotline-callback', outcome: { status: 201 } }]);
  });

  it('does not see requests the guard refused', async () => {
    await request(app.getHttpServer()).post('/applications/app-1/submit').expect(401);
    expect(sink.entries).toEqual([]);
  });
});

describe('AuditInterceptor with a failing sink', () => {
  it('still answers the request', async () => {
    const failing = { record: jest.fn().mockRejectedValue(new Error('db down')) };
    const app = await appWith(failing);
    try {
      await request(app.getHttpServer()).post('/applications/app-1/submit').set('Authorization', officer).expect(201, { submitted: true });
      expect(failing.record).toHaveBeenCalledTimes(1);
    } finally {
      await app.close();
    }
  });
});

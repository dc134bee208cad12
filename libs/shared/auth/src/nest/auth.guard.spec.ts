import { Controller, Get, Post, Req, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { mintToken, type TokenClaims } from '../dev/mint-token';
import type { Principal } from '../principal';
import { Public } from '../public';
import { EC_KEY, publicKeysOf, STRANGER_KEY } from '../test-support/keys';
import { AuthModule } from './auth.module';
import { CurrentPrincipal } from './current-principal.decorator';
import { PRINCIPAL_REQUEST_KEY, principalOf } from './request-principal';
import { Roles } from './roles.decorator';

@Controller()
class CasesController {
  @Public()
  @Get('health')
  health() {
    return { status: 'up' };
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Roles('officer', 'admin')
  @Post('cases/:id/decision')
  decide() {
    return { decided: true };
  }

  @Public()
  @Get('whoami-public')
  whoamiPublic(@CurrentPrincipal() principal: Principal) {
    return principal;
  }
}

@Roles('court')
@Controller('court')
class CourtController {
  @Get('docket')
  docket() {
    return ['case-1'];
  }

  @Public()
  @Get('calendar')
  calendar() {
    return ['2025-01-20'];
  }

  @Roles('supervisor')
  @Get('overdue')
  overdue() {
    return [];
  }
}

@Public()
@Controller('open')
class OpenController {
  @Get('forms')
  forms() {
    return ['form-a'];
  }

  @Roles('admin')
  @Post('forms')
  addForm() {
    return { added: true };
  }
}

function bearer(claims: Partial<TokenClaims> = {}, key = EC_KEY): string {
  return `Bearer ${mintToken(key.privateKeyPem, key.kid, { sub: 'user-1', roles: ['applicant'], ...claims }, '5m')}`;
}

describe('AuthGuard (global, via AuthModule.register)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.register({ publicKeys: publicKeysOf(EC_KEY), issuer: 'one-window-dev', audience: 'one-window' })],
      controllers: [CasesController, CourtController, OpenController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(() => app.close());

  it('lets a @Public() route through without a token', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toEqual({ status: 'up' });
  });

  it('answers 401 without the error code when no bearer token is sent (RFC 6750 §3.1)', async () => {
    const response = await request(app.getHttpServer()).get('/me').expect(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="one-window"');
    expect(response.body.message).toBe('A bearer token is required');
  });

  it('treats a non-Bearer Authorization header as no bearer token', async () => {
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="one-window"');
  });

  it('answers 401 invalid_token for a token signed by an unknown key', async () => {
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', bearer({}, STRANGER_KEY)).expect(401);
    expect(response.headers['www-authenticate']).toBe(
      'Bearer realm="one-window", error="invalid_token", error_description="The access token is invalid"',
    );
    expect(response.body.message).toBe('The access token is invalid');
  });

  it('says "expired" for an expired token', async () => {
    const expired = mintToken(EC_KEY.privateKeyPem, EC_KEY.kid, { sub: 'u', roles: ['applicant'] }, 60, Date.now() - 3_600_000);
    const response = await request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(response.headers['www-authenticate']).toContain('error="invalid_token", error_description="The access token expired"');
  });

  it('answers 401 for an officer token without agency_id', async () => {
    await request(app.getHttpServer()).get('/me').set('Authorization', bearer({ roles: ['officer'] })).expect(401);
  });

  it('injects the principal with @CurrentPrincipal()', async () => {
    const response = await request(app.getHttpServer())
      .get('/me')
      .set('Authorization', bearer({ sub: 'officer-1', roles: ['officer'], agency_id: 'SAMR-GZ', name: '李明' }))
      .expect(200);
    expect(response.body).toEqual({ subject: 'officer-1', roles: ['officer'], agencyId: 'SAMR-GZ', name: '李明' });
  });

  it('answers 403 when the principal has none of the @Roles', async () => {
    const response = await request(app.getHttpServer()).post('/cases/42/decision').set('Authorization', bearer()).expect(403);
    expect(response.body.message).toBe('This operation requires one of the roles: officer, admin');
  });

  it('admits any of the @Roles', async () => {
    const officer = bearer({ roles: ['officer'], agency_id: 'SAMR-GZ' });
    await request(app.getHttpServer()).post('/cases/42/decision').set('Authorization', officer).expect(201, { decided: true });
    await request(app.getHttpServer()).post('/cases/42/decision').set('Authorization', bearer({ roles: ['admin'] })).expect(201);
  });

  it('still needs a token for a @Roles route (401 before 403)', async () => {
    await request(app.getHttpServer()).post('/cases/42/decision').expect(401);
  });

  it('applies controller-level @Roles, and lets a handler-level @Public or @Roles override it', async () => {
    const court = bearer({ roles: ['court'], agency_id: 'GZ-COURT' });
    const supervisor = bearer({ roles: ['supervisor'] });
    await request(app.getHttpServer()).get('/court/docket').set('Authorization', court).expect(200, ['case-1']);
    await request(app.getHttpServer()).get('/court/docket').set('Authorization', supervisor).expect(403);
    await request(app.getHttpServer()).get('/court/calendar').expect(200, ['2025-01-20']);
    await request(app.getHttpServer()).get('/court/overdue').set('Authorization', supervisor).expect(200);
    await request(app.getHttpServer()).get('/court/overdue').set('Authorization', court).expect(403);
  });

  it('lets a handler-level @Roles protect a route of a @Public() controller', async () => {
    await request(app.getHttpServer()).get('/open/forms').expect(200, ['form-a']);
    await request(app.getHttpServer()).post('/open/forms').expect(401);
    await request(app.getHttpServer()).post('/open/forms').set('Authorization', bearer({ roles: ['admin'] })).expect(201);
  });

  it('fails loudly (500) when @CurrentPrincipal() is used on a @Public() route', async () => {
    await request(app.getHttpServer()).get('/whoami-public').expect(500);
  });
});

describe('principal on the request', () => {
  it('is attached as request.principal for logs and audit (registerAsync)', async () => {
    @Controller()
    class ProbeController {
      @Get('probe')
      probe(@Req() req: object) {
        return { fromRequest: principalOf(req), property: (req as Record<string, unknown>)[PRINCIPAL_REQUEST_KEY] };
      }
    }
    const moduleRef = await Test.createTestingModule({
      imports: [
        AuthModule.registerAsync({
          useFactory: async () => ({ publicKeys: publicKeysOf(EC_KEY), issuer: 'one-window-dev', audience: 'one-window' }),
        }),
      ],
      controllers: [ProbeController],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const response = await request(app.getHttpServer()).get('/probe').set('Authorization', bearer({ sub: 'applicant-9' })).expect(200);
      const expected = { subject: 'applicant-9', roles: ['applicant'] };
      expect(response.body).toEqual({ fromRequest: expected, property: expected });
      expect(PRINCIPAL_REQUEST_KEY).toBe('principal');
    } finally {
      await app.close();
    }
  });
});

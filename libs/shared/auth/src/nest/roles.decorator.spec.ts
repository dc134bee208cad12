import { Controller, Get, Post, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ApiOperation, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Public } from '../public';
import type { Role } from '../roles';
import { EC_KEY, publicKeysOf } from '../test-support/keys';
import { AuthModule } from './auth.module';
import { Roles } from './roles.decorator';

@Controller('applications')
class ApplicationsController {
  @Roles('officer', 'admin')
  @ApiOperation({ summary: 'Decide an application', description: 'Approves or rejects.' })
  @Post(':id/decision')
  decide() {
    return {};
  }

  @Roles('applicant')
  @Post()
  submit() {
    return {};
  }

  @Public()
  @Get('forms')
  forms() {
    return [];
  }
}

@Roles('supervisor')
@Controller('oversight')
class OversightController {
  @ApiOperation({ summary: 'Overdue steps' })
  @Get('overdue')
  overdue() {
    return [];
  }

  @Roles('admin')
  @Post('escalations')
  escalate() {
    return {};
  }

  @Public()
  @Get('stats')
  stats() {
    return {};
  }
}

describe('@Roles in the OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.register({ publicKeys: publicKeysOf(EC_KEY), issuer: 'one-window-dev', audience: 'one-window' })],
      controllers: [ApplicationsController, OversightController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    document = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build());
  });

  afterAll(() => app.close());

  const operation = (path: string, method: 'get' | 'post') => document.paths[path][method] as unknown as Record<string, unknown>;

  it('states the roles as x-roles, requires the bearer scheme and appends them to the description', () => {
    expect(operation('/applications/{id}/decision', 'post')).toMatchObject({
      summary: 'Decide an application',
      description: 'Approves or rejects.\n\n**Roles:** officer, admin',
      security: [{ bearer: [] }],
      'x-roles': ['officer', 'admin'],
    });
    expect(operation('/applications', 'post')).toMatchObject({ description: '**Roles:** applicant', 'x-roles': ['applicant'] });
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents public routes without roles or security', () => {
    const forms = operation('/applications/forms', 'get');
    expect(forms['x-roles']).toBeUndefined();
    expect(forms.security).toBeUndefined();
  });

  it('spreads controller-level roles to each route that does not decide for itself', () => {
    expect(operation('/oversight/overdue', 'get')).toMatchObject({
      summary: 'Overdue steps',
      description: '**Roles:** supervisor',
      'x-roles': ['supervisor'],
      security: [{ bearer: [] }],
    });
    expect(operation('/oversight/escalations', 'post')).toMatchObject({ description: '**Roles:** admin', 'x-roles': ['admin'] });
    expect(operation('/oversight/stats', 'get')['x-roles']).toBeUndefined();
  });

  it('refuses unknown or no roles at decoration time', () => {
    expect(() => Roles(...(['root'] as unknown as [Role]))).toThrow('@Roles() needs known roles; got ["root"]');
    expect(() => Roles(...([] as unknown as [Role]))).toThrow('@Roles() needs known roles; got []');
  });
});

import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { bootTestApp, type TestApp } from '../testing/test-app';
import { buildOpenApiDocument } from './build-openapi-document';
import { ApiProblemResponse } from './problem-schema';
import { Public } from '../auth/public.decorator';

class CreateThingDto {
  @ApiProperty() @IsString() name!: string;
}

@Controller('things')
class ThingsController {
  @Post()
  @ApiProblemResponse(409, 'Thing already exists')
  create(@Body() dto: CreateThingDto) {
    return dto;
  }

  @Get()
  list() {
    return [];
  }

  @Get('count')
  @Public()
  count() {
    return 0;
  }
}

describe('buildOpenApiDocument', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp(
      { controllers: [ThingsController] },
      { accessLog: false, openApi: { title: 'Things', version: '1.2.0', serverPath: '/things-service' } },
    );
  });
  afterAll(() => t.close());

  it('builds an OpenAPI 3 document with the ProblemDetails component and default problem responses', () => {
    const doc = buildOpenApiDocument(t.app, { title: 'Things', version: '1.2.0', serverPath: '/things-service' });
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info).toMatchObject({ title: 'Things', version: '1.2.0' });
    expect(doc.servers).toEqual([{ url: '/things-service' }]);
    expect(doc.components?.schemas?.['ProblemDetails']).toMatchObject({ required: ['type', 'title', 'status'] });
    const post = doc.paths['/things'].post;
    expect(post?.responses['default']).toEqual({
      description: 'Error (RFC 9457 problem details)',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
    });
    expect(post?.responses['409']).toMatchObject({
      description: 'Thing already exists',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
    });
    expect(doc.paths['/things'].get?.responses['default']).toBeDefined();
    // a public operation says so (security: []); others are left to their own decorators
    expect(doc.paths['/things/count'].get?.security).toEqual([]);
    expect(doc.paths['/things'].get?.security).toBeUndefined();
  });

  it('serves the document as JSON when configureHttpApp gets openApi options', async () => {
    const res = await t.http().get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.info.title).toBe('Things');
    expect(Object.keys(res.body.components.schemas)).toEqual(expect.arrayContaining(['ProblemDetails', 'CreateThingDto']));
    expect(t.wiring.openApiDocument?.paths['/things']).toBeDefined();
  });
});

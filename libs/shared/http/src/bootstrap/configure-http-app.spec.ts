import { Body, ConflictException, Controller, Get, HttpCode, Logger, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Length, Min, ValidateNested } from 'class-validator';
import { DomainError } from '../problem/domain-error';
import { PROBLEM_BASE_URI } from '../problem/problem-details';
import { bootTestApp, type TestApp } from '../testing/test-app';
import { configureHttpApp } from './configure-http-app';

class AddressDto {
  @IsString() city!: string;
}

class ShareholderDto {
  @IsString() name!: string;
  @IsString() @Length(18, 18) idNumber!: string;
}

class RegisterCompanyDto {
  @IsString() name!: string;
  @IsInt() @Min(1) registeredCapital!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ShareholderDto) shareholders!: ShareholderDto[];
  @IsOptional() @ValidateNested() @Type(() => AddressDto) address?: AddressDto;
}

class ApplicationAlreadySubmitted extends DomainError {
  readonly code = 'APPLICATION_ALREADY_SUBMITTED';
}
class UnmappedRuleBroken extends DomainError {
  readonly code = 'UNMAPPED_RULE';
}

const audit = new Logger('CompaniesController');

@Controller()
class CompaniesController {
  @Post('companies')
  async register(@Body() dto: RegisterCompanyDto) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    audit.log({ msg: 'company registered', contactPhone: '13812345678', shareholders: dto.shareholders.length });
    return { id: 'c-1', shareholderType: dto.shareholders[0]?.constructor.name };
  }

  @Post('raw')
  @HttpCode(200)
  raw(@Body() body: { text: string }) {
    return { length: body.text.length };
  }

  @Get('boom')
  boom() {
    throw new Error('connection to db-7.internal refused (password=hunter2)');
  }

  @Get('submitted')
  submitted() {
    throw new ApplicationAlreadySubmitted('Application A-42 was already submitted.', { applicationId: 'A-42' });
  }

  @Get('unmapped')
  unmapped() {
    throw new UnmappedRuleBroken('Some internal rule text');
  }

  @Get('conflict')
  conflict() {
    throw new ConflictException('Name already registered');
  }
}

const validCompany = { name: 'Acme', registeredCapital: 100, shareholders: [{ name: 'Li', idNumber: '440106199001011234' }] };

describe('configureHttpApp', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp(
      { controllers: [CompaniesController] },
      {
        problemTypes: {
          APPLICATION_ALREADY_SUBMITTED: { status: 409, title: 'Application already submitted', type: 'application-already-submitted' },
        },
      },
    );
  });
  afterAll(() => t.close());
  beforeEach(() => t.lines.splice(0));

  describe('problem details', () => {
    it('answers a malformed JSON body with 400 malformed-json as application/problem+json', async () => {
      const res = await t.http().post('/companies').set('Content-Type', 'application/json').send('{"name": "Acme",');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(res.body).toEqual({
        type: `${PROBLEM_BASE_URI}malformed-json`,
        title: 'Malformed JSON',
        status: 400,
        detail: 'The request body is not valid JSON.',
        instance: '/companies',
        requestId: res.headers['x-request-id'],
      });
    });

    it('names an unknown field with reason "unknown field"', async () => {
      const res = await t.http().post('/companies').send({ ...validCompany, isAdmin: true });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.type).toBe(`${PROBLEM_BASE_URI}validation-error`);
      expect(res.body.violations).toEqual([{ field: 'isAdmin', reason: 'unknown field' }]);
      expect(res.body.detail).toBe('Field isAdmin: unknown field.');
    });

    it('names a field of the wrong type (no implicit conversion)', async () => {
      const res = await t.http().post('/companies').send({ ...validCompany, registeredCapital: '100' });
      expect(res.status).toBe(400);
      expect(res.body.violations).toEqual([
        { field: 'registeredCapital', reason: 'registeredCapital must not be less than 1' },
        { field: 'registeredCapital', reason: 'registeredCapital must be an integer number' },
      ]);
    });

    it('names nested bad fields with brackets and dots', async () => {
      const res = await t
        .http()
        .post('/companies')
        .send({
          ...validCompany,
          shareholders: [{ name: 'Li', idNumber: '440106199001011234' }, { name: 'Wang', idNumber: 12345, extra: 1 }],
          address: { city: 7 },
        });
      expect(res.status).toBe(400);
      expect(res.body.violations).toEqual(
        expect.arrayContaining([
          { field: 'shareholders[1].idNumber', reason: 'idNumber must be longer than or equal to 18 and shorter than or equal to 18 characters' },
          { field: 'shareholders[1].idNumber', reason: 'idNumber must be a string' },
          { field: 'shareholders[1].extra', reason: 'unknown field' },
          { field: 'address.city', reason: 'city must be a string' },
        ]),
      );
      expect(res.body.violations).toHaveLength(4);
      expect(res.body.detail).toBe('The request has 4 invalid fields.');
    });

    it('transforms a valid body into DTO instances', async () => {
      const res = await t.http().post('/companies').send(validCompany);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: 'c-1', shareholderType: 'ShareholderDto' });
    });

    it('accepts bodies up to the 1 MB default, beyond Nest’s 100 kb', async () => {
      const res = await t.http().post('/raw').send({ text: 'x'.repeat(900_000) });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ length: 900_000 });
    });

    it('answers a body over 1 MB with 413 payload-too-large', async () => {
      const res = await t.http().post('/raw').send({ text: 'x'.repeat(1_100_000) });
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: `${PROBLEM_BASE_URI}payload-too-large`,
        status: 413,
        detail: 'The request body exceeds the limit of 1048576 bytes.',
        instance: '/raw',
      });
    });

    it('answers an unknown route with 404 not-found', async () => {
      const res = await t.http().get('/nowhere?x=1');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ type: `${PROBLEM_BASE_URI}not-found`, title: 'Not found', status: 404, instance: '/nowhere' });
    });

    it('maps a registered DomainError through the registry, with its details', async () => {
      const res = await t.http().get('/submitted');
      expect(res.status).toBe(409);
      expect(res.body).toEqual({
        type: `${PROBLEM_BASE_URI}application-already-submitted`,
        title: 'Application already submitted',
        status: 409,
        detail: 'Application A-42 was already submitted.',
        applicationId: 'A-42',
        instance: '/submitted',
        requestId: res.headers['x-request-id'],
      });
    });

    it('maps a Nest HttpException to its status problem', async () => {
      const res = await t.http().get('/conflict');
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ type: `${PROBLEM_BASE_URI}conflict`, title: 'Conflict', detail: 'Name already registered' });
    });

    it('answers an unknown error with a generic 500, logs it with the stack, and leaks nothing', async () => {
      const res = await t.http().get('/boom');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        type: `${PROBLEM_BASE_URI}internal-error`,
        title: 'Internal server error',
        status: 500,
        detail: 'An unexpected error occurred. Quote the request id when you contact support.',
        instance: '/boom',
        requestId: res.headers['x-request-id'],
      });
      expect(res.text).not.toMatch(/hunter2|db-7|at .*\.ts/);
      const logged = t.lines.find((l) => l.level === 'error');
      expect(logged).toMatchObject({ msg: 'Unhandled error', context: 'ProblemDetailsFilter', requestId: res.headers['x-request-id'], status: 500 });
      expect((logged?.['err'] as { message: string; stack: string }).message).toContain('hunter2');
      expect((logged?.['err'] as { stack: string }).stack).toContain('configure-http-app.spec.ts');
    });

    it('answers an unregistered DomainError with 500 and logs the missing mapping', async () => {
      const res = await t.http().get('/unmapped');
      expect(res.status).toBe(500);
      expect(res.text).not.toContain('Some internal rule text');
      expect(t.lines.find((l) => l.level === 'error')?.msg).toBe('No problem type registered for domain error code "UNMAPPED_RULE"');
    });
  });

  describe('request id', () => {
    it('keeps a safe X-Request-Id and echoes it', async () => {
      const res = await t.http().post('/companies').set('X-Request-Id', 'gw-2024.abc_1').send(validCompany);
      expect(res.headers['x-request-id']).toBe('gw-2024.abc_1');
    });

    it('generates a UUID when none is given', async () => {
      const res = await t.http().get('/conflict');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('replaces an unsafe X-Request-Id with a UUID', async () => {
      const res = await t.http().get('/conflict').set('X-Request-Id', 'evil"\tid');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('carries the id into log lines written by the handler after the body was parsed and an await', async () => {
      await t.http().post('/companies').set('X-Request-Id', 'req-77').send(validCompany);
      const line = t.lines.find((l) => l.msg === 'company registered');
      expect(line).toMatchObject({ level: 'info', context: 'CompaniesController', requestId: 'req-77', contactPhone: '138****5678', shareholders: 1 });
    });

    it('writes one access log line per request with method, path, status, duration and id', async () => {
      await t.http().post('/companies?draft=true').set('X-Request-Id', 'req-78').send(validCompany);
      await new Promise((resolve) => setImmediate(resolve));
      const access = t.lines.filter((l) => l.msg === 'http request');
      expect(access).toHaveLength(1);
      expect(access[0]).toMatchObject({ context: 'HttpAccess', method: 'POST', path: '/companies', status: 201, requestId: 'req-78' });
      expect(typeof access[0]['durationMs']).toBe('number');
    });
  });
});

describe('configureHttpApp with a custom body limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ controllers: [CompaniesController] }, { bodyLimit: 200, accessLog: false });
  });
  afterAll(() => t.close());

  it('rejects a body over the configured limit with 413', async () => {
    const res = await t.http().post('/raw').send({ text: 'x'.repeat(300) });
    expect(res.status).toBe(413);
    expect(res.body.detail).toBe('The request body exceeds the limit of 200 bytes.');
  });

  it('accepts a body under it and writes no access log when disabled', async () => {
    const res = await t.http().post('/raw').send({ text: 'x'.repeat(100) });
    expect(res.status).toBe(200);
    expect(t.lines.filter((l) => l.msg === 'http request')).toEqual([]);
  });

  it('refuses to wire an app that is already initialized', () => {
    expect(() => configureHttpApp(t.app)).toThrow('configureHttpApp must run before app.init()/listen()');
  });
});

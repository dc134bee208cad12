import { BadRequestException, ForbiddenException, HttpException, ServiceUnavailableException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { PROBLEM_BASE_URI } from './problem-details';
import { ProblemException } from './problem.exception';
import { ProblemTypeRegistry } from './problem-type-registry';
import { resolveProblem } from './resolve-problem';

class QuotaExceeded extends DomainError {
  readonly code = 'QUOTA_EXCEEDED';
}

const registry = new ProblemTypeRegistry({ QUOTA_EXCEEDED: { status: 429, title: 'Quota exceeded', type: 'quota-exceeded' } });

describe('resolveProblem', () => {
  it('keeps a ProblemException as thrown, with its headers', () => {
    const thrown = new ProblemException({ type: 'precondition-failed', title: 'Precondition failed', status: 412 }, { headers: { ETag: '"3"' } });
    expect(resolveProblem(thrown, registry)).toEqual({
      problem: { type: `${PROBLEM_BASE_URI}precondition-failed`, title: 'Precondition failed', status: 412 },
      headers: { ETag: '"3"' },
      logAsError: false,
    });
  });

  it('turns a Nest HttpException message array into one detail', () => {
    const { problem } = resolveProblem(new BadRequestException(['a is bad', 'b is bad']), registry);
    expect(problem).toEqual({ type: `${PROBLEM_BASE_URI}bad-request`, title: 'Bad request', status: 400, detail: 'a is bad; b is bad' });
  });

  it('uses about:blank for statuses without a dedicated type', () => {
    expect(resolveProblem(new HttpException('teapot', 418), registry).problem).toEqual({
      type: 'about:blank',
      title: 'Request error',
      status: 418,
      detail: 'teapot',
    });
  });

  it('logs 5xx HttpExceptions but not 4xx', () => {
    expect(resolveProblem(new ServiceUnavailableException('maintenance'), registry).logAsError).toBe(true);
    expect(resolveProblem(new ForbiddenException(), registry).logAsError).toBe(false);
  });

  it('maps a registered DomainError: mapping wins over details with the same name', () => {
    const { problem } = resolveProblem(new QuotaExceeded('Daily quota of 5 reached.', { limit: 5, status: 200 }), registry);
    expect(problem).toEqual({ type: `${PROBLEM_BASE_URI}quota-exceeded`, title: 'Quota exceeded', status: 429, detail: 'Daily quota of 5 reached.', limit: 5 });
  });

  it('maps a plain Error with a registered code (a domain library cannot extend DomainError) by its shape', () => {
    class PlainDomainError extends Error {
      readonly code = 'QUOTA_EXCEEDED';
      readonly details = { limit: 7 };
    }
    expect(resolveProblem(new PlainDomainError('Daily quota of 7 reached.'), registry).problem).toEqual({
      type: `${PROBLEM_BASE_URI}quota-exceeded`,
      title: 'Quota exceeded',
      status: 429,
      detail: 'Daily quota of 7 reached.',
      limit: 7,
    });
  });

  it('keeps an unregistered code (e.g. a database SQLSTATE) a generic 500', () => {
    const pgError = Object.assign(new Error('relation "company" does not exist'), { code: '42P01' });
    const resolved = resolveProblem(pgError, registry);
    expect(resolved.problem.status).toBe(500);
    expect(resolved.problem.detail).not.toContain('company');
  });

  it('a deadlock or serialization failure left after the retries is 503 with Retry-After, never the driver message', () => {
    for (const code of ['40P01', '40001']) {
      const resolved = resolveProblem(Object.assign(new Error('deadlock detected on relation "company"'), { code }), registry);
      expect(resolved).toMatchObject({ problem: { status: 503 }, headers: { 'Retry-After': '1' }, logAsError: false });
      expect(resolved.problem.detail).not.toContain('company');
    }
  });

  it('answers a unique violation (a lost creation race) with a 409 that names no table or value', () => {
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint "uq_branch_name"'), { code: '23505' });
    const typeormError = Object.assign(new Error('duplicate key value violates unique constraint "uq"'), { driverError: { code: '23505' } });
    for (const e of [pgError, typeormError]) {
      const resolved = resolveProblem(e, registry);
      expect(resolved.problem).toMatchObject({ status: 409, type: `${PROBLEM_BASE_URI}conflict` });
      expect(resolved.problem.detail).not.toContain('uq');
      expect(resolved.logAsError).toBe(false);
    }
  });

  it('maps raw body-parser errors by their type', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413, limit: 10 });
    expect(resolveProblem(tooLarge, registry).problem).toMatchObject({ type: `${PROBLEM_BASE_URI}payload-too-large`, status: 413 });
    const charset = Object.assign(new Error('unsupported charset "KOI8-R"'), { type: 'charset.unsupported', status: 415, expose: true });
    expect(resolveProblem(charset, registry).problem).toMatchObject({ type: `${PROBLEM_BASE_URI}unsupported-media-type`, status: 415 });
  });

  it('hides anything else behind a generic 500', () => {
    const resolved = resolveProblem(new TypeError('x is undefined'), registry);
    expect(resolved.problem.status).toBe(500);
    expect(resolved.problem.detail).not.toContain('undefined');
    expect(resolved.logAsError).toBe(true);
  });
});

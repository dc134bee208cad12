import fs from 'node:fs';
import path from 'node:path';
import { ProblemTypeRegistry } from '@one-window/shared/http';
import { REGISTRATION_PROBLEM_TYPES } from './problem-types';

function domainErrorCodes(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return domainErrorCodes(file);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    return [...fs.readFileSync(file, 'utf8').matchAll(/readonly code = '([a-z_.]+)'/g)].map((m) => m[1]);
  });
}

describe('problem types: the one DomainError → HTTP registry of business registration', () => {
  it('builds (valid statuses and type slugs)', () => {
    expect(() => new ProblemTypeRegistry(REGISTRATION_PROBLEM_TYPES)).not.toThrow();
  });

  it('maps every error code the domain library throws', () => {
    const codes = [...new Set(domainErrorCodes(path.resolve(__dirname, '../../../libs/business-registration/domain/src')))];
    expect(codes.length).toBeGreaterThan(20);
    expect(codes.filter((c) => !REGISTRATION_PROBLEM_TYPES[c])).toEqual([]);
  });

  it('uses 422 for rule violations, 404 for not found, 409 for conflicts', () => {
    expect(REGISTRATION_PROBLEM_TYPES['registration.name.blocked'].status).toBe(422);
    expect(REGISTRATION_PROBLEM_TYPES['registration.not_found'].status).toBe(404);
    expect(REGISTRATION_PROBLEM_TYPES['registration.name.reservation_held'].status).toBe(409);
  });
});

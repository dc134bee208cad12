import fs from 'node:fs';
import path from 'node:path';
import { ProblemTypeRegistry } from '@one-window/shared/http';
import { COMPLAINTS_PROBLEM_TYPES, RULE_REFUSALS } from './problem-types';

/** The parts of the domain this app's endpoints use: tickets, supervision cases, long-running issues (knowledge, merging, Open311 and metrics map their codes with their endpoints). */
const DOMAIN_PARTS = ['ticket', 'shared', 'supervision', 'long-running'].map((part) => path.resolve(__dirname, '../../../libs/complaints/domain/src', part));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [fs.readFileSync(file, 'utf8')] : [];
  });
}

/** Fixed codes (`readonly code = '...'`) and rule codes: each `type XRefusal = 'a' | 'b'` with the area its error class passes to super. */
function domainErrorCodes(): string[] {
  const text = DOMAIN_PARTS.flatMap(sources).join('\n');
  const fixed = [...text.matchAll(/readonly code = '([a-z_.]+)'/g)].map((m) => m[1]);
  const rules = [...text.matchAll(/export type (\w+)Refusal =([^;]+);/g)].flatMap(([, name, union]) => {
    const area = new RegExp(`constructor\\(reason: ${name}Refusal[^)]*\\) \\{\\s*super\\('([a-z_]+)'`).exec(text)?.[1];
    if (!area) throw new Error(`no error class found for ${name}Refusal`);
    return [...union.matchAll(/'([a-z_]+)'/g)].map((m) => `complaints.${area}.${m[1]}`);
  });
  return [...new Set([...fixed, ...rules, 'complaints.transition.not_allowed', 'complaints.transition.actor_not_allowed'])];
}

describe('problem types: the one DomainError → HTTP registry of complaints', () => {
  it('builds (valid statuses and type slugs)', () => {
    expect(() => new ProblemTypeRegistry(COMPLAINTS_PROBLEM_TYPES)).not.toThrow();
  });

  it('maps every complaints.* code the ticket and submission domain throws', () => {
    const codes = domainErrorCodes();
    expect(codes.length).toBeGreaterThan(50);
    expect(codes.filter((c) => !COMPLAINTS_PROBLEM_TYPES[c])).toEqual([]);
    expect(Object.keys(RULE_REFUSALS).sort()).toEqual(['coordination', 'extension', 'rating', 'rehandling', 'reply', 'report', 'return', 'submission', 'ticket']);
  });

  it('409 for refused transitions, 422 for rule refusals, 404 for not found or not visible', () => {
    expect(COMPLAINTS_PROBLEM_TYPES['complaints.transition.not_allowed'].status).toBe(409);
    expect(COMPLAINTS_PROBLEM_TYPES['complaints.extension.max_count_reached'].status).toBe(422);
    expect(COMPLAINTS_PROBLEM_TYPES['complaints.return.not_during_rehandling'].status).toBe(422);
    expect(COMPLAINTS_PROBLEM_TYPES['complaints.not_found'].status).toBe(404);
    expect(COMPLAINTS_PROBLEM_TYPES['complaints.ticket.not_assigned_unit'].status).toBe(404);
  });
});

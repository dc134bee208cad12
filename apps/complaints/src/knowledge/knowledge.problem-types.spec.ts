import fs from 'node:fs';
import path from 'node:path';
import { ProblemTypeRegistry } from '@one-window/shared/http';
import { COMPLAINTS_PROBLEM_TYPES } from '../problem-types';

/** The domain parts the knowledge, linking and reporting endpoints use. */
const DOMAIN_PARTS = ['knowledge', 'merging', 'metrics'].map((part) => path.resolve(__dirname, '../../../../libs/complaints/domain/src', part));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [fs.readFileSync(file, 'utf8')] : [];
  });
}

/** Each `type XRefusal = 'a' | 'b'` with the area its error class passes to super, and fixed codes. */
function domainErrorCodes(): string[] {
  const text = DOMAIN_PARTS.flatMap(sources).join('\n');
  const fixed = [...text.matchAll(/readonly code = '([a-z_.]+)'/g)].map((m) => m[1]);
  const rules = [...text.matchAll(/export type (\w+)Refusal =([^;]+);/g)].flatMap(([, name, union]) => {
    const area = new RegExp(`constructor\\(reason: ${name}Refusal[^)]*\\) \\{\\s*super\\('([a-z_]+)'`).exec(text)?.[1];
    if (!area) throw new Error(`no error class found for ${name}Refusal`);
    return [...union.matchAll(/'([a-z_]+)'/g)].map((m) => `complaints.${area}.${m[1]}`);
  });
  return [...new Set([...fixed, ...rules])];
}

describe('problem types of the knowledge base, links, merges and metrics', () => {
  it('the registry still builds', () => {
    expect(() => new ProblemTypeRegistry(COMPLAINTS_PROBLEM_TYPES)).not.toThrow();
  });

  it('maps every complaints.* code the knowledge and merging domain throws', () => {
    const codes = domainErrorCodes();
    expect(codes).toEqual(expect.arrayContaining(['complaints.knowledge.validity_exceeds_cap', 'complaints.merge.primary_closed', 'complaints.link.not_same_caller', 'complaints.knowledge_feedback.point_required']));
    expect(codes.filter((c) => !COMPLAINTS_PROBLEM_TYPES[c])).toEqual([]);
  });

  it('422 for rule refusals, 404 for what belongs to another unit, 409 for the same link twice', () => {
    expect(COMPLAINTS_PROBLEM_TYPES['complaints.knowledge.validity_exceeds_cap'].status).toBe(422);
    expect(COMPLAINTS_PROBLEM_TYPES['complaints.merge.report_with_other_type'].status).toBe(422);
    expect(COMPLAINTS_PROBLEM_TYPES['complaints.knowledge.not_own_point'].status).toBe(404);
    expect(COMPLAINTS_PROBLEM_TYPES['complaints.link.already_exists'].status).toBe(409);
  });
});

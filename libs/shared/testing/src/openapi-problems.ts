import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

interface Operation {
  summary?: string;
  security?: unknown[];
  'x-roles'?: string[];
}

/**
 * What is wrong with an OpenAPI document, one line each; empty when it is fit to publish:
 * every `@redocly/cli lint` error (recommended rules, e.g. an operation without a summary), and
 * our own rule that every operation states who may call it: `x-roles`, or `security: []` when public.
 * A service's e2e test asserts `expect(await openApiProblems(doc)).toEqual([])`, so the gateway's
 * merged document (the sum of the services') stays lint-clean.
 */
export async function openApiProblems(doc: { paths?: Record<string, Record<string, unknown>> }): Promise<string[]> {
  const problems: string[] = [];
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (!isPublic && !(Array.isArray(op['x-roles']) && op['x-roles'].length > 0)) problems.push(`${method.toUpperCase()} ${p}: states no roles (x-roles) and is not public (security: [])`);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-openapi-'));
  const file = path.join(dir, 'openapi.json');
  try {
    fs.writeFileSync(file, JSON.stringify(doc));
    const cli = require.resolve('@redocly/cli/bin/cli.js');
    // lint exits 1 when it finds errors; its report is on stdout either way.
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--format', 'json'], { maxBuffer: 50_000_000 }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(stdout) as { problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
    for (const x of report.problems.filter((r) => r.severity === 'error')) problems.push(`${x.location[0]?.pointer ?? ''}: ${x.message} (${x.ruleId})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

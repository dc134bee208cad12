/** bench/results/<name>-<timestamp>.json: the settings, the machine and every figure of a run. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const RESULTS_DIR = path.resolve(__dirname, '..', 'results');

/** The machine the run used. */
export function machine() {
  return { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg() };
}

/** The settings with the password of the database URL hidden. */
export const publicConfig = <C extends { databaseUrl: string }>(c: C): C => ({ ...c, databaseUrl: c.databaseUrl.replace(/\/\/[^@/]*@/, '//***@') });

/** The fields every result starts with: status, start and end, the arguments, the settings. */
export function runHeader<C extends { databaseUrl: string }>(status: string, startedAt: Date, c: C) {
  return { status, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), command: process.argv.slice(2), config: publicConfig(c) };
}

/**
 * Writes `body` to bench/results/<name>-<startedAt>.json and returns the file's path. Numbers that
 * are not finite become null; with `round`, the others are rounded to three decimals.
 */
export function writeResults(name: string, startedAt: Date, body: object, o: { round?: boolean } = {}): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const replacer = o.round
    ? (_: string, v: unknown) => (typeof v === 'number' ? (Number.isFinite(v) ? Math.round(v * 1000) / 1000 : null) : v)
    : (_: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v);
  fs.writeFileSync(file, `${JSON.stringify(body, replacer, 2)}\n`);
  return file;
}

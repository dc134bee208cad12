#!/usr/bin/env node
// `npm start`: the whole system on one machine, no Docker needed.
//   1. PostgreSQL and Kafka: reuse running ones, else start them (deploy/local)
//   2. a development key pair for tokens (.local/dev-keys) and an admin token to try the API with
//   3. migrations of every service database
//   4. every service and the gateway, logs in .local/logs/<name>.log
//   5. waits until the gateway reports every service healthy, prints the URLs
// Ctrl-C stops the apps, then whatever infrastructure this command started. Data stays in
// .local/, so a second `npm start` finds it again.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureKafka } from '../deploy/local/kafka.mjs';
import { ensurePostgres } from '../deploy/local/postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { gateway, services } = JSON.parse(fs.readFileSync(path.join(root, 'deploy/services.json'), 'utf8'));
const logDir = path.join(root, '.local', 'logs');
fs.mkdirSync(logDir, { recursive: true });
const say = (m) => console.log(`[one-window] ${m}`);
const ts = (file, args = [], env = {}) => ['-r', '@swc-node/register', path.join(root, file), ...args];

const children = [];
let stopping = false;
let infraStops = [];

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping apps...');
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
  for (const stop of infraStops) await stop();
  say('stopped');
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

function databaseUrl(serverUrl, name) {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function waitHealthy(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (stopping) return false;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      last = await res.text();
      if (res.ok) return true;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`not healthy within ${timeoutMs} ms: ${url} ${last}`);
}

async function main() {
  const postgres = await ensurePostgres({ log: say });
  const kafka = await ensureKafka({ log: say });
  infraStops = [kafka.stop, postgres.stop];

  const adminToken = execFileSync(process.execPath, ts('libs/shared/auth/src/cli/mint-token.ts', ['--role', 'admin', '--sub', 'local-admin', '--ttl', '12h']), {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  const publicKey = fs.readFileSync(path.join(root, '.local', 'dev-keys', 'public.pem'), 'utf8');
  // Only 2026 ships as calendar data: limits reaching into 2027 count weekends only until its notice is loaded (readiness says so).
  const common = { CALENDAR_FALLBACK: 'weekends-only', ...process.env, KAFKA_BROKERS: kafka.brokers, AUTH_JWT_PUBLIC_KEY: publicKey, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' };

  say('applying migrations');
  await Promise.all(
    services.map(
      (s) =>
        new Promise((resolve, reject) => {
          const c = spawn(process.execPath, ts(`apps/${s.name}/src/migrate.ts`, ['migrate']), {
            env: { ...common, DATABASE_URL: databaseUrl(postgres.url, s.database) },
            stdio: ['ignore', 'inherit', 'inherit'],
          });
          c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`migrations of ${s.name} failed (exit ${code})`))));
        }),
    ),
  );

  const launch = (name, file, env) => {
    const log = fs.openSync(path.join(logDir, `${name}.log`), 'a');
    const child = spawn(process.execPath, ts(file), { env: { ...common, ...env }, stdio: ['ignore', log, log] });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        say(`${name} exited (${signal ?? code}); see .local/logs/${name}.log`);
        shutdown(1);
      }
    });
    children.push(child);
  };
  say('starting services and the gateway');
  for (const s of services) {
    launch(s.name, `apps/${s.name}/src/main.ts`, { PORT: String(s.port), DATABASE_URL: databaseUrl(postgres.url, s.database) });
  }
  launch('gateway', 'apps/gateway/src/main.ts', {
    PORT: String(gateway.port),
    SERVICE_URLS: services.map((s) => `${s.name}=http://127.0.0.1:${s.port}`).join(','),
  });

  const base = `http://127.0.0.1:${gateway.port}`;
  await waitHealthy(`${base}/healthz`, 120_000);
  say('ready');
  console.log(`
  Gateway        ${base}
  API docs       ${base}/docs        (OpenAPI 3.1 at ${base}/openapi.json)
  Health         ${base}/healthz
  Services       ${services.map((s) => `${s.name} :${s.port}`).join(', ')}
  PostgreSQL     ${postgres.url.replace(/:[^:@/]+@/, ':***@')}
  Kafka          ${kafka.brokers}
  Logs           .local/logs/*.log
  Admin token    (12 h; more with: npm run token -- --role officer --agency SAMR-GZ --sub officer-1)
  ${adminToken}

  Ctrl-C stops everything.`);
}

main().catch(async (e) => {
  console.error(`[one-window] ${e.message}`);
  await shutdown(1);
});

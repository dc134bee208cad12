/**
 * Invoice issuance and verification through the gateway: throughput and latency against a
 * trivial authenticated GET (the baseline), all over real HTTP to the real processes.
 * `npm run bench:invoices` (settings: bench/README.md). Starts its own tax service and gateway
 * processes on a fresh database and topic prefix, prints a table, writes
 * bench/results/invoices-<timestamp>.json and removes what it made (processes, database, topics).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { CompanyRegistered, type CompanyRegisteredData } from '@one-window/business-registration/contracts';
import { ensureDevKeyPair, mintToken } from '@one-window/shared/auth';
import { buildEvent, createIdempotentProducer, createKafka, ensureTopics, toKafkaRecord } from '@one-window/shared/messaging';
import { databaseUrlFor } from '@one-window/shared/persistence';
import { startAppProcess, type ServiceProcess } from '@one-window/shared/testing';
import { isInvoiceTaxpayerId } from '@one-window/tax/domain';
import { guardRun, RunState } from '../shared/budget';
import { log, runMain } from '../shared/log';
import { writeResults } from '../shared/results';
import { startGateway } from '../shared/services';
import { readSettings, servers } from '../shared/settings';
import { now } from '../shared/stats';

// ------------------------------------------------------------------------------------ settings

const DEFAULTS: Record<string, string> = { CLIENTS: '16', TAXPAYERS: '32', DURATION_S: '15', WARMUP_S: '2', LINES: '2', BUDGET_S: '170', LABEL: '' };
const ALIASES: Record<string, string> = { DURATION: 'DURATION_S', BUDGET: 'BUDGET_S', WARMUP: 'WARMUP_S' };
function loadConfig() {
  const { values, int } = readSettings(DEFAULTS, ALIASES);
  return {
    clients: int('CLIENTS', 1, 512),
    taxpayers: int('TAXPAYERS', 1, 1000),
    durationS: int('DURATION_S', 1, 600),
    warmupS: int('WARMUP_S', 0, 60),
    lines: int('LINES', 1, 100),
    budgetS: int('BUDGET_S', 30, 3600),
    label: values['LABEL'],
    ...servers(),
  };
}
type Config = ReturnType<typeof loadConfig>;

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function uscc(body17: string): string {
  for (const c of ALPHABET) if (isInvoiceTaxpayerId(body17 + c)) return body17 + c;
  throw new Error(`no check character for ${body17}`);
}
const taxpayerId = (i: number) => uscc(`91440104MA5B${String(i).padStart(5, '0')}`);

// ------------------------------------------------------------------------------------- metrics

interface PhaseResult {
  phase: string;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  perS: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * `clients` loops, each sending one request after the other for `durationS` (after a warm-up that
 * is not counted). A request counts as an error unless its status is `ok`.
 */
async function closedLoop(name: string, c: Config, ok: number, send: (client: number, n: number) => Promise<number>): Promise<PhaseResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const warmEnd = now() + c.warmupS * 1000;
  const end = warmEnd + c.durationS * 1000;
  let measuredFrom = Infinity;
  let measuredTo = 0;
  await Promise.all(
    Array.from({ length: c.clients }, async (_, client) => {
      for (let n = 0; now() < end; n++) {
        const t0 = now();
        let status: number;
        try {
          status = await send(client, n);
        } catch {
          status = 0;
        }
        const t1 = now();
        if (t0 < warmEnd) continue;
        measuredFrom = Math.min(measuredFrom, t0);
        measuredTo = Math.max(measuredTo, t1);
        latencies.push(t1 - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status !== ok) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const seconds = (measuredTo - measuredFrom) / 1000;
  return {
    phase: name,
    requests: latencies.length,
    errors,
    statuses,
    seconds,
    perS: latencies.length / seconds,
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? NaN,
      mean: latencies.reduce((s, x) => s + x, 0) / (latencies.length || 1),
    },
  };
}

function table(results: PhaseResult[]): string {
  const base = results.find((r) => r.phase.startsWith('baseline'));
  const rows = [['phase', 'requests', 'errors', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s vs baseline', 'p99 vs baseline']];
  for (const r of results) {
    rows.push([
      r.phase,
      String(r.requests),
      String(r.errors),
      r.perS.toFixed(0),
      r.latencyMs.p50.toFixed(1),
      r.latencyMs.p95.toFixed(1),
      r.latencyMs.p99.toFixed(1),
      r.latencyMs.max.toFixed(1),
      base ? (r.perS / base.perS).toFixed(2) : '',
      base ? (r.latencyMs.p99 / base.latencyMs.p99).toFixed(1) : '',
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n');
}

// ------------------------------------------------------------------------------------------ run

async function admin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'bench-invoices-admin' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const c = loadConfig();
  const startedAt = new Date();
  const t0 = now();
  const suffix = randomBytes(4).toString('hex');
  const database = `bench_invoices_${suffix}`;
  const topicPrefix = `bench-inv-${suffix}.`;
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-bench-keys-'));
  const keys = ensureDevKeyPair(keyDir);
  const token = (sub: string, roles: string[]) => mintToken(keys.privateKeyPem, keys.kid, { sub, roles: roles as never }, '2h');
  const kafka = createKafka({ brokers: c.brokers, clientId: 'bench-invoices', log: () => undefined });
  const processes: ServiceProcess[] = [];
  const results: PhaseResult[] = [];
  const run = new RunState();
  let cleaned: Promise<void> | undefined;

  const cleanUp = () =>
    (cleaned ??= (async () => {
      for (const p of processes.reverse()) await p.stop().catch(() => undefined);
      const a = kafka.admin();
      try {
        await a.connect();
        const topics = (await a.listTopics()).filter((t) => t.startsWith(topicPrefix));
        if (topics.length) await a.deleteTopics({ topics, timeout: 10_000 });
        // the service's consumer group (tax.registration-sync) is a shared name: its offsets for the deleted topics go with them
      } catch (e) {
        log(`clean-up: kafka: ${(e as Error).message}`);
      } finally {
        await a.disconnect().catch(() => undefined);
      }
      await admin(c.databaseUrl, (cl) => cl.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).catch((e) => log(`clean-up: drop ${database}: ${(e as Error).message}`));
      fs.rmSync(keyDir, { recursive: true, force: true });
    })());

  const saveResults = () => {
    const environment = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverage: os.loadavg() };
    return writeResults('invoices', startedAt, { status: run.status, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), config: { ...c, databaseUrl: undefined }, environment, results });
  };

  const disarm = guardRun({ budgetS: c.budgetS, reserveMs: 20_000, run, cleanUp, writeResults: saveResults });

  try {
    log(`config: ${JSON.stringify({ ...c, databaseUrl: undefined })}`);
    await admin(c.databaseUrl, (cl) => cl.query(`CREATE DATABASE "${database}"`));
    const env = {
      DATABASE_URL: databaseUrlFor(c.databaseUrl, database),
      KAFKA_BROKERS: c.brokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      AUTH_JWT_PUBLIC_KEY: keys.publicKeyPem,
      LOG_LEVEL: 'error',
    };
    const registrationTopic = `${topicPrefix}${CompanyRegistered.topic}`;
    await ensureTopics(kafka, [{ topic: registrationTopic, partitions: 3, retentionDays: 1 }]);
    log('starting the tax service (migrations first) and the gateway');
    const tax = await startAppProcess('tax', env, { timeoutMs: 60_000 });
    processes.push(tax);
    const gateway = await startGateway(env, `tax=${tax.url}`);
    processes.push(gateway);
    const api = `${gateway.url}/api/v1/tax`;

    // taxpayers, as business registration creates them: events on the broker
    log(`registering ${c.taxpayers} taxpayers through registration.company.registered`);
    const producer = createIdempotentProducer(kafka);
    await producer.connect();
    const ids = Array.from({ length: c.taxpayers }, (_, i) => taxpayerId(i));
    const messages = ids.map((id, i) => {
      const data: CompanyRegisteredData = { ...CompanyRegistered.example, uscc: id, name: `广州基准测试${i}有限公司`, applicantId: `bench-owner-${i}` };
      const r = toKafkaRecord(buildEvent(CompanyRegistered, '/one-window/business-registration', { aggregateId: id, data }));
      return { key: r.key, value: r.value, headers: r.headers };
    });
    await producer.send({ topic: registrationTopic, acks: -1, messages });
    await producer.disconnect();
    const owners = ids.map((_, i) => token(`bench-owner-${i}`, ['applicant']));
    for (let i = 0; i < ids.length; i++) {
      for (let tries = 0; ; tries++) {
        const res = await fetch(`${api}/taxpayers/${ids[i]}`, { headers: { authorization: `Bearer ${owners[i]}` } });
        if (res.ok) break;
        if (tries > 300) throw new Error(`taxpayer ${ids[i]} not registered in time`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    const json = (tok: string | null) => ({ 'content-type': 'application/json', ...(tok ? { authorization: `Bearer ${tok}` } : {}) });
    // client k issues as taxpayer k mod T to taxpayer (k + 1) mod T (delivered into its account)
    const issuerOf = (client: number) => client % ids.length;
    const body = (client: number) =>
      JSON.stringify({
        kind: 'DIGITAL_ORDINARY',
        buyer: { taxpayerId: ids[(issuerOf(client) + 1) % ids.length], name: '广州采购方有限公司' },
        lines: Array.from({ length: c.lines }, (_, l) => ({ description: `*信息技术服务*服务${l + 1}`, quantity: '1', unitPrice: '1.00', rate: 6 })),
      });
    const issued: { invoiceNo: string; issuedOn: string; checkCode: string; total: string }[] = [];

    log(`baseline: GET taxpayer through the gateway, ${c.clients} clients, ${c.durationS}s`);
    results.push(
      await closedLoop('baseline GET /taxpayers/{id}', c, 200, async (client) => {
        const i = issuerOf(client);
        const res = await fetch(`${api}/taxpayers/${ids[i]}`, { headers: json(owners[i]) });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    log(`issue: POST /taxpayers/{id}/invoices, ${c.clients} clients over ${Math.min(c.clients, ids.length)} issuers, ${c.durationS}s`);
    results.push(
      await closedLoop('issue POST /invoices', c, 201, async (client) => {
        const i = issuerOf(client);
        const res = await fetch(`${api}/taxpayers/${ids[i]}/invoices`, { method: 'POST', headers: json(owners[i]), body: body(client) });
        const out = (await res.json()) as { invoiceNo: string; issuedOn: string; checkCode: string; total: string };
        if (res.status === 201) issued.push({ invoiceNo: out.invoiceNo, issuedOn: out.issuedOn, checkCode: out.checkCode, total: out.total });
        return res.status;
      }),
    );
    if (!issued.length) throw new Error('no invoice was issued');
    log(`verify: POST /public/invoice-verifications (anonymous) over ${issued.length} invoices, ${c.clients} clients, ${c.durationS}s`);
    results.push(
      await closedLoop('verify POST /public/invoice-verifications', c, 200, async (client, n) => {
        const inv = issued[(client * 7919 + n) % issued.length];
        const res = await fetch(`${api}/public/invoice-verifications`, {
          method: 'POST',
          headers: json(null),
          body: JSON.stringify(n % 2 ? { invoiceNo: inv.invoiceNo, issuedOn: inv.issuedOn, checkCode: inv.checkCode } : { invoiceNo: inv.invoiceNo, issuedOn: inv.issuedOn, amount: inv.total }),
        });
        const out = (await res.json()) as { status?: string };
        return res.status === 200 && out.status !== 'valid' ? 299 : res.status;
      }),
    );
    const [{ n: stored }] = await admin(databaseUrlFor(c.databaseUrl, database), (cl) => cl.query(`SELECT count(*)::int AS n FROM invoice WHERE status = 'DELIVERED'`)).then((r) => r.rows);
    log(`invoices stored and delivered: ${stored} (issued by the clients: ${issued.length})`);
  } catch (e) {
    run.status = `failed: ${(e as Error).message}`;
    log(`failed: ${(e as Error).stack ?? String(e)}`);
  } finally {
    disarm();
    if (results.length) process.stdout.write(`\n${table(results)}\n`);
    await cleanUp();
    process.stdout.write(`\nresults: ${path.relative(process.cwd(), saveResults())}   (whole run ${((now() - t0) / 1000).toFixed(0)}s)\n`);
  }
  return run.status === 'complete' ? 0 : 1;
}

runMain(main);

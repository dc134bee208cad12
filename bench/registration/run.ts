/**
 * Company setup through the gateway (the business-registration issue's benchmark): CLIENTS
 * concurrent clients each reserve a name and submit the establishment form; per company, the time
 * from submission to 201 REGISTERED (the electronic licence is issued in that transaction) and from
 * submission to `tax.taxpayer.registered` on the tax topic; against a trivial authenticated GET at
 * the same concurrency. `npm run bench:registration` (settings: bench/README.md). Starts its own
 * business-registration, tax and gateway processes (a fresh database each, one topic prefix),
 * prints the figures, writes bench/results/registration-<timestamp>.json and removes what it made.
 */
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { TAX_TOPIC, TaxpayerRegistered } from '@one-window/tax/contracts';
import { brokerAnswers, createKafka } from '@one-window/shared/messaging';
import { startAppProcess, testTokens } from '@one-window/shared/testing';
import { guardRun, RunState } from '../shared/budget';
import { phaseRecorder, type PhaseFacts } from '../shared/cpu';
import { cpuSection, ms, num, table } from '../shared/format';
import { call, jsonHeaders as json } from '../shared/http';
import { kafkaLogCollector } from '../shared/kafka-log';
import { log, runMain } from '../shared/log';
import { machine, runHeader, writeResults } from '../shared/results';
import { ServiceStack, startGateway } from '../shared/services';
import { distribution, Distribution, now, sleep, type LoopResult as BaselineResult } from '../shared/stats';
import { BenchConfig, loadConfig } from './config';
import { companyName, establishmentForm, reservationRequest } from './fixtures';

const REG_API = '/api/v1/business-registration';

/** One company's trip: reserve, then submit; timestamps in ms (see metrics.now). */
interface Company {
  i: number;
  name: string;
  owner: string;
  reserveStart: number;
  reserveEnd: number;
  reserveStatus: number;
  submitStart: number;
  submitEnd: number;
  submitStatus: number;
  applicationStatus?: string;
  uscc?: string;
  error?: string;
}

// --------------------------------------------------------------------------------------- http

/**
 * `clients` closed-loop clients share the company numbers from..from+count-1: each reserves the
 * company's name as its owner, then submits the form citing the reservation, then takes the next one.
 */
async function registerCompanies(gateway: string, c: BenchConfig, from: number, count: number, tokenOf: (i: number) => string, aborted: () => boolean): Promise<Company[]> {
  const out: Company[] = [];
  let next = from;
  const end = from + count;
  await Promise.all(
    Array.from({ length: c.clients }, async () => {
      for (let i = next++; i < end && !aborted(); i = next++) {
        const token = tokenOf(i);
        const co: Company = { i, name: companyName(i, c.industries), owner: `bench-founder-${i}`, reserveStart: now(), reserveEnd: NaN, reserveStatus: 0, submitStart: NaN, submitEnd: NaN, submitStatus: 0 };
        out.push(co);
        try {
          const r = await call(`${gateway}${REG_API}/names/reservations`, { method: 'POST', headers: json(token), body: JSON.stringify(reservationRequest(co.name)) });
          co.reserveEnd = now();
          co.reserveStatus = r.status;
          if (r.status !== 201 || typeof r.body?.['id'] !== 'string') {
            co.error = `reserve ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`;
            continue;
          }
          const form = JSON.stringify(establishmentForm(r.body['id']));
          co.submitStart = now();
          const s = await call(`${gateway}${REG_API}/applications`, { method: 'POST', headers: json(token), body: form });
          co.submitEnd = now();
          co.submitStatus = s.status;
          co.applicationStatus = typeof s.body?.['status'] === 'string' ? s.body['status'] : undefined;
          if (typeof s.body?.['uscc'] === 'string') co.uscc = s.body['uscc'];
          if (s.status !== 201 || co.applicationStatus !== 'REGISTERED' || !co.uscc) co.error = `submit ${s.status}: ${JSON.stringify(s.body).slice(0, 300)}`;
        } catch (e) {
          co.error = `${Number.isFinite(co.reserveEnd) ? 'submit' : 'reserve'}: ${(e as Error).message}`;
        }
      }
    }),
  );
  return out.sort((a, b) => a.i - b.i);
}

/** `clients` closed-loop clients, for `seconds`: GET an unknown reservation (token checked by the gateway and the service, one primary-key read, 404). */
async function baseline(gateway: string, c: BenchConfig, tokenOf: (i: number) => string, aborted: () => boolean): Promise<BaselineResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const t0 = now();
  const end = t0 + c.baselineS * 1000;
  let last = t0;
  await Promise.all(
    Array.from({ length: c.clients }, async (_, k) => {
      const headers = { authorization: `Bearer ${tokenOf(k)}` };
      while (now() < end && !aborted()) {
        const s = now();
        let status = 0;
        try {
          const res = await fetch(`${gateway}${REG_API}/names/reservations/${randomUUID()}`, { headers, signal: AbortSignal.timeout(30_000) });
          await res.arrayBuffer();
          status = res.status;
        } catch {
          status = 0;
        }
        const e = now();
        last = Math.max(last, e);
        latencies.push(e - s);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status !== 404) errors++;
      }
    }),
  );
  const seconds = (last - t0) / 1000;
  return { requests: latencies.length, errors, statuses, seconds, perS: latencies.length / seconds, latencyMs: distribution(latencies) };
}

// -------------------------------------------------------------------------------------- report

interface Summary {
  companies: number;
  registered: number;
  errors: number;
  errorSamples: string[];
  statuses: Record<string, number>;
  seconds: number;
  companiesPerS: number;
  httpRequestsPerS: number;
  taxpayersSeen: number;
  taxpayersMissing: number;
  taxpayersPerS: number;
  reserveMs: Distribution;
  submitToLicenceMs: Distribution;
  submitToTaxpayerMs: Distribution;
  responseToTaxpayerMs: Distribution;
  reserveStartToTaxpayerMs: Distribution;
}

function summarise(companies: Company[], taxpayerSeen: Map<string, number>): Summary {
  const ok = companies.filter((co) => !co.error && co.uscc);
  const first = Math.min(...companies.map((co) => co.reserveStart));
  const lastResponse = Math.max(...companies.map((co) => (Number.isFinite(co.submitEnd) ? co.submitEnd : co.reserveEnd)).filter(Number.isFinite));
  const arrivals = ok.map((co) => taxpayerSeen.get(co.uscc as string) ?? NaN);
  const seen = arrivals.filter(Number.isFinite);
  const statuses: Record<string, number> = {};
  for (const co of companies) {
    const k = co.error ? (co.submitStatus ? `submit ${co.submitStatus} ${co.applicationStatus ?? ''}`.trim() : `reserve ${co.reserveStatus}`) : '201 REGISTERED';
    statuses[k] = (statuses[k] ?? 0) + 1;
  }
  const seconds = (lastResponse - first) / 1000;
  const requests = companies.filter((co) => co.reserveStatus).length + companies.filter((co) => co.submitStatus).length;
  return {
    companies: companies.length,
    registered: ok.length,
    errors: companies.length - ok.length,
    errorSamples: companies.filter((co) => co.error).slice(0, 5).map((co) => `#${co.i} ${co.name}: ${co.error}`),
    statuses,
    seconds,
    companiesPerS: ok.length / seconds,
    httpRequestsPerS: requests / seconds,
    taxpayersSeen: seen.length,
    taxpayersMissing: ok.length - seen.length,
    taxpayersPerS: seen.length / ((Math.max(...seen) - first) / 1000),
    reserveMs: distribution(companies.filter((co) => co.reserveStatus === 201).map((co) => co.reserveEnd - co.reserveStart)),
    submitToLicenceMs: distribution(ok.map((co) => co.submitEnd - co.submitStart)),
    submitToTaxpayerMs: distribution(ok.map((co, k) => arrivals[k] - co.submitStart)),
    responseToTaxpayerMs: distribution(ok.map((co, k) => arrivals[k] - co.submitEnd)),
    reserveStartToTaxpayerMs: distribution(ok.map((co, k) => arrivals[k] - co.reserveStart)),
  };
}

interface TargetCheck {
  name: string;
  valueMs: number;
  target: string;
  met: boolean;
  detail: string;
}

function checkTargets(s: Summary): TargetCheck[] {
  const complete = s.errors === 0;
  return [
    {
      name: 'p99 submit -> licence (201 REGISTERED)',
      valueMs: s.submitToLicenceMs.p99,
      target: '< 1000 ms',
      met: complete && s.submitToLicenceMs.p99 < 1000,
      detail: `${s.registered}/${s.companies} registered${complete ? '' : ` (${s.errors} failed)`}`,
    },
    {
      name: 'p99 submit -> tax.taxpayer.registered',
      valueMs: s.submitToTaxpayerMs.p99,
      target: '< 2000 ms',
      met: complete && s.taxpayersMissing === 0 && s.submitToTaxpayerMs.p99 < 2000,
      detail: `${s.taxpayersSeen}/${s.registered} taxpayers seen${s.taxpayersMissing ? ` (${s.taxpayersMissing} never arrived)` : ''}`,
    },
  ];
}

function formatReport(c: BenchConfig, s: Summary, b: BaselineResult | undefined, checks: TargetCheck[], phases: PhaseFacts[], licence: LicenceCheck): string {
  const out: string[] = [];
  out.push(`company setup through the gateway: ${s.companies} companies, ${c.clients} concurrent clients (warm-up of ${c.warmup} not counted), ${c.industries} industr${c.industries === 1 ? 'y' : 'ies'}`);
  out.push('');
  const bp50 = b?.latencyMs.p50 ?? NaN;
  const bp99 = b?.latencyMs.p99 ?? NaN;
  const row = (label: string, d: Distribution, extra = '') => [label, String(d.count), ms(d.p50), ms(d.p95), ms(d.p99), ms(d.max), num(d.p50 / bp50, 1), num(d.p99 / bp99, 1), extra];
  const rows = [['latency (ms)', 'n', 'p50', 'p95', 'p99', 'max', 'p50/base', 'p99/base', 'notes']];
  rows.push(row('reserve name  POST /names/reservations -> 201', s.reserveMs));
  rows.push(row('submit -> 201 REGISTERED (licence issued)', s.submitToLicenceMs));
  rows.push(row('submit -> tax.taxpayer.registered seen', s.submitToTaxpayerMs, s.taxpayersMissing ? `${s.taxpayersMissing} missing` : ''));
  rows.push(row('  of which 201 response -> taxpayer seen', s.responseToTaxpayerMs));
  rows.push(row('reserve start -> taxpayer seen (whole setup)', s.reserveStartToTaxpayerMs));
  if (b) rows.push(row(`baseline GET /names/reservations/{unknown} (404)`, b.latencyMs, b.errors ? `${b.errors} not 404` : ''));
  out.push(table(rows, true));
  out.push('');
  out.push('throughput');
  out.push(`  companies registered   ${num(s.companiesPerS, 1).padStart(8)} /s   (${s.registered} in ${num(s.seconds, 1)} s, first reserve -> last 201)`);
  out.push(`  taxpayers seen         ${num(s.taxpayersPerS, 1).padStart(8)} /s   (${s.taxpayersSeen}, first reserve -> last taxpayer event)`);
  out.push(`  HTTP requests (2 per company) ${num(s.httpRequestsPerS, 0).padStart(4)} /s` + (b ? `   baseline ${num(b.perS, 0)} req/s (${b.requests} in ${num(b.seconds, 1)} s)   ratio ${num(s.httpRequestsPerS / b.perS, 2)}` : ''));
  out.push(`  statuses: ${Object.entries(s.statuses).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  for (const e of s.errorSamples) out.push(`  error ${e}`);
  out.push('');
  out.push('targets (figures, not assertions)');
  const w = Math.max(...checks.map((t) => t.name.length));
  for (const t of checks) out.push(`  ${t.name.padEnd(w)}  ${`${ms(t.valueMs)} ms`.padStart(10)}  target ${t.target}  ${t.met ? 'MET   ' : 'MISSED'}  ${t.detail}`);
  out.push('');
  out.push(`licence sample: ${licence.ok}/${licence.checked} fetched through the gateway (VALID, same credit code) and verified valid at POST /public/licence-verifications${licence.problems.length ? `; problems: ${licence.problems.join('; ')}` : ''}`);
  out.push('');
  out.push(...cpuSection(phases));
  return out.join('\n');
}

// --------------------------------------------------------------------------------------- checks

interface LicenceCheck {
  checked: number;
  ok: number;
  problems: string[];
}

/** Fetches the licence of an even sample of companies (as their owner) and verifies its token publicly. */
async function checkLicences(gateway: string, companies: Company[], sample: number, tokenOf: (i: number) => string): Promise<LicenceCheck> {
  const registered = companies.filter((co) => co.uscc && !co.error);
  const n = Math.min(sample, registered.length);
  const picked = Array.from({ length: n }, (_, k) => registered[Math.floor((k * registered.length) / n)]);
  const problems: string[] = [];
  let ok = 0;
  for (const co of picked) {
    const l = await call(`${gateway}${REG_API}/companies/${co.uscc}/licence`, { headers: json(tokenOf(co.i)) });
    if (l.status !== 200 || l.body?.['status'] !== 'VALID' || l.body?.['uscc'] !== co.uscc || typeof l.body?.['token'] !== 'string') {
      problems.push(`${co.uscc}: licence ${l.status} ${JSON.stringify(l.body).slice(0, 120)}`);
      continue;
    }
    const v = await call(`${gateway}${REG_API}/public/licence-verifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: l.body['token'] }) });
    if (v.status !== 200 || v.body?.['status'] !== 'valid') {
      problems.push(`${co.uscc}: verification ${v.status} ${JSON.stringify(v.body).slice(0, 120)}`);
      continue;
    }
    ok++;
  }
  return { checked: n, ok, problems };
}

// ------------------------------------------------------------------------------------------ run

async function main(): Promise<number> {
  const c = loadConfig();
  // createTestDatabase reads the servers from the environment, as in the test suites
  process.env['DATABASE_URL'] ||= c.databaseUrl;
  process.env['KAFKA_BROKERS'] ||= c.brokers.join(',');
  const startedAt = new Date();
  const t0 = now();
  const suffix = randomBytes(4).toString('hex');
  const topicPrefix = `bench-reg-${suffix}.`;
  const taxTopic = `${topicPrefix}${TAX_TOPIC}`;
  // the services prefix their consumer groups with KAFKA_TOPIC_PREFIX too: clean-up removes every group and topic with it
  const benchGroup = `${topicPrefix}taxpayer-watch`;
  const { kafkaLog, sink } = kafkaLogCollector();
  const kafka = createKafka({ brokers: c.brokers, clientId: 'bench-registration', log: sink });
  const stack = new ServiceStack(kafka, topicPrefix, testTokens());
  const { processes, tokens } = stack;
  const run = new RunState();
  let summary: Summary | undefined;
  let base: BaselineResult | undefined;
  let checks: TargetCheck[] = [];
  let licence: LicenceCheck = { checked: 0, ok: 0, problems: [] };
  const phases: PhaseFacts[] = [];
  const taxpayerSeen = new Map<string, number>();
  let companies: Company[] = [];

  const results = () =>
    writeResults(
      'registration',
      startedAt,
      {
        ...runHeader(run.status, startedAt, c),
        environment: machine(),
        topicPrefix,
        summary,
        baseline: base,
        targets: checks,
        licenceSample: licence,
        phases,
        kafkaLog,
        companies: companies.map((co) => ({
          i: co.i,
          name: co.name,
          uscc: co.uscc,
          reserveMs: co.reserveEnd - co.reserveStart,
          submitMs: co.submitEnd - co.submitStart,
          submitToTaxpayerMs: co.uscc ? (taxpayerSeen.get(co.uscc) ?? NaN) - co.submitStart : NaN,
          startOffsetMs: co.reserveStart - (companies[0]?.reserveStart ?? 0),
          ...(co.error ? { error: co.error } : {}),
        })),
      },
      { round: true },
    );

  const disarm = guardRun({ budgetS: c.budgetS, reserveMs: 30_000, run, cleanUp: () => stack.cleanUp(), writeResults: results });

  /** Runs fn as a named phase, noting the CPU of the machine and of each process, and this loop's delay. */
  const phase = phaseRecorder(phases, () => ({ bench: process.pid, registration: processes[1]?.child.pid, tax: processes[0]?.child.pid, gateway: processes[2]?.child.pid }));

  try {
    log(`config: ${JSON.stringify({ ...c, databaseUrl: undefined })}`);
    await brokerAnswers(kafka);
    const total = c.warmup + c.companies;
    const tokenList = Array.from({ length: total }, (_, i) => tokens.token({ sub: `bench-founder-${i}`, roles: ['applicant'] }, '2h'));
    const tokenOf = (i: number) => tokenList[i % total];

    const regDb = await stack.database('bench_reg_registration');
    const taxDb = await stack.database('bench_reg_tax');
    const env = stack.env(c.brokers);
    log(`starting tax and business-registration (migrations first), topic prefix ${topicPrefix}`);
    const started = await Promise.allSettled([
      startAppProcess('tax', { ...env, DATABASE_URL: taxDb.url }, { timeoutMs: 90_000 }),
      startAppProcess('business-registration', { ...env, DATABASE_URL: regDb.url }, { timeoutMs: 90_000 }),
    ]);
    for (const s of started) if (s.status === 'fulfilled') processes.push(s.value);
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const [tax, registration] = processes;
    log('starting the gateway');
    processes.push(await startGateway(env, `business-registration=${registration.url},tax=${tax.url}`));
    const gateway = processes[2].url;

    // the observer: every tax.taxpayer.registered on the tax topic, its arrival time by credit code (the key)
    const observer = kafka.consumer({ groupId: benchGroup, maxWaitTimeInMs: 500 });
    stack.onCleanUp('consumer', () => observer.disconnect());
    await observer.connect();
    await observer.subscribe({ topic: taxTopic, fromBeginning: true });
    const joined = new Promise<void>((resolve) => observer.on(observer.events.GROUP_JOIN, () => resolve()));
    let otherEvents = 0;
    await observer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ message }) => {
        const t = now();
        const type = message.headers?.['ce_type'];
        if (String(Array.isArray(type) ? type[0] : type) !== TaxpayerRegistered.type) {
          otherEvents++;
          return;
        }
        const key = message.key?.toString();
        if (key && !taxpayerSeen.has(key)) taxpayerSeen.set(key, t);
      },
    });
    await Promise.race([joined, sleep(30_000).then(() => Promise.reject(new Error('the taxpayer observer did not join its group in 30 s')))]);
    log(`ready in ${((now() - t0) / 1000).toFixed(0)}s: gateway ${gateway}, observer on ${taxTopic}`);

    const waitForTaxpayers = async (cos: Company[], seconds: number) => {
      const until = now() + seconds * 1000;
      const pending = () => cos.filter((co) => co.uscc && !co.error && !taxpayerSeen.has(co.uscc)).length;
      while (pending() > 0 && now() < until && !run.aborted) await sleep(50);
      return pending();
    };

    if (c.warmup) {
      const warm = await phase('warm-up', async () => {
        const cos = await registerCompanies(gateway, c, 0, c.warmup, tokenOf, () => run.aborted);
        await waitForTaxpayers(cos, c.taxpayerWaitS);
        return cos;
      });
      const bad = warm.filter((co) => co.error);
      log(`warm-up: ${warm.length - bad.length}/${warm.length} registered, ${warm.filter((co) => co.uscc && taxpayerSeen.has(co.uscc)).length} taxpayers seen`);
      if (bad.length === warm.length) throw new Error(`every warm-up company failed, e.g. ${bad[0].error}`);
    }
    if (c.baselineS) {
      log(`baseline: GET ${REG_API}/names/reservations/{unknown} through the gateway, ${c.clients} clients, ${c.baselineS}s`);
      base = await phase('baseline', () => baseline(gateway, c, tokenOf, () => run.aborted));
      log(`baseline: ${base.requests} requests, ${base.perS.toFixed(0)}/s, p50 ${base.latencyMs.p50.toFixed(1)} ms, p99 ${base.latencyMs.p99.toFixed(1)} ms`);
    }
    log(`load: ${c.companies} companies, ${c.clients} clients`);
    let missing = 0;
    companies = await phase('load', async () => {
      const cos = await registerCompanies(gateway, c, c.warmup, c.companies, tokenOf, () => run.aborted);
      missing = await waitForTaxpayers(cos, c.taxpayerWaitS);
      return cos;
    });
    summary = summarise(companies, taxpayerSeen);
    checks = checkTargets(summary);
    log(`load: ${summary.registered}/${summary.companies} registered, ${summary.taxpayersSeen} taxpayers seen${missing ? `, ${missing} still missing after ${c.taxpayerWaitS}s` : ''}; other events on the tax topic: ${otherEvents}`);
    licence = await checkLicences(gateway, companies, c.licenceSample, tokenOf);
    if (summary.errors) run.status = `complete with ${summary.errors} failed companies`;
  } catch (e) {
    run.status = `failed: ${(e as Error).message}`;
    log(`failed: ${(e as Error).stack ?? String(e)}`);
    stack.logOutputTails();
  } finally {
    disarm();
    if (summary) process.stdout.write(`\n${formatReport(c, summary, base, checks, phases, licence)}\n`);
    if (kafkaLog.errors || kafkaLog.warnings) log(`kafkajs (observer) logged ${kafkaLog.errors} errors, ${kafkaLog.warnings} warnings (first ones in the JSON)`);
    await stack.cleanUp();
    process.stdout.write(`\nresults: ${path.relative(process.cwd(), results())}   (whole run ${((now() - t0) / 1000).toFixed(0)}s)\n`);
  }
  return run.status === 'complete' ? 0 : 1;
}

runMain(main);

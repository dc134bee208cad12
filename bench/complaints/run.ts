/**
 * The complaints (12345) service through the gateway: ticket intake, and the path dispatch →
 * accept → record-reply → submit → audit → rate → closed, with CLIENTS concurrent clients
 * (throughput, p50/p95/p99 per step and for the whole path, against a trivial authenticated GET on
 * the same route in the same run); then the lag of timer firing (fired_at − due_at) with TIMERS
 * pending timers falling due over TIMER_SPREAD_S seconds. `npm run bench:complaints` (settings:
 * bench/README.md). Starts its own complaints and gateway processes (a fresh database, a topic
 * prefix of its own), prints the figures, writes bench/results/complaints-<timestamp>.json and
 * removes what it made.
 */
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { brokerAnswers, createKafka } from '@one-window/shared/messaging';
import { startAppProcess, testTokens } from '@one-window/shared/testing';
import { guardRun, RunState } from '../shared/budget';
import { phaseRecorder, type PhaseFacts } from '../shared/cpu';
import { cpuSection, ms, num, table } from '../shared/format';
import { call, jsonHeaders as json } from '../shared/http';
import { log, runMain } from '../shared/log';
import { machine, runHeader, writeResults } from '../shared/results';
import { ServiceStack, startGateway } from '../shared/services';
import { distribution, Distribution, now, sleep, type LoopResult } from '../shared/stats';
import { BenchConfig, loadConfig } from './config';
import { API, audit, onlineSubmission, OVERDUE_TIMER_KIND, phoneSubmission, rating, registration, reply, report, UNIT } from './fixtures';

const STEPS = ['intake', 'register', 'accept', 'reply', 'submit', 'audit', 'rate'] as const;
type Step = (typeof STEPS)[number];

const STEP_LABEL: Record<Step, string> = {
  intake: 'intake (online)  POST /submissions -> 201',
  register: 'register + dispatch  POST /submissions/{id}/registration',
  accept: 'accept  POST /tickets/{id}/accept',
  reply: 'record-reply  POST /tickets/{id}/record-reply',
  submit: 'submit  POST /tickets/{id}/submit',
  audit: 'audit  POST /tickets/{id}/audit',
  rate: 'rate -> CLOSED  POST /tickets/{id}/rate',
};

/** One ticket's trip; timestamps in ms (see metrics.now). */
interface PathRun {
  i: number;
  start: number;
  end: number;
  steps: Partial<Record<Step, { ms: number; status: number }>>;
  ticketId?: string;
  error?: string;
}

interface Actors {
  agent: string;
  unit: string;
  /** The online caller of client k (its own applicant account). */
  caller: (k: number) => string;
}

// --------------------------------------------------------------------------------------- http

const post = (url: string, token: string, body: object) => call(url, { method: 'POST', headers: json(token), body: JSON.stringify(body) });

/**
 * `clients` closed-loop clients share the paths from..from+count-1: each takes the next one through
 * every step (caller k submits online and rates; the agent registers and audits; the unit's officer
 * accepts, replies and submits), then the next one.
 */
async function runPaths(gateway: string, c: BenchConfig, from: number, count: number, who: Actors, aborted: () => boolean): Promise<PathRun[]> {
  const out: PathRun[] = [];
  let next = from;
  const end = from + count;
  await Promise.all(
    Array.from({ length: c.clients }, async (_, k) => {
      const caller = who.caller(k);
      for (let i = next++; i < end && !aborted(); i = next++) {
        const p: PathRun = { i, start: now(), end: NaN, steps: {} };
        out.push(p);
        /** One step: its latency and status; throws (ending this path) unless the answer is the expected one. */
        const step = async (name: Step, url: string, token: string, body: object, expected: number, ok: (b: Record<string, unknown> | undefined) => boolean) => {
          const s = now();
          let r: Awaited<ReturnType<typeof call>>;
          try {
            r = await post(`${gateway}${API}${url}`, token, body);
          } catch (e) {
            p.steps[name] = { ms: now() - s, status: 0 };
            throw new Error(`${name}: ${(e as Error).message}`);
          }
          p.steps[name] = { ms: now() - s, status: r.status };
          if (r.status !== expected || !ok(r.body)) throw new Error(`${name} ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
          return r.body as Record<string, unknown>;
        };
        const state = (want: string) => (b: Record<string, unknown> | undefined) => b?.['state'] === want;
        try {
          const received = await step('intake', '/submissions', caller, onlineSubmission(i), 201, (b) => typeof b?.['id'] === 'string');
          const registered = await step('register', `/submissions/${received['id']}/registration`, who.agent, registration, 201, (b) => {
            const t = (b?.['tickets'] as { id?: unknown; state?: unknown }[] | undefined)?.[0];
            return typeof t?.id === 'string' && t.state === 'DISPATCHED';
          });
          const ticket = (registered['tickets'] as { id: string }[])[0].id;
          p.ticketId = ticket;
          await step('accept', `/tickets/${ticket}/accept`, who.unit, {}, 200, state('IN_PROGRESS'));
          await step('reply', `/tickets/${ticket}/record-reply`, who.unit, reply(), 200, () => true);
          await step('submit', `/tickets/${ticket}/submit`, who.unit, report, 200, state('SUBMITTED'));
          await step('audit', `/tickets/${ticket}/audit`, who.agent, audit, 200, state('AWAITING_RATING'));
          await step('rate', `/tickets/${ticket}/rate`, caller, rating, 200, state('CLOSED'));
          p.end = now();
        } catch (e) {
          p.error = (e as Error).message;
        }
      }
    }),
  );
  return out.sort((a, b) => a.i - b.i);
}

/**
 * `clients` closed-loop clients for `seconds`, each sending `request(k, n)` one after the other
 * (k: the client, n: its request count); `ok` decides what counts as an error. Latencies by label.
 */
async function closedLoop(
  c: BenchConfig,
  seconds: number,
  request: (k: number, n: number) => { label: string; send: () => Promise<number> },
  ok: (label: string, status: number) => boolean,
  aborted: () => boolean,
): Promise<Record<string, LoopResult>> {
  const byLabel: Record<string, { latencies: number[]; statuses: Record<string, number>; errors: number }> = {};
  const t0 = now();
  const end = t0 + seconds * 1000;
  let last = t0;
  await Promise.all(
    Array.from({ length: c.clients }, async (_, k) => {
      for (let n = 0; now() < end && !aborted(); n++) {
        const r = request(k, n);
        const s = now();
        let status = 0;
        try {
          status = await r.send();
        } catch {
          status = 0;
        }
        const e = now();
        last = Math.max(last, e);
        const b = (byLabel[r.label] ??= { latencies: [], statuses: {}, errors: 0 });
        b.latencies.push(e - s);
        b.statuses[status] = (b.statuses[status] ?? 0) + 1;
        if (!ok(r.label, status)) b.errors++;
      }
    }),
  );
  const secs = (last - t0) / 1000;
  return Object.fromEntries(
    Object.entries(byLabel).map(([label, b]) => [label, { requests: b.latencies.length, errors: b.errors, statuses: b.statuses, seconds: secs, perS: b.latencies.length / secs, latencyMs: distribution(b.latencies) }]),
  );
}

/** A trivial authenticated GET through the gateway: an unknown ticket as the agent (token checked twice, one primary-key read, 404). */
function baseline(gateway: string, c: BenchConfig, who: Actors, aborted: () => boolean) {
  return closedLoop(
    c,
    c.baselineS,
    () => ({
      label: 'baseline',
      send: async () => {
        const res = await fetch(`${gateway}${API}/tickets/${randomUUID()}`, { headers: { authorization: `Bearer ${who.agent}` }, signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        return res.status;
      },
    }),
    (_, status) => status === 404,
    aborted,
  ).then((r) => r['baseline']);
}

/** Intake alone: online (caller k) and phone (the agent) submissions, each client alternating. */
function intake(gateway: string, c: BenchConfig, who: Actors, aborted: () => boolean) {
  let n = 0;
  return closedLoop(
    c,
    c.intakeS,
    (k, j) => {
      const online = (k + j) % 2 === 0;
      const body = online ? onlineSubmission(n++) : phoneSubmission(n++);
      return { label: online ? 'online' : 'phone', send: async () => (await post(`${gateway}${API}/submissions`, online ? who.caller(k) : who.agent, body)).status };
    },
    (_, status) => status === 201,
    aborted,
  );
}

// ------------------------------------------------------------------------------------ timers

interface TimerResult {
  inserted: number;
  insertMs: number;
  /** Pending timers in the table right after the insert (ours and the service's own). */
  pendingAfterInsert: number;
  firstDue: string;
  lastDue: string;
  fired: number;
  notFired: number;
  failed: number;
  retried: number;
  /** fired_at − due_at, ms. */
  lagMs: Distribution;
  /** Negative lags (fired before due): should be 0. */
  early: number;
  /** Fired timers / (last fired_at − first due_at). */
  firedPerS: number;
  offeredPerS: number;
  /** Lag by due-time window (TIMER_SPREAD_S / 10 s each). */
  windows: { fromS: number; toS: number; count: number; p50: number; p99: number; max: number }[];
}

/**
 * Inserts `timers` pending timers of the overdue kind for ids that are no ticket, due evenly over
 * `timerSpreadS` from `timerLeadS` after the insert, waits until they have fired (or `timerWaitS`
 * after the last due time), and reads fired_at − due_at from the table.
 */
async function timerLag(dbUrl: string, c: BenchConfig, suffix: string, aborted: () => boolean): Promise<TimerResult> {
  const db = new Client({ connectionString: dbUrl, application_name: 'bench-complaints' });
  await db.connect();
  const prefix = `bench-no-such-ticket-${suffix}-`;
  try {
    const first = new Date(Date.now() + c.timerLeadS * 1000);
    const stepMs = (c.timerSpreadS * 1000) / c.timers;
    const s = now();
    await db.query(
      `INSERT INTO scheduling_timer (id, kind, key, payload, due_at, next_attempt_at)
       SELECT gen_random_uuid(), $1, $2 || g, '{}'::jsonb, d, d
         FROM generate_series(0, $5::int - 1) AS g,
              LATERAL (SELECT $3::timestamptz + (g * $4::double precision) * interval '1 millisecond' AS d) AS due`,
      [OVERDUE_TIMER_KIND, prefix, first, stepMs, c.timers],
    );
    const insertMs = now() - s;
    const pending = Number((await db.query(`SELECT count(*) AS n FROM scheduling_timer WHERE fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL`)).rows[0].n);
    const lastDue = first.getTime() + c.timerSpreadS * 1000;
    log(`timers: ${c.timers} inserted in ${insertMs.toFixed(0)} ms (${pending} pending in the table), due from ${first.toISOString()} over ${c.timerSpreadS}s`);
    const until = lastDue + c.timerWaitS * 1000;
    for (;;) {
      const { rows } = await db.query(`SELECT count(*) AS n FROM scheduling_timer WHERE key LIKE $1 AND fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL`, [`${prefix}%`]);
      if (Number(rows[0].n) === 0 || Date.now() > until || aborted()) break;
      await sleep(500);
    }
    const { rows } = await db.query<{ lag: number; due: number; fired: boolean; failed: boolean; attempts: number }>(
      `SELECT extract(epoch FROM (fired_at - due_at)) * 1000 AS lag, extract(epoch FROM (due_at - $2::timestamptz)) * 1000 AS due,
              fired_at IS NOT NULL AS fired, failed_at IS NOT NULL AS failed, attempts
         FROM scheduling_timer WHERE key LIKE $1`,
      [`${prefix}%`, first],
    );
    const fired = rows.filter((r) => r.fired);
    const lags = fired.map((r) => Number(r.lag));
    const { rows: span } = await db.query(`SELECT extract(epoch FROM (max(fired_at) - min(due_at))) AS s FROM scheduling_timer WHERE key LIKE $1 AND fired_at IS NOT NULL`, [`${prefix}%`]);
    const windowS = c.timerSpreadS / 10;
    const windows = Array.from({ length: 10 }, (_, w) => {
      const inWindow = fired.filter((r) => Number(r.due) >= w * windowS * 1000 && (Number(r.due) < (w + 1) * windowS * 1000 || (w === 9 && Number(r.due) <= c.timerSpreadS * 1000)));
      const d = distribution(inWindow.map((r) => Number(r.lag)));
      return { fromS: w * windowS, toS: (w + 1) * windowS, count: d.count, p50: d.p50, p99: d.p99, max: d.max };
    });
    return {
      inserted: c.timers,
      insertMs,
      pendingAfterInsert: pending,
      firstDue: first.toISOString(),
      lastDue: new Date(lastDue).toISOString(),
      fired: fired.length,
      notFired: rows.length - fired.length,
      failed: rows.filter((r) => r.failed).length,
      retried: rows.filter((r) => r.attempts > 0).length,
      lagMs: distribution(lags),
      early: lags.filter((l) => l < 0).length,
      firedPerS: fired.length / Number(span[0].s),
      offeredPerS: c.timers / c.timerSpreadS,
      windows,
    };
  } finally {
    await db.end().catch(() => undefined);
  }
}

// -------------------------------------------------------------------------------------- report

interface PathSummary {
  paths: number;
  closed: number;
  errors: number;
  errorSamples: string[];
  seconds: number;
  pathsPerS: number;
  requestsPerS: number;
  steps: Record<Step, Distribution & { perS: number; errors: number }>;
  wholePathMs: Distribution;
  dispatchToCloseMs: Distribution;
}

function summarisePaths(runs: PathRun[]): PathSummary {
  const closed = runs.filter((p) => !p.error && Number.isFinite(p.end));
  const first = Math.min(...runs.map((p) => p.start));
  const last = Math.max(...runs.map((p) => (Number.isFinite(p.end) ? p.end : p.start + Object.values(p.steps).reduce((s, x) => s + x.ms, 0))));
  const seconds = (last - first) / 1000;
  const requests = runs.reduce((s, p) => s + Object.keys(p.steps).length, 0);
  const steps = Object.fromEntries(
    STEPS.map((st) => {
      const answered = runs.map((p) => p.steps[st]).filter((x): x is { ms: number; status: number } => x !== undefined);
      const ok = runs.filter((p) => p.steps[st] && !(p.error?.startsWith(`${st} `) || p.error?.startsWith(`${st}:`)));
      return [st, { ...distribution(ok.map((p) => (p.steps[st] as { ms: number }).ms)), perS: ok.length / seconds, errors: answered.length - ok.length }];
    }),
  ) as PathSummary['steps'];
  return {
    paths: runs.length,
    closed: closed.length,
    errors: runs.length - closed.length,
    errorSamples: runs.filter((p) => p.error).slice(0, 5).map((p) => `#${p.i}: ${p.error}`),
    seconds,
    pathsPerS: closed.length / seconds,
    requestsPerS: requests / seconds,
    steps,
    wholePathMs: distribution(closed.map((p) => p.end - p.start)),
    dispatchToCloseMs: distribution(closed.map((p) => p.end - p.start - (p.steps.intake?.ms ?? NaN))),
  };
}

function formatReport(c: BenchConfig, s: PathSummary | undefined, b: LoopResult | undefined, intakeRes: Record<string, LoopResult> | undefined, t: TimerResult | undefined, phases: PhaseFacts[]): string {
  const out: string[] = [];
  const bp50 = b?.latencyMs.p50 ?? NaN;
  const bp99 = b?.latencyMs.p99 ?? NaN;
  const row = (label: string, d: Distribution, perS: number, extra = '') => [label, String(d.count), num(perS, 1), ms(d.p50), ms(d.p95), ms(d.p99), ms(d.max), num(d.p50 / bp50, 1), num(d.p99 / bp99, 1), extra];
  const header = ['latency (ms)', 'n', 'per s', 'p50', 'p95', 'p99', 'max', 'p50/base', 'p99/base', 'notes'];
  if (s || intakeRes || b) {
    out.push(`complaints through the gateway: ${c.clients} concurrent clients${s ? `, ${s.paths} tickets through the whole path (warm-up of ${c.warmup} not counted)` : ''}`);
    out.push('');
    const rows = [header];
    if (b) rows.push(row('baseline  GET /tickets/{unknown} (404)', b.latencyMs, b.perS, b.errors ? `${b.errors} not 404` : ''));
    for (const [label, r] of Object.entries(intakeRes ?? {}).sort()) {
      rows.push(row(`intake phase: ${label}  POST /submissions`, r.latencyMs, r.perS, r.errors ? `${r.errors} not 201` : ''));
    }
    if (s) {
      for (const st of STEPS) rows.push(row(`path: ${STEP_LABEL[st]}`, s.steps[st], s.steps[st].perS, s.steps[st].errors ? `${s.steps[st].errors} failed` : ''));
      rows.push(row('path: dispatch -> closed (register .. rate, 6 requests)', s.dispatchToCloseMs, s.pathsPerS));
      rows.push(row('path: whole (intake .. rate, 7 requests)', s.wholePathMs, s.pathsPerS));
    }
    out.push(table(rows, true));
    out.push('');
    out.push('throughput');
    if (b) out.push(`  baseline               ${num(b.perS, 0).padStart(6)} req/s   (${b.requests} in ${num(b.seconds, 1)} s)`);
    if (intakeRes) {
      const all = Object.values(intakeRes);
      const total = all.reduce((x, r) => x + r.requests, 0);
      const secs = all[0]?.seconds ?? NaN;
      out.push(`  intake phase           ${num(total / secs, 0).padStart(6)} submissions/s   (${total} in ${num(secs, 1)} s, online and phone alternately)${b ? `   ratio to baseline ${num(total / secs / b.perS, 2)}` : ''}`);
    }
    if (s) {
      out.push(`  path                   ${num(s.pathsPerS, 1).padStart(6)} tickets closed/s   (${s.closed}/${s.paths} in ${num(s.seconds, 1)} s, first intake -> last rate)`);
      out.push(`  path HTTP requests     ${num(s.requestsPerS, 0).padStart(6)} req/s${b ? `   ratio to baseline ${num(s.requestsPerS / b.perS, 2)}` : ''}`);
      for (const e of s.errorSamples) out.push(`  error ${e}`);
    }
    out.push('');
  }
  if (t) {
    const dp = Number.isInteger(c.timerSpreadS / 10) ? 0 : 1;
    out.push(`timer firing lag: ${t.inserted} pending timers (${OVERDUE_TIMER_KIND}, keys that are no ticket) due evenly over ${c.timerSpreadS} s (${num(t.offeredPerS, 0)}/s); ${t.pendingAfterInsert} pending in the table after the insert (${ms(t.insertMs)} ms)`);
    out.push(
      table([
        ['fired_at - due_at (ms)', 'fired', 'not fired', 'p50', 'p95', 'p99', 'max', 'fired/s', 'notes'],
        [
          'all',
          String(t.fired),
          String(t.notFired),
          ms(t.lagMs.p50),
          ms(t.lagMs.p95),
          ms(t.lagMs.p99),
          ms(t.lagMs.max),
          num(t.firedPerS, 0),
          [t.early ? `${t.early} early` : '', t.retried ? `${t.retried} retried` : '', t.failed ? `${t.failed} failed` : ''].filter(Boolean).join(', '),
        ],
        ...t.windows.map((w) => [`  due ${num(w.fromS, dp)}-${num(w.toS, dp)} s`, String(w.count), '', ms(w.p50), '', ms(w.p99), ms(w.max), '', '']),
      ], true),
    );
    out.push('');
  }
  out.push(...cpuSection(phases));
  return out.join('\n');
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
  // the services prefix their consumer groups with KAFKA_TOPIC_PREFIX too: clean-up removes every group and topic with it
  const topicPrefix = `bench-cm-${suffix}.`;
  const kafka = createKafka({ brokers: c.brokers, clientId: 'bench-complaints', log: () => undefined });
  const stack = new ServiceStack(kafka, topicPrefix, testTokens());
  const { processes, tokens } = stack;
  const run = new RunState();
  let base: LoopResult | undefined;
  let intakeRes: Record<string, LoopResult> | undefined;
  let paths: PathRun[] = [];
  let summary: PathSummary | undefined;
  let timers: TimerResult | undefined;
  const phases: PhaseFacts[] = [];

  const results = () =>
    writeResults(
      'complaints',
      startedAt,
      {
        ...runHeader(run.status, startedAt, c),
        environment: machine(),
        topicPrefix,
        baseline: base,
        intake: intakeRes,
        path: summary,
        timers,
        phases,
        paths: paths.map((p) => ({
          i: p.i,
          ticketId: p.ticketId,
          startOffsetMs: p.start - (paths[0]?.start ?? 0),
          totalMs: p.end - p.start,
          steps: Object.fromEntries(Object.entries(p.steps).map(([k, v]) => [k, v.ms])),
          ...(p.error ? { error: p.error } : {}),
        })),
      },
      { round: true },
    );

  const disarm = guardRun({ budgetS: c.budgetS, reserveMs: 30_000, run, cleanUp: () => stack.cleanUp(), writeResults: results });

  /** Runs fn as a named phase, noting the CPU of the machine and of each process, and this loop's delay. */
  const phase = phaseRecorder(phases, () => ({ bench: process.pid, complaints: processes[0]?.child.pid, gateway: processes[1]?.child.pid }));

  try {
    log(`config: ${JSON.stringify({ ...c, databaseUrl: undefined })}`);
    await brokerAnswers(kafka);
    const who: Actors = (() => {
      const callers = Array.from({ length: c.clients }, (_, k) => tokens.token({ sub: `bench-citizen-${k}`, roles: ['applicant'] }, '2h'));
      return {
        agent: tokens.token({ sub: 'bench-agent', roles: ['hotline-agent'] }, '2h'),
        unit: tokens.token({ sub: 'bench-officer', roles: ['officer'], agency_id: UNIT }, '2h'),
        caller: (k: number) => callers[k % callers.length],
      };
    })();

    const db = await stack.database('bench_complaints');
    const env = stack.env(c.brokers);
    log(`starting complaints (migrations first), topic prefix ${topicPrefix}`);
    processes.push(await startAppProcess('complaints', { ...env, DATABASE_URL: db.url }, { timeoutMs: 90_000 }));
    log('starting the gateway');
    processes.push(await startGateway(env, `complaints=${processes[0].url}`));
    const gateway = processes[1].url;
    log(`ready in ${((now() - t0) / 1000).toFixed(0)}s: gateway ${gateway}`);

    if (c.warmup) {
      const warm = await phase('warm-up', () => runPaths(gateway, c, 0, c.warmup, who, () => run.aborted));
      const bad = warm.filter((p) => p.error);
      log(`warm-up: ${warm.length - bad.length}/${warm.length} tickets closed`);
      if (bad.length === warm.length) throw new Error(`every warm-up path failed, e.g. ${bad[0].error}`);
    }
    if (c.baselineS) {
      log(`baseline: GET ${API}/tickets/{unknown} through the gateway, ${c.clients} clients, ${c.baselineS}s`);
      base = await phase('baseline', () => baseline(gateway, c, who, () => run.aborted));
      log(`baseline: ${base.requests} requests, ${base.perS.toFixed(0)}/s, p50 ${base.latencyMs.p50.toFixed(1)} ms, p99 ${base.latencyMs.p99.toFixed(1)} ms`);
    }
    if (c.intakeS && !run.aborted) {
      log(`intake: online and phone submissions, ${c.clients} clients, ${c.intakeS}s`);
      intakeRes = await phase('intake', () => intake(gateway, c, who, () => run.aborted));
    }
    if (c.paths && !run.aborted) {
      log(`path: ${c.paths} tickets, intake -> rate, ${c.clients} clients`);
      paths = await phase('path', () => runPaths(gateway, c, c.warmup, c.paths, who, () => run.aborted));
      summary = summarisePaths(paths);
      log(`path: ${summary.closed}/${summary.paths} closed, ${summary.pathsPerS.toFixed(1)}/s`);
    }
    if (c.timers && !run.aborted) {
      timers = await phase('timers', () => timerLag(db.url, c, suffix, () => run.aborted));
      log(`timers: ${timers.fired}/${timers.inserted} fired, lag p50 ${ms(timers.lagMs.p50)} ms, p99 ${ms(timers.lagMs.p99)} ms, max ${ms(timers.lagMs.max)} ms`);
    }
    const problems = [
      summary?.errors ? `${summary.errors} paths failed` : '',
      base?.errors ? `${base.errors} baseline requests not 404` : '',
      Object.values(intakeRes ?? {}).some((r) => r.errors) ? 'intake errors' : '',
      timers && (timers.notFired || timers.failed) ? `${timers.notFired} timers not fired (${timers.failed} failed)` : '',
    ].filter(Boolean);
    if (run.aborted) run.status = 'aborted';
    else if (problems.length) run.status = `complete with ${problems.join(', ')}`;
  } catch (e) {
    run.status = `failed: ${(e as Error).message}`;
    log(`failed: ${(e as Error).stack ?? String(e)}`);
    stack.logOutputTails();
  } finally {
    disarm();
    if (summary || base || intakeRes || timers) process.stdout.write(`\n${formatReport(c, summary, base, intakeRes, timers, phases)}\n`);
    await stack.cleanUp();
    process.stdout.write(`\nresults: ${path.relative(process.cwd(), results())}   (whole run ${((now() - t0) / 1000).toFixed(0)}s)\n`);
  }
  return run.status === 'complete' ? 0 : 1;
}

runMain(main);

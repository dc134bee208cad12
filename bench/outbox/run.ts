/**
 * Outbox path vs raw kafkajs: throughput and commit→consume latency against the real broker and
 * database. `npm run bench:outbox` (settings: bench/README.md). Prints a table, writes
 * bench/results/outbox-<timestamp>.json, and removes every topic, group and database it made.
 */
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { brokerAnswers, createKafka } from '@one-window/shared/messaging';
import { guardRun, RunState } from '../shared/budget';
import { kafkaLogCollector } from '../shared/kafka-log';
import { log, runMain } from '../shared/log';
import { machine, runHeader, writeResults } from '../shared/results';
import { BenchConfig, loadConfig, Mode, PathName } from './config';
import { bounded, Resources } from './infra';
import { now, watchBroker } from './metrics';
import { runOutboxPhase } from './outbox-path';
import type { PhaseContext, PhaseResult } from './phase';
import { runRawPhase } from './raw-path';
import { checkTargets, formatReport } from './report';

const CLEANUP_RESERVE_MS = 25_000;

async function serverFacts(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url, application_name: 'bench-outbox-admin' });
  await client.connect();
  try {
    const out: Record<string, string> = {};
    for (const s of ['server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'commit_delay', 'autovacuum', 'shared_buffers', 'max_connections']) {
      const { rows } = await client.query(`SHOW ${s}`);
      out[s] = String(rows[0][s]);
    }
    return out;
  } finally {
    await client.end();
  }
}

/** Time a phase needs at least, reserved for it while earlier phases run. */
const need = (c: BenchConfig, mode: Mode) => (mode === 'paced' ? c.durationS * 1000 + 10_000 : mode === 'drain' ? 30_000 : 12_000);

async function main(): Promise<number> {
  const c = loadConfig();
  const startedAt = new Date();
  const t0 = now();
  const end = t0 + c.budgetS * 1000 - CLEANUP_RESERVE_MS;
  const { kafkaLog, sink } = kafkaLogCollector();
  const kafka = createKafka({ brokers: c.brokers, clientId: 'bench-outbox', log: sink });
  const res = new Resources(kafka, c.databaseUrl);
  const results: PhaseResult[] = [];
  let environment: Record<string, unknown> = {};
  const run = new RunState();
  let cleaned: Promise<void> | undefined;
  const cleanUp = () => (cleaned ??= res.cleanUp(log));

  const write = (status: string) =>
    writeResults('outbox', startedAt, { ...runHeader(status, startedAt, c), environment, results, targets: checkTargets(results, c), kafkaLog });

  // The run stops by itself: phases respect `end`; if something hangs anyway, this cleans up and exits.
  const disarm = guardRun({ budgetS: c.budgetS, reserveMs: 20_000, run, cleanUp, writeResults: () => write(run.status) });

  await bounded('broker', brokerAnswers(kafka), 15_000);
  watchBroker(Number(c.brokers[0].split(':').pop()));
  const postgres = await bounded('postgres', serverFacts(c.databaseUrl), 15_000);
  environment = { ...machine(), postgres, kafkaBrokers: c.brokers };
  log(`config: ${JSON.stringify({ ...c, databaseUrl: undefined })}`);
  log(`postgres ${postgres['server_version']}, fsync=${postgres['fsync']}, synchronous_commit=${postgres['synchronous_commit']}, autovacuum=${postgres['autovacuum']}; ${os.cpus().length} cpus`);

  const phases: { mode: Mode; path: PathName }[] = c.modes.flatMap((mode) =>
    // raw-single is a max-mode reference only; drain is the outbox's own mode (its baseline is raw in max mode)
    c.paths.filter((p) => !(mode === 'paced' && p === 'raw-single') && !(mode === 'drain' && p !== 'outbox')).map((p) => ({ mode, path: p })),
  );
  try {
    for (let i = 0; i < phases.length && !run.aborted; i++) {
      const { mode, path: p } = phases[i];
      const later = phases.slice(i + 1).reduce((sum, ph) => sum + need(c, ph.mode), 0);
      const deadline = end - later;
      if (deadline - now() < need(c, mode) * 0.75) {
        log(`skipping ${mode}/${p}: not enough budget left (raise BENCH_BUDGET_S or lower N/duration)`);
        continue;
      }
      log(`${mode}/${p}: starting (must finish within ${((deadline - now()) / 1000).toFixed(0)}s)`);
      const ctx: PhaseContext = { c, kafka, res, deadline, pad: 'x'.repeat(c.payloadBytes), log, aborted: () => run.aborted };
      try {
        const r = p === 'outbox' ? await runOutboxPhase(ctx, mode) : await runRawPhase(ctx, mode, p);
        results.push(r);
        log(
          `${mode}/${r.path}: ${r.consumed}/${r.events} events, ${r.eventsPerS.toFixed(0)} events/s, ` +
            `p50 ${r.latencyMs.p50.toFixed(1)} ms, p99 ${r.latencyMs.p99.toFixed(1)} ms${r.notes.length ? ` (${r.notes.join('; ')})` : ''}`,
        );
      } catch (e) {
        log(`${mode}/${p} failed: ${(e as Error).stack ?? String(e)}`);
        // A failed phase may leave clients open: close them before the next (deletes wait for the end).
        await res.closeAll(log);
      }
    }
  } finally {
    disarm();
    const checks = checkTargets(results, c);
    if (results.length) process.stdout.write(`\n${formatReport(results, checks, c)}\n`);
    if (kafkaLog.errors || kafkaLog.warnings) log(`kafkajs logged ${kafkaLog.errors} errors, ${kafkaLog.warnings} warnings (first ones in the JSON)`);
    const cleanupStarted = now();
    await cleanUp();
    log(`cleaned up in ${((now() - cleanupStarted) / 1000).toFixed(1)}s: ${res.topics.length} topics, ${res.groups.length} groups, databases dropped`);
    process.stdout.write(`\nresults: ${path.relative(process.cwd(), write('complete'))}   (whole run ${((now() - t0) / 1000).toFixed(0)}s)\n`);
  }
  return results.length === phases.length ? 0 : 1;
}

runMain(main);

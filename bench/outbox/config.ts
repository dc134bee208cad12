/**
 * Settings of the outbox benchmark: `BENCH_<NAME>` environment variables, overridden by
 * `--<name>=<value>` arguments (`--relay-batch=200` is `BENCH_RELAY_BATCH=200`). See bench/README.md.
 */
import { readSettings, servers, type Servers } from '../shared/settings';

/** max: as fast as writers commit; paced: a fixed offered rate; drain: N committed events already waiting, then the relay starts. */
export type Mode = 'max' | 'paced' | 'drain';
export type PathName = 'raw' | 'raw-single' | 'outbox';

export interface BenchConfig extends Servers {
  /** Events per path in the max-throughput mode. */
  n: number;
  /** Offered load of the paced mode, events/s, and how long it lasts. */
  rate: number;
  durationS: number;
  /** Concurrent writer transactions (outbox) / concurrent senders (raw-single). */
  writers: number;
  partitions: number;
  /** Distinct aggregate ids the events cycle through (0: every event its own aggregate). */
  aggregates: number;
  /** Bytes of padding in each event's data, to get a realistic message size. */
  payloadBytes: number;
  /** Raw baseline, max mode: messages per producer request. */
  rawBatch: number;
  relayBatch: number;
  relayIdleMs: number;
  /** OutboxRelay instances (each with its own LISTEN connection), as several service replicas run. */
  relays: number;
  /** Consumer instances in the one group. */
  consumers: number;
  /** InboxConsumer `chunkSize`: most events per inbox transaction (1: a transaction per event). */
  consumerChunk: number;
  /** InboxConsumer `partitionsConsumedConcurrently`. */
  consumerConcurrency: number;
  /** InboxConsumer `commitIntervalMs`: offsets committed on this interval; 0 = after every partition batch, awaited (kafkajs' default). */
  offsetCommitMs: number;
  /** EXPERIMENT: `off` makes the writers insert the outbox row without pg_notify (the relay then polls every relayIdleMs). */
  notify: 'on' | 'off';
  /** `off` sets synchronous_commit=off on the consumer's connections (a diagnostic, not a fix). */
  consumerSyncCommit: 'on' | 'off';
  modes: Mode[];
  paths: PathName[];
  /** The whole run (setup, every phase, clean-up) stops by itself after this many seconds. */
  budgetS: number;
  /** A tag copied into the JSON result, e.g. the name of an experiment. */
  label: string;
}

const DEFAULTS: Record<string, string> = {
  N: '20000',
  RATE: '500',
  DURATION_S: '20',
  WRITERS: '8',
  PARTITIONS: '3',
  AGGREGATES: '1000',
  PAYLOAD_BYTES: '256',
  RAW_BATCH: '500',
  RELAY_BATCH: '500',
  RELAY_IDLE_MS: '500',
  RELAYS: '1',
  CONSUMERS: '1',
  CONSUMER_CHUNK: '100',
  CONSUMER_CONCURRENCY: '3',
  CONSUMER_SYNC_COMMIT: 'on',
  OFFSET_COMMIT_MS: '1000',
  NOTIFY: 'on',
  MODES: 'max,paced,drain',
  PATHS: 'raw,raw-single,outbox',
  BUDGET_S: '170',
  LABEL: '',
};

/** `--duration=10` is accepted for DURATION_S, `--budget` for BUDGET_S, `--payload` for PAYLOAD_BYTES. */
const ALIASES: Record<string, string> = { DURATION: 'DURATION_S', BUDGET: 'BUDGET_S', PAYLOAD: 'PAYLOAD_BYTES' };

export function loadConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const { values, int, list, one } = readSettings(DEFAULTS, ALIASES, argv, env);
  return {
    n: int('N', 1, 10_000_000),
    rate: int('RATE', 1, 1_000_000),
    durationS: int('DURATION_S', 1, 3600),
    writers: int('WRITERS', 1, 64),
    partitions: int('PARTITIONS', 1, 64),
    aggregates: int('AGGREGATES', 0, 10_000_000),
    payloadBytes: int('PAYLOAD_BYTES', 0, 900_000),
    rawBatch: int('RAW_BATCH', 1, 100_000),
    relayBatch: int('RELAY_BATCH', 1, 100_000),
    relayIdleMs: int('RELAY_IDLE_MS', 1, 60_000),
    relays: int('RELAYS', 1, 16),
    consumers: int('CONSUMERS', 1, 64),
    consumerChunk: int('CONSUMER_CHUNK', 1, 100_000),
    consumerConcurrency: int('CONSUMER_CONCURRENCY', 1, 64),
    consumerSyncCommit: one('CONSUMER_SYNC_COMMIT', ['on', 'off'] as const),
    offsetCommitMs: int('OFFSET_COMMIT_MS', 0, 60_000),
    notify: one('NOTIFY', ['on', 'off'] as const),
    modes: list('MODES', ['max', 'paced', 'drain'] as const),
    paths: list('PATHS', ['raw', 'raw-single', 'outbox'] as const),
    budgetS: int('BUDGET_S', 20, 3600),
    label: values['LABEL'],
    ...servers(env),
  };
}

/** The settings that shape the outbox path, for the row label (`outbox` when all are defaults). */
export function outboxVariant(c: BenchConfig): string {
  const parts: string[] = [];
  if (c.consumerChunk !== 100) parts.push(`chunk ${c.consumerChunk}`);
  if (c.consumerConcurrency !== 3) parts.push(`${c.consumerConcurrency} partition${c.consumerConcurrency === 1 ? '' : 's'} at once`);
  if (c.offsetCommitMs !== 1000) parts.push(c.offsetCommitMs ? `offsets every ${c.offsetCommitMs}ms` : 'offsets every batch');
  if (c.consumers !== 1) parts.push(`${c.consumers} consumers`);
  if (c.relays !== 1) parts.push(`${c.relays} relays`);
  if (c.relayBatch !== 500) parts.push(`batch ${c.relayBatch}`);
  if (c.relayIdleMs !== 500) parts.push(`idle ${c.relayIdleMs}ms`);
  if (c.notify === 'off') parts.push('no NOTIFY');
  if (c.consumerSyncCommit === 'off') parts.push('sync_commit off');
  return parts.length ? `outbox [${parts.join(', ')}]` : 'outbox';
}

import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { buildEvent, defineEvent, ensureTopics, toKafkaRecord } from '@one-window/shared/messaging';
import { databaseUrlFor } from '@one-window/shared/persistence';
import type { BenchConfig } from './config';
import { BENCH_DATABASE_PREFIX } from './metrics';

/** The event both paths carry: same definition, same CloudEvents headers, same size. */
export interface BenchData {
  n: number;
  /** When the writer built the event (ms since the epoch); the outbox commit follows it. */
  writtenAt: number;
  pad: string;
}

export const BENCH_SOURCE = '/one-window/bench';

export const benchEvent = (topic: string) =>
  defineEvent<BenchData>({
    name: 'bench.item.created',
    version: 1,
    topic,
    summary: 'A benchmark event (bench/outbox).',
    schema: {
      type: 'object',
      required: ['n', 'writtenAt', 'pad'],
      additionalProperties: false,
      properties: { n: { type: 'integer' }, writtenAt: { type: 'number' }, pad: { type: 'string' } },
    },
    example: { n: 0, writtenAt: 0, pad: '' },
  });

export const uniqueName = (prefix: string, sep: string): string => `${prefix}${sep}${randomBytes(5).toString('hex')}`;

/** Aggregate id (Kafka key) of event n: cycles through `aggregates` ids, or one per event when 0. */
export const aggregateOf = (c: BenchConfig, n: number): string => (n < 0 ? `warmup-${-n}` : `agg-${c.aggregates ? n % c.aggregates : n}`);

/** Event n as the relay would publish it, for the raw paths (plus the send timestamp header). */
export function rawMessage(c: BenchConfig, topic: string, n: number, pad: string, t: number): { key: string; value: string; headers: Record<string, string> } {
  const record = toKafkaRecord(buildEvent(benchEvent(topic), BENCH_SOURCE, { aggregateId: aggregateOf(c, n), data: { n, writtenAt: t, pad } }));
  return { key: record.key, value: record.value.toString(), headers: { ...record.headers, bench_n: String(n), bench_sent_at: String(t) } };
}

export function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const v = headers?.[name];
  const one = Array.isArray(v) ? v[0] : v;
  return one === undefined || one === null ? undefined : String(one);
}

/**
 * What the run created on the shared broker and server, removed at the end whatever happened:
 * topics (with the `.dlq` ensureTopics adds), consumer groups, databases.
 */
export class Resources {
  readonly topics: string[] = [];
  readonly groups: string[] = [];
  readonly databases: string[] = [];
  /** Closers of clients still open (producers, consumers, relays, pools), run before the deletes. */
  private readonly closers: { label: string; close: () => Promise<unknown> }[] = [];

  constructor(
    private readonly kafka: Kafka,
    private readonly serverUrl: string,
  ) {}

  async createTopic(prefix: string, partitions: number): Promise<string> {
    const topic = uniqueName(prefix, '.');
    this.topics.push(topic, `${topic}.dlq`);
    await ensureTopics(this.kafka, [{ topic, partitions, retentionDays: 1 }]);
    return topic;
  }

  group(prefix: string): string {
    const g = uniqueName(prefix, '.');
    this.groups.push(g);
    return g;
  }

  /** A database whose name starts with BENCH_DATABASE_PREFIX (the CPU meter recognises its backends by it). */
  async createDatabase(): Promise<string> {
    const name = uniqueName(BENCH_DATABASE_PREFIX.replace(/_$/, ''), '_');
    this.databases.push(name);
    await this.admin((c) => c.query(`CREATE DATABASE "${name}"`));
    return databaseUrlFor(this.serverUrl, name);
  }

  /** Registers a close; returns a function that closes now (and unregisters). */
  onClose(label: string, close: () => Promise<unknown>): () => Promise<void> {
    const entry = { label, close };
    this.closers.push(entry);
    return async () => {
      const i = this.closers.indexOf(entry);
      if (i < 0) return;
      this.closers.splice(i, 1);
      await bounded(label, close());
    };
  }

  /** Closes what is still open (newest first), then deletes topics, groups and databases. */
  async cleanUp(log: (msg: string) => void): Promise<void> {
    await this.closeAll(log);
    const admin = this.kafka.admin();
    try {
      await bounded('kafka admin connect', admin.connect());
      if (this.groups.length) {
        await bounded('delete groups', admin.deleteGroups(this.groups)).catch((e) => log(`clean-up: delete groups: ${(e as Error).message}`));
      }
      if (this.topics.length) {
        const existing = new Set(await admin.listTopics());
        const topics = this.topics.filter((t) => existing.has(t));
        if (topics.length) await bounded('delete topics', admin.deleteTopics({ topics, timeout: 10_000 }));
      }
    } catch (e) {
      log(`clean-up: kafka: ${(e as Error).message} (topics ${this.topics.join(', ')})`);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    for (const db of this.databases.splice(0)) {
      await this.admin((c) => c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`)).catch((e) => log(`clean-up: drop ${db}: ${(e as Error).message}`));
    }
  }

  /** Closes the clients still open, newest first. */
  async closeAll(log: (msg: string) => void): Promise<void> {
    for (let c = this.closers.pop(); c; c = this.closers.pop()) {
      await bounded(c.label, c.close()).catch((e) => log(`clean-up: ${c.label}: ${(e as Error).message}`));
    }
  }

  private async admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.serverUrl, application_name: 'bench-outbox-admin' });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }
}

/** Awaits `p` for at most `ms`; a clean-up step must never hang the run. */
export async function bounded<T>(label: string, p: Promise<T>, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${label}: no answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

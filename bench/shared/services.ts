/**
 * The services a benchmark starts for itself (startAppProcess), their databases and tokens, and the
 * clean-up of all it made, on the broker too: every topic and consumer group named with its topic
 * prefix (the services prefix their consumer groups with KAFKA_TOPIC_PREFIX as well).
 */
import type { Kafka } from 'kafkajs';
import { createTestDatabase, startAppProcess, testTokens, type ServiceProcess, type TestDatabase } from '@one-window/shared/testing';
import { log } from './log';

type Tokens = ReturnType<typeof testTokens>;

/** The gateway in front of `services` (`name=url,…`), with no rate limit to speak of. */
export function startGateway(env: Record<string, string>, services: string): Promise<ServiceProcess> {
  return startAppProcess('gateway', { ...env, SERVICE_URLS: services, GATEWAY_RATE_LIMIT: '1000000' }, { migrate: false, readyPath: '/livez', timeoutMs: 60_000 });
}

/** Deletes the consumer groups and topics whose names start with `prefix`; failures are logged. */
export async function deleteByPrefix(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const groupIds = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix));
    if (groupIds.length) await admin.deleteGroups(groupIds).catch((e) => log(`clean-up: delete groups ${groupIds.join(', ')}: ${(e as Error).message}`));
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics, timeout: 10_000 });
    log(`clean-up: deleted ${topics.length} topics and ${groupIds.length} consumer groups named ${prefix}*`);
  } catch (e) {
    log(`clean-up: kafka: ${(e as Error).message}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export class ServiceStack {
  /** In the order started; stopped in reverse. */
  readonly processes: ServiceProcess[] = [];
  private readonly databases: TestDatabase[] = [];
  private readonly closers: { label: string; close: () => Promise<unknown> }[] = [];
  private cleaned: Promise<void> | undefined;

  constructor(
    private readonly kafka: Kafka,
    readonly topicPrefix: string,
    readonly tokens: Tokens,
  ) {}

  /** The environment every service gets: the brokers, the topic prefix, the token key, quiet logs. */
  env(brokers: string[]): Record<string, string> {
    return { KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: this.topicPrefix, ...this.tokens.env, LOG_LEVEL: 'error' };
  }

  /** A fresh database (createTestDatabase), dropped by cleanUp. */
  async database(name: string): Promise<TestDatabase> {
    const db = await createTestDatabase(name);
    this.databases.push(db);
    return db;
  }

  /** A client of the run's own (a consumer, say), closed before the services stop. */
  onCleanUp(label: string, close: () => Promise<unknown>): void {
    this.closers.push({ label, close });
  }

  /** Once, whatever is asked how often: closes the clients, stops the processes, deletes what the run made. */
  cleanUp(): Promise<void> {
    return (this.cleaned ??= (async () => {
      for (const c of this.closers.splice(0)) await c.close().catch((e) => log(`clean-up: ${c.label}: ${(e as Error).message}`));
      for (const p of this.processes.splice(0).reverse()) await p.stop().catch(() => undefined);
      await deleteByPrefix(this.kafka, this.topicPrefix);
      for (const db of this.databases.splice(0)) await db.drop().catch((e) => log(`clean-up: drop ${db.name}: ${(e as Error).message}`));
      this.tokens.cleanup();
    })());
  }

  /** The last lines each process wrote, for a failed run. */
  logOutputTails(): void {
    for (const p of this.processes) {
      const tail = p.output().trim().split('\n').slice(-5).join('\n');
      if (tail) log(`output of ${p.url}:\n${tail}`);
    }
  }
}

import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventCatalogue } from '../catalogue/event-catalogue';
import { deadLetterTopic } from '../catalogue/event-definition';
import { CloudEvent, fromKafkaRecord, MalformedEnvelopeError } from '../envelope';
import { planSteps } from './batch-plan';
import { PermanentHandlerError } from './errors';

/** A handler's effects run in `tx`, the same transaction that records the event as handled. */
export type EventHandler = (event: CloudEvent, tx: EntityManager) => Promise<void>;

export interface InboxConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  /** Producer used to write dead letters (`<topic>.dlq`). */
  producer: Producer;
  groupId: string;
  topics: string[];
  catalogue: EventCatalogue;
  /** Handlers by CloudEvents type (`<name>.v<version>`). Other types on the topics are skipped. */
  handlers: Record<string, EventHandler>;
  /** Attempts before a failing event goes to the dead-letter topic (default 5). */
  maxAttempts?: number;
  /** Backoff between attempts: initial * 2^(attempt-1), capped (defaults 200 ms, 5 s). */
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  /** How often a long handler reports liveness to the group coordinator (default 3 s). */
  heartbeatIntervalMs?: number;
  /**
   * The group coordinator evicts a member silent for this long (default 10 s). It is also how long a
   * consumer that lost its only broker connection (e.g. a broker restart) waits to rejoin, since the
   * coordinator first expires its old membership; long handlers stay members through heartbeats.
   */
  sessionTimeoutMs?: number;
  fromBeginning?: boolean;
  /**
   * Most events handled in one transaction (default 100): consecutive valid events of a partition
   * share one inbox INSERT and one COMMIT. 1 gives a transaction per event.
   */
  chunkSize?: number;
  /** Partitions handled at the same time, each strictly in order (default 3; needs that many pool connections). */
  partitionsConsumedConcurrently?: number;
  /**
   * Processed offsets are committed to Kafka on this interval (default 1000 ms), off the fetch loop,
   * and once more by `stop()`. After a crash or a rebalance up to this much is delivered again, which
   * the inbox turns into `duplicate` outcomes. 0: commit after every fetched partition batch and wait
   * for it before fetching again (kafkajs' default; on Kafka 4 each commit lingers ~5 ms).
   */
  commitIntervalMs?: number;
  log?: (level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown>) => void;
  /** Called once per message with what happened to it (metrics, tests). */
  onOutcome?: (outcome: Outcome, eventId: string | undefined) => void;
}

/** See InboxConsumerOptions.sessionTimeoutMs. */
export const DEFAULT_SESSION_TIMEOUT_MS = 10_000;

export type Outcome = 'handled' | 'duplicate' | 'skipped' | 'dead-lettered';

export interface RawMessage {
  topic: string;
  partition: number;
  message: Pick<KafkaMessage, 'key' | 'value' | 'headers' | 'offset'>;
}

/** A message that needs nothing special: its envelope parsed, a handler exists, the data is valid. */
interface Plain {
  message: KafkaMessage;
  event: CloudEvent;
  handler: EventHandler;
}

const ceId = (m: Pick<KafkaMessage, 'headers'>) => m.headers?.['ce_id']?.toString();
const inboxKey = (e: CloudEvent) => `${e.source}|${e.id}`;
const partitionKey = (topic: string, partition: number) => `${topic}|${partition}`;

/**
 * An idempotent consumer (inbox pattern). For each message:
 *   1. read the CloudEvents envelope; a malformed one goes straight to the dead letters;
 *   2. skip types this consumer has no handler for;
 *   3. validate the data against the catalogue schema; invalid data goes to the dead letters;
 *   4. in ONE transaction: insert (group, event id) into messaging_inbox (a conflict means it was
 *      handled before: nothing else happens) and run the handler;
 *   5. on failure retry with exponential backoff, heartbeating meanwhile; after `maxAttempts`
 *      (or at once for PermanentHandlerError) publish to `<topic>.dlq` with the error, the attempt
 *      count and the original headers, and record it in messaging_dead_letter for operators.
 *
 * Throughput: a fetched partition batch is handled in chunks. Consecutive messages that pass 1-3
 * share one transaction (step 4 for all of them: one multi-row inbox INSERT ... ON CONFLICT DO
 * NOTHING, then each new event's handler in order); any other message is handled on its own in
 * its place. If a chunk's transaction fails, it is rolled back and its messages go one by one
 * through the per-message path (the failing handler's call counts as its first attempt), so a
 * poison event is dead-lettered while the others are handled once each. Several partitions are
 * handled at once; within a partition the order holds.
 *
 * An offset is resolved only after its message reached one of these outcomes (its transaction
 * committed), and committed from there on a timer, so nothing is lost; what a crash redelivers the
 * inbox recognises.
 */
export class InboxConsumer {
  private consumer?: Consumer;
  private readonly maxAttempts: number;
  private readonly chunkSize: number;
  private readonly commitIntervalMs: number;
  private commitTimer?: NodeJS.Timeout;
  private committing?: Promise<void>;
  /** Next offset to read per partition, processed and not yet committed (timer commits only). */
  private readonly processed = new Map<string, { topic: string; partition: number; offset: string }>();
  private stopping = false;
  /** eachBatch calls in progress, and who waits for them to finish (stop). */
  private inFlight = 0;
  private idle: (() => void)[] = [];

  constructor(private readonly o: InboxConsumerOptions) {
    this.maxAttempts = o.maxAttempts ?? 5;
    this.chunkSize = o.chunkSize ?? 100;
    this.commitIntervalMs = o.commitIntervalMs ?? 1_000;
    if (!Number.isInteger(this.chunkSize) || this.chunkSize < 1) throw new Error(`consumer ${o.groupId}: chunkSize must be a positive integer`);
    for (const type of Object.keys(o.handlers)) {
      if (!o.catalogue.get(type)) throw new Error(`consumer ${o.groupId}: handler for ${type}, which the catalogue does not define`);
    }
  }

  get groupId(): string {
    return this.o.groupId;
  }

  private get commitsOnTimer(): boolean {
    return this.commitIntervalMs > 0;
  }

  async start(): Promise<void> {
    const consumer = this.o.kafka.consumer({
      groupId: this.o.groupId,
      sessionTimeout: this.o.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS,
      heartbeatInterval: Math.min(3_000, Math.floor((this.o.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS) / 3)),
      // A broker holds an empty fetch this long; short, so that stopping a consumer is quick.
      maxWaitTimeInMs: 500,
    });
    this.consumer = consumer;
    this.stopping = false;
    this.processed.clear();
    // Partitions this member lost in a rebalance are another member's now: do not commit for them.
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      for (const [key, p] of this.processed) if (!payload.memberAssignment[p.topic]?.includes(p.partition)) this.processed.delete(key);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.o.topics, fromBeginning: this.o.fromBeginning ?? true });
    if (this.commitsOnTimer) {
      this.commitTimer = setInterval(() => {
        if (!this.committing) void this.commitProcessed().catch((e) => this.o.log?.('warn', 'offset commit failed; retrying on the next tick', { groupId: this.o.groupId, reason: String(e) }));
      }, this.commitIntervalMs);
    }
    await consumer.run({
      // kafkajs' auto-commit awaits an OffsetCommit after every partition batch, whatever
      // autoCommitInterval says; with the timer the fetch loop never waits for one.
      autoCommit: !this.commitsOnTimer,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.o.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.consumeBatch(payload),
    });
  }

  /** Stops after the chunks in progress, commits what was processed, then leaves the group. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    if (!consumer) return;
    this.stopping = true;
    clearInterval(this.commitTimer);
    this.commitTimer = undefined;
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    await this.committing?.catch(() => undefined);
    await this.commitProcessed().catch((e) => this.o.log?.('warn', 'final offset commit failed; the last events will be delivered again', { groupId: this.o.groupId, reason: String(e) }));
    await consumer.disconnect();
    this.consumer = undefined;
  }

  /** Commits the processed offsets noted since the last commit (the timer and stop() never overlap). */
  private commitProcessed(): Promise<void> {
    const consumer = this.consumer;
    if (!consumer || this.processed.size === 0) return Promise.resolve();
    const offsets = this.takeProcessed();
    const commit = (async () => {
      try {
        await consumer.commitOffsets(offsets);
      } catch (e) {
        this.restore(offsets);
        throw e;
      } finally {
        this.committing = undefined;
      }
    })();
    this.committing = commit;
    return commit;
  }

  private takeProcessed(): { topic: string; partition: number; offset: string }[] {
    const offsets = [...this.processed.values()];
    this.processed.clear();
    return offsets;
  }

  /** Puts offsets back after a failed commit, unless a later one was noted meanwhile. */
  private restore(offsets: { topic: string; partition: number; offset: string }[]): void {
    for (const p of offsets) {
      const key = partitionKey(p.topic, p.partition);
      if (!this.processed.has(key)) this.processed.set(key, p);
    }
  }

  private async consumeBatch({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }: EachBatchPayload): Promise<void> {
    this.inFlight++;
    try {
      const { topic, partition } = batch;
      const done = (message: KafkaMessage, outcome: Outcome) => {
        resolveOffset(message.offset);
        if (this.commitsOnTimer) this.processed.set(partitionKey(topic, partition), { topic, partition, offset: (BigInt(message.offset) + 1n).toString() });
        this.o.onOutcome?.(outcome, ceId(message));
      };
      for (const step of planSteps(batch.messages, (m) => this.plain(m), this.chunkSize)) {
        // Unresolved messages are fetched again (after a seek, a rebalance, or by the next member).
        if (this.stopping || !isRunning() || isStale()) return;
        if (step.kind === 'chunk') await this.handleChunk(topic, partition, step.items, heartbeat, done);
        else done(step.message, await this.process({ topic, partition, message: step.message }, heartbeat));
        try {
          await heartbeat();
        } catch (e) {
          // Typically a rebalance: commit what this member processed before it rejoins (best effort;
          // without it the next owner of a partition gets up to commitIntervalMs again, as duplicates).
          if (this.commitsOnTimer && this.processed.size) {
            const offsets = this.takeProcessed();
            const topics = [...new Set(offsets.map((p) => p.topic))].map((t) => ({
              topic: t,
              partitions: offsets.filter((p) => p.topic === t).map(({ partition, offset }) => ({ partition, offset })),
            }));
            await commitOffsetsIfNecessary({ topics }).catch(() => this.restore(offsets));
          }
          throw e;
        }
      }
    } finally {
      if (--this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  /** The message's event and handler when it needs nothing special; undefined sends it down the per-message path. */
  private plain(message: KafkaMessage): Plain | undefined {
    let event: CloudEvent;
    try {
      event = fromKafkaRecord(message.headers ?? {}, message.value ?? null);
    } catch {
      return undefined;
    }
    const handler = this.o.handlers[event.type];
    if (!handler || this.o.catalogue.validate(event.type, event.data).length) return undefined;
    return { message, event, handler };
  }

  /**
   * One transaction for a chunk: the inbox rows of all its events in one INSERT (those already
   * there come back as duplicates, as does a second copy within the chunk), then each new event's
   * handler in order. On failure everything rolls back and the chunk goes message by message.
   */
  private async handleChunk(
    topic: string,
    partition: number,
    items: Plain[],
    heartbeat: () => Promise<void>,
    done: (message: KafkaMessage, outcome: Outcome) => void,
  ): Promise<void> {
    let failedAt = -1;
    const beat = setInterval(() => heartbeat().catch(() => undefined), this.o.heartbeatIntervalMs ?? 3_000);
    let outcomes: Outcome[];
    try {
      outcomes = await this.o.dataSource.transaction(async (tx) => {
        const keys = items.map((i) => inboxKey(i.event));
        // Sorted, so that two transactions claiming overlapping events lock them in the same order.
        const claimed: { event_id: string }[] = await tx.query(
          `INSERT INTO messaging_inbox (consumer_group, event_id, event_type)
           SELECT $1, k, t FROM unnest($2::text[], $3::text[]) AS u(k, t) ORDER BY k
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [this.o.groupId, keys, items.map((i) => i.event.type)],
        );
        const fresh = new Set(claimed.map((r) => r.event_id));
        const out: Outcome[] = [];
        for (let i = 0; i < items.length; i++) {
          // delete(): a second copy of the same event later in the chunk is a duplicate.
          if (!fresh.delete(keys[i])) {
            out.push('duplicate');
            continue;
          }
          failedAt = i;
          await items[i].handler(items[i].event, tx);
          failedAt = -1;
          out.push('handled');
        }
        // A handler that caught a database error leaves the transaction aborted, and COMMIT would
        // then roll back without an error: this statement fails instead, and the chunk is redone.
        await tx.query('SELECT 1');
        return out;
      });
    } catch (e) {
      clearInterval(beat);
      const failed = failedAt >= 0 ? items[failedAt] : undefined;
      this.o.log?.('warn', 'chunk transaction failed; handling its events one by one', {
        groupId: this.o.groupId,
        topic,
        partition,
        events: items.length,
        failedEventId: failed?.event.id,
        reason: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
      });
      for (const item of items) {
        const raw = { topic, partition, message: item.message };
        // The failing handler already had its first attempt inside the chunk.
        const outcome = item === failed ? await this.attempts(raw, item.event, item.handler, heartbeat, { error: e }) : await this.process(raw, heartbeat);
        done(item.message, outcome);
      }
      return;
    } finally {
      clearInterval(beat);
    }
    items.forEach((item, i) => done(item.message, outcomes[i]));
  }

  /** Handles one message to one of its outcomes. Public so dead-letter replay uses the same path. */
  async process(raw: RawMessage, heartbeat: () => Promise<void> = async () => undefined): Promise<Outcome> {
    let event: CloudEvent;
    try {
      event = fromKafkaRecord(raw.message.headers ?? {}, raw.message.value ?? null);
    } catch (e) {
      if (e instanceof MalformedEnvelopeError) return this.deadLetter(raw, undefined, e.message, 0);
      throw e;
    }
    const handler = this.o.handlers[event.type];
    if (!handler) return 'skipped';
    const invalid = this.o.catalogue.validate(event.type, event.data);
    if (invalid.length) return this.deadLetter(raw, event, `schema validation failed: ${invalid.join('; ')}`, 0);
    return this.attempts(raw, event, handler, heartbeat);
  }

  /**
   * Attempts until handled, duplicate or dead-lettered. `firstFailure`: the first attempt already
   * ran (inside a chunk's transaction, rolled back) and failed with this error.
   */
  private async attempts(raw: RawMessage, event: CloudEvent, handler: EventHandler, heartbeat: () => Promise<void>, firstFailure?: { error: unknown }): Promise<Outcome> {
    let attempt = 1;
    if (firstFailure) {
      const outcome = await this.afterFailure(raw, event, firstFailure.error, attempt++, heartbeat);
      if (outcome) return outcome;
    }
    for (; ; attempt++) {
      const beat = setInterval(() => heartbeat().catch(() => undefined), this.o.heartbeatIntervalMs ?? 3_000);
      try {
        return await this.handleOnce(event, handler);
      } catch (e) {
        const outcome = await this.afterFailure(raw, event, e, attempt, heartbeat);
        if (outcome) return outcome;
      } finally {
        clearInterval(beat);
      }
    }
  }

  /** After a failed attempt: dead-letters the event if that was its last (or the error is permanent), else waits the backoff. */
  private async afterFailure(raw: RawMessage, event: CloudEvent, e: unknown, attempt: number, heartbeat: () => Promise<void>): Promise<Outcome | undefined> {
    const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const permanent = e instanceof PermanentHandlerError;
    this.o.log?.('warn', 'event handler failed', { groupId: this.o.groupId, eventId: event.id, type: event.type, attempt, reason });
    if (permanent || attempt >= this.maxAttempts) return this.deadLetter(raw, event, reason, attempt);
    await this.backoff(attempt, heartbeat);
    return undefined;
  }

  private async handleOnce(event: CloudEvent, handler: EventHandler): Promise<Outcome> {
    return this.o.dataSource.transaction(async (tx) => {
      const claimed: unknown[] = await tx.query(
        `INSERT INTO messaging_inbox (consumer_group, event_id, event_type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.o.groupId, inboxKey(event), event.type],
      );
      if (claimed.length === 0) return 'duplicate';
      await handler(event, tx);
      return 'handled';
    });
  }

  private async backoff(attempt: number, heartbeat: () => Promise<void>): Promise<void> {
    const ms = Math.min((this.o.backoffInitialMs ?? 200) * 2 ** (attempt - 1), this.o.backoffMaxMs ?? 5_000);
    const end = Date.now() + ms;
    while (Date.now() < end) {
      await new Promise((r) => setTimeout(r, Math.min(1_000, end - Date.now())));
      await heartbeat().catch(() => undefined);
    }
  }

  private async deadLetter(raw: RawMessage, event: CloudEvent | undefined, error: string, attempts: number): Promise<Outcome> {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw.message.headers ?? {})) {
      if (v !== undefined) headers[k] = (Array.isArray(v) ? v[0] : v).toString();
    }
    const dlqHeaders = {
      ...headers,
      dlq_error: error.slice(0, 4000),
      dlq_attempts: String(attempts),
      dlq_consumer_group: this.o.groupId,
      dlq_original_topic: raw.topic,
      dlq_original_partition: String(raw.partition),
      dlq_original_offset: raw.message.offset,
      dlq_failed_at: new Date().toISOString(),
    };
    const key = raw.message.key?.toString() ?? null;
    const payload = raw.message.value?.toString('utf8') ?? null;
    await this.o.producer.send({ topic: deadLetterTopic(raw.topic), acks: -1, messages: [{ key, value: payload, headers: dlqHeaders }] });
    await this.o.dataSource.query(
      `INSERT INTO messaging_dead_letter (consumer_group, topic, partition, "offset", event_id, event_type, message_key, headers, payload, error, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (consumer_group, topic, partition, "offset") DO UPDATE SET error = EXCLUDED.error, attempts = EXCLUDED.attempts, status = 'pending'`,
      [this.o.groupId, raw.topic, raw.partition, raw.message.offset, event?.id ?? null, event?.type ?? null, key, JSON.stringify(headers), payload, error, attempts],
    );
    this.o.log?.('error', 'event dead-lettered', { groupId: this.o.groupId, topic: raw.topic, offset: raw.message.offset, eventId: event?.id, error });
    return 'dead-lettered';
  }
}

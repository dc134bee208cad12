/**
 * The outbox path, end to end, as a service runs it:
 *
 *   writer transaction (Outbox.append + pg_notify, COMMIT)  ← t0: commit acknowledged to the writer
 *     → OutboxRelay (woken by LISTEN/NOTIFY, claims a batch, sendBatch acks=-1, stamps published_at)
 *     → Kafka
 *     → InboxConsumer (validates, inbox row + handler in one transaction, COMMIT) ← t1: outcome "handled"
 *
 * Latency is t1 − t0. Each phase gets its own fresh database (migrated with the messaging
 * migrations) and topic. The relay's producer is wrapped to note when Kafka acknowledged each
 * event, and its publishBatch to count wake-ups, so the total splits into stages.
 */
import type { Producer, ProducerBatch } from 'kafkajs';
import { DataSource, DataSourceOptions, EntityManager } from 'typeorm';
import {
  buildEvent,
  createIdempotentProducer,
  EventCatalogue,
  InboxConsumer,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  Outbox,
  OutboxRelay,
  toKafkaRecord,
} from '@one-window/shared/messaging';
import type { CloudEvent, EventDefinition, InboxConsumerOptions, NewEvent, Outcome } from '@one-window/shared/messaging';
import { migrate, serviceDataSourceOptions } from '@one-window/shared/persistence';
import { BenchConfig, Mode, outboxVariant } from './config';
import { aggregateOf, BENCH_SOURCE, benchEvent, BenchData, bounded, header } from './infra';
import { diff, distribution, maxOf, now, rateOf, Samples, sleep } from './metrics';
import { eventsIn, pace, PhaseContext, phaseClock, PhaseResult, RelayReport, summarise } from './phase';

function dataSource(c: BenchConfig, url: string, service: string, poolSize: number, syncCommitOff = false): DataSource {
  const base = serviceDataSourceOptions({ service, url, entities: MESSAGING_ENTITIES, migrations: [], poolSize });
  const extra = syncCommitOff ? { max: poolSize, options: '-c synchronous_commit=off' } : { max: poolSize };
  return new DataSource({ ...base, extra } as DataSourceOptions);
}

interface RelayCounters {
  calls: number;
  empty: number;
  batchSizes: number[];
  batchMs: number[];
  sendMs: number[];
  errors: number;
}

/** The producer with sendBatch timed: `onAck(ids, t)` gets the CloudEvents ids Kafka acknowledged. */
function timedProducer(p: Producer, counters: RelayCounters, onAck: (ids: string[], t: number) => void): Producer {
  return new Proxy(p, {
    get(target, prop, receiver) {
      if (prop === 'sendBatch') {
        return async (batch: ProducerBatch) => {
          const started = now();
          const result = await target.sendBatch(batch);
          const acked = now();
          counters.sendMs.push(acked - started);
          onAck((batch.topicMessages ?? []).flatMap((tm) => tm.messages.map((m) => header(m.headers, 'ce_id') ?? '')), acked);
          return result;
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/**
 * EXPERIMENT (`BENCH_NOTIFY=off`): Outbox.append's INSERT without its pg_notify. A transaction that
 * notified takes a cluster-wide lock at commit, so notifying writers commit one at a time; this
 * measures what that costs. The relay then finds rows by its idle poll only.
 */
async function appendWithoutNotify<T>(tx: EntityManager, def: EventDefinition<T>, e: NewEvent<T>): Promise<CloudEvent<T>> {
  const event = buildEvent(def, BENCH_SOURCE, e);
  const record = toKafkaRecord(event);
  await tx.query(`INSERT INTO messaging_outbox (id, topic, aggregate_id, type, headers, payload) VALUES ($1, $2, $3, $4, $5, $6)`, [
    event.id,
    def.topic,
    record.key,
    event.type,
    JSON.stringify(record.headers),
    record.value,
  ]);
  return event;
}

export async function runOutboxPhase(ctx: PhaseContext, mode: Mode): Promise<PhaseResult> {
  const { c, kafka, res } = ctx;
  const total = eventsIn(c, mode);
  const samples = new Samples(total);
  const notes: string[] = [];
  let errors = 0;
  const fail = (what: string, e: unknown) => {
    errors++;
    if (errors <= 5) ctx.log(`outbox: ${what}: ${(e as Error)?.message ?? String(e)}`);
  };

  const url = await res.createDatabase();
  await bounded('migrate', migrate({ service: 'bench-outbox', url, entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS }), 30_000);
  const topic = await res.createTopic('bench.outbox', c.partitions);
  const def = benchEvent(topic);
  const outbox = new Outbox(BENCH_SOURCE);

  // Three pools, as three parts of a deployment would have: the writers (request handlers),
  // the relay (one connection per relay), the consumer (another service's pool).
  const writerDs = dataSource(c, url, 'bench-writer', c.writers);
  const relayDs = dataSource(c, url, 'bench-relay', c.relays + 1);
  const consumerDs = dataSource(c, url, 'bench-consumer', Math.max(2, c.consumers * c.consumerConcurrency + 1), c.consumerSyncCommit === 'off');
  const closePools: (() => Promise<void>)[] = [];
  for (const [label, ds] of [['writer pool', writerDs], ['relay pool', relayDs], ['consumer pool', consumerDs]] as const) {
    await ds.initialize();
    closePools.push(res.onClose(label, () => ds.destroy()));
  }

  /** CloudEvents id → n (warm-up events negative). Set inside the writer's transaction, before COMMIT. */
  const idToN = new Map<string, number>();
  const counters: RelayCounters = { calls: 0, empty: 0, batchSizes: [], batchMs: [], sendMs: [], errors: 0 };
  let republished = 0;
  const onAck = (ids: string[], t: number) => {
    for (const id of ids) {
      const n = idToN.get(id);
      if (n === undefined || n < 0) continue;
      if (Number.isNaN(samples.published[n])) samples.published[n] = t;
      else republished++;
    }
  };

  /** Starts `c.relays` relays (each with its own producer); returns their closers. */
  const startRelays = async (label: string): Promise<(() => Promise<void>)[]> => {
    const closers: (() => Promise<void>)[] = [];
    for (let i = 0; i < c.relays; i++) {
      const producer = createIdempotentProducer(kafka);
      await bounded('relay producer connect', producer.connect());
      const closeProducer = res.onClose(`${label} producer ${i}`, () => producer.disconnect());
      const relay = new OutboxRelay({
        dataSource: relayDs,
        producer: timedProducer(producer, counters, onAck),
        listenUrl: url,
        batchSize: c.relayBatch,
        idlePollMs: c.relayIdleMs,
        onError: (e) => {
          counters.errors++;
          fail('relay', e);
        },
      });
      const publishBatch = relay.publishBatch.bind(relay);
      relay.publishBatch = async () => {
        const started = now();
        const rows = await publishBatch();
        counters.calls++;
        if (rows === 0) counters.empty++;
        else {
          counters.batchSizes.push(rows);
          counters.batchMs.push(now() - started);
        }
        return rows;
      };
      await relay.start();
      const closeRelay = res.onClose(`${label} ${i}`, () => relay.stop());
      closers.push(closeRelay, closeProducer);
    }
    return closers;
  };
  let closeRelays = await startRelays('relay');

  let warmupsHandled = 0;
  let duplicates = 0;
  const onOutcome = (outcome: Outcome, id: string | undefined) => {
    const t = now();
    const n = id === undefined ? undefined : idToN.get(id);
    if (outcome === 'duplicate') duplicates++;
    else if (outcome !== 'handled' || n === undefined) fail('consumer', new Error(`unexpected outcome ${outcome} for ${id}`));
    else if (n < 0) warmupsHandled++;
    else samples.markConsumed(n, t);
  };
  const dlqProducer = createIdempotentProducer(kafka);
  await bounded('consumer producer connect', dlqProducer.connect());
  const closeDlqProducer = res.onClose('consumer producer', () => dlqProducer.disconnect());
  const groupId = res.group('bench.outbox');
  const consumerOptions: InboxConsumerOptions = {
    kafka,
    dataSource: consumerDs,
    producer: dlqProducer,
    groupId,
    topics: [topic],
    catalogue: new EventCatalogue([def]),
    // The handler has no effect of its own (the inbox row is the work every handler shares); it
    // notes when it ran, which splits the consumer's time into waiting and its transaction's tail.
    handlers: {
      [def.type]: async (e) => {
        const n = (e.data as BenchData).n;
        if (n >= 0 && n < total) samples.handlerCalled[n] = now();
      },
    },
    chunkSize: c.consumerChunk,
    partitionsConsumedConcurrently: c.consumerConcurrency,
    commitIntervalMs: c.offsetCommitMs,
    onOutcome,
    log: (level, msg, fields) => level !== 'info' && fail('consumer', new Error(`${msg} ${JSON.stringify(fields)}`)),
  };
  const closeConsumers: (() => Promise<void>)[] = [];
  for (let i = 0; i < c.consumers; i++) {
    const consumer = new InboxConsumer(consumerOptions);
    await bounded('consumer start', consumer.start(), 30_000);
    closeConsumers.push(res.onClose(`consumer ${i}`, () => consumer.stop()));
  }
  // With several members the group rebalances as each joins; earlier members notice on a heartbeat (3 s).
  if (c.consumers > 1) await sleep(7_000);

  const append = async (n: number) => {
    const data = { n, writtenAt: now(), pad: ctx.pad };
    await writerDs.transaction(async (tx) => {
      const e = { aggregateId: aggregateOf(c, n), data };
      const event = c.notify === 'on' ? await outbox.append(tx, def, e) : await appendWithoutNotify(tx, def, e);
      idToN.set(event.id, n);
    });
    if (n >= 0) samples.start[n] = now();
  };

  // Warm-up: pools, LISTEN, producer ids, the consumer's first fetch on every partition.
  const warmups = c.partitions * 4;
  for (let i = 1; i <= warmups; i++) await append(-i);
  while (warmupsHandled < warmups && now() < ctx.deadline) await sleep(10);
  if (warmupsHandled < warmups) notes.push(`warm-up incomplete (${warmupsHandled}/${warmups})`);
  counters.calls = counters.empty = 0;
  counters.batchSizes.length = counters.batchMs.length = counters.sendMs.length = 0;

  // drain: the relay stops, N events are committed and wait in the outbox, then a relay starts and
  // the clock runs from its start: how fast the outbox path moves committed events to the consumer,
  // whatever the writers' commit rate.
  let drainStarted: number | undefined;
  if (mode === 'drain') {
    for (const close of closeRelays) await close().catch((e) => fail('stop', e));
    const writesStarted = now();
    let next = 0;
    await Promise.all(
      Array.from({ length: c.writers }, async () => {
        while (next < total && !ctx.aborted() && now() < ctx.deadline) await append(next++).catch((e) => fail('writer', e));
      }),
    );
    notes.push(`${total} events committed first, at ${(total / ((now() - writesStarted) / 1000)).toFixed(0)}/s; latency = waiting in the outbox, read events/s`);
  }

  const end = phaseClock();
  const pending = new Set<Promise<void>>();
  if (mode === 'drain') {
    drainStarted = now();
    closeRelays = await startRelays('drain relay');
  } else if (mode === 'paced') {
    const offered = await pace(c.rate, total, ctx.deadline, ctx.aborted, (n) => {
      const p = append(n).catch((e) => fail('writer', e));
      pending.add(p);
      void p.finally(() => pending.delete(p));
    });
    if (offered < total) notes.push(`only ${offered} of ${total} offered before the deadline`);
  } else {
    let next = 0;
    await Promise.all(
      Array.from({ length: c.writers }, async () => {
        while (next < total && !ctx.aborted() && now() < ctx.deadline) await append(next++).catch((e) => fail('writer', e));
      }),
    );
  }
  if (!(await samples.waitConsumed(total, ctx.deadline))) notes.push(`deadline reached with ${samples.consumedCount} of ${total} consumed`);
  const measured = end();
  await bounded('writers settle', Promise.all([...pending]), 10_000).catch(() => notes.push('some writer transactions never settled'));

  for (const close of [...closeConsumers, closeDlqProducer, ...closeRelays, ...closePools]) await close().catch((e) => fail('stop', e));
  if (republished) notes.push(`${republished} events published more than once`);
  if (duplicates) notes.push(`${duplicates} duplicate deliveries (inbox skipped them)`);
  if (c.aggregates) notes.push(`${c.aggregates} aggregates`);

  const relay: RelayReport = {
    relays: c.relays,
    calls: counters.calls,
    emptyCalls: counters.empty,
    batches: counters.batchSizes.length,
    rowsPublished: counters.batchSizes.reduce((a, b) => a + b, 0),
    meanBatchSize: counters.batchSizes.length ? counters.batchSizes.reduce((a, b) => a + b, 0) / counters.batchSizes.length : NaN,
    maxBatchSize: counters.batchSizes.length ? Math.max(...counters.batchSizes) : NaN,
    batchMs: distribution(counters.batchMs),
    sendMs: distribution(counters.sendMs),
    errors: counters.errors,
  };
  const summary = summarise(samples, { mode, path: outboxVariant(c), errors, notes, ...measured });
  const lastConsumed = maxOf(samples.consumed);
  const result =
    drainStarted === undefined ? summary : { ...summary, eventsPerS: samples.consumedCount > 0 ? samples.consumedCount / ((lastConsumed - drainStarted) / 1000) : NaN };
  return {
    ...result,
    duplicates,
    stagesMs: {
      commitToPublished: distribution(diff(samples.published, samples.start)),
      publishedToConsumed: distribution(diff(samples.consumed, samples.published)),
      handlerToHandled: distribution(diff(samples.consumed, samples.handlerCalled)),
    },
    stageRates: { commits: rateOf(samples.start), published: rateOf(samples.published), consumed: rateOf(samples.consumed) },
    relay,
  };
}

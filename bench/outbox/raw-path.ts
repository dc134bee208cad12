/**
 * The baseline: an idempotent kafkajs producer (as createIdempotentProducer makes it: acks=-1,
 * one request in flight) sends the same CloudEvents records the relay would, and a plain kafkajs
 * consumer in the same process records when each arrives. No database anywhere.
 *
 *   raw         max mode: `rawBatch` messages per request, one request after the other
 *               (what kafkajs and the broker can do at best; the baseline)
 *   raw-single  max mode: `writers` concurrent senders, one message per request (what a service
 *               publishing straight to Kafka from its request handlers would do)
 *   paced mode: one send() per event as it falls due, not awaited (kafkajs serialises them)
 */
import type { Mode, PathName } from './config';
import { bounded, header, rawMessage } from './infra';
import { diff, distribution, now, rateOf, Samples } from './metrics';
import { eventsIn, pace, PhaseContext, phaseClock, PhaseResult, summarise } from './phase';
import { createIdempotentProducer } from '@one-window/shared/messaging';

export async function runRawPhase(ctx: PhaseContext, mode: Mode, path: Exclude<PathName, 'outbox'>): Promise<PhaseResult> {
  const { c, kafka, res } = ctx;
  const total = eventsIn(c, mode);
  const samples = new Samples(total);
  const notes: string[] = [];
  let errors = 0;

  const topic = await res.createTopic(`bench.${path}`, c.partitions);
  const producer = createIdempotentProducer(kafka);
  await bounded('raw producer connect', producer.connect());
  const closeProducer = res.onClose('raw producer', () => producer.disconnect());

  const consumer = kafka.consumer({ groupId: res.group(`bench.${path}`) });
  let warmupSeen = 0;
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await bounded('raw consumer connect', consumer.connect());
  const closeConsumer = res.onClose('raw consumer', () => consumer.disconnect());
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const t = now();
      const n = Number(header(message.headers, 'bench_n'));
      if (!Number.isInteger(n)) return;
      if (n < 0) {
        warmupSeen++;
        return;
      }
      samples.carriedLatency[n] = t - Number(header(message.headers, 'bench_sent_at'));
      samples.markConsumed(n, t);
    },
  });
  await bounded('raw consumer join', joined, 30_000);

  // Warm-up: connections, metadata, the producer id and the consumer's first fetch.
  const warmups = c.partitions * 4;
  await producer.send({ topic, acks: -1, messages: Array.from({ length: warmups }, (_, i) => rawMessage(c, topic, -(i + 1), ctx.pad, now())) });
  while (warmupSeen < warmups && now() < ctx.deadline) await new Promise((r) => setTimeout(r, 10));

  const end = phaseClock();
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    const q = p.catch((e) => {
      errors++;
      if (errors <= 3) ctx.log(`${path}: send failed: ${(e as Error).message}`);
    });
    pending.add(q);
    q.finally(() => pending.delete(q));
  };
  const sendOne = async (n: number) => {
    const t = now();
    samples.start[n] = t;
    await producer.send({ topic, acks: -1, messages: [rawMessage(c, topic, n, ctx.pad, t)] });
    samples.published[n] = now();
  };

  if (mode === 'paced') {
    const sent = await pace(c.rate, total, ctx.deadline, ctx.aborted, (n) => track(sendOne(n)));
    if (sent < total) notes.push(`only ${sent} of ${total} offered before the deadline`);
  } else if (path === 'raw') {
    for (let i = 0; i < total && !ctx.aborted() && now() < ctx.deadline; i += c.rawBatch) {
      const count = Math.min(c.rawBatch, total - i);
      const t = now();
      const messages = Array.from({ length: count }, (_, k) => rawMessage(c, topic, i + k, ctx.pad, t));
      for (let k = 0; k < count; k++) samples.start[i + k] = t;
      await producer.send({ topic, acks: -1, messages }).then(
        () => samples.published.fill(now(), i, i + count),
        (e) => {
          errors++;
          ctx.log(`raw: send failed: ${(e as Error).message}`);
        },
      );
    }
  } else {
    let next = 0;
    await Promise.all(
      Array.from({ length: c.writers }, async () => {
        while (next < total && !ctx.aborted() && now() < ctx.deadline) {
          const n = next++;
          await sendOne(n).catch((e) => {
            errors++;
            if (errors <= 3) ctx.log(`raw-single: send failed: ${(e as Error).message}`);
          });
        }
      }),
    );
  }
  if (!(await samples.waitConsumed(total, ctx.deadline))) notes.push(`deadline reached with ${samples.consumedCount} of ${total} consumed`);
  const measured = end();
  await bounded('raw sends settle', Promise.all([...pending]), 10_000).catch(() => notes.push('some sends never settled'));
  await closeConsumer();
  await closeProducer();
  return {
    ...summarise(samples, { mode, path, errors, notes, ...measured }, samples.carriedLatency),
    stagesMs: { commitToPublished: distribution(diff(samples.published, samples.start)), publishedToConsumed: distribution(diff(samples.consumed, samples.published)) },
    stageRates: { commits: rateOf(samples.start), published: rateOf(samples.published), consumed: rateOf(samples.consumed) },
  };
}

import type { Kafka } from 'kafkajs';
import type { BenchConfig, Mode } from './config';
import type { Resources } from './infra';
import { CpuMeter, CpuReport, diff, Distribution, distribution, maxOf, minOf, now, rateOf, Samples, sleep } from './metrics';

/** What every phase (one path in one mode) gets. */
export interface PhaseContext {
  c: BenchConfig;
  kafka: Kafka;
  res: Resources;
  /** Epoch ms by which the phase must have stopped waiting (the run's budget, minus what later phases need). */
  deadline: number;
  pad: string;
  log: (msg: string) => void;
  aborted: () => boolean;
}

export interface RelayReport {
  relays: number;
  /** publishBatch calls, those that found nothing (a wake-up by NOTIFY or the idle poll), and rows published. */
  calls: number;
  emptyCalls: number;
  batches: number;
  rowsPublished: number;
  meanBatchSize: number;
  maxBatchSize: number;
  /** One publishBatch call (claim + Kafka send + stamp + commit) and its Kafka send alone, ms. */
  batchMs: Distribution;
  sendMs: Distribution;
  errors: number;
}

export interface PhaseResult {
  mode: Mode;
  path: string;
  /** Events offered in the phase, and how many reached the consumer before the phase deadline. */
  events: number;
  consumed: number;
  complete: boolean;
  /** consumed / (last consumed − first sent or committed), per second. */
  eventsPerS: number;
  /** Per event: consumed − sent (raw) or consumed − committed (outbox), ms. */
  latencyMs: Distribution;
  /** Rate at which events entered the path (sends called, or commits acknowledged), per second. */
  inputPerS: number;
  /** Start → Kafka acknowledged (outbox: the relay's batch; raw: the send), and that → consumed. */
  stagesMs?: { commitToPublished: Distribution; publishedToConsumed: Distribution; handlerToHandled?: Distribution };
  /** Each stage's own rate over its own first..last event (commits: raw sends called). */
  stageRates?: { commits: number; published: number; consumed: number };
  relay?: RelayReport;
  cpu: CpuReport;
  errors: number;
  duplicates: number;
  durationS: number;
  notes: string[];
}

export const eventsIn = (c: BenchConfig, mode: Mode): number => (mode === 'paced' ? Math.round(c.rate * c.durationS) : c.n);

/** Throughput and latency of a phase from its samples (latency from `latency` when given, else consumed − start). */
export function summarise(
  s: Samples,
  base: { mode: Mode; path: string; cpu: CpuReport; errors: number; durationS: number; notes: string[] },
  latency?: Float64Array,
): PhaseResult {
  const firstStart = minOf(s.start);
  const lastConsumed = maxOf(s.consumed);
  const window = (lastConsumed - firstStart) / 1000;
  return {
    ...base,
    events: s.n,
    consumed: s.consumedCount,
    complete: s.consumedCount === s.n,
    eventsPerS: s.consumedCount > 0 && window > 0 ? s.consumedCount / window : NaN,
    latencyMs: distribution(latency ?? diff(s.consumed, s.start)),
    inputPerS: rateOf(s.start),
    duplicates: s.duplicates,
  };
}

/**
 * Offers `total` events at `rate` per second: event n is due at t0 + n/rate and is dispatched
 * (not awaited) as soon as it is due, several per timer tick when the timer is late. Stops early
 * at `deadline` or on abort. Returns how many were dispatched.
 */
export async function pace(rate: number, total: number, deadline: number, aborted: () => boolean, dispatch: (n: number) => void): Promise<number> {
  const interval = 1000 / rate;
  const t0 = now();
  let n = 0;
  while (n < total && !aborted() && now() < deadline) {
    const due = Math.min(total, Math.floor((now() - t0) / interval) + 1);
    while (n < due) dispatch(n++);
    if (n < total) await sleep(t0 + n * interval - now());
  }
  return n;
}

/** Starts the CPU meter and returns a function that ends the phase's measurement. */
export function phaseClock(): () => { cpu: CpuReport; durationS: number } {
  const meter = new CpuMeter();
  const started = now();
  return () => ({ cpu: meter.stop(), durationS: (now() - started) / 1000 });
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across this process. */
export const now = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export interface Distribution {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** What a closed loop of clients measured: requests, their statuses, the rate and the latency. */
export interface LoopResult {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  perS: number;
  latencyMs: Distribution;
}

/** Nearest-rank percentiles of the finite values (NaN entries, i.e. missing samples, are ignored). */
export function distribution(values: ArrayLike<number>): Distribution {
  const v = Float64Array.from(Array.prototype.filter.call(values, (x: number) => Number.isFinite(x)) as number[]).sort();
  if (v.length === 0) return { count: 0, mean: NaN, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const at = (p: number) => v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
  let sum = 0;
  for (const x of v) sum += x;
  return { count: v.length, mean: sum / v.length, p50: at(50), p95: at(95), p99: at(99), max: v[v.length - 1] };
}

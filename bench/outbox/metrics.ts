import fs from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { now } from '../shared/stats';

export { distribution, now, sleep, type Distribution } from '../shared/stats';

/**
 * Per-event timestamps of one path in one mode, indexed by the event's sequence number n:
 * `start` (raw: the send call; outbox: the commit acknowledged to the writer), `published`
 * (outbox only: Kafka acknowledged the relay's batch) and `consumed`.
 */
export class Samples {
  readonly start: Float64Array;
  readonly published: Float64Array;
  readonly consumed: Float64Array;
  /** Outbox only: when the consumer called the handler (inside its inbox transaction, before COMMIT). */
  readonly handlerCalled: Float64Array;
  /** Latency measured from a timestamp carried in the message (raw: the `bench_sent_at` header). */
  readonly carriedLatency: Float64Array;
  consumedCount = 0;
  duplicates = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(readonly n: number) {
    this.start = new Float64Array(n).fill(NaN);
    this.published = new Float64Array(n).fill(NaN);
    this.consumed = new Float64Array(n).fill(NaN);
    this.handlerCalled = new Float64Array(n).fill(NaN);
    this.carriedLatency = new Float64Array(n).fill(NaN);
  }

  markConsumed(i: number, t: number): void {
    if (!(i >= 0 && i < this.n)) return;
    if (!Number.isNaN(this.consumed[i])) {
      this.duplicates++;
      return;
    }
    this.consumed[i] = t;
    this.consumedCount++;
    if (this.waiters.length) {
      this.waiters = this.waiters.filter((w) => {
        if (this.consumedCount < w.count) return true;
        w.resolve();
        return false;
      });
    }
  }

  /** Resolves true once `count` events were consumed, false when `deadline` (epoch ms) passes first. */
  async waitConsumed(count: number, deadline: number): Promise<boolean> {
    if (this.consumedCount >= count) return true;
    let timer: NodeJS.Timeout | undefined;
    const reached = new Promise<boolean>((resolve) => this.waiters.push({ count, resolve: () => resolve(true) }));
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadline - now()))));
    try {
      return await Promise.race([reached, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}

export function minOf(a: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] < m) m = a[i];
  return m;
}

export function maxOf(a: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return m;
}

export function diff(later: Float64Array, earlier: Float64Array): Float64Array {
  const out = new Float64Array(later.length);
  for (let i = 0; i < later.length; i++) out[i] = later[i] - earlier[i];
  return out;
}

/** Events per second over [first, last] of `times` (NaN entries ignored). */
export function rateOf(times: Float64Array): number {
  let count = 0;
  for (const t of times) if (Number.isFinite(t)) count++;
  const span = maxOf(times) - minOf(times);
  return count > 1 && span > 0 ? (count - 1) / (span / 1000) : NaN;
}

// ---------------------------------------------------------------------------------------------
// Where the CPU went during a phase. On a 2-core machine the broker, the database and this
// process compete for the same cores, so every phase reports the split.

interface CpuSnapshot {
  at: number;
  machineBusy: number;
  machineTotal: number;
  self: NodeJS.CpuUsage;
  byName: Record<string, number>;
}

export interface CpuReport {
  /** Busy share of all cores, 0..100. */
  machinePct: number;
  /** Share of ONE core each used (100 = a full core): this process, PostgreSQL for this run, the Kafka broker. */
  benchPct: number;
  postgresPct: number;
  kafkaPct: number;
  /** Everything else on the machine (other clients and tests, the kernel's network work), % of one core. */
  otherPct: number;
  /** monitorEventLoopDelay p99 in ms: how late this process' callbacks ran (event-loop saturation). */
  eventLoopDelayP99Ms: number;
}

const TICKS_PER_S = 100; // USER_HZ on Linux

function readProcStat(): { busy: number; total: number } {
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = cpu[3] + cpu[4];
    return { busy: total - idle, total };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

/** Pid of the process listening on TCP `port` (the Kafka broker we use, not another one a test started). */
function listenerPid(port: number): string | undefined {
  try {
    const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
    const inodes = new Set<string>();
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      if (!fs.existsSync(table)) continue;
      for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        if (f.length > 9 && f[1].endsWith(`:${hexPort}`) && f[3] === '0A') inodes.add(f[9]);
      }
    }
    for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('java')) continue;
        for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
          const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
          if (m && inodes.has(m[1])) return pid;
        }
      } catch {
        // Not ours to read, or gone.
      }
    }
  } catch {
    // No /proc: not Linux.
  }
  return undefined;
}

let brokerPid: string | undefined | null = null;

/** Set once: the broker's listening port (the first of KAFKA_BROKERS). */
export function watchBroker(port: number): void {
  brokerPid = listenerPid(port);
}

/** Marks the PostgreSQL backends that belong to this run (their process title names the database). */
export const BENCH_DATABASE_PREFIX = 'bench_outbox_';

/**
 * CPU ticks (user + system) of PostgreSQL (its background processes and the backends serving this
 * run's databases; other clients' backends are left out) and of the Kafka broker process.
 */
function readProcesses(): Record<string, number> {
  const out: Record<string, number> = { postgres: 0, kafka: NaN };
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return { postgres: NaN, kafka: NaN };
  }
  const ticks = (stat: string) => {
    // Fields after the name start at field 3 (state); utime and stime are fields 14 and 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]);
  };
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (pid === brokerPid) out['kafka'] = ticks(stat);
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      const title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const clientBackend = /\(\d+\)/.test(title);
      if (!clientBackend || title.includes(BENCH_DATABASE_PREFIX)) out['postgres'] += ticks(stat);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return out;
}

export class CpuMeter {
  private readonly begin: CpuSnapshot;
  private readonly loop = monitorEventLoopDelay({ resolution: 5 });

  constructor() {
    this.loop.enable();
    this.begin = CpuMeter.snapshot();
  }

  private static snapshot(): CpuSnapshot {
    const m = readProcStat();
    return { at: now(), machineBusy: m.busy, machineTotal: m.total, self: process.cpuUsage(), byName: readProcesses() };
  }

  stop(): CpuReport {
    const end = CpuMeter.snapshot();
    this.loop.disable();
    const wallS = (end.at - this.begin.at) / 1000;
    const self = process.cpuUsage(this.begin.self);
    const ticksPct = (name: string) => ((end.byName[name] - this.begin.byName[name]) / TICKS_PER_S / wallS) * 100;
    const machinePct = ((end.machineBusy - this.begin.machineBusy) / (end.machineTotal - this.begin.machineTotal)) * 100;
    const benchPct = ((self.user + self.system) / 1e6 / wallS) * 100;
    const postgresPct = ticksPct('postgres');
    const kafkaPct = ticksPct('kafka');
    return {
      machinePct,
      benchPct,
      postgresPct,
      kafkaPct,
      otherPct: Math.max(0, machinePct * os.cpus().length - benchPct - postgresPct - (Number.isFinite(kafkaPct) ? kafkaPct : 0)),
      eventLoopDelayP99Ms: this.loop.percentile(99) / 1e6,
    };
  }
}

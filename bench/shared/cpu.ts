/** Where the CPU went during a phase: the whole machine and the processes the benchmark started. */
import fs from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { now } from './stats';

/** CPU ticks of the whole machine (busy, total) from /proc/stat; undefined off Linux. */
function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = cpu.reduce((s, x) => s + x, 0);
    const idle = cpu[3] + (cpu[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** utime + stime of a process, in clock ticks (100/s on Linux); NaN when it cannot be read. */
function processTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return NaN;
  }
}

export interface CpuShare {
  seconds: number;
  /** Busy share of all cores, %. */
  machinePct: number;
  /** Each named process as % of ONE core. */
  processesPct: Record<string, number>;
  /** Everything else (PostgreSQL, the broker, other people's runs, the kernel), % of one core. */
  restPct: number;
}

/** Measures CPU between start() and the returned stop(): the machine and the named processes. */
export function cpuMeter(pids: Record<string, number | undefined>): () => CpuShare {
  const TICKS = 100;
  const t0 = now();
  const m0 = machineTicks();
  const p0 = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, pid ? processTicks(pid) : NaN]));
  return () => {
    const seconds = (now() - t0) / 1000;
    const m1 = machineTicks();
    const processesPct: Record<string, number> = {};
    let ours = 0;
    for (const [k, pid] of Object.entries(pids)) {
      const pct = pid ? ((processTicks(pid) - p0[k]) / TICKS / seconds) * 100 : NaN;
      processesPct[k] = pct;
      if (Number.isFinite(pct)) ours += pct;
    }
    const machineBusyCores = m0 && m1 ? (m1.busy - m0.busy) / TICKS / seconds : NaN;
    return {
      seconds,
      machinePct: (machineBusyCores / os.cpus().length) * 100,
      processesPct,
      restPct: machineBusyCores * 100 - ours,
    };
  };
}

export interface PhaseFacts {
  phase: string;
  cpu: CpuShare;
  eventLoopDelayP99Ms: number;
}

/**
 * Returns `phase(name, fn)`: runs fn as a named phase and appends to `phases` the CPU of the machine
 * and of each process `pids()` names when the phase starts, and this loop's delay.
 */
export function phaseRecorder(phases: PhaseFacts[], pids: () => Record<string, number | undefined>) {
  return async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const stop = cpuMeter(pids());
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    try {
      return await fn();
    } finally {
      loop.disable();
      phases.push({ phase: name, cpu: stop(), eventLoopDelayP99Ms: loop.percentile(99) / 1e6 });
    }
  };
}

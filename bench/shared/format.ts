/** Figures as text: milliseconds, numbers, aligned tables, the CPU section of a report. */
import os from 'node:os';
import type { PhaseFacts } from './cpu';

/** Milliseconds: one decimal below a second, none above; `-` when not a number. */
export const ms = (x: number): string => (Number.isFinite(x) ? (x >= 1000 ? x.toFixed(0) : x.toFixed(1)) : '-');

export const num = (x: number, digits = 0): string => (Number.isFinite(x) ? x.toFixed(digits) : '-');

/** A header, a rule of dashes and the rows; a column is right-aligned where `rightAligned` says so. */
export function columns(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** rows[0] is the header. Right-aligned columns, except the first and, with `lastLeft`, the last (notes). */
export function table(rows: string[][], lastLeft = false): string {
  const n = rows[0].length;
  return columns(rows[0], rows.slice(1), rows[0].map((_, i) => !(i === 0 || (lastLeft && i === n - 1))));
}

/** The CPU table of the phases (each process as % of ONE core) and the load average. */
export function cpuSection(phases: PhaseFacts[]): string[] {
  const names = Object.keys(phases[0]?.cpu.processesPct ?? {});
  return [
    'cpu (machine: % of all cores; the rest: % of ONE core; rest = PostgreSQL, Kafka, other runs, kernel)',
    table([
      ['phase', 'seconds', 'machine %', ...names.map((n) => `${n} %`), 'rest %', 'loop delay p99 ms'],
      ...phases.map((p) => [p.phase, num(p.cpu.seconds, 1), num(p.cpu.machinePct), ...names.map((n) => num(p.cpu.processesPct[n])), num(p.cpu.restPct), ms(p.eventLoopDelayP99Ms)]),
    ]),
    `load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} cpus`,
  ];
}

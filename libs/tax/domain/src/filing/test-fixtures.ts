/** Test helpers (not exported from the library). */
import type { FilingIds } from './filing-ids';

/** Deterministic ids: 'return-1', 'receipt-1', 'formBundle-1', 'liability-1', … per kind. */
export function sequentialIds(): FilingIds {
  const counters = new Map<string, number>();
  return (kind) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${kind}-${n}`;
  };
}

/** An instant given as Asia/Shanghai wall-clock time: at('2026-03-02T10:00'). */
export function at(localDateTime: string): Date {
  const date = new Date(`${localDateTime}+08:00`);
  if (Number.isNaN(date.getTime())) throw new Error(`bad test instant ${localDateTime}`);
  return date;
}

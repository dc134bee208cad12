import type { WorkingCalendar } from '@one-window/shared/calendar';
import { InvalidArgumentError } from '../shared/errors';

/**
 * Office hours on working days [cfg, design for Q1]: by default 09:00–12:00 and 13:00–18:00
 * local, 8 hours, so "0.5 day" = 4 working hours. Minutes since local midnight, half-open.
 * Assumes a zone without daylight saving (Asia/Shanghai).
 */
export interface WorkingHours {
  readonly windows: readonly { readonly from: number; readonly to: number }[];
}

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  windows: [
    { from: 9 * 60, to: 12 * 60 },
    { from: 13 * 60, to: 18 * 60 },
  ],
};

const MINUTE = 60_000;
const MAX_DAYS = 3660;

function windowsOn(calendar: WorkingCalendar, hours: WorkingHours, dayStart: Date): { from: number; to: number }[] {
  return hours.windows.map((w) => ({ from: dayStart.getTime() + w.from * MINUTE, to: dayStart.getTime() + w.to * MINUTE }));
}

/** Working minutes (whole minutes, rounded down) in [from, to): office hours on working days only. */
export function elapsedWorkingMinutes(calendar: WorkingCalendar, hours: WorkingHours, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  let ms = 0;
  let day = calendar.localDateOf(from);
  const last = calendar.localDateOf(to);
  for (let n = 0; !day.isAfter(last); n++, day = day.plusDays(1)) {
    if (n > MAX_DAYS) throw new InvalidArgumentError('Interval too long for working-time arithmetic');
    if (!calendar.isWorkingDay(day)) continue;
    for (const w of windowsOn(calendar, hours, calendar.startOfDay(day))) {
      ms += Math.max(0, Math.min(w.to, to.getTime()) - Math.max(w.from, from.getTime()));
    }
  }
  return Math.floor(ms / MINUTE);
}

/** The instant `minutes` working minutes after `from` (a full window ends at its closing time). */
export function addWorkingMinutes(calendar: WorkingCalendar, hours: WorkingHours, from: Date, minutes: number): Date {
  if (!Number.isSafeInteger(minutes) || minutes < 0) throw new InvalidArgumentError(`Minutes must be an integer >= 0: ${minutes}`);
  if (minutes === 0) return new Date(from.getTime());
  let remaining = minutes * MINUTE;
  let day = calendar.localDateOf(from);
  for (let n = 0; n <= MAX_DAYS; n++, day = day.plusDays(1)) {
    if (!calendar.isWorkingDay(day)) continue;
    for (const w of windowsOn(calendar, hours, calendar.startOfDay(day))) {
      const start = Math.max(w.from, from.getTime());
      const available = w.to - start;
      if (available <= 0) continue;
      if (remaining <= available) return new Date(start + remaining);
      remaining -= available;
    }
  }
  throw new InvalidArgumentError('No working time found within ten years');
}

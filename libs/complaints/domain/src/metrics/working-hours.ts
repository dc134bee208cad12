/**
 * Elapsed time in working hours, for dispatch speed (§6, 002 L225). A working hour is an hour
 * inside the working-hours window of a working day (工作日) of the jurisdiction calendar
 * (holidays and swapped weekends 调休 included). The default window is the whole working day
 * (00:00–24:00), consistent with the WD clocks of §0; an office window such as 09:00–18:00 can
 * be configured.
 */
import type { WorkingCalendar } from '@one-window/shared/calendar';
import { InvalidArgumentError } from '../shared/errors';

export interface WorkingHoursWindow {
  /** Local time of day, in hours (may be fractional: 8.5 = 08:30). */
  readonly fromHour: number;
  readonly toHour: number;
}

export const WHOLE_WORKING_DAY: WorkingHoursWindow = { fromHour: 0, toHour: 24 };

const MS_PER_HOUR = 3_600_000;

/** Working hours in [a, b) (0 when b ≤ a). */
export function workingHoursBetween(calendar: WorkingCalendar, a: Date, b: Date, window: WorkingHoursWindow = WHOLE_WORKING_DAY): number {
  if (!(window.fromHour >= 0 && window.toHour <= 24 && window.fromHour < window.toHour)) {
    throw new InvalidArgumentError('A working-hours window is 0 ≤ from < to ≤ 24', { ...window });
  }
  if (b.getTime() <= a.getTime()) return 0;
  let ms = 0;
  const last = calendar.localDateOf(b);
  for (let d = calendar.localDateOf(a); !d.isAfter(last); d = d.plusDays(1)) {
    if (!calendar.isWorkingDay(d)) continue;
    const dayStart = calendar.startOfDay(d).getTime();
    const from = Math.max(a.getTime(), dayStart + window.fromHour * MS_PER_HOUR);
    const to = Math.min(b.getTime(), dayStart + window.toHour * MS_PER_HOUR);
    if (to > from) ms += to - from;
  }
  return ms / MS_PER_HOUR;
}

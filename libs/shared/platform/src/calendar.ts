import { CalendarRegistry, WorkingCalendar } from '@one-window/shared/calendar';
import type { CalendarConfig } from './service-config';

/** The working calendar of the service's jurisdiction, from the bundled data (China 2026, ...). */
export function serviceCalendar(config: CalendarConfig): WorkingCalendar {
  return CalendarRegistry.withBundledData({ fallback: config.fallback }).calendarFor(config.jurisdiction);
}

/**
 * Readiness of the calendar: down when today's year is not loaded and no fallback is configured
 * (no time limit could be computed); up, but reporting it, when the weekends-only fallback is in use
 * or next year's calendar is not loaded yet (the State Council publishes it each November).
 */
export function calendarCheck(calendar: WorkingCalendar, now: () => Date = () => new Date()) {
  return async (): Promise<Record<string, unknown>> => {
    const today = calendar.localDateOf(now());
    const year = Number(String(today).slice(0, 4));
    const coverage = calendar.coverage();
    if (!calendar.isYearLoaded(year) && !calendar.usesFallbackFor(year)) {
      throw new Error(`no working calendar loaded for ${year} (${coverage.jurisdiction}) and no fallback configured`);
    }
    return {
      jurisdiction: coverage.jurisdiction,
      loadedYears: coverage.loadedYears,
      fallbackInUse: calendar.usesFallbackFor(year),
      nextYearLoaded: calendar.isYearLoaded(year + 1),
    };
  };
}

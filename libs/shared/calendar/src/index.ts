/**
 * @one-window/shared/calendar — the working-day calendar (工作日历) behind every legal time
 * limit. Pure TypeScript: no framework, no I/O, no system clock. See README.md.
 */
export { DayType, isWorkingDayType } from './day-type';
export { LocalDate } from './local-date';
export type { IsoWeekday, LocalDateLike } from './local-date';
export { DEFAULT_TIME_ZONE, FixedOffsetTimeZone, IntlTimeZone, timeZoneOf } from './time-zone';
export type { TimeZone } from './time-zone';
export { WorkingCalendar } from './working-calendar';
export type { CalendarCoverage, DayInfo, FallbackMode, WorkingCalendarOptions } from './working-calendar';
export { CalendarRegistry } from './calendar-registry';
export { Deadline, DeadlineStatus, DEFAULT_DEADLINE_POLICY } from './deadline';
export type { DeadlinePolicy, DeadlineSnapshot, Extension, StartDeadline, Suspension } from './deadline';
export { isJurisdictionCode, parseJurisdictionOverride, parseYearData } from './calendar-data';
export type {
  CalendarYear,
  DatedNoteData,
  HolidayRangeData,
  JurisdictionOverride,
  JurisdictionOverrideData,
  SourceCitation,
  SpecialDay,
  YearCalendarData,
} from './calendar-data';
export { CN_BUNDLED_YEARS } from './bundled-data';
export {
  CalendarArgumentError,
  CalendarDataError,
  CalendarError,
  CalendarYearNotLoadedError,
  ClockStateError,
  ExtensionRefusedError,
  UnknownJurisdictionError,
} from './errors';
export type { ExtensionRefusalReason } from './errors';

/**
 * Typed errors of the calendar library. Every error carries a stable `code` string that
 * callers (HTTP filters, readiness checks, logs) can switch on without parsing messages.
 */
export abstract class CalendarError extends Error {
  abstract readonly code: string;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A date (or instant) falls in a year for which no calendar data is loaded, and no fallback is configured. */
export class CalendarYearNotLoadedError extends CalendarError {
  readonly code = 'calendar.year_not_loaded';

  constructor(
    readonly year: number,
    readonly jurisdiction: string,
    readonly loadedYears: readonly number[],
  ) {
    super(
      `No calendar data for year ${year} in jurisdiction ${jurisdiction} ` +
        `(loaded: ${loadedYears.length > 0 ? loadedYears.join(', ') : 'none'}). ` +
        `Load the year's data file, or build the calendar with fallback: 'weekends-only'.`,
    );
  }
}

/** A calendar data file (national year or jurisdiction override) is malformed or inconsistent. */
export class CalendarDataError extends CalendarError {
  readonly code = 'calendar.invalid_data';

  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid calendar data in ${source}:\n  - ${problems.join('\n  - ')}`);
  }
}

/** A caller passed a value the library cannot work with (bad ISO date, negative limit, invalid Date...). */
export class CalendarArgumentError extends CalendarError {
  readonly code = 'calendar.invalid_argument';

  constructor(message: string) {
    super(message);
  }
}

/** No calendar is registered for a jurisdiction code nor for any of its ancestors. */
export class UnknownJurisdictionError extends CalendarError {
  readonly code = 'calendar.unknown_jurisdiction';

  constructor(readonly jurisdiction: string) {
    super(`No calendar registered for jurisdiction ${jurisdiction} or any of its parents.`);
  }
}

/** Why an extension request was refused. */
export type ExtensionRefusalReason =
  /** The deadline already has the maximum number of extensions. */
  | 'MAX_COUNT_REACHED'
  /** The requested extension is longer than allowed (by default: the original limit). */
  | 'TOO_LONG'
  /** The request was made at or after the current due instant. */
  | 'DEADLINE_PASSED'
  /** The clock is suspended; resume it first. */
  | 'CLOCK_SUSPENDED';

/** An extension request breaks the extension policy. */
export class ExtensionRefusedError extends CalendarError {
  readonly code = 'calendar.extension_refused';

  constructor(
    readonly reason: ExtensionRefusalReason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A suspend/resume/extend call does not fit the clock's state or history: resume without a
 * suspension, suspend twice, suspend an overdue clock, or an event earlier than the last one.
 */
export class ClockStateError extends CalendarError {
  readonly code = 'calendar.invalid_clock_state';

  constructor(message: string) {
    super(message);
  }
}

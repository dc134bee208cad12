/**
 * What kind of day a local date is. Only WORKDAY and ADJUSTED_WORKDAY are working days (工作日).
 */
export const DayType = {
  /** Monday–Friday, no holiday. */
  WORKDAY: 'WORKDAY',
  /** Saturday or Sunday, not declared a working day. */
  WEEKEND: 'WEEKEND',
  /** A day of a public holiday block (including the weekend days inside the block). */
  PUBLIC_HOLIDAY: 'PUBLIC_HOLIDAY',
  /** A Saturday or Sunday declared a working day to make up for a holiday (调休上班). */
  ADJUSTED_WORKDAY: 'ADJUSTED_WORKDAY',
  /** A Monday–Friday declared a rest day outside any named holiday (调休休息), if a data file declares one. */
  ADJUSTED_REST: 'ADJUSTED_REST',
} as const;

export type DayType = (typeof DayType)[keyof typeof DayType];

/** True for the two working day types. */
export function isWorkingDayType(type: DayType): boolean {
  return type === DayType.WORKDAY || type === DayType.ADJUSTED_WORKDAY;
}

import fc from 'fast-check';
import { Deadline, DeadlineStatus } from './deadline';
import { CalendarYearNotLoadedError } from './errors';
import { LocalDate } from './local-date';
import { shanghai } from './test-fixtures';
import { WorkingCalendar } from './working-calendar';

const cn = WorkingCalendar.chinaMainland();
const DAY = 86_400_000;

/** Any instant whose Shanghai date is in 2026. */
const instantIn2026 = fc.date({
  min: shanghai('2026-01-01T00:00'),
  max: new Date(shanghai('2027-01-01T00:00').getTime() - 1),
  noInvalidDate: true,
});
const dateIn2026 = fc.integer({ min: 0, max: 364 }).map((i) => LocalDate.parse('2026-01-01').plusDays(i));
const limit = fc.integer({ min: 0, max: 60 });

/** fn's result, or a skipped run when it reaches past the loaded data (2026). */
function withinLoadedData<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof CalendarYearNotLoadedError) fc.pre(false);
    throw error;
  }
}

describe('properties of the 2026 calendar', () => {
  it('counting working days from clock start to the deadline gives back n', () => {
    fc.assert(
      fc.property(instantIn2026, limit, (trigger, n) => {
        const due = withinLoadedData(() => cn.deadlineWorkingDays(trigger, n));
        expect(cn.workingDaysBetween(cn.clockStart(trigger), due)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('the deadline is strictly monotonic in n and falls at 00:00 after a working day', () => {
    fc.assert(
      fc.property(instantIn2026, limit, limit, (trigger, a, b) => {
        const [n1, n2] = a <= b ? [a, b] : [b, a];
        const due2 = withinLoadedData(() => cn.deadlineWorkingDays(trigger, n2));
        const due1 = cn.deadlineWorkingDays(trigger, n1);
        if (n1 === n2) expect(due1.getTime()).toBe(due2.getTime());
        else expect(due1.getTime()).toBeLessThan(due2.getTime());
        expect(cn.startOfDay(cn.localDateOf(due2)).getTime()).toBe(due2.getTime());
        if (n2 > 0) expect(cn.isWorkingDay(cn.localDateOf(new Date(due2.getTime() - 1)))).toBe(true);
        expect(due2.getTime()).toBeGreaterThan(trigger.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('addWorkingDays(date, n >= 1) is a working day, n working days after date', () => {
    fc.assert(
      fc.property(dateIn2026, fc.integer({ min: 1, max: 60 }), (date, n) => {
        const result = withinLoadedData(() => cn.addWorkingDays(date, n));
        expect(cn.isWorkingDay(result)).toBe(true);
        expect(result.isAfter(date)).toBe(true);
        expect(cn.workingDaysInRange(date.plusDays(1), result.plusDays(1))).toBe(n);
        const back = withinLoadedData(() => cn.addWorkingDays(result, -n));
        expect(back.isAfter(date)).toBe(false);
        if (cn.isWorkingDay(date)) expect(back).toEqual(date);
      }),
      { numRuns: 300 },
    );
  });

  it('workingDaysBetween is additive over adjacent half-open intervals', () => {
    fc.assert(
      fc.property(instantIn2026, instantIn2026, instantIn2026, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime());
        expect(cn.workingDaysBetween(a, c)).toBe(cn.workingDaysBetween(a, b) + cn.workingDaysBetween(b, c));
        expect(cn.workingDaysBetween(c, a)).toBe(-cn.workingDaysBetween(a, c));
      }),
    );
  });

  it('suspension never shortens a deadline and preserves the remaining working days', () => {
    fc.assert(
      fc.property(
        instantIn2026,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 60 * DAY }),
        fc.integer({ min: 0, max: 30 * DAY }),
        (trigger, workingDays, suspendAfter, suspendedFor) => {
          const deadline = withinLoadedData(() => Deadline.start(cn, { trigger, workingDays }));
          const from = new Date(trigger.getTime() + suspendAfter);
          const until = new Date(from.getTime() + suspendedFor);
          fc.pre(from.getTime() < deadline.dueAt.getTime()); // an overdue clock cannot be suspended
          const suspended = deadline.suspend(from);
          const resumed = withinLoadedData(() => suspended.resume(until));
          const moved = resumed.suspensions[0].workingDays;

          expect(moved).toBeGreaterThanOrEqual(0);
          expect(resumed.dueAt.getTime()).toBeGreaterThanOrEqual(deadline.dueAt.getTime());
          expect(resumed.dueAt).toEqual(cn.deadlineWorkingDays(trigger, workingDays + moved));
          expect(cn.workingDaysBetween(deadline.dueAt, resumed.dueAt)).toBe(moved);
          expect(resumed.status(until)).not.toBe(DeadlineStatus.RED);
          // The clock stood still: the working days left are the same before and after.
          expect(resumed.remainingWorkingDays(until)).toBe(deadline.remainingWorkingDays(from));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an extension moves the due date by exactly its working days', () => {
    fc.assert(
      fc.property(instantIn2026, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), (trigger, n, extra) => {
        const deadline = withinLoadedData(() => Deadline.start(cn, { trigger, workingDays: n }));
        fc.pre(extra <= n);
        const extended = withinLoadedData(() => deadline.extend(trigger, extra));
        expect(extended.dueAt).toEqual(cn.deadlineWorkingDays(trigger, n + extra));
        expect(cn.workingDaysBetween(deadline.dueAt, extended.dueAt)).toBe(extra);
      }),
    );
  });
});

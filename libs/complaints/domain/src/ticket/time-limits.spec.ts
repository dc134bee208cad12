import fc from 'fast-check';
import { at } from '../shared/machine-testing';
import { calendar } from './test-fixtures';
import {
  DEFAULT_TIME_LIMITS,
  dispatchDueAt,
  dutyOpinionDueAt,
  extendedDeadline,
  guidanceDueAt,
  handlingClockStart,
  handlingDueAt,
  handlingLimitWd,
  ratingRequestDueAt,
  ratingWindowDueAt,
  statusAt,
  supplementDueAt,
  TIME_LIMIT_IDS,
  timeLimitsWith,
  unitCheckDueAt,
  warnAtFor,
} from './time-limits';

describe('time limits as data (spec §3.2)', () => {
  it('has one rule per id, each with a length, a unit, a start event and a source', () => {
    for (const id of TIME_LIMIT_IDS) {
      const rule = DEFAULT_TIME_LIMITS[id];
      expect(rule.id).toBe(id);
      expect(rule.length).toBeGreaterThan(0);
      expect(rule.source).toMatch(/002 L\d+|\(design\)/);
    }
  });

  it.each([
    ['SUPPLEMENT_NETWORK', 3, 'NATURAL_DAYS'],
    ['DISPATCH', 1, 'WORKING_DAYS'],
    ['UNIT_CHECK', 2, 'WORKING_DAYS'],
    ['HANDLING_CONSULTATION', 2, 'WORKING_DAYS'],
    ['HANDLING_STANDARD', 10, 'WORKING_DAYS'],
    ['CO_HANDLER_NOTICE', 2, 'WORKING_DAYS'],
    ['GUIDANCE_INTER_DISTRICT', 2, 'WORKING_DAYS'],
    ['GUIDANCE_DUTY_SPLIT', 5, 'WORKING_DAYS'],
    ['GUIDANCE_LAW_APPLICATION', 5, 'WORKING_DAYS'],
    ['RATING_CHANNEL', 24, 'HOURS'],
    ['RATING_WINDOW', 5, 'NATURAL_DAYS'],
    ['DUTY_OPINION', 5, 'WORKING_DAYS'],
  ] as const)('%s is %i %s', (id, length, unit) => {
    expect(DEFAULT_TIME_LIMITS[id]).toMatchObject({ length, unit });
  });

  it('handling limits: consultation 2 WD, others 10 WD, praise none (002 L1535–1536, L1604)', () => {
    expect(handlingLimitWd('CONSULTATION')).toBe(2);
    for (const t of ['HELP', 'COMPLAINT', 'REPORT', 'SUGGESTION'] as const) expect(handlingLimitWd(t)).toBe(10);
    expect(handlingLimitWd('PRAISE')).toBeUndefined();
  });

  it('a jurisdiction can change lengths (spec Q13: e.g. 3 WD / 13 WD elsewhere)', () => {
    const other = timeLimitsWith({ HANDLING_CONSULTATION: 3, HANDLING_STANDARD: 13 });
    expect(handlingLimitWd('CONSULTATION', other)).toBe(3);
    expect(handlingLimitWd('COMPLAINT', other)).toBe(13);
    expect(() => timeLimitsWith({ DISPATCH: 0 })).toThrow(/DISPATCH/);
  });
});

describe('due instants with the working-day calendar', () => {
  describe('dispatched Wed 2026-09-30, the day before National Day (Oct 1–7 off, Sat Oct 10 worked)', () => {
    const dispatchedAt = at('2026-09-30T16:30');

    it('the handling clock starts at 00:00 of Thu Oct 8 (002 L1539)', () => {
      expect(handlingClockStart(calendar, dispatchedAt)).toEqual(at('2026-10-08T00:00'));
    });

    it('consultation (2 WD: Oct 8, Oct 9) is due at the end of Fri Oct 9', () => {
      expect(handlingDueAt(calendar, 'CONSULTATION', dispatchedAt)).toEqual(at('2026-10-10T00:00'));
    });

    it('complaint (10 WD: Oct 8, 9, Sat 10, 12–16, 19, 20) is due at the end of Tue Oct 20', () => {
      expect(handlingDueAt(calendar, 'COMPLAINT', dispatchedAt)).toEqual(at('2026-10-21T00:00'));
    });

    it('the unit check (2 WD) ends with Oct 9; a dispatch registered that day is due Oct 8', () => {
      expect(unitCheckDueAt(calendar, dispatchedAt)).toEqual(at('2026-10-10T00:00'));
      expect(dispatchDueAt(calendar, dispatchedAt)).toEqual(at('2026-10-09T00:00'));
    });
  });

  describe('dispatched Fri 2026-02-13 before the Spring Festival (Sat Feb 14 worked, Feb 15–23 off)', () => {
    const dispatchedAt = at('2026-02-13T11:00');

    it('the clock starts at 00:00 of Sat Feb 14 (an adjusted working day)', () => {
      expect(handlingClockStart(calendar, dispatchedAt)).toEqual(at('2026-02-14T00:00'));
    });

    it('consultation (2 WD: Feb 14, Feb 24) is due at the end of Tue Feb 24', () => {
      expect(handlingDueAt(calendar, 'CONSULTATION', dispatchedAt)).toEqual(at('2026-02-25T00:00'));
    });

    it('complaint (10 WD: Feb 14, 24–28, Mar 2–5) is due at the end of Thu Mar 5', () => {
      expect(handlingDueAt(calendar, 'COMPLAINT', dispatchedAt)).toEqual(at('2026-03-06T00:00'));
    });
  });

  it('an assigned deadline overrides the table (002 L1537)', () => {
    expect(handlingDueAt(calendar, 'COMPLAINT', at('2026-03-02T10:00'), { assignedDeadline: at('2026-03-04T18:00') })).toEqual(at('2026-03-04T18:00'));
  });

  it('an extension runs from the previous deadline: + n WD (002 L1570, Q3)', () => {
    const due = handlingDueAt(calendar, 'CONSULTATION', at('2026-09-30T10:00')) as Date; // end of Oct 9
    expect(extendedDeadline(calendar, due, 2)).toEqual(at('2026-10-13T00:00')); // Sat Oct 10, Mon Oct 12
  });

  it('guidance opinions: 2 WD inter-district, 5 WD duty split / law application (002 L1562–1566)', () => {
    const requested = at('2026-09-29T10:00');
    expect(guidanceDueAt(calendar, 'INTER_DISTRICT', requested)).toEqual(at('2026-10-09T00:00')); // Sep 30, Oct 8
    expect(guidanceDueAt(calendar, 'DUTY_SPLIT', requested)).toEqual(at('2026-10-13T00:00')); // Sep 30, Oct 8, 9, 10, 12
    expect(guidanceDueAt(calendar, 'LAW_APPLICATION', requested)).toEqual(at('2026-10-13T00:00'));
  });

  it('natural-day and hour limits ignore holidays (002 L1517, L1634, L1636)', () => {
    expect(supplementDueAt(calendar, at('2026-09-30T10:00'))).toEqual(at('2026-10-04T00:00'));
    expect(ratingRequestDueAt(calendar, at('2026-09-30T22:00'))).toEqual(at('2026-10-01T22:00'));
    expect(ratingWindowDueAt(calendar, at('2026-09-30T10:00'))).toEqual(at('2026-10-06T00:00'));
  });

  it('duty opinion: 5 WD (002 L1664)', () => {
    expect(dutyOpinionDueAt(calendar, at('2026-02-13T10:00'))).toEqual(at('2026-02-28T00:00')); // Feb 14, 24, 25, 26, 27
  });

  it('status: GREEN, YELLOW from the start of the last WD (T−1 WD), RED at the due instant', () => {
    const due = at('2026-10-21T00:00');
    const warn = warnAtFor(calendar, due, 'WORKING_DAYS', 1);
    expect(warn).toEqual(at('2026-10-20T00:00'));
    expect(statusAt(at('2026-10-19T23:59'), due, warn)).toBe('GREEN');
    expect(statusAt(warn, due, warn)).toBe('YELLOW');
    expect(statusAt(new Date(due.getTime() - 1), due, warn)).toBe('YELLOW');
    expect(statusAt(due, due, warn)).toBe('RED');
  });

  it('property: the handling due instant is midnight after a working day, and never earlier than limit WD after the clock start', () => {
    const start = at('2026-01-05T00:00').getTime();
    const end = at('2026-11-30T00:00').getTime();
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.constantFrom('CONSULTATION' as const, 'COMPLAINT' as const), (ms, type) => {
        const trigger = new Date(ms);
        const due = handlingDueAt(calendar, type, trigger) as Date;
        const clockStart = handlingClockStart(calendar, trigger);
        const lastDay = calendar.localDateOf(new Date(due.getTime() - 1));
        expect(calendar.isWorkingDay(lastDay)).toBe(true);
        expect(calendar.workingDaysBetween(clockStart, due)).toBe(handlingLimitWd(type));
        expect(clockStart.getTime()).toBeGreaterThan(ms);
      }),
    );
  });
});

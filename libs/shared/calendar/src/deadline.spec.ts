import { Deadline, DeadlineStatus } from './deadline';
import { CalendarArgumentError, CalendarYearNotLoadedError, ClockStateError, ExtensionRefusedError } from './errors';
import { caught, shanghai } from './test-fixtures';
import { WorkingCalendar } from './working-calendar';

const cn = WorkingCalendar.chinaMainland();
const MINUTE = 60_000;
const plus = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

/** Runs fn and returns the ExtensionRefusedError it throws. */
function refusal(fn: () => unknown): ExtensionRefusedError {
  const error = caught(fn);
  expect(error).toBeInstanceOf(ExtensionRefusedError);
  expect((error as ExtensionRefusedError).code).toBe('calendar.extension_refused');
  return error as ExtensionRefusedError;
}

describe('Deadline: 10 working days triggered Mon 2026-03-02 10:00 (no holidays in March)', () => {
  // Clock starts Tue Mar 3; WD: Mar 3-6 (4), Mar 9-13 (9), Mon Mar 16 (10) -> due 00:00 Tue Mar 17
  const deadline = Deadline.start(cn, { trigger: shanghai('2026-03-02T10:00'), workingDays: 10 });

  it('starts the clock the next working day and is due at the end of the 10th', () => {
    expect(deadline.clockStart).toEqual(shanghai('2026-03-03T00:00'));
    expect(deadline.dueAt).toEqual(shanghai('2026-03-17T00:00'));
    expect(deadline.dueAt.toISOString()).toBe('2026-03-16T16:00:00.000Z');
    expect(deadline.originalDueAt).toEqual(deadline.dueAt);
  });

  it('turns RED exactly at the due instant, not one minute before', () => {
    const due = shanghai('2026-03-17T00:00');
    expect(deadline.status(plus(due, -MINUTE))).toBe(DeadlineStatus.YELLOW);
    expect(deadline.status(plus(due, -1))).toBe(DeadlineStatus.YELLOW);
    expect(deadline.isOverdue(plus(due, -1))).toBe(false);
    expect(deadline.status(due)).toBe(DeadlineStatus.RED);
    expect(deadline.isOverdue(due)).toBe(true);
    expect(deadline.status(plus(due, MINUTE))).toBe(DeadlineStatus.RED);
  });

  it('counts remaining working days, including the current one', () => {
    expect(deadline.remainingWorkingDays(shanghai('2026-03-02T10:00'))).toBe(10); // trigger day
    expect(deadline.remainingWorkingDays(shanghai('2026-03-03T00:00'))).toBe(10); // clock start
    expect(deadline.remainingWorkingDays(shanghai('2026-03-07T12:00'))).toBe(6); // Saturday: Mar 9-13, 16
    expect(deadline.remainingWorkingDays(shanghai('2026-03-16T23:59'))).toBe(1); // last day
    expect(deadline.remainingWorkingDays(shanghai('2026-03-17T00:00'))).toBe(0);
  });

  it('turns YELLOW when 3 working days (<= 1/3 of 10) remain: at 00:00 on Thu Mar 12', () => {
    expect(deadline.status(shanghai('2026-03-02T10:00'))).toBe(DeadlineStatus.GREEN);
    expect(deadline.status(plus(shanghai('2026-03-12T00:00'), -1))).toBe(DeadlineStatus.GREEN); // 4 left
    expect(deadline.status(shanghai('2026-03-12T00:00'))).toBe(DeadlineStatus.YELLOW); // Mar 12, 13, 16
  });

  it('takes the yellow threshold from the policy', () => {
    const half = Deadline.start(cn, {
      trigger: shanghai('2026-03-02T10:00'),
      workingDays: 10,
      policy: { yellowShare: 0.5, yellowWorkingDays: 0 },
    });
    expect(half.status(shanghai('2026-03-09T23:59'))).toBe(DeadlineStatus.GREEN); // 6 left
    expect(half.status(shanghai('2026-03-10T00:00'))).toBe(DeadlineStatus.YELLOW); // 5 left
    const badPolicy = { trigger: shanghai('2026-03-02T10:00'), workingDays: 10, policy: { yellowShare: 2 } };
    expect(() => Deadline.start(cn, badPolicy)).toThrow(CalendarArgumentError);
  });

  it('a 2-working-day limit is YELLOW only on its last day (<= 1 working day left)', () => {
    const short = Deadline.start(cn, { trigger: shanghai('2026-09-30T10:00'), workingDays: 2 });
    expect(short.dueAt).toEqual(shanghai('2026-10-10T00:00'));
    expect(short.status(shanghai('2026-10-05T10:00'))).toBe(DeadlineStatus.GREEN); // holiday, 2 left
    expect(short.status(shanghai('2026-10-08T23:59'))).toBe(DeadlineStatus.GREEN);
    expect(short.status(shanghai('2026-10-09T00:00'))).toBe(DeadlineStatus.YELLOW);
    expect(short.status(shanghai('2026-10-10T00:00'))).toBe(DeadlineStatus.RED);
  });

  it('refuses a limit below 1 and a trigger in an unloaded year', () => {
    const zero = { trigger: shanghai('2026-03-02T10:00'), workingDays: 0 };
    expect(() => Deadline.start(cn, zero)).toThrow(CalendarArgumentError);
    const in2027 = { trigger: shanghai('2027-03-02T10:00'), workingDays: 5 };
    expect(() => Deadline.start(cn, in2027)).toThrow(CalendarYearNotLoadedError);
  });
});

describe('Deadline: suspension and resumption', () => {
  // 10 WD from Fri Sep 18: Sep 20 (Sun, worked), 21-24, 28-30, Oct 8, Oct 9 -> due 00:00 Sat Oct 10
  const deadline = Deadline.start(cn, { trigger: shanghai('2026-09-18T10:00'), workingDays: 10 });

  it('moves the due date by the working days suspended over both holiday blocks', () => {
    expect(deadline.dueAt).toEqual(shanghai('2026-10-10T00:00'));
    const suspended = deadline.suspend(shanghai('2026-09-23T15:00'), 'awaiting expert opinion');
    expect(suspended.isSuspended).toBe(true);
    expect(suspended.status(shanghai('2026-09-23T15:00'))).toBe(DeadlineStatus.GREY);
    expect(suspended.status(shanghai('2026-10-12T10:00'))).toBe(DeadlineStatus.GREY); // past the old due, still grey
    expect(suspended.status(shanghai('2026-09-23T14:59'))).toBe(DeadlineStatus.GREEN); // before the suspension

    const resumed = suspended.resume(shanghai('2026-10-09T09:00'));
    // From the suspension day to the day before resumption: Sep 23, 24, 28, 29, 30, Oct 8 = 6 WD
    // (Sep 25-27 and Oct 1-7 are holidays; Oct 9, the resumption day, runs again)
    expect(resumed.suspensions[0].workingDays).toBe(6);
    expect(resumed.suspendedWorkingDays).toBe(6);
    // Previous due (end of Oct 9) + 6 WD: Sat Oct 10 (worked), Oct 12, 13, 14, 15, 16 -> end of Fri Oct 16
    expect(resumed.dueAt).toEqual(shanghai('2026-10-17T00:00'));
    expect(suspended.dueIfResumedAt(shanghai('2026-10-09T09:00'))).toEqual(resumed.dueAt);
    expect(resumed.status(shanghai('2026-10-12T10:00'))).toBe(DeadlineStatus.GREEN); // Oct 12-16 = 5 left
    // Remaining before and after the suspension are the same 7 working days
    expect(deadline.remainingWorkingDays(shanghai('2026-09-23T15:00'))).toBe(7);
    expect(suspended.remainingWorkingDays(shanghai('2026-10-01T12:00'))).toBe(7);
    expect(resumed.remainingWorkingDays(shanghai('2026-10-09T09:00'))).toBe(7);
  });

  it('does not move the due date for a suspension within one day or over a weekend', () => {
    const sameDay = deadline.suspend(shanghai('2026-09-21T10:00')).resume(shanghai('2026-09-21T16:00'));
    expect(sameDay.dueAt).toEqual(shanghai('2026-10-10T00:00'));
    const base = Deadline.start(cn, { trigger: shanghai('2026-03-02T10:00'), workingDays: 10 });
    const weekend = base.suspend(shanghai('2026-03-07T10:00')).resume(shanghai('2026-03-08T20:00'));
    expect(weekend.dueAt).toEqual(shanghai('2026-03-17T00:00'));
    const beforeClockStart = base.suspend(shanghai('2026-03-02T11:00')).resume(shanghai('2026-03-02T17:00'));
    expect(beforeClockStart.dueAt).toEqual(shanghai('2026-03-17T00:00'));
  });

  it('counts the suspension day, not the resumption day: across one midnight moves the due date by 1 WD', () => {
    const base = Deadline.start(cn, { trigger: shanghai('2026-03-02T10:00'), workingDays: 10 });
    const overnight = base.suspend(shanghai('2026-03-03T23:00')).resume(shanghai('2026-03-04T01:00'));
    expect(overnight.dueAt).toEqual(shanghai('2026-03-18T00:00'));
  });

  it('gives back the unfinished last day when suspended on it and resumed after a weekend', () => {
    const base = Deadline.start(cn, { trigger: shanghai('2026-03-02T10:00'), workingDays: 10 }); // last day Mon Mar 16
    const suspended = base.suspend(shanghai('2026-03-16T10:00'));
    expect(suspended.status(shanghai('2026-03-17T10:00'))).toBe(DeadlineStatus.GREY);
    const resumed = suspended.resume(shanghai('2026-03-21T10:00')); // Saturday: Mar 16-20 = 5 WD suspended
    expect(resumed.dueAt).toEqual(shanghai('2026-03-24T00:00')); // Mar 17-20, Mon Mar 23
    expect(resumed.remainingWorkingDays(shanghai('2026-03-21T10:00'))).toBe(1);
    expect(resumed.status(shanghai('2026-03-21T10:00'))).toBe(DeadlineStatus.YELLOW);
  });

  it('supports several suspensions and keeps every version immutable', () => {
    const first = deadline.suspend(shanghai('2026-09-21T10:00')).resume(shanghai('2026-09-22T10:00')); // Sep 21
    const second = first.suspend(shanghai('2026-09-28T10:00')).resume(shanghai('2026-09-29T10:00')); // Sep 28
    expect(first.dueAt).toEqual(shanghai('2026-10-11T00:00')); // + Sat Oct 10
    expect(second.dueAt).toEqual(shanghai('2026-10-13T00:00')); // + Mon Oct 12
    expect(second.suspensions).toHaveLength(2);
    expect(deadline.suspensions).toHaveLength(0);
    expect(deadline.dueAt).toEqual(shanghai('2026-10-10T00:00'));
  });

  it('refuses inconsistent transitions with ClockStateError', () => {
    const suspended = deadline.suspend(shanghai('2026-09-23T15:00'));
    expect(() => deadline.resume(shanghai('2026-09-23T15:00'))).toThrow(ClockStateError);
    expect(() => suspended.suspend(shanghai('2026-09-24T15:00'))).toThrow(ClockStateError);
    expect(() => suspended.resume(shanghai('2026-09-23T14:59'))).toThrow(ClockStateError);
    expect(() => deadline.suspend(shanghai('2026-09-18T09:59'))).toThrow(ClockStateError); // before trigger
    expect(() => deadline.suspend(shanghai('2026-10-10T00:00'))).toThrow(/overdue/); // at the due instant
    expect(caught(() => deadline.resume(shanghai('2026-09-23T15:00')))).toMatchObject({
      code: 'calendar.invalid_clock_state',
    });
  });
});

describe('Deadline: extensions', () => {
  // 10 WD from Mon Mar 2 -> due 00:00 Tue Mar 17
  const deadline = Deadline.start(cn, { trigger: shanghai('2026-03-02T10:00'), workingDays: 10 });

  it('extends from the original due date, at most the original limit each, at most twice', () => {
    const once = deadline.extend(shanghai('2026-03-04T10:00'), 10, 'complex case');
    // 20th WD: Mar 16 + Mar 17-20, 23-27, Mon Mar 30 -> end of Mar 30 (counted from the due date, not the request)
    expect(once.dueAt).toEqual(shanghai('2026-03-31T00:00'));
    expect(once.originalDueAt).toEqual(shanghai('2026-03-17T00:00'));
    expect(once.allowanceWorkingDays).toBe(20);

    const twice = once.extend(shanghai('2026-03-20T10:00'), 5);
    // 25th WD: Mar 31, Apr 1, 2, 3, (Apr 4-6 Qingming), Tue Apr 7 -> end of Apr 7
    expect(twice.dueAt).toEqual(shanghai('2026-04-08T00:00'));

    expect(refusal(() => twice.extend(shanghai('2026-03-25T10:00'), 1)).reason).toBe('MAX_COUNT_REACHED');
    expect(deadline.extensions).toHaveLength(0); // immutable
    expect(once.extensions).toHaveLength(1);
  });

  it('refuses an extension longer than the cap', () => {
    expect(refusal(() => deadline.extend(shanghai('2026-03-04T10:00'), 11)).reason).toBe('TOO_LONG');
    const capped = Deadline.start(cn, {
      trigger: shanghai('2026-03-02T10:00'),
      workingDays: 10,
      policy: { maxExtensions: 1, maxExtensionWorkingDays: 5 },
    });
    expect(refusal(() => capped.extend(shanghai('2026-03-04T10:00'), 6)).reason).toBe('TOO_LONG');
    const extended = capped.extend(shanghai('2026-03-04T10:00'), 5);
    expect(extended.dueAt).toEqual(shanghai('2026-03-24T00:00')); // Mar 17-20, Mon Mar 23
    expect(refusal(() => extended.extend(shanghai('2026-03-05T10:00'), 1)).reason).toBe('MAX_COUNT_REACHED');
  });

  it('refuses an extension requested at or after the due instant', () => {
    const due = shanghai('2026-03-17T00:00');
    expect(refusal(() => deadline.extend(due, 5)).reason).toBe('DEADLINE_PASSED');
    expect(refusal(() => deadline.extend(plus(due, MINUTE), 5)).reason).toBe('DEADLINE_PASSED');
    expect(deadline.extend(plus(due, -1), 5).dueAt).toEqual(shanghai('2026-03-24T00:00'));
  });

  it('refuses an extension while suspended, and non-positive lengths', () => {
    const suspended = deadline.suspend(shanghai('2026-03-04T10:00'));
    expect(refusal(() => suspended.extend(shanghai('2026-03-05T10:00'), 2)).reason).toBe('CLOCK_SUSPENDED');
    expect(() => deadline.extend(shanghai('2026-03-04T10:00'), 0)).toThrow(CalendarArgumentError);
  });

  it('changes the yellow threshold: 1/3 of a 20-day allowance', () => {
    const once = deadline.extend(shanghai('2026-03-04T10:00'), 10); // due end of Mon Mar 30
    expect(once.status(shanghai('2026-03-16T12:00'))).toBe(DeadlineStatus.GREEN); // would be the old last day
    // YELLOW at <= 6.67 remaining: Fri Mar 20 has Mar 20, 23-27, 30 = 7 left; Saturday has 6
    expect(once.remainingWorkingDays(shanghai('2026-03-20T23:59'))).toBe(7);
    expect(once.status(shanghai('2026-03-20T23:59'))).toBe(DeadlineStatus.GREEN);
    expect(once.remainingWorkingDays(shanghai('2026-03-21T00:00'))).toBe(6);
    expect(once.status(shanghai('2026-03-21T00:00'))).toBe(DeadlineStatus.YELLOW);
  });
});

describe('Deadline: snapshots', () => {
  it('round-trips through JSON and replays the history', () => {
    const deadline = Deadline.start(cn, { trigger: shanghai('2026-09-18T10:00'), workingDays: 10 })
      .extend(shanghai('2026-09-21T10:00'), 3, 'more documents')
      .suspend(shanghai('2026-09-23T15:00'), 'site visit')
      .resume(shanghai('2026-10-09T09:00'))
      .suspend(shanghai('2026-10-12T09:00'));
    const snapshot = JSON.parse(JSON.stringify(deadline.toSnapshot()));
    expect(snapshot.dueAt).toBe(deadline.dueAt.toISOString());
    expect(snapshot.suspensions).toEqual([
      { from: '2026-09-23T07:00:00.000Z', until: '2026-10-09T01:00:00.000Z', workingDays: 6, reason: 'site visit' },
      { from: '2026-10-12T01:00:00.000Z', workingDays: 0 },
    ]);
    const restored = Deadline.fromSnapshot(cn, snapshot);
    expect(restored.dueAt).toEqual(deadline.dueAt);
    expect(restored.isSuspended).toBe(true);
    expect(restored.toSnapshot()).toEqual(deadline.toSnapshot());
  });

  it('replays an extension granted at the same instant as a resume after the resume', () => {
    const at = shanghai('2026-03-05T10:00');
    const deadline = Deadline.start(cn, { trigger: shanghai('2026-03-02T10:00'), workingDays: 10 })
      .suspend(shanghai('2026-03-04T10:00'))
      .resume(at)
      .extend(at, 2);
    expect(Deadline.fromSnapshot(cn, deadline.toSnapshot()).dueAt).toEqual(deadline.dueAt);
  });

  it('refuses a snapshot made with another jurisdiction', () => {
    const snapshot = Deadline.start(cn, { trigger: shanghai('2026-03-02T10:00'), workingDays: 10 }).toSnapshot();
    expect(() => Deadline.fromSnapshot(cn, { ...snapshot, jurisdiction: 'CN-44-01' })).toThrow(CalendarArgumentError);
  });
});

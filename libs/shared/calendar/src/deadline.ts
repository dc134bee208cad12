import { CalendarArgumentError, ClockStateError, ExtensionRefusedError } from './errors';
import { requireInstant } from './time-zone';
import { WorkingCalendar } from './working-calendar';

/** Traffic light of a deadline at an instant. */
export const DeadlineStatus = {
  /** Running, comfortably within the limit. */
  GREEN: 'GREEN',
  /** Running, the remaining allowance is at or below the warning threshold. */
  YELLOW: 'YELLOW',
  /** Overdue: the instant is at or after the due instant. */
  RED: 'RED',
  /** Suspended: the clock is stopped. */
  GREY: 'GREY',
} as const;

export type DeadlineStatus = (typeof DeadlineStatus)[keyof typeof DeadlineStatus];

export interface DeadlinePolicy {
  /** Maximum number of extensions. Default 2. */
  readonly maxExtensions: number;
  /** Maximum length of one extension, in working days. Default: the original limit. */
  readonly maxExtensionWorkingDays?: number;
  /** YELLOW when remaining <= this share of the allowance (limit + extensions). Default 1/3. */
  readonly yellowShare: number;
  /** YELLOW when remaining <= this many working days, whatever the share. Default 1. */
  readonly yellowWorkingDays: number;
}

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  maxExtensions: 2,
  yellowShare: 1 / 3,
  yellowWorkingDays: 1,
};

/** A period during which the clock was (or still is) stopped. */
export interface Suspension {
  readonly from: Date;
  /** Undefined while the clock is still suspended. */
  readonly until?: Date;
  /**
   * How far the due date moved: working days on the clock from the suspension day (included)
   * to the resumption day (excluded). 0 while still suspended.
   */
  readonly workingDays: number;
  readonly reason?: string;
}

export interface Extension {
  readonly requestedAt: Date;
  readonly workingDays: number;
  readonly reason?: string;
}

/** JSON-safe form of a Deadline, for persistence. Instants are ISO-8601 strings. */
export interface DeadlineSnapshot {
  readonly jurisdiction: string;
  readonly trigger: string;
  readonly limitWorkingDays: number;
  readonly policy: DeadlinePolicy;
  readonly suspensions: readonly { from: string; until?: string; workingDays: number; reason?: string }[];
  readonly extensions: readonly { requestedAt: string; workingDays: number; reason?: string }[];
  /** Informational: recomputed on restore. */
  readonly dueAt: string;
}

export interface StartDeadline {
  /** The event that starts the limit (受理, 派单...). The clock starts the next working day. */
  readonly trigger: Date;
  /** The legal limit, in working days (>= 1). */
  readonly workingDays: number;
  readonly policy?: Partial<DeadlinePolicy>;
}

/**
 * A working-day time limit with its history: suspensions (中止/暂停计时) and extensions (延期).
 * Immutable: suspend/resume/extend return a new Deadline. Events must be recorded in
 * chronological order, none before the trigger.
 *
 * Due = calendar.deadlineWorkingDays(trigger, limit + Σ extensions + Σ suspended working days).
 * On resume the due date becomes the previous due plus the suspended working days: the working
 * days from the suspension day (included, if the clock was already running) to the resumption
 * day (excluded). A suspension within one day moves nothing; the remaining working days just
 * before suspending equal those just after resuming. Suspension never shortens a deadline.
 * Extensions run from the original (then current) due date.
 */
export class Deadline {
  /** 00:00 local of the first working day after the trigger. */
  readonly clockStart: Date;
  /** Due instant of the original limit, without extensions or suspensions. */
  readonly originalDueAt: Date;
  /**
   * Current due instant (exclusive: overdue at any instant >= dueAt). While suspended, this is
   * the due as of the suspension; it moves when the clock resumes (see dueIfResumedAt).
   */
  readonly dueAt: Date;

  private constructor(
    readonly calendar: WorkingCalendar,
    readonly trigger: Date,
    readonly limitWorkingDays: number,
    readonly policy: DeadlinePolicy,
    readonly suspensions: readonly Suspension[],
    readonly extensions: readonly Extension[],
  ) {
    // Computed eagerly, so an event whose due date needs an unloaded year fails when recorded.
    this.clockStart = calendar.clockStart(trigger);
    this.originalDueAt = calendar.deadlineWorkingDays(trigger, limitWorkingDays);
    this.dueAt = calendar.deadlineWorkingDays(trigger, this.allowanceWorkingDays + this.suspendedWorkingDays);
  }

  static start(calendar: WorkingCalendar, { trigger, workingDays, policy = {} }: StartDeadline): Deadline {
    requireInstant(trigger, 'trigger');
    if (!Number.isSafeInteger(workingDays) || workingDays < 1) {
      throw new CalendarArgumentError(`A deadline needs a limit of at least 1 working day, got ${workingDays}`);
    }
    const resolved = resolvePolicy(policy);
    return new Deadline(calendar, new Date(trigger.getTime()), workingDays, resolved, [], []);
  }

  /**
   * Rebuilds a deadline by replaying the snapshot's events on `calendar` (validated again).
   * The calendar must be the snapshot's jurisdiction or a subdivision of it (e.g. a snapshot
   * made with 'CN' before Guangzhou's override was registered restores onto 'CN-44-01').
   */
  static fromSnapshot(calendar: WorkingCalendar, snapshot: DeadlineSnapshot): Deadline {
    if (!calendar.lineage.includes(snapshot.jurisdiction)) {
      throw new CalendarArgumentError(
        `Snapshot was made with the ${snapshot.jurisdiction} calendar, not ${calendar.jurisdiction} or a parent of it`,
      );
    }
    // Replay in recorded order. Suspensions and extensions are each chronological; merge them
    // by instant. At the same instant an extension must have come after a resume and before a
    // suspend (it is refused while suspended).
    type Event = { at: Date; isResume: boolean; apply: (d: Deadline) => Deadline };
    const suspensionEvents: Event[] = snapshot.suspensions.flatMap((s) => {
      const from = parseInstant(s.from);
      const events: Event[] = [{ at: from, isResume: false, apply: (d) => d.suspend(from, s.reason) }];
      if (s.until !== undefined) {
        const until = parseInstant(s.until);
        events.push({ at: until, isResume: true, apply: (d) => d.resume(until) });
      }
      return events;
    });
    const extensionEvents: Event[] = snapshot.extensions.map((e) => {
      const at = parseInstant(e.requestedAt);
      return { at, isResume: false, apply: (d) => d.extend(at, e.workingDays, e.reason) };
    });
    const events: Event[] = [];
    while (suspensionEvents.length > 0 || extensionEvents.length > 0) {
      const s = suspensionEvents[0];
      const e = extensionEvents[0];
      const takeSuspensionEvent =
        e === undefined ||
        (s !== undefined &&
          (s.at.getTime() < e.at.getTime() || (s.at.getTime() === e.at.getTime() && s.isResume)));
      events.push((takeSuspensionEvent ? suspensionEvents : extensionEvents).shift() as Event);
    }
    let deadline = Deadline.start(calendar, {
      trigger: parseInstant(snapshot.trigger),
      workingDays: snapshot.limitWorkingDays,
      policy: snapshot.policy,
    });
    for (const event of events) deadline = event.apply(deadline);
    return deadline;
  }

  // ---------------------------------------------------------------- derived values

  /** Limit plus granted extensions, in working days: the time the agency may actually use. */
  get allowanceWorkingDays(): number {
    return this.limitWorkingDays + this.extensions.reduce((sum, e) => sum + e.workingDays, 0);
  }

  /** Working days added by closed suspensions. */
  get suspendedWorkingDays(): number {
    return this.suspensions.reduce((sum, s) => sum + s.workingDays, 0);
  }

  get isSuspended(): boolean {
    return this.openSuspension !== undefined;
  }

  /** The due instant the deadline would have if the clock resumed at `at`. */
  dueIfResumedAt(at: Date): Date {
    return this.isSuspended ? this.resume(at).dueAt : this.dueAt;
  }

  // ---------------------------------------------------------------- events

  /** Stops the clock at `at`. Refused while already suspended or once overdue. */
  suspend(at: Date, reason?: string): Deadline {
    this.requireChronological(at, 'suspend');
    if (this.isSuspended) throw new ClockStateError('The clock is already suspended');
    if (at.getTime() >= this.dueAt.getTime()) {
      throw new ClockStateError(`Cannot suspend an overdue clock (due ${this.dueAt.toISOString()}, at ${at.toISOString()})`);
    }
    const suspension: Suspension = { from: new Date(at.getTime()), workingDays: 0, ...(reason ? { reason } : {}) };
    return this.with({ suspensions: [...this.suspensions, suspension] });
  }

  /** Restarts the clock at `at`; the due date moves by the working days that began while stopped. */
  resume(at: Date): Deadline {
    this.requireChronological(at, 'resume');
    const open = this.openSuspension;
    if (!open) throw new ClockStateError('The clock is not suspended');
    const closed: Suspension = {
      ...open,
      until: new Date(at.getTime()),
      workingDays: this.suspendedWorkingDaysIn(open.from, at),
    };
    return this.with({ suspensions: [...this.suspensions.slice(0, -1), closed] });
  }

  /**
   * Grants an extension of `workingDays`, counted from the current due date (so the first one
   * runs from the original due date). Refused (ExtensionRefusedError) while suspended, at or
   * after the due instant, beyond the count cap, or longer than the length cap.
   */
  extend(at: Date, workingDays: number, reason?: string): Deadline {
    this.requireChronological(at, 'extend');
    if (!Number.isSafeInteger(workingDays) || workingDays < 1) {
      throw new CalendarArgumentError(`An extension is at least 1 working day, got ${workingDays}`);
    }
    if (this.isSuspended) {
      throw new ExtensionRefusedError('CLOCK_SUSPENDED', 'Cannot extend a suspended deadline; resume it first');
    }
    const due = this.dueAt;
    if (at.getTime() >= due.getTime()) {
      throw new ExtensionRefusedError(
        'DEADLINE_PASSED',
        `Extension requested at ${at.toISOString()}, at or after the due instant ${due.toISOString()}`,
      );
    }
    if (this.extensions.length >= this.policy.maxExtensions) {
      throw new ExtensionRefusedError(
        'MAX_COUNT_REACHED',
        `At most ${this.policy.maxExtensions} extension(s); ${this.extensions.length} already granted`,
      );
    }
    const maxLength = this.policy.maxExtensionWorkingDays ?? this.limitWorkingDays;
    if (workingDays > maxLength) {
      throw new ExtensionRefusedError(
        'TOO_LONG',
        `An extension is at most ${maxLength} working day(s); ${workingDays} requested`,
      );
    }
    const extension: Extension = { requestedAt: new Date(at.getTime()), workingDays, ...(reason ? { reason } : {}) };
    return this.with({ extensions: [...this.extensions, extension] });
  }

  // ---------------------------------------------------------------- status

  /** True at any instant >= dueAt while the clock runs. */
  isOverdue(at: Date): boolean {
    return this.status(at) === DeadlineStatus.RED;
  }

  /**
   * Working days not yet over at `at` within the allowance, counting the current day if it is
   * a working day on the clock: the N-th working day of an N-day limit has 1 remaining, the day
   * of the trigger has N. 0 once overdue. Frozen at the suspension instant while suspended.
   */
  remainingWorkingDays(at: Date): number {
    requireInstant(at, 'at');
    const open = this.openSuspension;
    const asOf = open && at.getTime() >= open.from.getTime() ? open.from : at;
    const due = this.dueAt;
    if (asOf.getTime() >= due.getTime()) return 0;
    const dayStart = this.calendar.startOfDay(this.calendar.localDateOf(asOf));
    const clockStart = this.clockStart;
    const from = dayStart.getTime() > clockStart.getTime() ? dayStart : clockStart;
    return this.calendar.workingDaysBetween(from, due);
  }

  /**
   * Traffic light at `at` (normally now): GREY while suspended, RED at or after the due
   * instant, YELLOW when remaining working days <= yellowWorkingDays or <= yellowShare of
   * the allowance, GREEN otherwise.
   */
  status(at: Date): DeadlineStatus {
    requireInstant(at, 'at');
    const open = this.openSuspension;
    if (open && at.getTime() >= open.from.getTime()) return DeadlineStatus.GREY;
    if (at.getTime() >= this.dueAt.getTime()) return DeadlineStatus.RED;
    const remaining = this.remainingWorkingDays(at);
    const { yellowShare, yellowWorkingDays } = this.policy;
    const shareLimit = yellowShare * this.allowanceWorkingDays + 1e-9; // tolerate 1/3 * 9 rounding
    return remaining <= yellowWorkingDays || remaining <= shareLimit ? DeadlineStatus.YELLOW : DeadlineStatus.GREEN;
  }

  toSnapshot(): DeadlineSnapshot {
    return {
      jurisdiction: this.calendar.jurisdiction,
      trigger: this.trigger.toISOString(),
      limitWorkingDays: this.limitWorkingDays,
      policy: { ...this.policy },
      suspensions: this.suspensions.map((s) => ({
        from: s.from.toISOString(),
        ...(s.until ? { until: s.until.toISOString() } : {}),
        workingDays: s.workingDays,
        ...(s.reason ? { reason: s.reason } : {}),
      })),
      extensions: this.extensions.map((e) => ({
        requestedAt: e.requestedAt.toISOString(),
        workingDays: e.workingDays,
        ...(e.reason ? { reason: e.reason } : {}),
      })),
      dueAt: this.dueAt.toISOString(),
    };
  }

  // ---------------------------------------------------------------- internals

  private get openSuspension(): Suspension | undefined {
    const last = this.suspensions[this.suspensions.length - 1];
    return last && last.until === undefined ? last : undefined;
  }

  private get lastEventAt(): Date {
    const instants = [
      this.trigger,
      ...this.suspensions.flatMap((s) => (s.until ? [s.from, s.until] : [s.from])),
      ...this.extensions.map((e) => e.requestedAt),
    ];
    return instants.reduce((last, d) => (d.getTime() > last.getTime() ? d : last));
  }

  /**
   * Working days on which the clock stood still: from the suspension day (included) to the
   * resumption day (excluded), counting only days on the clock (from clockStart on). This keeps
   * remainingWorkingDays the same just before the suspension and just after the resumption.
   */
  private suspendedWorkingDaysIn(from: Date, until: Date): number {
    const suspensionDay = this.calendar.localDateOf(from);
    const firstClockDay = this.calendar.localDateOf(this.clockStart);
    const first = suspensionDay.isAfter(firstClockDay) ? suspensionDay : firstClockDay;
    const resumptionDay = this.calendar.localDateOf(until);
    return resumptionDay.isAfter(first) ? this.calendar.workingDaysInRange(first, resumptionDay) : 0;
  }

  private requireChronological(at: Date, action: string): void {
    requireInstant(at, 'at');
    const last = this.lastEventAt;
    if (at.getTime() < last.getTime()) {
      throw new ClockStateError(
        `Cannot ${action} at ${at.toISOString()}: before the last recorded event (${last.toISOString()})`,
      );
    }
  }

  private with(changes: { suspensions?: readonly Suspension[]; extensions?: readonly Extension[] }): Deadline {
    return new Deadline(
      this.calendar,
      this.trigger,
      this.limitWorkingDays,
      this.policy,
      changes.suspensions ?? this.suspensions,
      changes.extensions ?? this.extensions,
    );
  }
}

function resolvePolicy(policy: Partial<DeadlinePolicy>): DeadlinePolicy {
  const resolved: DeadlinePolicy = { ...DEFAULT_DEADLINE_POLICY, ...stripUndefined(policy) };
  const problems: string[] = [];
  if (!Number.isSafeInteger(resolved.maxExtensions) || resolved.maxExtensions < 0) {
    problems.push(`maxExtensions must be an integer >= 0, got ${resolved.maxExtensions}`);
  }
  const maxLen = resolved.maxExtensionWorkingDays;
  if (maxLen !== undefined && (!Number.isSafeInteger(maxLen) || maxLen < 1)) {
    problems.push(`maxExtensionWorkingDays must be an integer >= 1, got ${maxLen}`);
  }
  if (!(resolved.yellowShare >= 0 && resolved.yellowShare <= 1)) {
    problems.push(`yellowShare must be between 0 and 1, got ${resolved.yellowShare}`);
  }
  if (!Number.isSafeInteger(resolved.yellowWorkingDays) || resolved.yellowWorkingDays < 0) {
    problems.push(`yellowWorkingDays must be an integer >= 0, got ${resolved.yellowWorkingDays}`);
  }
  if (problems.length > 0) throw new CalendarArgumentError(`Invalid deadline policy: ${problems.join('; ')}`);
  return resolved;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function parseInstant(iso: string): Date {
  const date = new Date(iso);
  return requireInstant(date, `instant ${JSON.stringify(iso)}`);
}

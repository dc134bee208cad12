/**
 * Outage notice (故障公告), spec §4, 002 L1694. When a unit's site or app fails (无法使用、信息出错)
 * and the interruption causes a wave of requests (集中诉求), the unit publishes the cause, time,
 * affected services and recovery time on its homepage / official accounts, and supplies the
 * centre an answer script (应答口径) within 1 ND. If the outage lasts 2 ND or more (以上 read as
 * inclusive), it keeps the centre updated and updates the script or staffs the call floor.
 *
 * Rules here:
 *  - The 1-ND script clock counts from the outage start (故障时间), not from the declaration, so a
 *    late declaration does not buy time; §0 day counting: due at the end of the ND after the start
 *    (exclusive 00:00 of the following day).
 *  - The update duty begins at startedAt + 2 ND (48 h) while not recovered. (design) While it
 *    lasts, an update (progress to the centre, plus an updated script or floor support) is due
 *    every ND: 24 h after the later of the duty start and the last update.
 *  - (design) Timers: the script deadline passed without a script → `script_overdue`, once. From the
 *    duty start, one reminder slot per ND (startedAt + 2 ND + k ND) while not recovered: the slot
 *    sends `update_due` once, unless an update was posted in the ND before it.
 */
import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { ComplaintActor } from '../shared/actors';
import { ComplaintsRuleError, InvalidArgumentError } from '../shared/errors';
import { event, type DomainEvent, type Outcome } from '../shared/outcome';
import { create, transition, type StateMachine } from '../shared/state-machine';

export const OUTAGE_RULES = { scriptWithinNd: 1, updateDutyFromNd: 2, updateEveryNd: 1, source: '002 L1694' } as const;

export const OUTAGE_STATES = ['DECLARED', 'SCRIPTED', 'RECOVERED'] as const;
export type OutageStatus = (typeof OUTAGE_STATES)[number];

export const OUTAGE_TRIGGERS = ['declare', 'publish_script', 'post_update', 'recover'] as const;
export type OutageTrigger = (typeof OUTAGE_TRIGGERS)[number];

export const OUTAGE_MACHINE: StateMachine<OutageStatus, OutageTrigger> = {
  name: 'outage-notice',
  codePrefix: 'complaints',
  states: OUTAGE_STATES,
  triggers: OUTAGE_TRIGGERS,
  creations: [{ trigger: 'declare', to: 'DECLARED', actors: ['handling_unit'], guard: 'cause, time, affected services, recovery time published on the homepage (002 L1694)' }],
  transitions: [
    { from: ['DECLARED'], trigger: 'publish_script', to: 'SCRIPTED', actors: ['handling_unit'], guard: 'answer script within 1 ND of the outage (002 L1694)' },
    { from: ['DECLARED', 'SCRIPTED'], trigger: 'post_update', to: { returnTo: ['DECLARED', 'SCRIPTED'] }, actors: ['handling_unit'], guard: 'outage ≥2 ND: progress to the centre, updated script or floor support (002 L1694)' },
    { from: ['DECLARED', 'SCRIPTED'], trigger: 'recover', to: 'RECOVERED', actors: ['handling_unit'], guard: 'service restored; recovery time recorded' },
  ],
  terminal: ['RECOVERED'],
};

export type OutageRefusal = 'not_own_notice' | 'details_missing' | 'script_required' | 'measure_required' | 'before_start';

/** An outage-notice command was refused: 'complaints.outage.<reason>'. */
export class OutageRefusedError extends ComplaintsRuleError {
  constructor(reason: OutageRefusal, message: string, details: Record<string, unknown> = {}) {
    super('outage', reason, message, details);
  }
}

export interface OutageUpdate {
  readonly at: Date;
  readonly progress: string;
  readonly scriptUpdated: boolean;
  readonly floorSupport: boolean;
}

export interface OutageNoticeState {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly unitId: string;
  /** 故障原因 */
  readonly cause: string;
  /** 故障时间 */
  readonly startedAt: Date;
  /** 受影响的业务范围 */
  readonly services: readonly string[];
  /** 恢复时间 (expected) */
  readonly expectedRecoveryAt?: Date;
  /** Where the notice is published (homepage, official accounts). */
  readonly publishedOn: readonly string[];
  readonly declaredAt: Date;
  readonly status: OutageStatus;
  readonly script?: { readonly at: Date; readonly text: string };
  readonly updates: readonly OutageUpdate[];
  readonly recoveredAt?: Date;
  /** Set once when the script deadline passed without a script (timer). */
  readonly scriptOverdueAt?: Date;
  /** The last daily update-reminder slot handled (timer): each slot reminds at most once. */
  readonly lastUpdateReminderSlot?: Date;
  readonly version: number;
}

/** What the unit owes at an instant (002 L1694). */
export interface OutageDuties {
  /** The script is due before this instant (1 ND). */
  readonly scriptDueAt: Date;
  readonly scriptPublished: boolean;
  readonly scriptOverdue: boolean;
  /** startedAt + 2 ND: from then, an ongoing outage carries the update duty. */
  readonly updateDutyFrom: Date;
  readonly updateDutyActive: boolean;
  /** The next update due (design: every ND), when the duty is active. */
  readonly nextUpdateDueAt?: Date;
  readonly updateOverdue: boolean;
}

/** The script deadline: end of the ND after the outage start (002 L1694, §0). */
export function outageScriptDueAt(calendar: WorkingCalendar, startedAt: Date): Date {
  return calendar.deadlineNaturalDays(startedAt, OUTAGE_RULES.scriptWithinNd);
}

/** The duties of an outage notice at `at` (002 L1694). */
export function outageDutiesAt(calendar: WorkingCalendar, notice: OutageNoticeState, at: Date): OutageDuties {
  const scriptDueAt = outageScriptDueAt(calendar, notice.startedAt);
  const scriptPublished = notice.script !== undefined;
  const updateDutyFrom = calendar.addNaturalDays(notice.startedAt, OUTAGE_RULES.updateDutyFromNd);
  const ongoingAt = (t: Date) => notice.recoveredAt === undefined || t.getTime() < notice.recoveredAt.getTime();
  const updateDutyActive = ongoingAt(at) && at.getTime() >= updateDutyFrom.getTime();
  let nextUpdateDueAt: Date | undefined;
  if (updateDutyActive) {
    const last = [...notice.updates].map((u) => u.at.getTime()).filter((t) => t >= updateDutyFrom.getTime()).sort((a, b) => b - a)[0];
    nextUpdateDueAt = calendar.addNaturalDays(last === undefined ? updateDutyFrom : new Date(last), OUTAGE_RULES.updateEveryNd);
  }
  return {
    scriptDueAt,
    scriptPublished,
    scriptOverdue: !scriptPublished && at.getTime() >= scriptDueAt.getTime(),
    updateDutyFrom,
    updateDutyActive,
    ...(nextUpdateDueAt ? { nextUpdateDueAt } : {}),
    updateOverdue: nextUpdateDueAt !== undefined && at.getTime() >= nextUpdateDueAt.getTime(),
  };
}

/** Data of `complaints.outage.*` (§8: unitId, services, startedAt, expectedRecoveryAt). */
export interface OutageEventData {
  readonly noticeId: string;
  readonly jurisdictionId: string;
  readonly unitId: string;
  readonly services: string[];
  readonly startedAt: string;
  readonly expectedRecoveryAt: string | null;
  readonly scriptDueAt: string;
  readonly occurredAt: string;
  readonly onTime?: boolean;
  /** update_due: the update is due before this instant. */
  readonly dueAt?: string;
}

export const OUTAGE_EVENT_TYPES = [
  'complaints.outage.declared',
  'complaints.outage.script_published',
  'complaints.outage.script_overdue',
  'complaints.outage.updated',
  'complaints.outage.update_due',
  'complaints.outage.recovered',
] as const;
export type OutageEventType = (typeof OUTAGE_EVENT_TYPES)[number];

/**
 * The update-reminder slot at or before `at` (startedAt + 2 ND + k ND), or undefined before the
 * duty starts (design, 002 L1694).
 */
export function outageReminderSlotAt(calendar: WorkingCalendar, notice: Pick<OutageNoticeState, 'startedAt'>, at: Date): Date | undefined {
  const from = calendar.addNaturalDays(notice.startedAt, OUTAGE_RULES.updateDutyFromNd);
  if (at.getTime() < from.getTime()) return undefined;
  let slot = from;
  for (let k = 1; ; k++) {
    const next = calendar.addNaturalDays(from, k * OUTAGE_RULES.updateEveryNd);
    if (next.getTime() > at.getTime()) return slot;
    slot = next;
  }
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';
const copy = (d: Date) => new Date(d.getTime());

/** The outage notice aggregate (故障公告), 002 L1694. */
export class OutageNotice {
  private constructor(
    readonly state: OutageNoticeState,
    private readonly calendar: WorkingCalendar,
  ) {}

  static restore(state: OutageNoticeState, calendar: WorkingCalendar): OutageNotice {
    return new OutageNotice(state, calendar);
  }

  /** The unit declares the outage with cause, time, services and recovery time (002 L1694). */
  static declare(cmd: {
    id: string;
    jurisdictionId: string;
    unitId: string;
    cause: string;
    startedAt: Date;
    services: readonly string[];
    expectedRecoveryAt?: Date;
    publishedOn: readonly string[];
    at: Date;
    calendar: WorkingCalendar;
  }): Outcome<OutageNotice> {
    const status = create(OUTAGE_MACHINE, 'declare', 'handling_unit');
    if (blank(cmd.id) || blank(cmd.unitId)) throw new InvalidArgumentError('An outage notice needs an id and the unit');
    const missing = [
      ...(blank(cmd.cause) ? ['cause'] : []),
      ...(cmd.services.length === 0 ? ['services'] : []),
      ...(cmd.publishedOn.length === 0 ? ['publishedOn'] : []),
    ];
    if (missing.length > 0) throw new OutageRefusedError('details_missing', `An outage notice states its ${missing.join(', ')} (002 L1694)`, { missing });
    const notice = new OutageNotice(
      {
        id: cmd.id,
        jurisdictionId: cmd.jurisdictionId,
        unitId: cmd.unitId,
        cause: cmd.cause,
        startedAt: copy(cmd.startedAt),
        services: [...cmd.services],
        ...(cmd.expectedRecoveryAt ? { expectedRecoveryAt: copy(cmd.expectedRecoveryAt) } : {}),
        publishedOn: [...cmd.publishedOn],
        declaredAt: copy(cmd.at),
        status,
        updates: [],
        version: 1,
      },
      cmd.calendar,
    );
    return { aggregate: notice, events: [notice.event('complaints.outage.declared', cmd.at)] };
  }

  /** The answer script (应答口径) for the centre; on time before the 1-ND deadline (002 L1694). */
  publishScript(cmd: { at: Date; unitId: string; text: string }): Outcome<OutageNotice> {
    this.requireOwn(cmd.unitId);
    const next = this.step('publish_script', 'handling_unit');
    if (blank(cmd.text)) throw new OutageRefusedError('script_required', 'The answer script has text (002 L1694)');
    const updated = next.with({ script: { at: copy(cmd.at), text: cmd.text } });
    const onTime = cmd.at.getTime() < this.duties(cmd.at).scriptDueAt.getTime();
    return { aggregate: updated, events: [updated.event('complaints.outage.script_published', cmd.at, onTime)] };
  }

  /** Progress to the centre; once the outage lasts ≥2 ND it also updates the script or staffs the floor (002 L1694). */
  postUpdate(cmd: { at: Date; unitId: string; progress: string; scriptUpdated?: boolean; floorSupport?: boolean; script?: string }): Outcome<OutageNotice> {
    this.requireOwn(cmd.unitId);
    const next = this.step('post_update', 'handling_unit', this.state.status);
    const newScript = blank(cmd.script) ? undefined : cmd.script;
    const scriptUpdated = (cmd.scriptUpdated ?? false) || newScript !== undefined;
    const floorSupport = cmd.floorSupport ?? false;
    if (blank(cmd.progress)) throw new OutageRefusedError('details_missing', 'An update reports progress (002 L1694)');
    const duties = this.duties(cmd.at);
    if (duties.updateDutyActive && !scriptUpdated && !floorSupport) {
      throw new OutageRefusedError('measure_required', 'An outage of 2 ND or more updates the script or staffs the call floor (002 L1694)');
    }
    const onTime = duties.nextUpdateDueAt === undefined || cmd.at.getTime() < duties.nextUpdateDueAt.getTime();
    const updated = next.with({
      updates: [...this.state.updates, { at: copy(cmd.at), progress: cmd.progress, scriptUpdated, floorSupport }],
      ...(newScript !== undefined ? { script: { at: copy(cmd.at), text: newScript } } : {}),
    });
    return { aggregate: updated, events: [updated.event('complaints.outage.updated', cmd.at, onTime)] };
  }

  /** Service restored: the duties end. */
  recover(cmd: { at: Date; unitId: string }): Outcome<OutageNotice> {
    this.requireOwn(cmd.unitId);
    const next = this.step('recover', 'handling_unit');
    if (cmd.at.getTime() < this.state.startedAt.getTime()) throw new OutageRefusedError('before_start', 'Recovery cannot precede the outage');
    const updated = next.with({ recoveredAt: copy(cmd.at) });
    return { aggregate: updated, events: [updated.event('complaints.outage.recovered', cmd.at)] };
  }

  /** Timer: the 1-ND script deadline passed without a script; marked once (later calls change nothing). */
  markScriptOverdue(cmd: { at: Date }): Outcome<OutageNotice> {
    const s = this.state;
    if (s.script || s.scriptOverdueAt || s.status === 'RECOVERED' || !this.duties(cmd.at).scriptOverdue) return { aggregate: this, events: [] };
    const updated = this.with({ scriptOverdueAt: copy(cmd.at), version: s.version + 1 });
    return { aggregate: updated, events: [updated.event('complaints.outage.script_overdue', cmd.at)] };
  }

  /**
   * Timer: the daily update reminder of the slot at `at`, once per slot; none before the duty
   * starts, after recovery, or when an update came in the ND before the slot.
   */
  remindUpdate(cmd: { at: Date }): Outcome<OutageNotice> {
    const s = this.state;
    const slot = outageReminderSlotAt(this.calendar, s, cmd.at);
    if (!slot || s.status === 'RECOVERED' || (s.lastUpdateReminderSlot && s.lastUpdateReminderSlot.getTime() >= slot.getTime())) return { aggregate: this, events: [] };
    const recent = s.updates.some((u) => u.at.getTime() >= this.calendar.addNaturalDays(slot, -OUTAGE_RULES.updateEveryNd).getTime());
    const updated = this.with({ lastUpdateReminderSlot: copy(slot), version: s.version + 1 });
    if (recent) return { aggregate: updated, events: [] };
    const dueAt = this.calendar.addNaturalDays(slot, OUTAGE_RULES.updateEveryNd);
    return { aggregate: updated, events: [updated.event('complaints.outage.update_due', cmd.at, undefined, dueAt)] };
  }

  /** When the timers fire next: the script deadline while no script; the next reminder slot while ongoing. */
  timersAt(): { scriptOverdue?: Date; updateReminder?: Date } {
    const s = this.state;
    if (s.status === 'RECOVERED') return {};
    const first = this.calendar.addNaturalDays(s.startedAt, OUTAGE_RULES.updateDutyFromNd);
    const updateReminder = s.lastUpdateReminderSlot ? this.calendar.addNaturalDays(s.lastUpdateReminderSlot, OUTAGE_RULES.updateEveryNd) : first;
    return { ...(s.script || s.scriptOverdueAt ? {} : { scriptOverdue: outageScriptDueAt(this.calendar, s.startedAt) }), updateReminder };
  }

  duties(at: Date): OutageDuties {
    return outageDutiesAt(this.calendar, this.state, at);
  }

  private requireOwn(unitId: string): void {
    if (unitId !== this.state.unitId) throw new OutageRefusedError('not_own_notice', `Notice ${this.state.id} belongs to ${this.state.unitId}`, { unitId });
  }

  private step(trigger: OutageTrigger, actor: ComplaintActor, prior?: OutageStatus): OutageNotice {
    const status = transition(OUTAGE_MACHINE, this.state.status, trigger, actor, prior);
    return new OutageNotice({ ...this.state, status, version: this.state.version + 1 }, this.calendar);
  }

  private with(changes: Partial<OutageNoticeState>): OutageNotice {
    return new OutageNotice({ ...this.state, ...changes }, this.calendar);
  }

  private event(type: OutageEventType, at: Date, onTime?: boolean, dueAt?: Date): DomainEvent<OutageEventType, OutageEventData> {
    const s = this.state;
    return event(type, s.id, s.id, at, {
      noticeId: s.id,
      jurisdictionId: s.jurisdictionId,
      unitId: s.unitId,
      services: [...s.services],
      startedAt: s.startedAt.toISOString(),
      expectedRecoveryAt: s.expectedRecoveryAt ? s.expectedRecoveryAt.toISOString() : null,
      scriptDueAt: outageScriptDueAt(this.calendar, s.startedAt).toISOString(),
      occurredAt: at.toISOString(),
      ...(onTime !== undefined ? { onTime } : {}),
      ...(dueAt ? { dueAt: dueAt.toISOString() } : {}),
    });
  }
}

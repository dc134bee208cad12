import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InvalidArgumentError, OutageNotice, type OutageNoticeState, type Outcome } from '@one-window/complaints/domain';
import { COMPLAINTS_REFERENCE_DATA, OutageNoticeRepository, type ComplaintsReferenceData } from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { assertIfMatch } from '@one-window/shared/http';
import type { Stored } from '@one-window/shared/persistence';
import { Timers, type Timer } from '@one-window/shared/scheduling';
import { DataSource } from 'typeorm';
import { ComplaintsEvents } from '../shared/complaints-events';
import { NotFoundError } from '../shared/errors';
import { officerUnit, seesAllKnowledge } from './knowledge-desk';
import type { DeclareOutageDto, ListOutagesQueryDto, OutageScriptDto, OutageUpdateDto, RecoverOutageDto } from './outage.dto';

/** The durable timers of outage notices; the key is the notice id. */
export const OUTAGE_TIMERS = {
  /** 1 ND after the start without a script → `complaints.outage.script_overdue`, once (002 L1694). */
  scriptOverdue: 'complaints.outage.script_overdue',
  /** From start + 2 ND, once per ND while not recovered → `complaints.outage.update_due` (design, 002 L1694). */
  updateReminder: 'complaints.outage.update_reminder',
} as const;

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

/** An outage notice as the API shows it, with what the unit owes now. */
export function outageView(s: OutageNoticeState, version: number, calendar: WorkingCalendar, now: Date, withScript = true) {
  const duties = OutageNotice.restore(s, calendar).duties(now);
  return {
    id: s.id,
    jurisdictionId: s.jurisdictionId,
    unitId: s.unitId,
    status: s.status,
    cause: s.cause,
    startedAt: s.startedAt.toISOString(),
    services: s.services,
    expectedRecoveryAt: iso(s.expectedRecoveryAt),
    publishedOn: s.publishedOn,
    declaredAt: s.declaredAt.toISOString(),
    script: s.script ? { at: s.script.at.toISOString(), ...(withScript ? { text: s.script.text } : {}) } : null,
    updates: s.updates.map((u) => ({ at: u.at.toISOString(), progress: u.progress, scriptUpdated: u.scriptUpdated, floorSupport: u.floorSupport })),
    recoveredAt: iso(s.recoveredAt),
    scriptOverdueAt: iso(s.scriptOverdueAt),
    duties: {
      scriptDueAt: duties.scriptDueAt.toISOString(),
      scriptOverdue: duties.scriptOverdue,
      updateDutyFrom: duties.updateDutyFrom.toISOString(),
      updateDutyActive: duties.updateDutyActive,
      nextUpdateDueAt: iso(duties.nextUpdateDueAt),
      updateOverdue: duties.updateOverdue,
    },
    version,
  };
}

export type OutageView = ReturnType<typeof outageView>;

function notFuture(value: string | undefined, now: Date, field: string): Date {
  if (!value) return now;
  const at = new Date(value);
  if (at.getTime() > now.getTime()) throw new InvalidArgumentError(`${field} is not in the future`, { [field]: value });
  return at;
}

/**
 * Outage notices (故障公告, spec §4, 002 L1694): the unit (`officer`) declares, supplies the answer
 * script, posts updates and recovers its own notices; the centre's agents and oversight read the
 * active ones. Each command saves the state, its events and the re-planned timers in one
 * transaction (the script-overdue mark; the daily update reminder from start + 2 ND).
 */
@Injectable()
export class OutageNoticesHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly notices: OutageNoticeRepository,
    private readonly calendar: WorkingCalendar,
    private readonly events: ComplaintsEvents,
    private readonly timers: Timers,
    @Inject(COMPLAINTS_REFERENCE_DATA) private readonly reference: ComplaintsReferenceData,
  ) {}

  declare(body: DeclareOutageDto, who: Principal): Promise<OutageView> {
    const unitId = officerUnit(who);
    const now = new Date();
    const startedAt = notFuture(body.startedAt, now, 'startedAt');
    const expectedRecoveryAt = body.expectedRecoveryAt ? new Date(body.expectedRecoveryAt) : undefined;
    if (expectedRecoveryAt && expectedRecoveryAt.getTime() < startedAt.getTime()) throw new InvalidArgumentError('expectedRecoveryAt is not before startedAt', { expectedRecoveryAt: body.expectedRecoveryAt });
    const outcome = OutageNotice.declare({
      id: randomUUID(),
      jurisdictionId: body.jurisdictionId ?? this.reference.defaultJurisdictionId,
      unitId,
      cause: body.cause,
      startedAt,
      services: body.services,
      ...(expectedRecoveryAt ? { expectedRecoveryAt } : {}),
      publishedOn: body.publishedOn ?? ['homepage'],
      at: now,
      calendar: this.calendar,
    });
    return this.ds.transaction(async (tx) => {
      const version = await this.save(tx, undefined, outcome, now);
      return outageView(outcome.aggregate.state, version, this.calendar, now);
    });
  }

  publishScript(id: string, body: OutageScriptDto, who: Principal, ifMatch?: string): Promise<OutageView> {
    return this.command(id, who, ifMatch, (n, at, unitId) => n.publishScript({ at, unitId, text: body.text }));
  }

  postUpdate(id: string, body: OutageUpdateDto, who: Principal, ifMatch?: string): Promise<OutageView> {
    return this.command(id, who, ifMatch, (n, at, unitId) =>
      n.postUpdate({ at, unitId, progress: body.progress, ...(body.scriptUpdated !== undefined ? { scriptUpdated: body.scriptUpdated } : {}), ...(body.floorSupport !== undefined ? { floorSupport: body.floorSupport } : {}), ...(body.script ? { script: body.script } : {}) }),
    );
  }

  recover(id: string, body: RecoverOutageDto, who: Principal, ifMatch?: string): Promise<OutageView> {
    return this.command(id, who, ifMatch, (n, at, unitId) => n.recover({ at: notFuture(body.recoveredAt, at, 'recoveredAt'), unitId }));
  }

  /** One notice: the centre and oversight any, an officer its own unit's (others: 404). */
  async read(id: string, who: Principal): Promise<OutageView> {
    const stored = await this.notices.get(this.ds.manager, id);
    if (!stored || !(seesAllKnowledge(who) || stored.doc.unitId === who.agencyId)) throw new NotFoundError('Outage notice', id);
    return outageView(stored.doc, stored.version, this.calendar, new Date());
  }

  /** Active notices (or all of a unit): agents and oversight every unit's, an officer its own. */
  async list(query: ListOutagesQueryDto, who: Principal): Promise<{ items: OutageView[] }> {
    const all = seesAllKnowledge(who);
    const unitId = all ? query.unitId : who.agencyId;
    if (!all && !unitId) return { items: [] };
    const tx = this.ds.manager;
    const rows = query.status === 'all' ? await this.notices.list(tx, { ...(unitId ? { unit_id: unitId } : {}) }, { limit: 200 }) : await this.notices.active(tx, unitId);
    const now = new Date();
    return { items: rows.map((r) => outageView(r.doc, r.version, this.calendar, now, query.withScript ?? true)) };
  }

  /** Timer: the script deadline passed (marked once). */
  scriptOverdue(timer: Timer, tx: EntityManager): Promise<void> {
    return this.onTimer(timer, tx, (n, now) => n.markScriptOverdue({ at: now }));
  }

  /** Timer: the daily update reminder (once per slot). */
  updateReminder(timer: Timer, tx: EntityManager): Promise<void> {
    return this.onTimer(timer, tx, (n, now) => n.remindUpdate({ at: now }));
  }

  private async onTimer(timer: Timer, tx: EntityManager, act: (n: OutageNotice, now: Date) => Outcome<OutageNotice>): Promise<void> {
    const stored = await this.notices.get(tx, timer.key, { lock: true });
    if (!stored) return;
    const now = new Date();
    await this.save(tx, stored, act(OutageNotice.restore(stored.doc, this.calendar), now), now);
  }

  private command(id: string, who: Principal, ifMatch: string | undefined, run: (n: OutageNotice, at: Date, unitId: string) => Outcome<OutageNotice>): Promise<OutageView> {
    const unitId = officerUnit(who);
    return this.ds.transaction(async (tx) => {
      const stored = await this.notices.get(tx, id, { lock: true });
      if (!stored || stored.doc.unitId !== unitId) throw new NotFoundError('Outage notice', id);
      assertIfMatch({ headers: { 'if-match': ifMatch } }, stored.version, { required: false });
      const at = new Date();
      const outcome = run(OutageNotice.restore(stored.doc, this.calendar), at, unitId);
      const version = await this.save(tx, stored, outcome, at);
      return outageView(outcome.aggregate.state, version, this.calendar, at);
    });
  }

  /** State, events and timers in `tx`; the timers follow the new state (none once recovered). */
  private async save(tx: EntityManager, stored: Stored<OutageNoticeState> | undefined, outcome: Outcome<OutageNotice>, now: Date): Promise<number> {
    const s = outcome.aggregate.state;
    const version = !stored ? await this.notices.insert(tx, s) : s === stored.doc ? stored.version : await this.notices.update(tx, s, stored.version);
    await this.events.publish(tx, outcome.events);
    const due = outcome.aggregate.timersAt();
    const plan: [string, Date | undefined][] = [
      [OUTAGE_TIMERS.scriptOverdue, due.scriptOverdue],
      [OUTAGE_TIMERS.updateReminder, due.updateReminder],
    ];
    for (const [kind, at] of plan) {
      if (at) await this.timers.schedule(tx, { kind, key: s.id, dueAt: at.getTime() < now.getTime() ? now : at });
      else await this.timers.cancel(tx, kind, s.id);
    }
    return version;
  }
}

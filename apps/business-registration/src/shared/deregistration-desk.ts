import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  CompanyDeregistered,
  DeregistrationNoticePublished,
  DeregistrationObjected,
  DeregistrationRequested,
  type DeregistrationObjectedData,
} from '@one-window/business-registration/contracts';
import { Deregistration, MarketEntity, type DomainEvent, type Outcome } from '@one-window/business-registration/domain';
import { CompanyRepository, DeregistrationRepository, type DeregistrationRecord } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { assertIfMatch } from '@one-window/shared/http';
import { Outbox, type EventDefinition } from '@one-window/shared/messaging';
import { Timers } from '@one-window/shared/scheduling';
import { NotFoundError } from './errors';
import { LicenceIssuer } from './licence-issuer';
import { BranchDesk } from './branch-desk';

/** The durable timer at the end of a simplified deregistration's public notice (→ NOTICE_ENDED). Key: the deregistration id. */
export const DEREGISTRATION_NOTICE_TIMER = 'registration.deregistration.notice_end';
/** The durable timer at the end of the apply window after the notice (→ LAPSED when not submitted). Key: the deregistration id. */
export const DEREGISTRATION_APPLY_WINDOW_TIMER = 'registration.deregistration.apply_window_end';

/** A deregistration loaded for a change: the record and the version it was read at. */
export interface LoadedDeregistration {
  readonly record: DeregistrationRecord;
  readonly version: number;
  readonly deregistration: Deregistration;
}

const CONTRACTS: Record<string, EventDefinition<unknown>> = {
  'registration.deregistration.requested': DeregistrationRequested,
  'registration.deregistration.notice_published': DeregistrationNoticePublished,
  'registration.deregistration.objected': DeregistrationObjected,
  'registration.company.deregistered': CompanyDeregistered,
};

const OBJECTOR: Record<string, DeregistrationObjectedData['objector']> = { creditor: 'CREDITOR', department: 'DEPARTMENT', public: 'PUBLIC' };
const TERMINAL = new Set(['DEREGISTERED', 'REFUSED', 'LAPSED']);

/**
 * The deregistration desk (§8, §10.4): loads cases for whoever may act on them (404 for anyone
 * else, never a hint), saves them with optimistic versions, publishes their events with the case id
 * and instants added to the domain's data, keeps the company in step (flag `underDeregistration`
 * while a case is open; DEREGISTERED and the licence revoked on approval) and keeps the two timers
 * of the simplified route (notice end, apply window) in step with the state.
 */
@Injectable()
export class DeregistrationDesk {
  constructor(
    private readonly deregistrations: DeregistrationRepository,
    private readonly companies: CompanyRepository,
    private readonly licences: LicenceIssuer,
    private readonly outbox: Outbox,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
    private readonly branches: BranchDesk,
  ) {}

  /** For the company's own applicant. */
  forOwner(tx: EntityManager, uscc: string, id: string, who: Principal, ifMatch?: string): Promise<LoadedDeregistration> {
    return this.load(tx, uscc, id, ifMatch, (d) => who.roles.includes('applicant') && d.ownerId === who.subject);
  }

  /** For an officer of the company's registration authority. */
  forOfficer(tx: EntityManager, uscc: string, id: string, who: Principal, ifMatch?: string): Promise<LoadedDeregistration> {
    return this.load(tx, uscc, id, ifMatch, (d) => isOfficerOf(who, d));
  }

  /** For anyone, on a case that was publicly noticed (objections); other cases are not found. */
  forPublicNotice(tx: EntityManager, uscc: string, id: string): Promise<LoadedDeregistration> {
    return this.load(tx, uscc, id, undefined, (d) => d.state.noticeEndsAt !== undefined);
  }

  /** Without a caller (timers, events): locked; undefined when there is no such case. */
  async forSystem(tx: EntityManager, id: string): Promise<LoadedDeregistration | undefined> {
    const stored = await this.deregistrations.get(tx, id, { lock: true });
    return stored && { record: stored.doc, version: stored.version, deregistration: Deregistration.restore(stored.doc.state) };
  }

  /** The company's open case, locked; undefined when it has none. */
  async openFor(tx: EntityManager, uscc: string): Promise<LoadedDeregistration | undefined> {
    const stored = await this.deregistrations.openFor(tx, uscc, { lock: true });
    return stored && { record: stored.doc, version: stored.version, deregistration: Deregistration.restore(stored.doc.state) };
  }

  /** A new case: inserted with its events; the company flagged `underDeregistration`; the notice timer when there is a notice. */
  async create(tx: EntityManager, record: Omit<DeregistrationRecord, 'state' | 'requestedEventIds'>, outcome: Outcome<Deregistration>): Promise<{ record: DeregistrationRecord; version: number }> {
    const { stamped, ids } = this.stamp(outcome.events);
    const created: DeregistrationRecord = { ...record, state: outcome.aggregate.state, requestedEventIds: ids };
    const version = await this.deregistrations.insert(tx, created);
    await this.setUnderDeregistration(tx, record.uscc, true);
    await this.append(tx, created, stamped);
    await this.syncTimers(tx, created);
    return { record: created, version };
  }

  /**
   * Writes the new state (and the record's other changes) if nobody changed the case since it was
   * read, then its events; on approval the company is deregistered and its licence revoked, on a
   * refusal or lapse the company's flag is cleared. Returns the saved record and version.
   */
  async save(
    tx: EntityManager,
    loaded: LoadedDeregistration,
    outcome: Outcome<Deregistration>,
    changes: Partial<Omit<DeregistrationRecord, 'state' | 'requestedEventIds'>> = {},
  ): Promise<{ record: DeregistrationRecord; version: number }> {
    const { stamped, ids } = this.stamp(outcome.events);
    const record: DeregistrationRecord = { ...loaded.record, ...changes, state: outcome.aggregate.state, requestedEventIds: [...loaded.record.requestedEventIds, ...ids] };
    const version = await this.deregistrations.update(tx, record, loaded.version);
    const status = record.state.status;
    if (status !== loaded.record.state.status) {
      if (status === 'DEREGISTERED') await this.deregisterCompany(tx, record);
      else if (TERMINAL.has(status)) await this.setUnderDeregistration(tx, record.uscc, false);
    }
    await this.append(tx, record, stamped);
    await this.syncTimers(tx, record);
    return { record, version };
  }

  /** Pre-assigns the CloudEvents id of each `requested` event, so the case knows what the tax service will cite. */
  private stamp(events: readonly DomainEvent[]): { stamped: { e: DomainEvent; id: string }[]; ids: string[] } {
    const stamped = events.map((e) => ({ e, id: randomUUID() }));
    return { stamped, ids: stamped.filter((s) => s.e.type === 'registration.deregistration.requested').map((s) => s.id) };
  }

  private async append(tx: EntityManager, record: DeregistrationRecord, stamped: { e: DomainEvent; id: string }[]): Promise<void> {
    for (const { e, id } of stamped) {
      const def = CONTRACTS[e.type];
      if (!def) throw new Error(`No published contract for ${e.type}`);
      await this.outbox.append(tx, def, { id, aggregateId: e.aggregateId, data: this.enrich(record, e), time: e.occurredAt });
    }
  }

  /** The domain's data plus what the contracts add: the case id, instants, the objector's capacity. */
  private enrich(record: DeregistrationRecord, e: DomainEvent): unknown {
    const data = e.data as Record<string, unknown>;
    const at = e.occurredAt.toISOString();
    const s = record.state;
    switch (e.type) {
      case 'registration.deregistration.requested':
        return {
          ...data,
          deregistrationId: record.id,
          requestedAt: at,
          ...(data['route'] === 'COURT' && s.courtRulingRef ? { courtRulingRef: s.courtRulingRef } : {}),
          ...(data['route'] === 'COURT' && record.bankruptcyCase ? { bankruptcyCase: { caseId: record.bankruptcyCase.caseId, closingDate: record.bankruptcyCase.closingDate } } : {}),
          ...(data['route'] === 'ORDINARY' && s.noticeEndsAt ? { switchedFrom: 'SIMPLIFIED' } : {}),
        };
      case 'registration.deregistration.notice_published':
        return { ...data, deregistrationId: record.id, noticeEndsAt: (s.noticeEndsAt as Date).toISOString() };
      case 'registration.deregistration.objected': {
        const objection = s.objections[s.objections.length - 1];
        return { ...data, deregistrationId: record.id, objectedAt: at, objector: OBJECTOR[objection?.actor ?? 'public'] ?? 'PUBLIC' };
      }
      default:
        return data;
    }
  }

  /**
   * Approval: the company DEREGISTERED (entity status machine, actor system), its flag cleared, its
   * valid licence revoked (voided in sync, `registration.licence.voided`), and its remaining ACTIVE
   * branches deregistered with it (`registration.branch.deregistered`, PARENT_DEREGISTERED).
   */
  private async deregisterCompany(tx: EntityManager, record: DeregistrationRecord): Promise<void> {
    const at = record.state.decidedAt ?? new Date();
    const stored = await this.companies.get(tx, record.uscc, { lock: true });
    if (!stored) throw new NotFoundError('Company', record.uscc);
    const c = stored.doc;
    const entity = MarketEntity.restore({ uscc: c.uscc, status: c.status, flags: c.flags }).apply({
      trigger: 'deregister',
      actor: 'system',
      effectiveOn: this.calendar.localDateOf(at).toString(),
      at,
    }).aggregate;
    await this.companies.update(tx, { ...c, status: entity.state.status, flags: { ...c.flags, underDeregistration: false } }, stored.version);
    await this.licences.voidValid(tx, record.uscc, { reason: 'DEREGISTERED', causeId: record.id }, at);
    await this.branches.deregisterAllOf(tx, record.uscc, at);
  }

  private async setUnderDeregistration(tx: EntityManager, uscc: string, on: boolean): Promise<void> {
    const stored = await this.companies.get(tx, uscc, { lock: true });
    if (!stored || stored.doc.flags.underDeregistration === on) return;
    await this.companies.update(tx, { ...stored.doc, flags: { ...stored.doc.flags, underDeregistration: on } }, stored.version);
  }

  /** One pending timer per state that waits for one: the notice end while NOTICE_PUBLISHED, the apply window while NOTICE_ENDED. */
  private async syncTimers(tx: EntityManager, record: DeregistrationRecord): Promise<void> {
    const s = record.state;
    if (s.status === 'NOTICE_PUBLISHED' && s.noticeEndsAt) await this.timers.schedule(tx, { kind: DEREGISTRATION_NOTICE_TIMER, key: record.id, dueAt: s.noticeEndsAt, payload: { uscc: record.uscc } });
    else await this.timers.cancel(tx, DEREGISTRATION_NOTICE_TIMER, record.id);
    if (s.status === 'NOTICE_ENDED' && s.applyBy) await this.timers.schedule(tx, { kind: DEREGISTRATION_APPLY_WINDOW_TIMER, key: record.id, dueAt: s.applyBy, payload: { uscc: record.uscc } });
    else await this.timers.cancel(tx, DEREGISTRATION_APPLY_WINDOW_TIMER, record.id);
  }

  private async load(tx: EntityManager, uscc: string, id: string, ifMatch: string | undefined, visible: (d: DeregistrationRecord) => boolean): Promise<LoadedDeregistration> {
    const stored = await this.deregistrations.get(tx, id, { lock: true });
    if (!stored || stored.doc.uscc !== uscc || !visible(stored.doc)) throw new NotFoundError('Deregistration', id);
    assertIfMatch({ headers: { 'if-match': ifMatch } }, stored.version, { required: false });
    return { record: stored.doc, version: stored.version, deregistration: Deregistration.restore(stored.doc.state) };
  }
}

export function isOfficerOf(who: Principal, d: { authorityCode: string }): boolean {
  return who.roles.includes('officer') && who.agencyId !== undefined && who.agencyId === d.authorityCode;
}

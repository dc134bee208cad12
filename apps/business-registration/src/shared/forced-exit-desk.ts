import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CompanyRevoked, type CompanyRevokedData } from '@one-window/business-registration/contracts';
import { MarketEntity } from '@one-window/business-registration/domain';
import { CompanyRepository, ForcedExitRepository, type ForcedExitRecord } from '@one-window/business-registration/data-access';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Outbox } from '@one-window/shared/messaging';
import { Timers } from '@one-window/shared/scheduling';
import { LicenceIssuer } from './licence-issuer';

/** The durable timer at the end of a forced-exit notice (keyed by the case id). */
export const FORCED_EXIT_NOTICE_TIMER = 'registration.forced_exit.notice_end';

/** Forced-exit notice period in natural days [cfg, design]: the company may object meanwhile. */
export const FORCED_EXIT_NOTICE_DAYS = Number(process.env['FORCED_EXIT_NOTICE_DAYS'] ?? 45);

/** Why a company is revoked (the `reasonCode` of `registration.company.revoked`). */
export const FORCED_EXIT_REASON = 'FORCED_EXIT';

/**
 * The forced-exit case steps after the officer's confirmation (§8 [design]: candidates → officer
 * confirms → notice → revoke): an objection during the notice stops it; at the notice's end the
 * company is REVOKED (the entity-status table's `revoke`), its valid licence REVOKED (`registration.licence.voided`) and
 * `registration.company.revoked` published. A revoked company must still liquidate and deregister.
 */
@Injectable()
export class ForcedExitDesk {
  constructor(
    private readonly cases: ForcedExitRepository,
    private readonly companies: CompanyRepository,
    private readonly licences: LicenceIssuer,
    private readonly outbox: Outbox,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
  ) {}

  async open(tx: EntityManager, record: ForcedExitRecord): Promise<void> {
    await this.cases.insert(tx, record);
    await this.timers.schedule(tx, { kind: FORCED_EXIT_NOTICE_TIMER, key: record.id, dueAt: record.noticeEndsAt });
  }

  async object(tx: EntityManager, stored: { doc: ForcedExitRecord; version: number }, objection: NonNullable<ForcedExitRecord['objection']>): Promise<ForcedExitRecord> {
    const next: ForcedExitRecord = { ...stored.doc, status: 'OBJECTED', objection };
    await this.cases.update(tx, next, stored.version);
    await this.timers.cancel(tx, FORCED_EXIT_NOTICE_TIMER, next.id);
    return next;
  }

  /** Revokes at `at` if the case is still in NOTICE and its notice has ended; otherwise nothing. */
  async revoke(tx: EntityManager, caseId: string, at: Date): Promise<ForcedExitRecord | undefined> {
    const stored = await this.cases.get(tx, caseId, { lock: true });
    if (!stored || stored.doc.status !== 'NOTICE' || at.getTime() < stored.doc.noticeEndsAt.getTime()) return undefined;
    const company = await this.companies.get(tx, stored.doc.uscc, { lock: true });
    if (!company) return undefined;
    const effectiveOn = this.calendar.localDateOf(at).toString();
    const entity = MarketEntity.restore({ uscc: company.doc.uscc, status: company.doc.status, flags: company.doc.flags });
    const outcome = entity.apply({ trigger: 'revoke', actor: 'officer', effectiveOn, at, reasonCode: FORCED_EXIT_REASON });
    await this.companies.update(tx, { ...company.doc, status: outcome.aggregate.state.status }, company.version);
    await this.licences.voidValid(tx, company.doc.uscc, { reason: 'REVOKED', causeId: stored.doc.id }, at);
    for (const e of outcome.events) {
      if (e.type === CompanyRevoked.name) await this.outbox.append(tx, CompanyRevoked, { aggregateId: company.doc.uscc, data: e.data as CompanyRevokedData, time: at });
    }
    const next: ForcedExitRecord = { ...stored.doc, status: 'REVOKED', revokedOn: effectiveOn, revokedAt: at };
    await this.cases.update(tx, next, stored.version);
    return next;
  }
}

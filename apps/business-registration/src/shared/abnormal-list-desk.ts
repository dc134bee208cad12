import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CompanyAbnormalListed, CompanyAbnormalRemoved, type AbnormalListingData } from '@one-window/business-registration/contracts';
import { AbnormalListing, type AbnormalListData, type Outcome } from '@one-window/business-registration/domain';
import { AbnormalListingRepository, abnormalOpenKey, CompanyRepository, type AbnormalListingRecord } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { Outbox } from '@one-window/shared/messaging';
import { isOfficerOf } from './deregistration-desk';
import { AlreadyListedError, NotFoundError } from './errors';

/** An abnormal-list entry loaded for a change: the record and the version it was read at. */
export interface LoadedListing {
  readonly record: AbnormalListingRecord;
  readonly version: number;
  readonly listing: AbnormalListing;
}

/**
 * The abnormal-list desk (经营异常名录, §7): loads entries for whoever may act on them (404 for
 * anyone else), inserts and saves them with optimistic versions, publishes
 * `registration.company.abnormal_listed` / `.abnormal_removed` with the entry id (and the missed
 * report year) added to the domain's data, and keeps the company's `abnormalListed` flag in step:
 * on while any entry is LISTED (it bars auto-approval of changes and simplified deregistration).
 */
@Injectable()
export class AbnormalListDesk {
  constructor(
    private readonly listings: AbnormalListingRepository,
    private readonly companies: CompanyRepository,
    private readonly outbox: Outbox,
  ) {}

  /** For the company's own applicant. */
  forOwner(tx: EntityManager, uscc: string, id: string, who: Principal): Promise<LoadedListing> {
    return this.load(tx, uscc, id, (l) => who.roles.includes('applicant') && l.ownerId === who.subject);
  }

  /** For an officer of the company's registration authority. */
  forOfficer(tx: EntityManager, uscc: string, id: string, who: Principal): Promise<LoadedListing> {
    return this.load(tx, uscc, id, (l) => isOfficerOf(who, l));
  }

  /** A new entry: 409 when the company is already listed for that cause; inserted, the company flagged, the event appended. */
  async list(tx: EntityManager, record: Omit<AbnormalListingRecord, 'state'>, outcome: Outcome<AbnormalListing>): Promise<{ record: AbnormalListingRecord; version: number }> {
    const created: AbnormalListingRecord = { ...record, state: outcome.aggregate.state };
    const open = await this.listings.openByKey(tx, abnormalOpenKey(created));
    if (open) throw new AlreadyListedError(created.uscc, open.doc.id);
    const version = await this.listings.insert(tx, created);
    await this.syncFlag(tx, created.uscc);
    await this.append(tx, created, outcome);
    return { record: created, version };
  }

  /** Writes the entry if nobody changed it since it was read, then its events; the company's flag follows. */
  async save(
    tx: EntityManager,
    loaded: LoadedListing,
    outcome: Outcome<AbnormalListing>,
    changes: Partial<Omit<AbnormalListingRecord, 'state'>> = {},
  ): Promise<{ record: AbnormalListingRecord; version: number }> {
    const record: AbnormalListingRecord = { ...loaded.record, ...changes, state: outcome.aggregate.state };
    const version = await this.listings.update(tx, record, loaded.version);
    if (record.state.status !== loaded.record.state.status) await this.syncFlag(tx, record.uscc);
    await this.append(tx, record, outcome);
    return { record, version };
  }

  /** The flag is on exactly while the company has a LISTED entry. */
  private async syncFlag(tx: EntityManager, uscc: string): Promise<void> {
    const stored = await this.companies.get(tx, uscc, { lock: true });
    if (!stored) throw new NotFoundError('Company', uscc);
    const listed = (await this.listings.forCompany(tx, uscc, { listedOnly: true })).length > 0;
    if (stored.doc.flags.abnormalListed === listed) return;
    await this.companies.update(tx, { ...stored.doc, flags: { ...stored.doc.flags, abnormalListed: listed } }, stored.version);
  }

  private async append(tx: EntityManager, record: AbnormalListingRecord, outcome: Outcome<AbnormalListing>): Promise<void> {
    for (const e of outcome.events) {
      const domain = e.data as AbnormalListData;
      const data: AbnormalListingData = {
        uscc: domain.uscc,
        listingId: record.id,
        reasonCode: domain.reasonCode,
        listedOn: domain.listedOn,
        ...(record.reportYear !== undefined ? { reportYear: record.reportYear } : {}),
        ...(domain.removedOn ? { removedOn: domain.removedOn } : {}),
      };
      const def = e.type === 'registration.company.abnormal_listed' ? CompanyAbnormalListed : e.type === 'registration.company.abnormal_removed' ? CompanyAbnormalRemoved : undefined;
      if (!def) throw new Error(`No published contract for ${e.type}`);
      await this.outbox.append(tx, def, { aggregateId: e.aggregateId, data, time: e.occurredAt });
    }
  }

  private async load(tx: EntityManager, uscc: string, id: string, visible: (l: AbnormalListingRecord) => boolean): Promise<LoadedListing> {
    const stored = await this.listings.get(tx, id, { lock: true });
    if (!stored || stored.doc.uscc !== uscc || !visible(stored.doc)) throw new NotFoundError('Abnormal-list entry', id);
    return { record: stored.doc, version: stored.version, listing: AbnormalListing.restore(stored.doc.state) };
  }
}

/** An entry as its company and the authority's officers see it (the public list shows less). */
export function listingView(record: AbnormalListingRecord, version: number) {
  const s = record.state;
  return {
    id: record.id,
    uscc: record.uscc,
    reasonCode: s.reasonCode,
    status: s.status,
    listedOn: s.listedOn,
    ...(record.reportYear !== undefined ? { reportYear: record.reportYear } : {}),
    listedBy: record.listedBy.role,
    ...(record.findingRef ? { findingRef: record.findingRef } : {}),
    ...(record.removalRequest
      ? { removalRequest: { requestedAt: record.removalRequest.requestedAt, correctionRef: record.removalRequest.correctionRef, ...(record.removalRequest.statement ? { statement: record.removalRequest.statement } : {}) } }
      : {}),
    rejections: record.rejections.map((r) => ({ at: r.at, reason: r.reason })),
    ...(s.removedOn ? { removedOn: s.removedOn, correctionRef: s.correctionRef } : {}),
    version,
  };
}

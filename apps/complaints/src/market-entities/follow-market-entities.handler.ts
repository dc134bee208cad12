import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AbnormalListingData, CompanyChangedData, CompanyDeregisteredData, CompanyRegisteredData, CompanyRevokedData } from '@one-window/business-registration/contracts';
import { MarketEntityDirectory } from '@one-window/complaints/data-access';
import type { CloudEvent } from '@one-window/shared/messaging';

/**
 * Keeps the market-entity directory (spec §5 enterprise requests) from business registration's
 * events on `registration.events`, in the inbox transaction (a redelivered event has no second
 * effect): a registered company is added ACTIVE with its type; a name change renames it; deregistered
 * and revoked set its status; abnormal-list entries listed and removed say whether it is on the list.
 * Events about a company the directory does not hold (registered before it existed) change nothing.
 */
@Injectable()
export class FollowMarketEntitiesHandler {
  constructor(private readonly directory: MarketEntityDirectory) {}

  async registered(e: CloudEvent<CompanyRegisteredData>, tx: EntityManager): Promise<void> {
    const d = e.data;
    await this.directory.registered(tx, { uscc: d.uscc, name: d.name, entityType: d.entityType, authorityCode: d.authorityCode, at: new Date(e.time) });
  }

  async changed(e: CloudEvent<CompanyChangedData>, tx: EntityManager): Promise<void> {
    const name = e.data.changes.find((c) => c.field === 'name')?.after;
    if (typeof name === 'string') await this.directory.apply(tx, e.data.uscc, new Date(e.time), { name });
  }

  async deregistered(e: CloudEvent<CompanyDeregisteredData>, tx: EntityManager): Promise<void> {
    await this.directory.apply(tx, e.data.uscc, new Date(e.time), { status: 'DEREGISTERED' });
  }

  async revoked(e: CloudEvent<CompanyRevokedData>, tx: EntityManager): Promise<void> {
    await this.directory.apply(tx, e.data.uscc, new Date(e.time), { status: 'REVOKED' });
  }

  async abnormal(e: CloudEvent<AbnormalListingData>, tx: EntityManager, listed: boolean): Promise<void> {
    await this.directory.abnormalEntry(tx, e.data.uscc, e.data.listingId, listed);
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BranchDeregistered, type BranchDeregisteredData } from '@one-window/business-registration/contracts';
import { deregisterBranch, type Actor } from '@one-window/business-registration/domain';
import { BranchRepository, type BranchRecord } from '@one-window/business-registration/data-access';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Outbox } from '@one-window/shared/messaging';
import type { Stored } from '@one-window/shared/persistence';

/** Deregistering branches, one at a time (the parent applies) or all of a company's (the company is deregistered). */
@Injectable()
export class BranchDesk {
  constructor(
    private readonly branches: BranchRepository,
    private readonly outbox: Outbox,
    private readonly calendar: WorkingCalendar,
  ) {}

  /** The branch machine's `deregister` on one locked branch, the record updated and `registration.branch.deregistered` appended. */
  async deregister(
    tx: EntityManager,
    stored: Stored<BranchRecord>,
    o: { reason: BranchDeregisteredData['reason']; actor: Actor; by: string; at: Date; note?: string },
  ): Promise<BranchRecord> {
    const b = stored.doc;
    const status = deregisterBranch(b.status, o.actor);
    const effectiveOn = this.calendar.localDateOf(o.at).toString();
    const next: BranchRecord = { ...b, status, deregistered: { effectiveOn, reason: o.reason, by: o.by, ...(o.note !== undefined ? { note: o.note } : {}) } };
    await this.branches.update(tx, next, stored.version);
    const data: BranchDeregisteredData = { uscc: b.uscc, parentUscc: b.parentUscc, reason: o.reason, effectiveOn };
    await this.outbox.append(tx, BranchDeregistered, { aggregateId: b.uscc, data, time: o.at });
    return next;
  }

  /** Every ACTIVE branch of a company that is being deregistered ends with it (actor system, reason PARENT_DEREGISTERED). */
  async deregisterAllOf(tx: EntityManager, parentUscc: string, at: Date): Promise<string[]> {
    const ended: string[] = [];
    for (const stored of await this.branches.forParentLocked(tx, parentUscc)) {
      if (stored.doc.status !== 'ACTIVE') continue;
      await this.deregister(tx, stored, { reason: 'PARENT_DEREGISTERED', actor: 'system', by: 'system', at });
      ended.push(stored.doc.uscc);
    }
    return ended;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { AbnormalListDesk, listingView } from '../shared/abnormal-list-desk';
import { Clock } from '../shared/clock';
import { RemovalRequestConflictError } from '../shared/errors';
import { MissedReportCheck } from '../shared/missed-report-check';
import type { RemovalRequestDto } from './removal-request.dto';

/**
 * The company asks for removal (§7 credit repair: the entity cures the cause and applies). The entry
 * stays LISTED until an officer verifies; the request is kept on it. A missed report must be filed first.
 */
@Injectable()
export class RequestAbnormalRemovalHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: AbnormalListDesk,
    private readonly missed: MissedReportCheck,
    private readonly clock: Clock,
  ) {}

  async execute(uscc: string, id: string, dto: RemovalRequestDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.desk.forOwner(tx, uscc, id, who);
      if (loaded.record.state.status !== 'LISTED') throw new RemovalRequestConflictError(`Entry ${id} is already removed`);
      if (loaded.record.removalRequest) throw new RemovalRequestConflictError(`A removal request for ${id} is already waiting for an officer`);
      await this.missed.assertCured(tx, loaded.record);
      const saved = await this.desk.save(
        tx,
        loaded,
        { aggregate: loaded.listing, events: [] },
        { removalRequest: { requestedAt: this.clock.now(), requestedBy: who.subject, correctionRef: dto.correctionRef, ...(dto.statement ? { statement: dto.statement } : {}) } },
      );
      return listingView(saved.record, saved.version);
    });
  }
}

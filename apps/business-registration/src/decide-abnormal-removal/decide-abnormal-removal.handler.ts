import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { AbnormalListDesk, listingView } from '../shared/abnormal-list-desk';
import { Clock } from '../shared/clock';
import { RemovalRequestConflictError } from '../shared/errors';
import { MissedReportCheck } from '../shared/missed-report-check';
import type { RemovalDecisionDto } from './removal-decision.dto';

/**
 * An officer's decision on an entry (§7 credit repair: officer verifies → abnormal_removed). REMOVE
 * is the domain's `remove` (actor officer; the correction it rests on is required); REJECT turns
 * the company's pending request down with what is still missing, and the entry stays LISTED.
 */
@Injectable()
export class DecideAbnormalRemovalHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: AbnormalListDesk,
    private readonly missed: MissedReportCheck,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(uscc: string, id: string, dto: RemovalDecisionDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const at = this.clock.now();
      const loaded = await this.desk.forOfficer(tx, uscc, id, who);
      const { record } = loaded;
      if (dto.outcome === 'REJECT') {
        if (record.state.status !== 'LISTED' || !record.removalRequest) throw new RemovalRequestConflictError(`No removal request of ${id} is waiting`);
        const { removalRequest: _done, ...rest } = record;
        const saved = await this.desk.save(tx, { ...loaded, record: rest }, { aggregate: loaded.listing, events: [] }, {
          rejections: [...record.rejections, { at, by: who.subject, reason: dto.reason ?? '' }],
        });
        return listingView(saved.record, saved.version);
      }
      const reportId = record.state.status === 'LISTED' ? await this.missed.assertCured(tx, record) : undefined;
      const correctionRef = dto.correctionRef ?? record.removalRequest?.correctionRef ?? reportId ?? '';
      const outcome = loaded.listing.remove({ removedOn: this.calendar.localDateOf(at).toString(), correctionRef, actor: 'officer', at });
      const { removalRequest: _done, ...rest } = record;
      const saved = await this.desk.save(tx, { ...loaded, record: rest }, outcome, { removedBy: who.subject });
      return listingView(saved.record, saved.version);
    });
  }
}

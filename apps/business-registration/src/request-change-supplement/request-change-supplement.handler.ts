import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import type { SupplementRequestDto } from '../request-supplement/request-supplement.dto';
import { ChangeRequestDesk } from '../shared/change-request-desk';
import { changeRequestView } from '../shared/change-request-view';

/**
 * The officer's one supplement notice on a change request (补齐补正, §3.2 as for establishment): every
 * item at once; the review clock stops, so the overdue timer is cancelled and the lapse timer set
 * at the end of the answer period.
 */
@Injectable()
export class RequestChangeSupplementHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: ChangeRequestDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(id: string, dto: SupplementRequestDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.desk.forOfficer(tx, id, who);
      const items = dto.items.map((i) => ({ code: i.code ?? 'SUPPLEMENT', description: i.reason, materialRef: i.field }));
      const outcome = loaded.request.requestSupplement({ at: new Date(), officerId: who.subject, items, calendar: this.calendar });
      return changeRequestView(await this.desk.save(tx, loaded, outcome));
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import type { ResubmissionDto } from '../resubmit-application/resubmission.dto';
import { ChangeRequestDesk } from '../shared/change-request-desk';
import { changeRequestView } from '../shared/change-request-view';

/**
 * The applicant's one answer to the supplement notice on the same change request: the stopped
 * review clock resumes, so the overdue timer is set at the new due time and the lapse timer goes.
 */
@Injectable()
export class ResubmitChangeRequestHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: ChangeRequestDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string, id: string, dto: ResubmissionDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.desk.forApplicant(tx, uscc, id, who);
      const outcome = loaded.request.resubmit({ at: new Date(), applicantId: who.subject, newMaterial: [...dto.newMaterial], calendar: this.calendar });
      return changeRequestView(await this.desk.save(tx, loaded, outcome));
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { ChangeRequestDesk } from '../shared/change-request-desk';
import { changeRequestView } from '../shared/change-request-view';

/** The applicant withdraws an undecided change request (§10.2 "any non-terminal → WITHDRAWN"). */
@Injectable()
export class WithdrawChangeRequestHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: ChangeRequestDesk,
  ) {}

  async execute(uscc: string, id: string, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.desk.forApplicant(tx, uscc, id, who);
      const outcome = loaded.request.withdraw({ at: new Date(), applicantId: who.subject });
      return changeRequestView(await this.desk.save(tx, loaded, outcome));
    });
  }
}

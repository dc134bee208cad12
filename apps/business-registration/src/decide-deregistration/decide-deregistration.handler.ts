import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { DeregistrationDesk } from '../shared/deregistration-desk';
import { deregistrationView, missingClearances } from '../shared/deregistration-view';
import { ClearanceMissingError } from '../shared/errors';
import type { DeregistrationDecisionDto } from './deregistration-decision.dto';

/**
 * The officer decides a case under review (§10.4 UNDER_REVIEW → DEREGISTERED / REFUSED /
 * SUPPLEMENT_REQUESTED). An approval of a case still CLEARING names the clearances it waits for
 * (409) rather than a bare "transition not allowed". Approval deregisters the company (status
 * DEREGISTERED, valid licence REVOKED) and publishes `registration.company.deregistered`, in one
 * transaction.
 */
@Injectable()
export class DecideDeregistrationHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: DeregistrationDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string, id: string, dto: DeregistrationDecisionDto, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const at = new Date();
      const loaded = await this.desk.forOfficer(tx, uscc, id, who, ifMatch);
      const d = loaded.deregistration;
      if (dto.outcome === 'APPROVE' && d.state.status === 'CLEARING') throw new ClearanceMissingError(missingClearances(d.state));
      const reasons = dto.reasons ?? [];
      const outcome = dto.outcome === 'APPROVE' ? d.approve(at, 'officer', this.calendar) : dto.outcome === 'REFUSE' ? d.refuse(at, reasons) : d.requestSupplement(reasons);
      const saved = await this.desk.save(tx, loaded, outcome, { decidedBy: who.subject });
      return deregistrationView(saved.record, saved.version, this.calendar);
    });
  }
}

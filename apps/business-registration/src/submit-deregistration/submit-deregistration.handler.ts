import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { DeregistrationDesk } from '../shared/deregistration-desk';
import { deregistrationView } from '../shared/deregistration-view';

/**
 * NOTICE_ENDED → UNDER_REVIEW (§10.4, within the apply window); when the policy lets the system
 * approve simplified cases (the default [cfg]), → DEREGISTERED in the same transaction: the company
 * is deregistered, its licence revoked and `registration.company.deregistered` published.
 */
@Injectable()
export class SubmitDeregistrationHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: DeregistrationDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string, id: string, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const at = new Date();
      const loaded = await this.desk.forOwner(tx, uscc, id, who, ifMatch);
      const submitted = loaded.deregistration.submit(at);
      const s = submitted.aggregate.state;
      const outcome = s.route === 'SIMPLIFIED' && s.policy.systemApprovesSimplified ? submitted.aggregate.approve(at, 'system', this.calendar) : submitted;
      const saved = await this.desk.save(tx, loaded, { aggregate: outcome.aggregate, events: outcome === submitted ? submitted.events : [...submitted.events, ...outcome.events] });
      return deregistrationView(saved.record, saved.version, this.calendar);
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ClearanceCaseRepository } from '@one-window/tax/data-access';
import { ClearanceCase, type TaxOutcome, type TaxpayerState } from '@one-window/tax/domain';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { assertIfMatch } from '@one-window/shared/http';
import type { Timer } from '@one-window/shared/scheduling';
import { NotFoundError } from '../../shared/errors';
import { TaxEvents } from '../../shared/tax-events';
import { clearanceCaseView } from '../shared/clearance-case-view';
import { ClearanceDesk } from '../shared/clearance-desk';
import { ClearanceFactsReader } from '../shared/clearance-facts';
import { CreditAccess, type TaxpayerActor } from '../shared/credit-access';

/**
 * The later steps of a clearance case (§10): an officer of the bureau issues the certificate on the
 * standard route once everything is settled (409 listing what is still outstanding); the taxpayer
 * reports its commitment fulfilled; the timer marks a commitment breached at its due date.
 */
@Injectable()
export class IssueClearanceHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: CreditAccess,
    private readonly cases: ClearanceCaseRepository,
    private readonly desk: ClearanceDesk,
    private readonly facts: ClearanceFactsReader,
    private readonly events: TaxEvents,
    private readonly calendar: WorkingCalendar,
  ) {}

  issue(caseId: string, who: Principal, ifMatch?: string) {
    return this.step(caseId, who, ['officer'], ifMatch, async (c, at, tx, taxpayer) => {
      const certificateNo = await this.cases.nextCertificateNo(tx, taxpayer.taxBureau, this.calendar.localDateOf(at).toString());
      return c.issue({ at, actor: 'officer_service', officerId: who.subject, calendar: this.calendar, facts: await this.facts.read(tx, taxpayer, at), nextCertificateNo: () => certificateNo });
    });
  }

  fulfil(caseId: string, who: Principal, ifMatch?: string) {
    return this.step(caseId, who, ['owner'], ifMatch, async (c, at, tx, taxpayer) => c.fulfil({ at, applicantId: who.subject, facts: await this.facts.read(tx, taxpayer, at) }));
  }

  /** Timer: the commitment's due date passed while the case is still ISSUED. */
  async breach(timer: Timer, tx: EntityManager): Promise<void> {
    const stored = await this.cases.get(tx, timer.key, { lock: true });
    if (!stored || stored.doc.status !== 'ISSUED' || stored.doc.route !== 'COMMITMENT') return;
    const { aggregate, events } = ClearanceCase.restore(stored.doc).breach({ at: new Date() });
    await this.cases.update(tx, aggregate.state, stored.version);
    await this.events.publish(tx, events);
  }

  private step(
    caseId: string,
    who: Principal,
    as: readonly TaxpayerActor[],
    ifMatch: string | undefined,
    command: (c: ClearanceCase, at: Date, tx: EntityManager, taxpayer: TaxpayerState) => Promise<TaxOutcome<ClearanceCase>>,
  ) {
    return this.ds.transaction(async (tx) => {
      const stored = await this.cases.get(tx, caseId, { lock: true });
      if (!stored) throw new NotFoundError('Clearance case', caseId);
      const taxpayer = await this.access.taxpayer(tx, stored.doc.taxpayerId, who, as, { lock: true }).catch(() => {
        throw new NotFoundError('Clearance case', caseId);
      });
      assertIfMatch({ headers: { 'if-match': ifMatch } }, stored.version, { required: false });
      const { aggregate, events } = await command(ClearanceCase.restore(stored.doc), new Date(), tx, taxpayer.doc);
      const version = await this.cases.update(tx, aggregate.state, stored.version);
      await this.desk.advanceTaxpayer(tx, taxpayer, aggregate.state);
      await this.events.publish(tx, events);
      return clearanceCaseView(aggregate.state, version);
    });
  }
}

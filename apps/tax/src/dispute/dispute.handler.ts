import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TaxDisputeRepository, TaxpayerRepository } from '@one-window/tax/data-access';
import { TaxDispute, type TaxActor, type TaxDisputeState, type TaxOutcome } from '@one-window/tax/domain';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { NotFoundError } from '../shared/errors';
import { TaxEvents } from '../shared/tax-events';
import { canSeeTaxpayer } from '../shared/taxpayer-access';
import type { CloseUnsettledDto, OpenDisputeDto, SettleDisputeDto } from './dispute.dto';

type Step = 'accept' | 'mediation' | 'settlement' | 'non-settlement' | 'withdrawal';

/**
 * Tax-dispute mediation (税费争议调解, tax.md §13): the taxpayer opens a dispute online, or an officer
 * of its bureau (the dispute team) records one from the hall or the phone; the bureau's officers
 * accept it (2 WD [cfg]), mediate (20 WD [cfg]) and settle it or close it with the notice of legal
 * remedies; the taxpayer may withdraw before it ends. Scoping: the taxpayer's own account, officers of
 * its bureau (404 otherwise). Each step commits with its event; views say what is overdue now.
 */
@Injectable()
export class DisputeHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly taxpayers: TaxpayerRepository,
    private readonly disputes: TaxDisputeRepository,
    private readonly events: TaxEvents,
    private readonly calendar: WorkingCalendar,
  ) {}

  open(taxpayerId: string, dto: OpenDisputeDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const t = await this.taxpayerFor(tx, taxpayerId, who);
      const byOfficer = who.roles.includes('officer') && who.agencyId === t.taxBureau;
      const { aggregate, events } = TaxDispute.open({
        disputeId: randomUUID(),
        taxpayerId,
        channel: dto.channel ?? (byOfficer ? 'HALL' : 'ONLINE'),
        subject: dto.subject,
        actor: byOfficer ? 'officer_dispute' : 'applicant',
        at: new Date(),
        calendar: this.calendar,
      });
      const version = await this.disputes.insert(tx, aggregate.state);
      await this.events.publish(tx, events);
      return this.view(aggregate.state, version);
    });
  }

  async get(disputeId: string, who: Principal) {
    const stored = await this.disputes.get(this.ds.manager, disputeId);
    if (!stored) throw new NotFoundError('Dispute', disputeId);
    await this.taxpayerFor(this.ds.manager, stored.doc.taxpayerId, who, disputeId);
    return this.view(stored.doc, stored.version);
  }

  step(disputeId: string, step: Step, who: Principal, body: Partial<SettleDisputeDto & CloseUnsettledDto> = {}) {
    return this.ds.transaction(async (tx) => {
      const stored = await this.disputes.get(tx, disputeId, { lock: true });
      if (!stored) throw new NotFoundError('Dispute', disputeId);
      await this.taxpayerFor(tx, stored.doc.taxpayerId, who, disputeId);
      const outcome = this.apply(TaxDispute.rehydrate(stored.doc), step, who.roles.includes('officer') ? 'officer_dispute' : 'applicant', body);
      const version = await this.disputes.update(tx, outcome.aggregate.state, stored.version);
      await this.events.publish(tx, outcome.events);
      return this.view(outcome.aggregate.state, version);
    });
  }

  /** One step of the machine, now; the machine refuses the wrong actor (403) or state (409). */
  private apply(d: TaxDispute, step: Step, actor: TaxActor, body: Partial<SettleDisputeDto & CloseUnsettledDto>): TaxOutcome<TaxDispute> {
    const at = new Date();
    switch (step) {
      case 'accept':
        return { aggregate: d.accept({ actor, at }), events: [] };
      case 'mediation':
        return { aggregate: d.startMediation({ actor, at, calendar: this.calendar }), events: [] };
      case 'settlement':
        return d.settle({ actor, at, agreementRef: body.agreementRef ?? '' });
      case 'non-settlement':
        return d.closeUnsettled({ actor, at, reason: body.reason ?? '' });
      case 'withdrawal':
        return d.withdraw({ actor, at });
    }
  }

  /** The taxpayer as `who` may see it (`canSeeTaxpayer`: its own account, an officer of its bureau); 404 otherwise (naming the dispute when there is one). */
  private async taxpayerFor(tx: EntityManager, taxpayerId: string, who: Principal, disputeId?: string) {
    const t = (await this.taxpayers.get(tx, taxpayerId))?.doc;
    if (!t || !canSeeTaxpayer(who, t)) throw disputeId ? new NotFoundError('Dispute', disputeId) : new NotFoundError('Taxpayer', taxpayerId);
    return t;
  }

  private view(s: TaxDisputeState, version: number) {
    const overdue = TaxDispute.rehydrate(s).overdue(new Date());
    return {
      ...s,
      receivedAt: s.receivedAt.toISOString(),
      acceptanceDueAt: s.acceptanceDueAt.toISOString(),
      ...(s.acceptedAt ? { acceptedAt: s.acceptedAt.toISOString() } : {}),
      ...(s.mediationStartedAt ? { mediationStartedAt: s.mediationStartedAt.toISOString() } : {}),
      ...(s.mediationDueAt ? { mediationDueAt: s.mediationDueAt.toISOString() } : {}),
      ...(s.closedAt ? { closedAt: s.closedAt.toISOString() } : {}),
      overdue,
      version,
    };
  }
}

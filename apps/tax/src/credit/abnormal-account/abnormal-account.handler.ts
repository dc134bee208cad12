import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ObligationRepository, TaxpayerRepository } from '@one-window/tax/data-access';
import { Taxpayer, type TaxOutcome } from '@one-window/tax/domain';
import type { Principal } from '@one-window/shared/auth';
import { TaxEvents } from '../../shared/tax-events';
import { taxpayerView } from '../../shared/taxpayer-view';
import { CreditAccess } from '../shared/credit-access';

/**
 * The abnormal-account status (非正常户, tax.md §4 ACTIVE ⇄ ABNORMAL), by a risk officer of the
 * taxpayer's bureau (actor officer_risk): designated with a reason (`tax.taxpayer.abnormal_designated`),
 * lifted once no overdue obligation is left open (`tax.taxpayer.abnormal_lifted`; otherwise 409 naming
 * the periods). The taxpayer row is locked for the command; the state and its event commit together.
 */
@Injectable()
export class AbnormalAccountHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: CreditAccess,
    private readonly taxpayers: TaxpayerRepository,
    private readonly obligations: ObligationRepository,
    private readonly events: TaxEvents,
  ) {}

  designate(taxpayerId: string, reason: string, who: Principal) {
    return this.command(taxpayerId, who, async (t) => t.designateAbnormal('officer_risk', reason, new Date()));
  }

  lift(taxpayerId: string, who: Principal) {
    return this.command(taxpayerId, who, async (t, tx) => t.liftAbnormal('officer_risk', new Date(), await this.obligations.openOverdue(tx, taxpayerId)));
  }

  /** The taxpayer locked for an officer of its bureau (404 otherwise); the new state and its event commit together. */
  private command(taxpayerId: string, who: Principal, run: (t: Taxpayer, tx: EntityManager) => Promise<TaxOutcome<Taxpayer>>) {
    return this.ds.transaction(async (tx) => {
      const stored = await this.access.taxpayer(tx, taxpayerId, who, ['officer'], { lock: true });
      const { aggregate, events } = await run(Taxpayer.rehydrate(stored.doc), tx);
      const version = await this.taxpayers.update(tx, aggregate.state, stored.version);
      await this.events.publish(tx, events);
      return taxpayerView(aggregate.state, version);
    });
  }
}

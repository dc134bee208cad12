import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RefundClaimRepository } from '@one-window/tax/data-access';
import { RefundClaim, type RefundClaimState, type TaxOutcome } from '@one-window/tax/domain';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { assertIfMatch } from '@one-window/shared/http';
import { Timers, type Timer } from '@one-window/shared/scheduling';
import { NotFoundError } from '../../shared/errors';
import { TaxEvents } from '../../shared/tax-events';
import { CreditAccess, type TaxpayerActor } from '../shared/credit-access';
import { refundClaimView } from '../shared/refund-claim-view';

/** The timer that lapses a claim whose requested information did not come within 10 WD (§9). */
export const REFUND_INFO_LAPSE_TIMER = 'tax.refund.info_lapse';

/**
 * Review of a refund claim (§9): an officer of the taxpayer's bureau asks for information (the
 * 10-WD review clock stops until it comes; without it the claim lapses by itself), approves (payment
 * due in 5 WD) or rejects with reasons; the taxpayer supplies the information; the treasury system
 * records the payment.
 */
@Injectable()
export class ReviewRefundClaimHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: CreditAccess,
    private readonly refunds: RefundClaimRepository,
    private readonly events: TaxEvents,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
  ) {}

  requestInfo(claimId: string, items: string[], who: Principal, ifMatch?: string) {
    return this.step(claimId, who, ['officer'], ifMatch, async (c, at, tx) => {
      const outcome = c.requestInfo({ at, officerId: who.subject, items, calendar: this.calendar });
      const request = outcome.aggregate.state.infoRequests.at(-1);
      if (request) await this.timers.schedule(tx, { kind: REFUND_INFO_LAPSE_TIMER, key: claimId, dueAt: request.respondBy });
      return outcome;
    });
  }

  supplyInfo(claimId: string, who: Principal, ifMatch?: string) {
    return this.step(claimId, who, ['owner'], ifMatch, async (c, at, tx) => {
      await this.timers.cancel(tx, REFUND_INFO_LAPSE_TIMER, claimId);
      return c.supplyInfo({ at, applicantId: who.subject, calendar: this.calendar });
    });
  }

  decide(claimId: string, outcome: 'APPROVE' | 'REJECT', reasons: string[], who: Principal, ifMatch?: string) {
    return this.step(claimId, who, ['officer'], ifMatch, async (c, at) =>
      outcome === 'APPROVE' ? c.approve({ at, officerId: who.subject, calendar: this.calendar }) : c.reject({ at, officerId: who.subject, reasons, calendar: this.calendar }),
    );
  }

  /** The treasury's system (integrator) reports the payment. */
  pay(claimId: string, treasuryRef: string, who: Principal, ifMatch?: string) {
    return this.step(claimId, who, [], ifMatch, async (c, at) => c.pay({ at, treasuryRef, financeOfficerId: who.subject }));
  }

  /** Timer: the information did not come in time; the claim lapses (a stale timer changes nothing). */
  async lapse(timer: Timer, tx: EntityManager): Promise<void> {
    const stored = await this.refunds.get(tx, timer.key, { lock: true });
    if (!stored || stored.doc.status !== 'INFO_REQUESTED') return;
    const { aggregate, events } = RefundClaim.restore(stored.doc).lapse({ at: new Date() });
    await this.refunds.update(tx, aggregate.state, stored.version);
    await this.events.publish(tx, events);
  }

  private step(
    claimId: string,
    who: Principal,
    as: readonly TaxpayerActor[],
    ifMatch: string | undefined,
    command: (c: RefundClaim, at: Date, tx: EntityManager) => Promise<TaxOutcome<RefundClaim>>,
  ) {
    return this.ds.transaction(async (tx) => {
      const stored = await this.refunds.get(tx, claimId, { lock: true });
      if (!stored) throw new NotFoundError('Refund claim', claimId);
      // the treasury (integrator) acts on any claim; everyone else through the taxpayer
      if (as.length > 0) {
        await this.access.taxpayer(tx, stored.doc.taxpayerId, who, as).catch(() => {
          throw new NotFoundError('Refund claim', claimId);
        });
      }
      assertIfMatch({ headers: { 'if-match': ifMatch } }, stored.version, { required: false });
      const { aggregate, events } = await command(RefundClaim.restore(stored.doc), new Date(), tx);
      const version = await this.refunds.update(tx, aggregate.state, stored.version);
      await this.events.publish(tx, events);
      return refundClaimView(aggregate.state as RefundClaimState, version);
    });
  }
}

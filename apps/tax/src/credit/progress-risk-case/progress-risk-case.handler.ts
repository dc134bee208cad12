import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RefundClaimRepository, RiskCaseRepository } from '@one-window/tax/data-access';
import { RefundClaim, RiskCase, type RiskCaseState, type TaxOutcome } from '@one-window/tax/domain';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { assertIfMatch } from '@one-window/shared/http';
import { NotFoundError } from '../../shared/errors';
import { TaxEvents } from '../../shared/tax-events';
import { CreditAccess, type TaxpayerActor } from '../shared/credit-access';
import { riskCaseView } from '../shared/risk-case-view';

/**
 * The steps of the risk ladder after detection (R8.6): the taxpayer starts its self-check, a risk
 * officer verifies the correction (RESOLVED: the refund claims it blocked go to review,
 * `tax.refund.unblocked`) or escalates to enforcement.
 */
@Injectable()
export class ProgressRiskCaseHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: CreditAccess,
    private readonly riskCases: RiskCaseRepository,
    private readonly refunds: RefundClaimRepository,
    private readonly events: TaxEvents,
    private readonly calendar: WorkingCalendar,
  ) {}

  startSelfCheck(caseId: string, who: Principal, ifMatch?: string) {
    return this.step(caseId, who, ['owner'], ifMatch, (c, at) => c.startSelfCheck({ at, calendar: this.calendar, applicantId: who.subject }));
  }

  verifyCorrection(caseId: string, who: Principal, ifMatch?: string) {
    return this.step(caseId, who, ['officer'], ifMatch, (c, at) => c.verifyCorrection({ at, officerId: who.subject }), (tx, resolved, at) => this.unblockRefunds(tx, resolved, who, at));
  }

  escalate(caseId: string, reason: 'DEADLINE_MISSED' | 'CORRECTION_REFUSED', who: Principal, ifMatch?: string) {
    return this.step(caseId, who, ['officer'], ifMatch, (c, at) => c.escalate({ at, officerId: who.subject, reason }));
  }

  private step(
    caseId: string,
    who: Principal,
    as: readonly TaxpayerActor[],
    ifMatch: string | undefined,
    command: (c: RiskCase, at: Date) => TaxOutcome<RiskCase>,
    after?: (tx: EntityManager, state: RiskCaseState, at: Date) => Promise<void>,
  ) {
    return this.ds.transaction(async (tx) => {
      const stored = await this.riskCases.get(tx, caseId, { lock: true });
      if (!stored) throw new NotFoundError('Risk case', caseId);
      await this.access.taxpayer(tx, stored.doc.taxpayerId, who, as).catch(() => {
        throw new NotFoundError('Risk case', caseId);
      });
      assertIfMatch({ headers: { 'if-match': ifMatch } }, stored.version, { required: false });
      const at = new Date();
      const { aggregate, events } = command(RiskCase.restore(stored.doc), at);
      const version = await this.riskCases.update(tx, aggregate.state, stored.version);
      await this.events.publish(tx, events);
      if (after) await after(tx, aggregate.state, at);
      return riskCaseView(aggregate.state, version);
    });
  }

  /** Once no unresolved case of the taxpayer raises its risk, its blocked refund claims go to review. */
  private async unblockRefunds(tx: EntityManager, resolved: RiskCaseState, who: Principal, at: Date): Promise<void> {
    const { doc: taxpayer } = await this.access.taxpayer(tx, resolved.taxpayerId, who, ['officer']);
    const credit = await this.access.creditOf(tx, taxpayer);
    if (credit.listHits.some((h) => h.list === 'REFUND_FRAUD' || h.list === 'FALSE_INVOICING')) return;
    for (const blocked of await this.refunds.forTaxpayer(tx, resolved.taxpayerId, 'BLOCKED')) {
      const { aggregate, events } = RefundClaim.restore(blocked.doc).unblock({
        at,
        officerId: who.subject,
        calendar: this.calendar,
        riskCase: { caseId: resolved.caseId, status: resolved.status },
      });
      await this.refunds.update(tx, aggregate.state, blocked.version);
      await this.events.publish(tx, events);
    }
  }
}

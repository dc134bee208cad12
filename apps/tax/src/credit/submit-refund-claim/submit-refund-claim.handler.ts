import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RefundClaimRepository } from '@one-window/tax/data-access';
import { RefundClaim } from '@one-window/tax/domain';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { TaxEvents } from '../../shared/tax-events';
import { CreditAccess } from '../shared/credit-access';
import type { SubmitRefundClaimDto } from '../shared/credit.dto';
import { RefundBlockedError } from '../shared/errors';
import { refundClaimView } from '../shared/refund-claim-view';

/**
 * A refund claim (§9, e.g. 留抵退税) by the taxpayer's own account: eligibility, then the credit +
 * risk gate at once (R8.4). Review (10 WD) starts when the gate lets it through; a warning must be
 * acknowledged (422, nothing written); a block records the claim as BLOCKED with its events and
 * answers 403 with the rule and how to lift it.
 */
@Injectable()
export class SubmitRefundClaimHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: CreditAccess,
    private readonly refunds: RefundClaimRepository,
    private readonly events: TaxEvents,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(taxpayerId: string, dto: SubmitRefundClaimDto, who: Principal) {
    const claim = await this.ds.transaction(async (tx) => {
      const { doc: taxpayer } = await this.access.taxpayer(tx, taxpayerId, who, ['owner']);
      const at = new Date();
      const { aggregate, events } = RefundClaim.submit({
        claimId: randomUUID(),
        taxpayerId: taxpayer.id,
        kind: dto.kind,
        industryCode: dto.industryCode,
        amount: { amount: dto.amount.amount, currency: dto.amount.currency },
        at,
        calendar: this.calendar,
        credit: await this.access.creditOf(tx, taxpayer),
        gateOptions: await this.access.gateOptions(tx, this.calendar.localDateOf(at).toString()),
        ...(dto.acknowledgeWarning !== undefined ? { acknowledgeWarning: dto.acknowledgeWarning } : {}),
      });
      await this.refunds.insert(tx, aggregate.state);
      await this.events.publish(tx, events);
      return aggregate.state;
    });
    if (claim.status === 'BLOCKED') {
      throw new RefundBlockedError({
        claimId: claim.claimId,
        operation: 'REFUND_CLAIM',
        reasonCode: claim.gate.reasonCode,
        rule: claim.gate.rule,
        howToLift: claim.gate.howToLift ?? '',
      });
    }
    return refundClaimView(claim, 1);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LiabilityRepository, PaymentRepository } from '@one-window/tax/data-access';
import { recordPayment } from '@one-window/tax/domain';
import type { Principal } from '@one-window/shared/auth';
import { toFen } from '@one-window/shared/money';
import { NotFoundError } from '../../shared/errors';
import { TaxEvents } from '../../shared/tax-events';
import { FilingAccess } from '../shared/filing-access';
import { PaymentConflictError } from '../shared/filing-errors';
import { liabilityView, paymentView } from '../shared/filing-views';
import type { RecordPaymentDto } from './record-payment.dto';

/**
 * POST payments: the treasury reports a payment against one liability (§6 "payment reaches the
 * treasury"). Outstanding goes down, PAID at zero, `tax.payment.received`; more than outstanding
 * is refused (409). The same paymentId again answers the recorded payment and changes nothing.
 */
@Injectable()
export class RecordPaymentHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: FilingAccess,
    private readonly liabilities: LiabilityRepository,
    private readonly payments: PaymentRepository,
    private readonly events: TaxEvents,
  ) {}

  async execute(taxpayerId: string, dto: RecordPaymentDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      await this.access.payable(tx, taxpayerId, who);
      const stored = await this.liabilities.get(tx, dto.liabilityId, { lock: true });
      if (!stored || stored.doc.taxpayerId !== taxpayerId) throw new NotFoundError('Liability', dto.liabilityId);
      const earlier = await this.payments.get(tx, dto.paymentId);
      if (earlier) {
        if (earlier.doc.liabilityId !== dto.liabilityId || toFen(earlier.doc.amount) !== toFen(dto.amount)) throw new PaymentConflictError(dto.paymentId);
        return { payment: paymentView(earlier.doc), liability: liabilityView(stored.doc) };
      }
      const treasuryAt = new Date(dto.treasuryAt);
      const { aggregate, events } = recordPayment(stored.doc, { paymentId: dto.paymentId, amount: dto.amount, channel: dto.channel, treasuryAt });
      const liability = { ...stored.doc, ...aggregate };
      await this.liabilities.update(tx, liability, stored.version);
      const payment = {
        id: dto.paymentId,
        paymentId: dto.paymentId,
        taxpayerId,
        liabilityId: liability.liabilityId,
        periodKey: liability.periodKey,
        taxType: liability.taxType,
        amount: aggregate.payments[aggregate.payments.length - 1].amount,
        channel: dto.channel,
        treasuryAt,
        recordedAt: new Date(),
        recordedBy: who.subject,
      };
      await this.payments.insert(tx, payment);
      await this.events.publish(tx, events);
      return { payment: paymentView(payment), liability: liabilityView(liability) };
    });
  }
}

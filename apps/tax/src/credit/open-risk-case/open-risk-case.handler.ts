import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RiskCaseRepository } from '@one-window/tax/data-access';
import { RiskCase } from '@one-window/tax/domain';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';
import { TaxEvents } from '../../shared/tax-events';
import { CreditAccess } from '../shared/credit-access';
import type { OpenRiskCaseDto } from '../shared/credit.dto';
import { riskCaseView } from '../shared/risk-case-view';

/** The timer that sends the risk reminder (DETECTED → REMINDED, system, within 1 WD). */
export const RISK_REMINDER_TIMER = 'tax.risk.reminder';

/**
 * A risk officer of the taxpayer's bureau records a hit on a high-risk list obtained from another
 * bureau (R8.5): a risk case opens (R8.6), `tax.risk.detected`; a refund-fraud or false-invoicing
 * hit makes the taxpayer's risk high, which blocks refunds and invoice key operations until the
 * case is resolved. The reminder goes out by itself (durable timer, due at once).
 */
@Injectable()
export class OpenRiskCaseHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: CreditAccess,
    private readonly riskCases: RiskCaseRepository,
    private readonly events: TaxEvents,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
  ) {}

  execute(taxpayerId: string, dto: OpenRiskCaseDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const { doc: taxpayer } = await this.access.taxpayer(tx, taxpayerId, who, ['officer']);
      const at = new Date();
      const { aggregate, events } = RiskCase.detect({
        caseId: randomUUID(),
        taxpayerId: taxpayer.id,
        source: { kind: 'LIST_HIT', hit: { list: dto.listHit.list, origin: dto.listHit.origin, date: dto.listHit.date } },
        level: taxpayer.riskLevel,
        at,
        calendar: this.calendar,
      });
      await this.riskCases.insert(tx, aggregate.state);
      await this.events.publish(tx, events);
      await this.timers.schedule(tx, { kind: RISK_REMINDER_TIMER, key: aggregate.state.caseId, dueAt: at });
      return riskCaseView(aggregate.state, 1);
    });
  }
}

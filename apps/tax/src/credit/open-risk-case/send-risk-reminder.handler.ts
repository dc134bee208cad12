import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RiskCaseRepository } from '@one-window/tax/data-access';
import { RiskCase } from '@one-window/tax/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';
import type { Timer } from '@one-window/shared/scheduling';
import { TaxEvents } from '../../shared/tax-events';

/** Timer `tax.risk.reminder`: the reminder notice goes to the taxpayer; the self-check must start within 5 WD. */
@Injectable()
export class SendRiskReminderHandler {
  constructor(
    private readonly riskCases: RiskCaseRepository,
    private readonly events: TaxEvents,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(timer: Timer, tx: EntityManager): Promise<void> {
    const stored = await this.riskCases.get(tx, timer.key, { lock: true });
    if (!stored || stored.doc.status !== 'DETECTED') return; // already moved on
    const { aggregate, events } = RiskCase.restore(stored.doc).sendReminder({ at: new Date(), calendar: this.calendar });
    await this.riskCases.update(tx, aggregate.state, stored.version);
    await this.events.publish(tx, events);
  }
}

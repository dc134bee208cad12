import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CompanyDormancyEnded, CompanyDormancyStarted, type CompanyDormancyEndedData } from '@one-window/business-registration/contracts';
import { dormancyPeriod, MarketEntity } from '@one-window/business-registration/domain';
import { CompanyRepository, type CompanyRecord } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { LocalDate, WorkingCalendar } from '@one-window/shared/calendar';
import { Outbox } from '@one-window/shared/messaging';
import type { Stored } from '@one-window/shared/persistence';
import { Timers, type Timer } from '@one-window/shared/scheduling';
import { ownCompany } from '../file-premises/file-premises.handler';
import { publicCompanyView } from '../shared/public-company';
import { Clock } from '../shared/clock';
import type { StartDormancyDto } from './dormancy.dto';

/** The durable timer that ends a dormancy by itself on the day after its last dormant day (key: the credit code). */
export const DORMANCY_END_TIMER = 'registration.dormancy.end';

/**
 * 歇业 (spec §8 "Dormancy", §10.4 ACTIVE ⇄ DORMANT): the company's own applicant suspends business for a
 * hardship reason, for at most 3 years [cfg] (`dormancyPeriod`), and resumes when it wants; when the
 * period ends it resumes by itself (the timer, actor system). Each change commits with its event
 * (`registration.company.dormancy_started` / `_ended`); the entity status machine decides what is allowed.
 */
@Injectable()
export class DormancyHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
    private readonly outbox: Outbox,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  start(uscc: string, dto: StartDormancyDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const stored = await ownCompany(this.companies, tx, uscc, who);
      const at = this.clock.now();
      const today = this.calendar.localDateOf(at).toString();
      const period = dormancyPeriod(today, dto.endsOn);
      const c = stored.doc;
      const entity = MarketEntity.restore({ uscc, status: c.status, flags: c.flags }).apply({ trigger: 'start_dormancy', actor: 'applicant', effectiveOn: today, at, reasonCode: dto.reasonCode }).aggregate;
      const next: CompanyRecord = { ...c, status: entity.state.status, dormancy: { since: today, endsOn: period.endsOn, reasonCode: dto.reasonCode } };
      await this.companies.update(tx, next, stored.version);
      await this.outbox.append(tx, CompanyDormancyStarted, { aggregateId: uscc, time: at, data: { uscc, reasonCode: dto.reasonCode, effectiveOn: today, endsOn: period.endsOn } });
      await this.timers.schedule(tx, { kind: DORMANCY_END_TIMER, key: uscc, dueAt: this.calendar.startOfDay(LocalDate.parse(period.resumesOn)), payload: { endsOn: period.endsOn } });
      return { ...publicCompanyView(next), dormancy: next.dormancy };
    });
  }

  end(uscc: string, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const stored = await ownCompany(this.companies, tx, uscc, who);
      const next = await this.resume(tx, stored, 'applicant', 'RESUMED', this.clock.now());
      await this.timers.cancel(tx, DORMANCY_END_TIMER, uscc);
      return publicCompanyView(next);
    });
  }

  /** The timer: still dormant for the same period, the company resumes by itself (MAX_PERIOD_REACHED); otherwise nothing. */
  async onPeriodEnd(timer: Timer, tx: EntityManager, at: Date = new Date()): Promise<void> {
    const stored = await this.companies.get(tx, timer.key, { lock: true });
    if (!stored || stored.doc.status !== 'DORMANT' || stored.doc.dormancy?.endsOn !== timer.payload['endsOn']) return;
    await this.resume(tx, stored, 'system', 'MAX_PERIOD_REACHED', at);
  }

  private async resume(tx: EntityManager, stored: Stored<CompanyRecord>, actor: 'applicant' | 'system', reasonCode: CompanyDormancyEndedData['reasonCode'], at: Date): Promise<CompanyRecord> {
    const c = stored.doc;
    const today = this.calendar.localDateOf(at).toString();
    const entity = MarketEntity.restore({ uscc: c.uscc, status: c.status, flags: c.flags }).apply({ trigger: 'end_dormancy', actor, effectiveOn: today, at, reasonCode }).aggregate;
    const { dormancy: _ended, ...rest } = c;
    const next: CompanyRecord = { ...rest, status: entity.state.status };
    await this.companies.update(tx, next, stored.version);
    await this.outbox.append(tx, CompanyDormancyEnded, { aggregateId: c.uscc, time: at, data: { uscc: c.uscc, reasonCode, effectiveOn: today } });
    return next;
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CreditReratingRepository, TaxpayerRepository } from '@one-window/tax/data-access';
import { CreditRerating, Taxpayer, type ReratingState, type TaxpayerState } from '@one-window/tax/domain';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import type { Timer } from '@one-window/shared/scheduling';
import { Timers } from '@one-window/shared/scheduling';
import { NotFoundError } from '../../shared/errors';
import { TaxEvents } from '../../shared/tax-events';
import type { RateReratingDto } from '../shared/bankruptcy.dto';
import { BankruptcyClock } from '../shared/clock';
import { ReratingAlreadyAppliedError } from '../shared/errors';

/** The timer that publishes a rated re-rating (RATED → PUBLISHED, system). */
export const RERATING_PUBLISH_TIMER = 'tax.credit.rerating.publish';

const isOwner = (who: Principal, t: TaxpayerState) => who.roles.includes('applicant') && who.subject === t.ownerId;
const isBureauOfficer = (who: Principal, t: TaxpayerState) => who.roles.includes('officer') && who.agencyId !== undefined && who.agencyId === t.taxBureau;

/** A re-rating as the API answers it; the grade reaches the taxpayer's own account once published (self-query). */
export function reratingView(r: ReratingState, version: number, o: { gradeVisible: boolean }) {
  return {
    applicationId: r.applicationId,
    taxpayerId: r.taxpayerId,
    status: r.status,
    year: r.year,
    applicationMonth: r.window.applicationMonth,
    decisionMonth: r.window.decisionMonth,
    monthsInManagement: r.monthsInManagement,
    basisFrom: r.basisFrom,
    basisTo: r.basisTo,
    appliedAt: r.appliedAt.toISOString(),
    ...(o.gradeVisible && r.grade ? { grade: r.grade } : {}),
    ratedAt: r.ratedAt?.toISOString(),
    publishedAt: r.publishedAt?.toISOString(),
    version,
  };
}

/**
 * New-taxpayer credit re-rating (tax.md R8.7, 002 L295) on the pure domain (CreditRerating):
 * the taxpayer applies in an application window (March / September) → APPLIED, else 422
 * tax.credit.rerating_outside_window; eligibility counts from the taxpayer's establishment date
 * (its entry into credit management). An officer of the taxpayer's bureau rates in the decision
 * month (April / October) → RATED; the system publishes at once (durable timer) → PUBLISHED,
 * `tax.credit.re_rated`, and the taxpayer's credit grade becomes the new one.
 */
@Injectable()
export class CreditReratingHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly taxpayers: TaxpayerRepository,
    private readonly reratings: CreditReratingRepository,
    private readonly events: TaxEvents,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
    private readonly clock: BankruptcyClock,
  ) {}

  apply(taxpayerId: string, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const stored = await this.taxpayers.get(tx, taxpayerId, { lock: true });
      if (!stored || !isOwner(who, stored.doc)) throw new NotFoundError('Taxpayer', taxpayerId);
      const { aggregate } = CreditRerating.apply({
        applicationId: randomUUID(),
        taxpayerId,
        enteredCreditManagementOn: stored.doc.establishedOn,
        at: this.clock.now(),
        calendar: this.calendar,
      });
      const s = aggregate.state;
      const same = (await this.reratings.forTaxpayer(tx, taxpayerId)).find((r) => r.doc.year === s.year && r.doc.window.applicationMonth === s.window.applicationMonth);
      if (same) throw new ReratingAlreadyAppliedError(same.doc.applicationId);
      await this.reratings.insert(tx, { ...s, id: s.applicationId });
      return reratingView(s, 1, { gradeVisible: true });
    });
  }

  rate(applicationId: string, dto: RateReratingDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const stored = await this.reratings.get(tx, applicationId, { lock: true });
      const taxpayer = stored ? await this.taxpayers.get(tx, stored.doc.taxpayerId) : undefined;
      if (!stored || !taxpayer || !isBureauOfficer(who, taxpayer.doc)) throw new NotFoundError('Re-rating application', applicationId);
      const { aggregate } = CreditRerating.restore(stored.doc).rate({ at: this.clock.now(), calendar: this.calendar, grade: dto.grade, actor: 'officer_service', officerId: who.subject });
      const version = await this.reratings.update(tx, { ...aggregate.state, id: applicationId }, stored.version);
      await this.timers.schedule(tx, { kind: RERATING_PUBLISH_TIMER, key: applicationId, dueAt: new Date() });
      return reratingView(aggregate.state, version, { gradeVisible: true });
    });
  }

  /** Timer: RATED → PUBLISHED, the taxpayer's grade updated, `tax.credit.re_rated`. A repeat changes nothing. */
  async publish(timer: Timer, tx: EntityManager): Promise<void> {
    const stored = await this.reratings.get(tx, timer.key, { lock: true });
    if (!stored || stored.doc.status !== 'RATED') return;
    const { aggregate, events } = CreditRerating.restore(stored.doc).publish({ at: this.clock.now() });
    await this.reratings.update(tx, { ...aggregate.state, id: timer.key }, stored.version);
    const taxpayer = await this.taxpayers.get(tx, aggregate.state.taxpayerId, { lock: true });
    if (taxpayer && aggregate.state.grade) {
      const next = Taxpayer.rehydrate(taxpayer.doc).applyCreditGrade(aggregate.state.grade);
      if (next.state !== taxpayer.doc) await this.taxpayers.update(tx, next.state, taxpayer.version);
    }
    await this.events.publish(tx, events);
  }

  /**
   * Self-query: the taxpayer's own account, officers of its bureau, supervisors and admins. One
   * snapshot (REPEATABLE READ) for the grade and the re-ratings, so a publication committing between
   * the two reads cannot show a PUBLISHED re-rating next to the grade from before it.
   */
  async list(taxpayerId: string, who: Principal) {
    return this.ds.transaction('REPEATABLE READ', async (tx) => {
      const stored = await this.taxpayers.get(tx, taxpayerId);
      const t = stored?.doc;
      const reader = t !== undefined && (isOwner(who, t) || isBureauOfficer(who, t) || who.roles.includes('supervisor') || who.roles.includes('admin'));
      if (!t || !reader) throw new NotFoundError('Taxpayer', taxpayerId);
      const owner = isOwner(who, t);
      return {
        taxpayerId,
        creditGrade: t.creditGrade,
        items: (await this.reratings.forTaxpayer(tx, taxpayerId)).map((r) => reratingView(r.doc, r.version, { gradeVisible: !owner || r.doc.status === 'PUBLISHED' })),
      };
    });
  }
}

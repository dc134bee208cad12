import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AbnormalListing, isReportOverdue, reportWindow } from '@one-window/business-registration/domain';
import { AnnualReportRepository } from '@one-window/business-registration/data-access';
import { LocalDate, WorkingCalendar } from '@one-window/shared/calendar';
import { Timers, type Timer } from '@one-window/shared/scheduling';
import { AbnormalListDesk } from '../shared/abnormal-list-desk';
import { Clock } from '../shared/clock';

/**
 * The durable timer at the end of a report year's window: one per report year (key: the year,
 * e.g. '2026'), due at the start of the day after the window closes (2027-07-01 00:00
 * Asia/Shanghai for 2026), payload `{ afterUscc? }` while a sweep is under way.
 */
export const ANNUAL_REPORT_DEADLINE_TIMER = 'registration.annual_report.deadline';

/** Companies listed per firing; a longer sweep re-arms the timer at once and goes on from the last credit code. */
export const DEADLINE_BATCH = 200;

/** The instant the year's deadline timer is due: the start of the day after its window closes. */
export function deadlineDueAt(year: number, calendar: WorkingCalendar): Date {
  return calendar.startOfDay(LocalDate.parse(reportWindow(year).closesOn).plusDays(1));
}

/** The report year whose deadline is next at `today`: last year's until its window closes, then this year's. */
export function nextDeadlineYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today <= reportWindow(year - 1).closesOn ? year - 1 : year;
}

/**
 * The missed-report sweep (§7, 000 L866–868), fired once a year by a durable timer, in the poller's
 * transaction: every ACTIVE or DORMANT company established by the end of the report year that has
 * neither filed its report nor been listed for it is put on the abnormal list with reason
 * ANNUAL_REPORT_OVERDUE, listed on the day after the window (the domain's
 * `AbnormalListing.forMissedReport`), publishing `registration.company.abnormal_listed` and setting
 * the `abnormalListed` flag. At most DEADLINE_BATCH companies per firing: while more remain the
 * timer is re-armed at once with the last credit code; when done, next year's timer is scheduled.
 * Idempotent: a company already listed for the year, or that filed, is not listed again.
 *
 * Why a yearly timer and not a per-company one or a daily sweep: the deadline is the same day for
 * every company, so one durable timer per year carries it; a new company needs nothing scheduled.
 */
@Injectable()
export class AnnualReportDeadlineHandler {
  constructor(
    private readonly reports: AnnualReportRepository,
    private readonly desk: AbnormalListDesk,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  /** `at` defaults to now, and never before the due instant (the database clock said it is due). */
  async execute(timer: Timer, tx: EntityManager, at: Date = new Date(Math.max(this.clock.now().getTime(), timer.dueAt.getTime()))): Promise<{ listed: string[] }> {
    const year = Number(timer.key);
    if (!Number.isInteger(year)) return { listed: [] };
    const today = this.calendar.localDateOf(at).toString();
    if (!isReportOverdue(year, today)) {
      // fired early (moved clock): wait for the deadline
      await this.timers.schedule(tx, { kind: ANNUAL_REPORT_DEADLINE_TIMER, key: timer.key, dueAt: deadlineDueAt(year, this.calendar), payload: timer.payload });
      return { listed: [] };
    }
    const afterUscc = typeof timer.payload['afterUscc'] === 'string' ? timer.payload['afterUscc'] : undefined;
    const missing = await this.reports.missing(tx, year, { ...(afterUscc ? { afterUscc } : {}), limit: DEADLINE_BATCH });
    const listed: string[] = [];
    for (const { doc: company } of missing) {
      const outcome = AbnormalListing.forMissedReport({ id: randomUUID(), uscc: company.uscc, reportYear: year, today, at });
      if (!outcome) continue;
      await this.desk.list(
        tx,
        { id: outcome.aggregate.state.id, uscc: company.uscc, authorityCode: company.authorityCode, ownerId: company.ownerId, reportYear: year, listedBy: { subject: 'system', role: 'system' }, listedAt: at, rejections: [] },
        outcome,
      );
      listed.push(company.uscc);
    }
    if (missing.length === DEADLINE_BATCH) {
      await this.timers.schedule(tx, { kind: ANNUAL_REPORT_DEADLINE_TIMER, key: timer.key, dueAt: at, payload: { afterUscc: missing[missing.length - 1].doc.uscc } });
    } else {
      await this.timers.schedule(tx, { kind: ANNUAL_REPORT_DEADLINE_TIMER, key: String(year + 1), dueAt: deadlineDueAt(year + 1, this.calendar) });
    }
    return { listed };
  }
}

/**
 * Makes sure a deadline timer is pending when the service starts (the first start, or after a
 * year's timer was lost): the next report year's, unless one is already pending. Concurrent
 * instances schedule the same (kind, key), which the timers table keeps once.
 */
@Injectable()
export class AnnualReportDeadlineScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(AnnualReportDeadlineScheduler.name);

  constructor(
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.ensure();
    } catch (e) {
      this.logger.warn(`annual-report deadline timer not ensured: ${(e as Error).message}`);
    }
  }

  async ensure(): Promise<void> {
    await this.timers.ensurePending(ANNUAL_REPORT_DEADLINE_TIMER, () => {
      const year = nextDeadlineYear(this.calendar.localDateOf(this.clock.now()).toString());
      return { key: String(year), dueAt: deadlineDueAt(year, this.calendar) };
    });
  }
}

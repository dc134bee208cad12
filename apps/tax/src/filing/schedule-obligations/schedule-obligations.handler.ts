import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ObligationRepository, obligationId } from '@one-window/tax/data-access';
import {
  DEFAULT_FILING_SCHEDULE,
  obligationCreatedEvent,
  overdueAt,
  periodsOverlapping,
  scheduleObligations,
  type Obligation,
  type ObligationScheduleFacts,
  type TaxEvent,
  type TaxPeriod,
  type TaxpayerState,
} from '@one-window/tax/domain';
import { CalendarYearNotLoadedError, LocalDate, WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';
import { TaxEvents } from '../../shared/tax-events';
import { OBLIGATION_OVERDUE_TIMER } from '../shared/filing-timers';
import { scheduleFactsOf } from '../shared/taxpayer-filing-facts';

export interface ScheduleResult {
  /** periodKeys of the obligations this call opened (each with `tax.obligation.created` and an overdue timer). */
  readonly created: string[];
  /** periodKeys that already existed (left as they are). */
  readonly existing: string[];
  /** Periods not scheduled because the working calendar of their due year is not loaded. */
  readonly skipped: string[];
}

/**
 * Opens a taxpayer's obligations (§6 "period schedule of a registered tax type"): the domain
 * computes them (periodKey, due on the working-day calendar); each one whose periodKey is new for
 * the taxpayer is stored, announced (`tax.obligation.created`) and gets a durable timer at
 * `overdueAt` (due + 1 day, 00:00 local) that flags it overdue unless a return cancels it first.
 * Idempotent: (taxpayer, periodKey) is unique, so scheduling the same periods again adds nothing.
 */
@Injectable()
export class ScheduleObligationsHandler {
  private readonly log = new Logger(ScheduleObligationsHandler.name);

  constructor(
    private readonly obligations: ObligationRepository,
    private readonly events: TaxEvents,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
  ) {}

  /** Every period that overlaps [from, to]; throws when a due date falls in a year the calendar lacks. */
  async schedule(tx: EntityManager, taxpayer: TaxpayerState, from: string, to: string, at: Date): Promise<ScheduleResult> {
    return this.store(tx, scheduleObligations(scheduleFactsOf(taxpayer), from, to, this.calendar), at, []);
  }

  /**
   * The current and the next period of each stream (VAT per the taxpayer's vatPeriod, the combined
   * return per the schedule's combinedPeriod), as of `at`. A period whose due year has no calendar
   * data is skipped with a warning (the admin schedules it once the year is loaded).
   */
  async scheduleUpcoming(tx: EntityManager, taxpayer: TaxpayerState, at: Date, causation?: { correlationId?: string; causationId?: string }): Promise<ScheduleResult> {
    const facts = scheduleFactsOf(taxpayer);
    const today = this.calendar.localDateOf(at).toString();
    const streams: [ObligationScheduleFacts, TaxPeriod['kind'] | undefined][] = [
      [{ ...facts, taxTypes: [] }, facts.vatPeriod],
      [{ ...facts, vatPeriod: undefined }, facts.taxTypes.length > 0 ? DEFAULT_FILING_SCHEDULE.combinedPeriod : undefined],
    ];
    const computed: Obligation[] = [];
    const skipped: string[] = [];
    for (const [streamFacts, kind] of streams) {
      if (!kind) continue;
      for (const period of currentAndNext(kind, today)) {
        try {
          computed.push(...scheduleObligations(streamFacts, period.start, period.end, this.calendar));
        } catch (e) {
          if (!(e instanceof CalendarYearNotLoadedError)) throw e;
          skipped.push(`${period.start}..${period.end}`);
          this.log.warn(`taxpayer ${taxpayer.id}: period ${period.start}..${period.end} not scheduled: ${e.message}`);
        }
      }
    }
    return this.store(tx, computed, at, skipped, causation);
  }

  private async store(
    tx: EntityManager,
    obligations: readonly Obligation[],
    at: Date,
    skipped: string[],
    causation?: { correlationId?: string; causationId?: string },
  ): Promise<ScheduleResult> {
    const created: string[] = [];
    const existing: string[] = [];
    const events: TaxEvent[] = [];
    for (const o of obligations) {
      if (!(await this.obligations.insertIfAbsent(tx, o))) {
        existing.push(o.periodKey);
        continue;
      }
      created.push(o.periodKey);
      events.push(obligationCreatedEvent(o, at));
      await this.timers.schedule(tx, {
        kind: OBLIGATION_OVERDUE_TIMER,
        key: obligationId(o.taxpayerId, o.periodKey),
        dueAt: overdueAt(o, this.calendar),
        payload: { taxpayerId: o.taxpayerId, periodKey: o.periodKey },
      });
    }
    await this.events.publish(tx, events, causation);
    return { created, existing, skipped };
  }
}

function currentAndNext(kind: TaxPeriod['kind'], today: string): TaxPeriod[] {
  const [current] = periodsOverlapping(kind, today, today);
  const nextStart = LocalDate.parse(current.end).plusDays(1).toString();
  const [next] = periodsOverlapping(kind, nextStart, nextStart);
  return [current, next];
}

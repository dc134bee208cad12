import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ForcedExitCandidateFoundData } from '@one-window/business-registration/contracts';
import { NonFilingConfirmed, type NonFilingConfirmedData } from '@one-window/tax/contracts';
import { answerNonFilingQuery } from '@one-window/tax/domain';
import { ReturnRepository, TaxpayerRepository } from '@one-window/tax/data-access';
import { LocalDate, WorkingCalendar } from '@one-window/shared/calendar';
import { Outbox, type CloudEvent } from '@one-window/shared/messaging';

/** The consumer group that answers business registration's forced-exit queries (R4.7). */
export const FORCED_EXIT_QUERIES_GROUP = 'tax.forced-exit-queries';

/**
 * R4.7 (满两年未申报纳税, 000 L902–905): each `registration.forced_exit.candidate_found` is a question
 * to tax — did this entity file any return while listed? Tax answers from its own returns with
 * `tax.non_filing.confirmed` (the domain's `answerNonFilingQuery`), in the inbox transaction, so a
 * redelivered query is answered once; the answer names the query (`queryEventId`, causation).
 */
@Injectable()
export class AnswerNonFilingQueryHandler {
  constructor(
    private readonly taxpayers: TaxpayerRepository,
    private readonly returns: ReturnRepository,
    private readonly outbox: Outbox,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(event: CloudEvent<ForcedExitCandidateFoundData>, tx: EntityManager): Promise<void> {
    const q = event.data;
    const taxpayer = await this.taxpayers.get(tx, q.uscc);
    // Returns filed up to the end of the night's day (Asia/Shanghai) count.
    const endOfDay = this.calendar.startOfDay(LocalDate.parse(q.asOf).plusDays(1));
    const last = taxpayer ? await this.returns.lastFiledBefore(tx, q.uscc, endOfDay) : undefined;
    const answer = answerNonFilingQuery({
      listedOn: q.listedOn,
      asOf: q.asOf,
      ...(taxpayer ? { taxpayer: { registeredOn: this.calendar.localDateOf(taxpayer.doc.registeredAt).toString() } } : {}),
      ...(last ? { lastReturnFiledOn: this.calendar.localDateOf(last).toString() } : {}),
    });
    const data: NonFilingConfirmedData = { taxpayerId: q.uscc, asOf: q.asOf, listedOn: q.listedOn, ...answer, queryEventId: event.id };
    await this.outbox.append(tx, NonFilingConfirmed, { aggregateId: q.uscc, data, causationId: event.id });
  }
}

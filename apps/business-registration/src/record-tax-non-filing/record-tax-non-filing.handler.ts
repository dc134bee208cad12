import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ForcedExitCandidateRepository } from '@one-window/business-registration/data-access';
import type { NonFilingConfirmedData } from '@one-window/tax/contracts';
import type { CloudEvent } from '@one-window/shared/messaging';
import { ForcedExitCandidateLapses } from '../shared/forced-exit-candidate-lapses';

/**
 * Tax's answer to a forced-exit candidate (`tax.non_filing.confirmed`, tax.md R4.7), in the inbox
 * transaction: kept on the candidate of that night (the officer's queue shows it); when tax names a
 * return filed while listed, the candidate, if it still waits, lapses at once (TAX_FILED) instead of
 * at the next nightly re-check. An answer about a candidate registration does not hold is logged.
 */
@Injectable()
export class RecordTaxNonFilingHandler {
  private readonly logger = new Logger(RecordTaxNonFilingHandler.name);

  constructor(
    private readonly candidates: ForcedExitCandidateRepository,
    private readonly lapses: ForcedExitCandidateLapses,
  ) {}

  async execute(event: CloudEvent<NonFilingConfirmedData>, tx: EntityManager): Promise<void> {
    const d = event.data;
    const answer = {
      taxpayerKnown: d.taxpayerKnown,
      nonFiling: d.nonFiling,
      ...(d.noReturnSince !== undefined ? { noReturnSince: d.noReturnSince } : {}),
      ...(d.lastReturnFiledOn !== undefined ? { lastReturnFiledOn: d.lastReturnFiledOn } : {}),
      answeredAt: event.time,
    };
    if (!(await this.candidates.recordTaxAnswer(tx, d.taxpayerId, d.asOf, answer))) {
      this.logger.warn(`${event.type} ${event.id}: no forced-exit candidate of ${d.taxpayerId} for ${d.asOf}; ignored`);
      return;
    }
    if (d.nonFiling) return;
    const waiting = (await this.candidates.proposedOf(tx, d.taxpayerId)).filter((c) => c.listedOn === d.listedOn);
    for (const candidate of waiting) {
      await this.lapses.lapse(tx, candidate, { asOf: d.asOf, at: new Date(event.time), reason: 'TAX_FILED', ...(d.lastReturnFiledOn ? { taxFiledOn: d.lastReturnFiledOn } : {}) });
    }
  }
}

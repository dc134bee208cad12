import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ForcedExitCandidateLapsed, type ForcedExitCandidateLapsedData } from '@one-window/business-registration/contracts';
import { ForcedExitCandidateRepository, type ForcedExitCandidateRecord } from '@one-window/business-registration/data-access';
import { Outbox } from '@one-window/shared/messaging';

/** Taking a waiting forced-exit candidate off the queue: LAPSED, once, with `registration.forced_exit.candidate_lapsed`. */
@Injectable()
export class ForcedExitCandidateLapses {
  constructor(
    private readonly candidates: ForcedExitCandidateRepository,
    private readonly outbox: Outbox,
  ) {}

  /** True when the candidate was still waiting (and so lapsed now); nothing happens otherwise. */
  async lapse(
    tx: EntityManager,
    candidate: ForcedExitCandidateRecord,
    o: { asOf: string; at: Date; reason: ForcedExitCandidateLapsedData['reason']; taxFiledOn?: string },
  ): Promise<boolean> {
    if (!(await this.candidates.lapse(tx, candidate.uscc, candidate.asOf))) return false;
    const data: ForcedExitCandidateLapsedData = {
      uscc: candidate.uscc,
      authorityCode: candidate.authorityCode,
      asOf: o.asOf,
      listedOn: candidate.listedOn,
      foundOn: candidate.asOf,
      reason: o.reason,
      ...(o.reason === 'TAX_FILED' && o.taxFiledOn ? { taxFiledOn: o.taxFiledOn } : {}),
    };
    await this.outbox.append(tx, ForcedExitCandidateLapsed, { aggregateId: candidate.uscc, time: o.at, data });
    return true;
  }
}

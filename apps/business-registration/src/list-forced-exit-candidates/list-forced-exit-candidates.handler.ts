import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ForcedExitCandidateRepository } from '@one-window/business-registration/data-access';
import { ForcedExitCandidates, type ForcedExitCandidate } from '../shared/forced-exit-candidates';
import type { ForcedExitCandidatesQueryDto } from './forced-exit-candidates.dto';

export type { ForcedExitCandidate } from '../shared/forced-exit-candidates';

/**
 * The officer's forced-exit queue (§8 [design]: nightly rule → candidates → officer confirms) of
 * one authority. Without `asOf`: the candidates the nightly rule recorded that wait for an officer
 * (each with the night it was found). With `asOf`: the rule computed at that date on the current
 * data (a preview; nothing is recorded). Keyset pages by credit code.
 */
@Injectable()
export class ListForcedExitCandidatesHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly rule: ForcedExitCandidates,
    private readonly recorded: ForcedExitCandidateRepository,
  ) {}

  async execute(query: ForcedExitCandidatesQueryDto, authorityCode: string) {
    const limit = query.limit ?? 50;
    if (query.asOf === undefined) return this.queue(authorityCode, limit, query.after);
    const asOf = query.asOf;
    const items: ForcedExitCandidate[] = [];
    let after = query.after;
    for (;;) {
      const scan = await this.rule.scan(this.ds.manager, { authorityCode, asOf, ...(after ? { afterUscc: after } : {}), limit });
      for (const c of scan.candidates) {
        items.push(c);
        if (items.length === limit) return { asOf, items, next: c.uscc };
      }
      if (!scan.more) return { asOf, items };
      after = scan.lastUscc;
    }
  }

  private async queue(authorityCode: string, limit: number, after: string | undefined) {
    const found = await this.recorded.queue(this.ds.manager, authorityCode, { ...(after ? { afterUscc: after } : {}), limit });
    const items = found.map((c) => ({
      uscc: c.uscc,
      name: c.name,
      status: c.companyStatus,
      listedOn: c.listedOn,
      reasonCodes: c.reasonCodes,
      fullPeriodFrom: c.fullPeriodFrom,
      ...(c.lastTaxFiledOn ? { lastTaxFiledOn: c.lastTaxFiledOn } : {}),
      foundOn: c.asOf,
      foundAt: c.foundAt.toISOString(),
      ...(c.taxAnswer ? { taxAnswer: c.taxAnswer } : {}),
    }));
    return { items, ...(found.length === limit ? { next: found[found.length - 1].uscc } : {}) };
  }
}

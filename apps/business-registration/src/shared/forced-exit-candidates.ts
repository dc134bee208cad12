import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assessForcedExit, DEFAULT_FORCED_EXIT_POLICY } from '@one-window/business-registration/domain';
import { AbnormalListingRepository, TaxReturnFilingRepository } from '@one-window/business-registration/data-access';
import { LocalDate } from '@one-window/shared/calendar';

/** A company the forced-exit rule selects at a date. */
export interface ForcedExitCandidate {
  readonly uscc: string;
  readonly name: string;
  readonly status: string;
  readonly listedOn: string;
  readonly reasonCodes: readonly string[];
  readonly fullPeriodFrom: string;
  readonly lastTaxFiledOn?: string;
}

/** One page of the rule's scan: the candidates among up to `limit` listed companies, and where to go on. */
export interface CandidateScan {
  readonly candidates: ForcedExitCandidate[];
  /** How many listed companies were assessed. */
  readonly scanned: number;
  /** The last credit code scanned; the next page starts after it. */
  readonly lastUscc?: string;
  /** Whether more listed companies remain after `lastUscc`. */
  readonly more: boolean;
}

/**
 * The forced-exit candidate rule (§8, 000 L902–905) over an authority's companies at `asOf`, the
 * one computation the officer's as-of query and the nightly rule share: companies on the list whose
 * current listing is older than the policy's years (a loose SQL pre-filter), each assessed with the
 * domain's `assessForcedExit` and its last tax filing on or before `asOf` (the latest filing is
 * within the listing exactly when any is). Keyset pages by credit code.
 */
@Injectable()
export class ForcedExitCandidates {
  constructor(
    private readonly listings: AbnormalListingRepository,
    private readonly filings: TaxReturnFilingRepository,
  ) {}

  /** Scans up to `limit` listed companies of the authority after `afterUscc`. */
  async scan(tx: EntityManager, o: { authorityCode: string; asOf: string; afterUscc?: string; limit: number }): Promise<CandidateScan> {
    const day = LocalDate.parse(o.asOf);
    // listed at least `years` before asOf (the rule needs one day more; the domain decides)
    const listedBy = `${String(day.year - DEFAULT_FORCED_EXIT_POLICY.years).padStart(4, '0')}${o.asOf.slice(4)}`.replace(/-02-29$/, '-03-01');
    const batch = await this.listings.listedCompanies(tx, { authorityCode: o.authorityCode, listedBy, ...(o.afterUscc ? { afterUscc: o.afterUscc } : {}), limit: o.limit });
    const candidates: ForcedExitCandidate[] = [];
    for (const c of batch) {
      const lastTaxFiledOn = await this.filings.lastFiledOn(tx, c.uscc, o.asOf);
      const assessment = assessForcedExit({ listedOn: c.listedOn, today: o.asOf, filings: lastTaxFiledOn ? [{ filedOn: lastTaxFiledOn }] : [] });
      if (!assessment.candidate) continue;
      candidates.push({ uscc: c.uscc, name: c.name, status: c.status, listedOn: c.listedOn, reasonCodes: c.reasonCodes, fullPeriodFrom: assessment.fullPeriodFrom, ...(lastTaxFiledOn ? { lastTaxFiledOn } : {}) });
    }
    return { candidates, scanned: batch.length, ...(batch.length > 0 ? { lastUscc: batch[batch.length - 1].uscc } : {}), more: batch.length === o.limit };
  }
}

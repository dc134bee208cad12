import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUniqueViolation, LiabilityRepository, ObligationRepository, ReturnRepository } from '@one-window/tax/data-access';
import { amendReturn, ReturnNotFinalisedError, ReturnNotFoundError, ReturnNotLatestError } from '@one-window/tax/domain';
import type { Principal } from '@one-window/shared/auth';
import { TaxEvents } from '../../shared/tax-events';
import { FilingAccess } from '../shared/filing-access';
import { filingContext } from '../shared/filing-ids';
import { receiptView } from '../shared/filing-views';
import { linesToFile, ReliefRules } from '../shared/return-lines';
import type { AmendReturnDto } from './amend-return.dto';

/**
 * POST returns/{returnId}/amendments (更正申报): amends the latest version of a filed return; a
 * new version with a new receipt; each liability reassessed (what was paid stays paid, an excess
 * becomes `overpaid`), `tax.return.amended` and `tax.liability.assessed` with the delta for each
 * changed liability. A small-scale VAT amendment sends the corrected sales and is reassessed.
 */
@Injectable()
export class AmendReturnHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: FilingAccess,
    private readonly obligations: ObligationRepository,
    private readonly returns: ReturnRepository,
    private readonly liabilities: LiabilityRepository,
    private readonly events: TaxEvents,
    private readonly relief: ReliefRules,
  ) {}

  async execute(taxpayerId: string, returnId: string, dto: AmendReturnDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const taxpayer = await this.access.fileable(tx, taxpayerId, who);
      const original = await this.returns.get(tx, returnId);
      if (!original || original.doc.taxpayerId !== taxpayerId) throw new ReturnNotFoundError(returnId);
      if (dto.finalised !== true) throw new ReturnNotFinalisedError(original.doc.periodKey);
      const stored = await this.obligations.get(tx, taxpayerId, original.doc.periodKey, { lock: true });
      if (!stored) throw new ReturnNotFoundError(returnId);
      const versions = await this.returns.forPeriod(tx, taxpayerId, original.doc.periodKey);
      const latest = versions.reduce((a, b) => (b.version > a.version ? b : a));
      if (latest.returnId !== returnId) throw new ReturnNotLatestError(returnId, latest.returnId);
      const current = await this.liabilities.forPeriod(tx, taxpayerId, original.doc.periodKey, { lock: true });
      const lines = linesToFile(taxpayer, stored.doc, dto, await this.relief.book(tx));
      const amended = amendReturn(
        stored.doc,
        versions,
        current.map((c) => c.doc),
        { returnId, lines, finalised: dto.finalised },
        await filingContext(tx, this.returns),
      );
      await this.obligations.update(tx, amended.obligation, stored.version);
      try {
        await this.returns.insert(tx, amended.taxReturn);
      } catch (e) {
        // a concurrent amendment of the same version took this version number first
        if (isUniqueViolation(e)) throw new ReturnNotLatestError(returnId, 'the amendment filed concurrently');
        throw e;
      }
      for (const liability of amended.liabilities) {
        const before = current.find((c) => c.doc.liabilityId === liability.liabilityId);
        if (before) await this.liabilities.update(tx, { ...before.doc, ...liability }, before.version);
      }
      await this.events.publish(tx, amended.events);
      return { ...receiptView(amended.receipt, amended.taxReturn), amendsReturnId: returnId, deltas: amended.deltas };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isUniqueViolation, LiabilityRepository, ObligationRepository, obligationId, ReturnRepository } from '@one-window/tax/data-access';
import { DuplicateReturnError, fileReturn, ObligationNotFoundError, ReturnNotFinalisedError, type ReturnFiled } from '@one-window/tax/domain';
import type { Principal } from '@one-window/shared/auth';
import { Timers } from '@one-window/shared/scheduling';
import { TaxEvents } from '../../shared/tax-events';
import { FilingAccess } from '../shared/filing-access';
import { filingContext } from '../shared/filing-ids';
import { OBLIGATION_OVERDUE_TIMER } from '../shared/filing-timers';
import { receiptView } from '../shared/filing-views';
import { linesToFile, ReliefRules } from '../shared/return-lines';
import type { FileReturnDto } from './file-return.dto';

/**
 * POST returns (§6, HMRC MTD): one transaction locks the obligation, files the return (domain
 * order of checks: finalised 422, obligation 404, duplicate 409, open 409, lines 422), fulfils the
 * obligation, cancels its overdue timer, stores the return and one liability per tax type, and
 * appends `tax.return.filed` + `tax.liability.assessed`. Two racing returns for one period: the
 * row lock makes the second see the first; the unique indexes refuse it even without the lock.
 */
@Injectable()
export class FileReturnHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: FilingAccess,
    private readonly obligations: ObligationRepository,
    private readonly returns: ReturnRepository,
    private readonly liabilities: LiabilityRepository,
    private readonly timers: Timers,
    private readonly events: TaxEvents,
    private readonly relief: ReliefRules,
  ) {}

  async execute(taxpayerId: string, dto: FileReturnDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const taxpayer = await this.access.fileable(tx, taxpayerId, who);
      if (dto.finalised !== true) throw new ReturnNotFinalisedError(dto.periodKey);
      const stored = await this.obligations.get(tx, taxpayerId, dto.periodKey, { lock: true });
      if (!stored) throw new ObligationNotFoundError(dto.periodKey);
      const existing = await this.returns.forPeriod(tx, taxpayerId, dto.periodKey);
      // the lines are assessed only for a return that can be accepted; otherwise the domain names the conflict
      const lines = existing.length === 0 && stored.doc.status === 'O' ? linesToFile(taxpayer, stored.doc, dto, await this.relief.book(tx)) : (dto.lines ?? []);
      const filed = fileReturn(stored.doc, existing, { periodKey: dto.periodKey, lines, finalised: dto.finalised }, await filingContext(tx, this.returns));
      await this.obligations.update(tx, filed.obligation, stored.version);
      await this.timers.cancel(tx, OBLIGATION_OVERDUE_TIMER, obligationId(taxpayerId, dto.periodKey));
      await this.save(tx, filed);
      await this.events.publish(tx, filed.events);
      return receiptView(filed.receipt, filed.taxReturn);
    });
  }

  private async save(tx: EntityManager, filed: ReturnFiled): Promise<void> {
    try {
      await this.returns.insert(tx, filed.taxReturn);
      for (const l of filed.liabilities) await this.liabilities.insert(tx, l, filed.obligation);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      throw new DuplicateReturnError(filed.taxReturn.periodKey, filed.taxReturn.lines.map((l) => l.taxType), 'the return filed concurrently');
    }
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CreditRepairUpdate } from '@one-window/business-registration/domain';
import { CompanyRepository, CreditRepairUpdateRepository, type CreditRepairUpdateRecord } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { Clock } from '../shared/clock';
import { CreditRepairDesk } from '../shared/credit-repair-desk';
import { NotFoundError } from '../shared/errors';
import type { CreditRepairConfirmationDto } from './credit-repair-confirmation.dto';

/**
 * The officers' side of credit repair (信用修复, §7; bankruptcy.md §6.6): the queue of their authority's
 * open updates, and the confirmation that the publicity system was updated (UPDATED,
 * `registration.credit_repair.updated`, late after the due time). The company's public record then
 * shows when its credit was repaired, while its case is shown.
 */
@Injectable()
export class CreditRepairHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly updates: CreditRepairUpdateRepository,
    private readonly companies: CompanyRepository,
    private readonly desk: CreditRepairDesk,
    private readonly clock: Clock,
  ) {}

  async queue(who: Principal): Promise<{ items: CreditRepairUpdateRecord[] }> {
    return { items: who.agencyId ? await this.updates.openFor(this.ds.manager, who.agencyId) : [] };
  }

  async confirm(id: string, dto: CreditRepairConfirmationDto, who: Principal): Promise<CreditRepairUpdateRecord> {
    return this.ds.transaction(async (tx) => {
      const stored = await this.updates.get(tx, id, { lock: true });
      if (!stored || !who.agencyId || stored.doc.authorityCode !== who.agencyId) throw new NotFoundError('Credit-repair update', id);
      const at = this.clock.now();
      const outcome = CreditRepairUpdate.restore(stored.doc).confirmUpdate({ at, actor: 'officer', officerId: who.subject, ...(dto.note !== undefined ? { note: dto.note } : {}) });
      const saved = await this.desk.save(tx, stored, outcome, { cancelTimer: true });
      const company = await this.companies.get(tx, saved.uscc, { lock: true });
      const bankruptcy = company?.doc.bankruptcy;
      if (company && bankruptcy?.caseId === saved.caseId) {
        await this.companies.update(tx, { ...company.doc, bankruptcy: { ...bankruptcy, creditRepairUpdatedAt: at } }, company.version);
      }
      return saved;
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BankruptcyTaxClaimRepository, BankruptcyTaxFileRepository, LiabilityRepository, type BankruptcyTaxClaimRecord } from '@one-window/tax/data-access';
import type { Principal } from '@one-window/shared/auth';
import { NotFoundError } from '../../shared/errors';
import { TaxEvents } from '../../shared/tax-events';
import { claimLines, claimTotals } from '../shared/bankruptcy-claim';
import type { DraftTaxClaimDto } from '../shared/bankruptcy.dto';
import { BankruptcyCaseAccess } from '../shared/case-access';
import { BankruptcyClock } from '../shared/clock';
import { BankruptcyClaimNotDraftError, EmptyBankruptcyClaimError } from '../shared/errors';

/** A claim as the API answers it. */
export function claimView(c: BankruptcyTaxClaimRecord, version: number) {
  return {
    claimId: c.claimId,
    caseId: c.caseId,
    taxpayerId: c.taxpayerId,
    taxBureau: c.taxBureau,
    status: c.status,
    lines: c.lines.map((l) => ({ class: l.class, taxType: l.taxType, periodKey: l.periodKey, amount: l.amount, source: l.source.kind })),
    totals: c.totals,
    draftedAt: c.draftedAt.toISOString(),
    filedAt: c.filedAt?.toISOString(),
    version,
  };
}

/**
 * The tax claim into a bankruptcy case (tax.md §11), by an officer of the debtor's bureau:
 * OPENED → CLAIM_DRAFTED (principal from the outstanding liabilities and/or given; late fees and
 * fines as their own classes) → CLAIM_FILED with the administrator (`tax.bankruptcy_claim.filed`).
 * The case's claim deadline (`bankruptcy.case.announced`) is not consumed yet, so filing is not
 * refused for lateness.
 */
@Injectable()
export class TaxClaimsHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: BankruptcyCaseAccess,
    private readonly files: BankruptcyTaxFileRepository,
    private readonly claims: BankruptcyTaxClaimRepository,
    private readonly liabilities: LiabilityRepository,
    private readonly events: TaxEvents,
    private readonly clock: BankruptcyClock,
  ) {}

  draft(caseId: string, dto: DraftTaxClaimDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const file = await this.access.forBureauOfficer(tx, caseId, who, { lock: true });
      const outstanding =
        dto.principalFromLiabilities === false
          ? []
          : (await this.liabilities.list(tx, file.doc.taxpayerId, {})).map((l) => l.doc).filter((l) => l.status === 'OPEN');
      const lines = claimLines({
        fromLiabilities: outstanding.map((l) => ({ liabilityId: l.liabilityId, taxType: l.taxType, periodKey: l.periodKey, outstanding: l.outstanding })),
        given: (dto.lines ?? []).map((l) => ({ class: l.class, taxType: l.taxType, periodKey: l.periodKey, amount: { amount: l.amount.amount, currency: 'CNY' } })),
      });
      if (lines.length === 0) throw new EmptyBankruptcyClaimError(caseId);
      const claimId = randomUUID();
      const claim: BankruptcyTaxClaimRecord = {
        id: claimId,
        claimId,
        caseId,
        taxpayerId: file.doc.taxpayerId,
        taxBureau: file.doc.taxBureau,
        status: 'DRAFTED',
        lines,
        totals: claimTotals(lines),
        draftedAt: this.clock.now(),
        draftedBy: who.subject,
      };
      await this.claims.insert(tx, claim);
      if (file.doc.status === 'OPENED') await this.files.update(tx, { ...file.doc, status: 'CLAIM_DRAFTED' }, file.version);
      return claimView(claim, 1);
    });
  }

  file(caseId: string, claimId: string, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const file = await this.access.forBureauOfficer(tx, caseId, who, { lock: true });
      const stored = await this.claims.get(tx, claimId, { lock: true });
      if (!stored || stored.doc.caseId !== caseId) throw new NotFoundError('Tax claim', claimId);
      if (stored.doc.status !== 'DRAFTED') throw new BankruptcyClaimNotDraftError(claimId, stored.doc.status);
      const at = this.clock.now();
      const filed: BankruptcyTaxClaimRecord = { ...stored.doc, status: 'FILED', filedAt: at, filedBy: who.subject };
      const version = await this.claims.update(tx, filed, stored.version);
      if (file.doc.status !== 'CLAIM_FILED') await this.files.update(tx, { ...file.doc, status: 'CLAIM_FILED' }, file.version);
      await this.events.publish(tx, [
        {
          type: 'tax.bankruptcy_claim.filed',
          aggregateId: filed.taxpayerId,
          occurredAt: at,
          data: {
            caseId,
            claimId,
            taxpayerId: filed.taxpayerId,
            claims: filed.lines.map((l) => ({
              class: l.class,
              ...(l.taxType !== undefined ? { taxType: l.taxType } : {}),
              ...(l.periodKey !== undefined ? { periodKey: l.periodKey } : {}),
              amount: l.amount,
            })),
            total: filed.totals.all,
            taxBureau: filed.taxBureau,
            filedAt: at.toISOString(),
          },
        },
      ]);
      return claimView(filed, version);
    });
  }

  /** The case's claims: filed ones to the administrator (with a grant) and the court; drafts too to the bureau, supervisors, admins. */
  async list(caseId: string, who: Principal) {
    const tx = this.ds.manager;
    const { drafts } = await this.access.forClaimReader(tx, caseId, who);
    const claims = await this.claims.forCase(tx, caseId, drafts ? undefined : 'FILED');
    return { caseId, items: claims.map((s) => claimView(s.doc, s.version)) };
  }
}

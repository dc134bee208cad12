import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEBTOR_INFO_SECTIONS } from '@one-window/tax/contracts';
import {
  DebtorInfoQueryLog,
  LiabilityRepository,
  ObligationRepository,
  RefundClaimRepository,
  TaxpayerRepository,
  UKeyIssuanceRepository,
  type BankruptcyTaxFileRecord,
} from '@one-window/tax/data-access';
import type { TaxpayerState } from '@one-window/tax/domain';
import { AuditSink, type Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { getRequestContext } from '@one-window/shared/http';
import { moneyFromFen, toFen } from '@one-window/shared/money';
import { TaxEvents } from '../../shared/tax-events';
import { NotFoundError } from '../../shared/errors';
import { BankruptcyCaseAccess } from '../shared/case-access';
import { BankruptcyClock } from '../shared/clock';

/** Refund claims still in progress (not decided, paid or lapsed). */
const PENDING_REFUND = new Set(['SUBMITTED', 'BLOCKED', 'UNDER_REVIEW', 'INFO_REQUESTED', 'APPROVED']);

/**
 * The debtor's tax information for the case's administrator (tax.md §11 [cfg], 000 L986–991), read
 * from this service's own records, read-only: registration facts (no legal representative, owner
 * account or address text: no personal data), arrears by tax type from the open liabilities, unfiled
 * periods from the open obligations whose period has ended, refund claims pending, UKeys in the
 * debtor's hands (fully digital e-invoices leave no unused paper invoices), and preservation
 * measures held by tax (none are modelled yet). Only under a live grant (else 404). Each answer is
 * logged (`debtor_info_query`), published as `tax.debtor_info.provided` (case, query id and
 * sections only) in the same transaction, and written to the audit trail.
 */
@Injectable()
export class DebtorTaxInfoHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: BankruptcyCaseAccess,
    private readonly taxpayers: TaxpayerRepository,
    private readonly obligations: ObligationRepository,
    private readonly liabilities: LiabilityRepository,
    private readonly refunds: RefundClaimRepository,
    private readonly ukeys: UKeyIssuanceRepository,
    private readonly queries: DebtorInfoQueryLog,
    private readonly events: TaxEvents,
    private readonly audit: AuditSink,
    private readonly calendar: WorkingCalendar,
    private readonly clock: BankruptcyClock,
  ) {}

  async execute(caseId: string, who: Principal) {
    let answer;
    try {
      answer = await this.answer(caseId, who);
    } catch (error) {
      // refused queries are audited too (supervision of administrators, 000 L993–995)
      if (error instanceof NotFoundError) await this.record(caseId, who, 404);
      throw error;
    }
    await this.record(caseId, who, 200, answer.queryId);
    return answer;
  }

  private answer(caseId: string, who: Principal) {
    // One snapshot (REPEATABLE READ): a return filed (obligation F + its liabilities) or a payment committing between the reads must not show a torn file.
    return this.ds.transaction('REPEATABLE READ', async (tx) => {
      const { file, grant } = await this.access.forAdministrator(tx, caseId, who);
      const taxpayer = await this.taxpayers.get(tx, file.taxpayerId);
      if (!taxpayer) throw new NotFoundError('Bankruptcy case', caseId);
      const at = this.clock.now();
      const queryId = randomUUID();
      const info = await this.read(tx, file, taxpayer.doc, at);
      const sections = [...DEBTOR_INFO_SECTIONS];
      await this.queries.record(tx, {
        id: queryId,
        queryId,
        caseId,
        grantId: grant.grantId,
        taxpayerId: file.taxpayerId,
        administratorId: who.subject,
        sections,
        at,
        requestId: getRequestContext()?.requestId ?? null,
      });
      await this.events.publish(tx, [
        {
          type: 'tax.debtor_info.provided',
          aggregateId: file.taxpayerId,
          occurredAt: at,
          data: { caseId, queryId, grantId: grant.grantId, taxpayerId: file.taxpayerId, sections, providedAt: at.toISOString() },
        },
      ]);
      return { queryId, caseId, grantId: grant.grantId, providedAt: at.toISOString(), ...info };
    });
  }

  /** The audit entry of a query (the platform's interceptor skips GETs): answered with its query id, or refused. */
  private async record(caseId: string, who: Principal, status: 200 | 404, queryId?: string): Promise<void> {
    const requestId = getRequestContext()?.requestId;
    await this.audit.record({
      at: new Date(),
      actor: { subject: who.subject, roles: [...who.roles], ...(who.agencyId ? { agencyId: who.agencyId } : {}) },
      action: 'GET /bankruptcy-cases/:caseId/debtor-tax-info',
      resource: `/api/v1/tax/bankruptcy-cases/${caseId}/debtor-tax-info${queryId ? `#query=${queryId}` : ''}`,
      outcome: { status, result: status === 200 ? 'success' : 'rejected' },
      ...(requestId ? { requestId } : {}),
    });
  }

  private async read(tx: EntityManager, file: BankruptcyTaxFileRecord, t: TaxpayerState, at: Date) {
    const today = this.calendar.localDateOf(at).toString();
    const liabilities = (await this.liabilities.list(tx, t.id, {})).map((l) => l.doc).filter((l) => l.status === 'OPEN' && toFen(l.outstanding) > 0n);
    const byType = new Map<string, { fen: bigint; periods: string[] }>();
    for (const l of liabilities) {
      const e = byType.get(l.taxType) ?? { fen: 0n, periods: [] };
      byType.set(l.taxType, { fen: e.fen + toFen(l.outstanding), periods: [...e.periods, l.periodKey] });
    }
    const obligations = (await this.obligations.list(tx, t.id, {})).map((o) => o.doc).filter((o) => o.status === 'O' && o.end < today);
    const refunds = (await this.refunds.forTaxpayer(tx, t.id)).map((r) => r.doc).filter((r) => PENDING_REFUND.has(r.status));
    const ukeys = (await this.ukeys.listByTaxpayer(tx, t.id)).map((u) => u.doc);
    return {
      registration: {
        taxpayerId: t.id,
        kind: t.kind,
        name: t.facts.name,
        status: t.status,
        establishedOn: t.establishedOn,
        divisionCode: t.facts.domicile.divisionCode,
        industryCode: t.industryCode,
        taxBureau: t.taxBureau,
        vatStatus: t.vatStatus,
        vatPeriod: t.vatPeriod,
        creditGrade: t.creditGrade,
        riskLevel: t.riskLevel,
        flags: t.flags,
        registeredAt: t.registeredAt.toISOString(),
      },
      arrears: {
        byTaxType: [...byType.entries()].map(([taxType, e]) => ({ taxType, outstanding: moneyFromFen(e.fen), periods: e.periods })),
        total: moneyFromFen(liabilities.reduce((s, l) => s + toFen(l.outstanding), 0n)),
      },
      unfiledPeriods: obligations.map((o) => ({ periodKey: o.periodKey, taxTypes: [...o.taxTypes], start: o.start, end: o.end, due: o.due })),
      pendingRefunds: refunds.map((r) => ({ claimId: r.claimId, kind: r.kind, amount: r.amount, status: r.status, submittedAt: r.submittedAt.toISOString() })),
      invoicing: {
        invoiceQuota: t.invoiceQuota,
        /** Fully digital e-invoices (全电发票) leave no blank paper invoices to return or cancel. */
        unusedPaperInvoices: 0,
        ukeys: ukeys.map((u) => ({ status: u.status, free: u.free, requestedAt: u.requestedAt.toISOString(), ...(u.activatedAt ? { activatedAt: u.activatedAt.toISOString() } : {}) })),
        ukeysToCancel: ukeys.filter((u) => u.status === 'ACTIVATED').length,
      },
      /** Tax preservation / enforcement measures on the debtor's assets: not modelled in tax yet. */
      preservationMeasures: [] as unknown[],
      case: { caseId: file.caseId, acceptedOn: file.acceptedOn, fileStatus: file.status },
    };
  }
}

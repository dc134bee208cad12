import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InvoiceRepository, LiabilityRepository, ObligationRepository, ReturnRepository, RiskCaseRepository, UKeyIssuanceRepository } from '@one-window/tax/data-access';
import type { ClearanceFacts, TaxpayerState } from '@one-window/tax/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';

/**
 * The facts clearance (§10) is decided on, read from this service's own records:
 * - outstanding returns: open obligations whose period has ended;
 * - arrears: open liabilities with an outstanding amount, per tax type;
 * - UKeys not cancelled: issued (activated) UKeys — fully digital e-invoices need no cancellation,
 *   so unused paper invoices are always 0 here;
 * - under inspection: a risk case gone to enforcement (R8.6);
 * - never had tax matters: no return, liability, invoice or UKey at all;
 * - late fees and fines are not modelled yet (0), missing materials come from the application.
 */
@Injectable()
export class ClearanceFactsReader {
  constructor(
    private readonly obligations: ObligationRepository,
    private readonly returns: ReturnRepository,
    private readonly liabilities: LiabilityRepository,
    private readonly invoices: InvoiceRepository,
    private readonly ukeys: UKeyIssuanceRepository,
    private readonly riskCases: RiskCaseRepository,
    private readonly calendar: WorkingCalendar,
  ) {}

  async read(
    tx: EntityManager,
    taxpayer: TaxpayerState,
    at: Date,
    missingMaterials: readonly string[] = [],
    bankruptcyTermination?: ClearanceFacts['bankruptcyTermination'],
  ): Promise<ClearanceFacts> {
    const today = this.calendar.localDateOf(at).toString();
    const obligations = await this.obligations.list(tx, taxpayer.id, {});
    const outstandingReturns = obligations.filter((o) => o.doc.status === 'O' && o.doc.end < today).map((o) => ({ periodKey: o.doc.periodKey }));
    const filed = (await Promise.all(obligations.map((o) => this.returns.forPeriod(tx, taxpayer.id, o.doc.periodKey)))).some((r) => r.length > 0);
    const liabilities = await this.liabilities.list(tx, taxpayer.id, {});
    const arrears = liabilities
      .filter((l) => l.doc.status === 'OPEN' && Number(l.doc.outstanding) > 0)
      .map((l) => ({ taxType: l.doc.taxType, amount: { amount: l.doc.outstanding, currency: 'CNY' as const } }));
    const issuedInvoices = await this.invoices.listByIssuer(tx, taxpayer.id, { limit: 1 });
    const ukeys = await this.ukeys.listByTaxpayer(tx, taxpayer.id);
    const riskCases = await this.riskCases.forTaxpayer(tx, taxpayer.id);
    return {
      neverHadTaxMatters: !filed && liabilities.length === 0 && issuedInvoices.length === 0 && ukeys.length === 0,
      outstandingReturns,
      arrears,
      lateFees: { amount: '0.00', currency: 'CNY' },
      fines: { amount: '0.00', currency: 'CNY' },
      unusedInvoices: 0,
      ukeysNotCancelled: ukeys.filter((u) => u.doc.status === 'ACTIVATED').length,
      underInspection: riskCases.some((c) => c.doc.status === 'ENFORCEMENT'),
      missingMaterials: [...missingMaterials],
      ...(bankruptcyTermination ? { bankruptcyTermination } : {}),
    };
  }
}

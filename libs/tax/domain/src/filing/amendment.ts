import { TaxInvalidArgumentError } from '../shared/errors';
import type { TaxEvent } from '../shared/outcome';
import { transition } from '../shared/state-machine';
import { InvalidReturnError, ReturnNotFinalisedError, ReturnNotFoundError, ReturnNotLatestError } from './errors';
import type { FilingContext } from './filing-ids';
import { liabilityAssessedEvent, reassessLiability, type Liability } from './liability';
import { OBLIGATION_MACHINE } from './obligation-machine';
import { obligationState, type Obligation } from './obligation';
import { normaliseLines, returnLineProblems, type ReturnLine } from './return-lines';
import { returnEvent, type FilingReceipt, type TaxReturn } from './tax-return';
import type { TaxType } from './tax-type';

/** POST …/returns/{returnId}/amendments: the corrected lines replace the whole return (更正申报 [ext]). */
export interface AmendmentSubmission {
  readonly returnId: string;
  readonly lines: readonly ReturnLine[];
  readonly finalised: boolean;
}

/** How one liability changed. `delta` is signed ('-120.00' for a reduction). */
export interface LiabilityDelta {
  readonly taxType: TaxType;
  readonly liabilityId: string;
  readonly previousAmount: string;
  readonly amount: string;
  readonly delta: string;
  readonly outstanding: string;
  /** Paid above the new amount: owed back to the taxpayer through a refund (§9). */
  readonly overpaid: string;
}

export interface ReturnAmended {
  readonly obligation: Obligation;
  readonly taxReturn: TaxReturn;
  readonly receipt: FilingReceipt;
  /** Every liability of the period after the amendment (unchanged ones included). */
  readonly liabilities: readonly Liability[];
  /** Only the tax types whose amount changed. */
  readonly deltas: readonly LiabilityDelta[];
  readonly events: readonly TaxEvent[];
}

/**
 * An amendment of a FULFILLED obligation by the taxpayer (FULFILLED → FULFILLED, §6). It must
 * amend the latest version; it gets a new receipt and version; each liability is reassessed
 * (what was paid stays paid). Events: `tax.return.amended`, and `tax.liability.assessed` with
 * the delta for each changed liability.
 */
export function amendReturn(
  obligation: Obligation,
  existingReturns: readonly TaxReturn[],
  liabilities: readonly Liability[],
  amendment: AmendmentSubmission,
  context: FilingContext,
): ReturnAmended {
  if (amendment.finalised !== true) throw new ReturnNotFinalisedError(obligation.periodKey);
  transition(OBLIGATION_MACHINE, obligationState(obligation), 'accept_amendment', 'applicant');
  const versions = existingReturns.filter((r) => r.periodKey === obligation.periodKey);
  const amended = versions.find((r) => r.returnId === amendment.returnId);
  if (!amended) throw new ReturnNotFoundError(amendment.returnId);
  const latest = versions.reduce((a, b) => (b.version > a.version ? b : a));
  if (latest.returnId !== amended.returnId) throw new ReturnNotLatestError(amended.returnId, latest.returnId);
  const problems = returnLineProblems(obligation, amendment.lines);
  if (problems.length > 0) throw new InvalidReturnError(problems);

  const { at, ids } = context;
  const receipt: FilingReceipt = { receiptId: ids('receipt'), formBundleNo: ids('formBundle'), processedAt: new Date(at.getTime()) };
  const taxReturn: TaxReturn = {
    returnId: ids('return'),
    taxpayerId: obligation.taxpayerId,
    periodKey: obligation.periodKey,
    lines: normaliseLines(amendment.lines),
    finalised: true,
    receiptId: receipt.receiptId,
    formBundleNo: receipt.formBundleNo,
    version: latest.version + 1,
    filedAt: new Date(at.getTime()),
    amendsReturnId: latest.returnId,
  };
  const updated: Liability[] = [];
  const deltas: LiabilityDelta[] = [];
  const liabilityEvents: TaxEvent[] = [];
  for (const line of taxReturn.lines) {
    const current = liabilities.find((l) => l.periodKey === obligation.periodKey && l.taxType === line.taxType);
    if (!current) throw new TaxInvalidArgumentError(`No liability ${obligation.periodKey}/${line.taxType} to amend`, { taxType: line.taxType });
    const { liability, previousAmount, delta } = reassessLiability(current, line);
    updated.push(liability);
    const rulesChanged = liability.ruleVersions.join() !== current.ruleVersions.join();
    if (liability.amount !== previousAmount || rulesChanged) {
      deltas.push({
        taxType: line.taxType,
        liabilityId: liability.liabilityId,
        previousAmount,
        amount: liability.amount,
        delta,
        outstanding: liability.outstanding,
        overpaid: liability.overpaid,
      });
      liabilityEvents.push(liabilityAssessedEvent(liability, at, { previousAmount, delta }));
    }
  }
  return {
    obligation: { ...obligation, receiptId: receipt.receiptId },
    taxReturn,
    receipt,
    liabilities: updated,
    deltas,
    events: [returnEvent('tax.return.amended', taxReturn, at), ...liabilityEvents],
  };
}

import { taxEvent, type TaxEvent } from '../shared/outcome';
import { transition } from '../shared/state-machine';
import { DuplicateReturnError, InvalidReturnError, ObligationNotFoundError, ObligationNotOpenError, ReturnNotFinalisedError } from './errors';
import type { FilingContext } from './filing-ids';
import { liabilityAssessedEvent, liabilityFromLine, type Liability } from './liability';
import { OBLIGATION_MACHINE } from './obligation-machine';
import { obligationState, type Obligation } from './obligation';
import { normaliseLines, returnLineProblems, type ReturnLine, type ReturnSubmission } from './return-lines';

/** The legal proof of filing (HMRC Receipt-ID + formBundleNumber, §6). */
export interface FilingReceipt {
  readonly receiptId: string;
  readonly formBundleNo: string;
  readonly processedAt: Date;
}

/** A filed return (申报表), one version; amendments (更正申报) add versions (§3 Return). */
export interface TaxReturn {
  readonly returnId: string;
  readonly taxpayerId: string;
  readonly periodKey: string;
  readonly lines: readonly ReturnLine[];
  readonly finalised: true;
  readonly receiptId: string;
  readonly formBundleNo: string;
  /** 1 for the original; +1 per amendment. */
  readonly version: number;
  readonly filedAt: Date;
  /** The version this one amends. */
  readonly amendsReturnId?: string;
}

/** Everything an accepted return produces; the app stores it in one transaction with the events. */
export interface ReturnFiled {
  readonly obligation: Obligation;
  readonly taxReturn: TaxReturn;
  readonly receipt: FilingReceipt;
  /** One per tax type of the obligation (R6.3). */
  readonly liabilities: readonly Liability[];
  readonly events: readonly TaxEvent[];
}

/**
 * Accepts a return for an OPEN obligation (§6, HMRC MTD POST returns). In order:
 * `finalised` must be true (422 tax.return.not_finalised); the obligation must exist for this
 * periodKey (404); no earlier return may cover one of its (periodKey, taxType) pairs (409
 * tax.return.duplicate, DUPLICATE_RETURN; amend instead); the obligation must be OPEN (409);
 * the lines must match the obligation (422). A late (overdue) OPEN obligation still accepts.
 * Result: the obligation FULFILLED, the return with its receipt, one liability per line,
 * events `tax.return.filed` and `tax.liability.assessed` (one per liability).
 */
export function fileReturn(
  obligation: Obligation | undefined,
  existingReturns: readonly TaxReturn[],
  submission: ReturnSubmission,
  context: FilingContext,
): ReturnFiled {
  if (submission.finalised !== true) throw new ReturnNotFinalisedError(submission.periodKey);
  if (!obligation || obligation.periodKey !== submission.periodKey) throw new ObligationNotFoundError(submission.periodKey);
  const submittedTypes = new Set<string>(submission.lines.map((l) => l.taxType));
  const clash = existingReturns.find(
    (r) => r.periodKey === submission.periodKey && r.lines.some((l) => submittedTypes.has(l.taxType) || obligation.taxTypes.includes(l.taxType)),
  );
  if (clash) {
    const types = clash.lines.map((l) => l.taxType).filter((t) => submittedTypes.has(t) || obligation.taxTypes.includes(t));
    throw new DuplicateReturnError(submission.periodKey, types, clash.returnId);
  }
  if (obligation.status !== 'O') throw new ObligationNotOpenError(obligation.periodKey, obligation.status);
  const problems = returnLineProblems(obligation, submission.lines);
  if (problems.length > 0) throw new InvalidReturnError(problems);
  transition(OBLIGATION_MACHINE, obligationState(obligation), 'accept_return', 'system');

  const { at, ids } = context;
  const receipt: FilingReceipt = { receiptId: ids('receipt'), formBundleNo: ids('formBundle'), processedAt: new Date(at.getTime()) };
  const taxReturn: TaxReturn = {
    returnId: ids('return'),
    taxpayerId: obligation.taxpayerId,
    periodKey: obligation.periodKey,
    lines: normaliseLines(submission.lines),
    finalised: true,
    receiptId: receipt.receiptId,
    formBundleNo: receipt.formBundleNo,
    version: 1,
    filedAt: new Date(at.getTime()),
  };
  const fulfilled: Obligation = { ...obligation, status: 'F', receiptId: receipt.receiptId };
  const liabilities = taxReturn.lines.map((line) => liabilityFromLine(fulfilled, line, ids));
  return {
    obligation: fulfilled,
    taxReturn,
    receipt,
    liabilities,
    events: [returnEvent('tax.return.filed', taxReturn, at), ...liabilities.map((l) => liabilityAssessedEvent(l, at))],
  };
}

/** `tax.return.filed` / `tax.return.amended` (§14: periodKey, receiptId, formBundleNo). */
export function returnEvent(type: 'tax.return.filed' | 'tax.return.amended', taxReturn: TaxReturn, at: Date): TaxEvent {
  return taxEvent(type, taxReturn.taxpayerId, at, {
    periodKey: taxReturn.periodKey,
    returnId: taxReturn.returnId,
    receiptId: taxReturn.receiptId,
    formBundleNo: taxReturn.formBundleNo,
    version: taxReturn.version,
    taxTypes: taxReturn.lines.map((l) => l.taxType),
    ...(taxReturn.amendsReturnId ? { amendsReturnId: taxReturn.amendsReturnId } : {}),
  });
}

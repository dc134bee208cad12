/**
 * R4.7 (满两年未申报纳税, 000 L902–905): market regulation revokes an entity that has been on the
 * abnormal list for 2 full years with no tax return filed; business registration's nightly rule asks
 * (`registration.forced_exit.candidate_found`) and tax answers each query with its own records
 * (`tax.non_filing.confirmed`, carrying `noReturnSince`).
 */
export interface NonFilingAnswer {
  /** Tax holds a taxpayer with this credit code. */
  readonly taxpayerKnown: boolean;
  /** No return filed from the listing's first day up to the query's day (both included). */
  readonly nonFiling: boolean;
  /** The day since which no return was filed: the last return's day, or the day the taxpayer was registered when none; absent for an unknown taxpayer. */
  readonly noReturnSince?: string;
  /** The last return filed on or before the query's day, if any. */
  readonly lastReturnFiledOn?: string;
}

/**
 * The answer to a non-filing query at `asOf` about a listing that began on `listedOn` (ISO dates, local):
 * a return filed on any day from `listedOn` to `asOf` means the entity filed while listed; one filed
 * after `asOf` is not counted (the query is about that night). An unknown taxpayer has filed nothing
 * with tax here, which confirms the non-filing.
 */
export function answerNonFilingQuery(q: { listedOn: string; asOf: string; taxpayer?: { registeredOn: string }; lastReturnFiledOn?: string }): NonFilingAnswer {
  if (!q.taxpayer) return { taxpayerKnown: false, nonFiling: true };
  const last = q.lastReturnFiledOn !== undefined && q.lastReturnFiledOn <= q.asOf ? q.lastReturnFiledOn : undefined;
  const filedWhileListed = last !== undefined && last >= q.listedOn;
  return {
    taxpayerKnown: true,
    nonFiling: !filedWhileListed,
    noReturnSince: last ?? q.taxpayer.registeredOn,
    ...(last !== undefined ? { lastReturnFiledOn: last } : {}),
  };
}

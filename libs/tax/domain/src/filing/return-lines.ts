import { isAmount } from '@one-window/shared/money';
import type { Obligation } from './obligation';
import { isTaxType, sortTaxTypes, type TaxType } from './tax-type';

/** One line (box) of a return: the amount payable for one tax type of the obligation. */
export interface ReturnLine {
  readonly taxType: TaxType;
  /** 计税依据: sales, VAT for the surcharges, …; decimal string. */
  readonly taxableBase: string;
  /** Tax payable for the period after reliefs; decimal string, becomes the liability amount. */
  readonly taxPayable: string;
  /** The relief rules applied, 'ruleId@version' (E1), as the relief assessment returned them. */
  readonly ruleVersions?: readonly string[];
}

/** What the taxpayer posts (POST /taxpayers/{id}/returns, §6). */
export interface ReturnSubmission {
  readonly periodKey: string;
  readonly lines: readonly ReturnLine[];
  readonly finalised: boolean;
}

const RULE_REF = /^[A-Z0-9][A-Z0-9-]*@[1-9]\d*$/;

/**
 * Problems with the lines against the obligation: exactly one line per tax type of the
 * obligation (a nil line says '0.00') [derived from R6.3: one liability per tax type], amounts
 * with at most 2 decimals, rule references 'ruleId@version'. Empty when valid.
 */
export function returnLineProblems(obligation: Pick<Obligation, 'taxTypes'>, lines: readonly ReturnLine[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (!isTaxType(line.taxType)) problems.push(`lines[${i}].taxType ${JSON.stringify(line.taxType)} is unknown`);
    else if (!obligation.taxTypes.includes(line.taxType)) problems.push(`lines[${i}].taxType ${line.taxType} is not in the obligation`);
    if (seen.has(line.taxType)) problems.push(`lines[${i}].taxType ${line.taxType} appears twice`);
    seen.add(line.taxType);
    if (!isAmount(line.taxableBase)) problems.push(`lines[${i}].taxableBase is not an amount`);
    if (!isAmount(line.taxPayable)) problems.push(`lines[${i}].taxPayable is not an amount`);
    (line.ruleVersions ?? []).forEach((ref, j) => {
      if (typeof ref !== 'string' || !RULE_REF.test(ref)) problems.push(`lines[${i}].ruleVersions[${j}] is not 'ruleId@version'`);
    });
  });
  for (const taxType of obligation.taxTypes) if (!seen.has(taxType)) problems.push(`no line for ${taxType}`);
  return problems;
}

/** The lines in canonical tax-type order, copied (aggregates never share arrays with callers). */
export function normaliseLines(lines: readonly ReturnLine[]): ReturnLine[] {
  const order = sortTaxTypes(lines.map((l) => l.taxType));
  return order.map((taxType) => {
    const line = lines.find((l) => l.taxType === taxType) as ReturnLine;
    return {
      taxType,
      taxableBase: line.taxableBase,
      taxPayable: line.taxPayable,
      ruleVersions: [...new Set(line.ruleVersions ?? [])].sort(),
    };
  });
}

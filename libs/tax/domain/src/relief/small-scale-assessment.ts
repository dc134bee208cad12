import { fromFen, isAmount, toFen } from '@one-window/shared/money';
import { formatTaxPeriod, monthsOf, type TaxPeriod } from '../filing/tax-period';
import { TAX_TYPES, type TaxType } from '../filing/tax-type';
import { TaxInvalidArgumentError } from '../shared/errors';
import { NotSmallScaleTaxpayerError } from './errors';
import { applyRate, isRate } from './rate';
import { ruleRef, type ReliefRule } from './relief-rule';
import type { ReliefRuleBook } from './relief-rule-book';
import type { VatExemptItem } from './relief-rules-2023';

/** Levy rates (征收率) of a small-scale VAT taxpayer's sales. */
export type SmallScaleLevyRate = '0.03' | '0.05' | '0.01';

/** Sales (不含税销售额) at one levy rate; `exemptItem` marks sales of a VAT-MISC item (002 L369). */
export interface SmallScaleSalesLine {
  readonly levyRate: SmallScaleLevyRate;
  readonly amount: string;
  readonly exemptItem?: VatExemptItem;
}

/** The taxes of 六税两费 other than the surcharges, given as the tax before relief (computed elsewhere). */
export type SixTaxOtherType = 'RESOURCE_TAX' | 'PROPERTY_TAX' | 'URBAN_LAND_USE_TAX' | 'STAMP_DUTY' | 'FARMLAND_OCCUPATION_TAX';

export interface ReliefTaxpayerFacts {
  readonly taxpayerId: string;
  readonly kind: 'ENTERPRISE' | 'INDIVIDUAL_BUSINESS' | 'NATURAL_PERSON';
  readonly vatStatus: 'SMALL_SCALE' | 'GENERAL';
  /** Division code of the taxpayer's tax bureau, e.g. 'CN-44-19'. */
  readonly jurisdiction: string;
  /**
   * A key-group or veteran business (002 L379, L415): which rule, which group, and the month of
   * registration ('YYYY-MM') the 36 months count from. One slot: the two do not stack.
   */
  readonly employmentRelief?: {
    readonly ruleId: 'KEY-GROUP-14400' | 'VETERAN-14400';
    readonly group: string;
    readonly registeredMonth: string;
  };
}

export interface SmallScaleAssessmentInput {
  readonly taxpayer: ReliefTaxpayerFacts;
  /** The period of the taxable event (E1), a month or a quarter as the taxpayer files VAT. */
  readonly period: TaxPeriod;
  readonly sales: readonly SmallScaleSalesLine[];
  /** 城市维护建设税 rate: 7% city, 5% county or town, 1% elsewhere [ext]. Default '0.07'. */
  readonly urbanMaintenanceRate?: '0.07' | '0.05' | '0.01';
  readonly otherTaxes?: readonly { readonly taxType: SixTaxOtherType; readonly amount: string }[];
  /** IIT of the period before the 14,400 deduction (last in its order, 002 L379). */
  readonly individualIncomeTax?: string;
  /** The household's 14,400 allowance left for the period's year; needed with employmentRelief (§16 Q3: the app tracks it). */
  readonly remainingAllowance?: { readonly year: number; readonly amount: string };
}

export interface AppliedRelief {
  readonly ruleVersion: string;
  readonly amount: string;
}

/** One liability line: statutory tax, each relief in the order applied (E4), tax payable. */
export interface AssessedTaxLine {
  readonly taxType: TaxType;
  /** 计税依据: sales for VAT, VAT payable before the 14,400 deduction for surcharges, the given tax otherwise. */
  readonly base: string;
  readonly taxBeforeRelief: string;
  readonly reliefs: readonly AppliedRelief[];
  readonly tax: string;
  readonly ruleVersions: readonly string[];
}

export interface SmallScaleAssessment {
  readonly taxpayerId: string;
  readonly period: string;
  readonly totalSales: string;
  readonly lines: readonly AssessedTaxLine[];
  readonly total: string;
  /** Every 'ruleId@version' applied, sorted (E1: stored with the liabilities for replay). */
  readonly ruleVersions: readonly string[];
  readonly allowance?: { readonly year: number; readonly before: string; readonly used: string; readonly after: string };
}

/** E3: education surcharge 3%, local education surcharge 2% [ext: national rates, not in the seeds]. */
const EDUCATION_SURCHARGE_RATE = '0.03';
const LOCAL_EDUCATION_SURCHARGE_RATE = '0.02';

interface WorkLine {
  base: bigint;
  gross: bigint;
  tax: bigint;
  reliefs: { rule: string; fen: bigint }[];
}

/**
 * The small-scale VAT taxpayer's liabilities for one period, with reliefs applied in the order
 * of E4: exemptions (VAT-MISC, SSVAT-EXEMPT), then reductions (SSVAT-1PCT, SIX-TAX-TWO-FEE),
 * then the 14,400 deduction (KEY-GROUP-14400 / VETERAN-14400). Pure and deterministic: the
 * versions come from `book` by the period (E1); pass `book.pinnedTo(ruleVersions)` to replay.
 */
export function assessSmallScalePeriod(input: SmallScaleAssessmentInput, book: ReliefRuleBook): SmallScaleAssessment {
  const { taxpayer, period } = input;
  if (taxpayer.vatStatus !== 'SMALL_SCALE') throw new NotSmallScaleTaxpayerError(taxpayer.taxpayerId);
  const applicable = (ruleId: string) => applicableRule(book, ruleId, input);
  const lines = new Map<TaxType, WorkLine>();
  const reduce = (line: WorkLine, rule: ReliefRule, fen: bigint) => {
    const cut = fen < line.tax ? fen : line.tax;
    if (cut <= 0n) return;
    line.tax -= cut;
    line.reliefs.push({ rule: ruleRef(rule), fen: cut });
  };

  // VAT at the statutory levy rates, per (rate, exempt item or not) group.
  const groups = groupSales(input.sales);
  const totalSales = groups.reduce((sum, g) => sum + g.fen, 0n);
  const vat: WorkLine = { base: totalSales, gross: 0n, tax: 0n, reliefs: [] };
  for (const g of groups) g.tax = applyRate(g.fen, g.rate);
  vat.gross = groups.reduce((sum, g) => sum + g.tax, 0n);
  vat.tax = vat.gross;
  lines.set('VAT', vat);

  // 1. Exemptions. VAT-MISC items (002 L369), then the threshold (002 L367; E3: ≤ is 未超过, the
  //    whole amount is taxed above it [ext]). The threshold counts all sales, exempt items included
  //    [derived: 合计月销售额].
  const misc = applicable('VAT-MISC');
  if (misc) {
    const items = misc.params['items'] as readonly string[];
    for (const g of groups) {
      if (g.exemptItem && items.includes(g.exemptItem)) {
        reduce(vat, misc, g.tax);
        g.tax = 0n;
      }
    }
  }
  const exempt = applicable('SSVAT-EXEMPT');
  const limit = exempt && toFen(exempt.params[period.kind === 'MONTH' ? 'monthlyLimit' : 'quarterlyLimit'] as string);
  if (exempt && limit !== undefined && totalSales <= limit) {
    reduce(vat, exempt, vat.tax);
    for (const g of groups) g.tax = 0n;
  }

  // 2. Rate reductions. 3% sales at 1% (002 L367).
  const onePct = applicable('SSVAT-1PCT');
  if (onePct) {
    for (const g of groups) {
      if (g.tax > 0n && g.rate === onePct.params['fromLevyRate']) {
        const reduced = applyRate(g.fen, onePct.params['reducedRate'] as string);
        reduce(vat, onePct, g.tax - reduced);
        g.tax = reduced;
      }
    }
  }

  // Surcharges on the VAT payable before the 14,400 deduction [ext: 财税〔2019〕22号 — their base
  // is the VAT before that relief], then the other 六税两费 as given.
  const surchargeBase = vat.tax;
  const surcharge = (taxType: TaxType, rate: string) => {
    const gross = applyRate(surchargeBase, rate);
    lines.set(taxType, { base: surchargeBase, gross, tax: gross, reliefs: [] });
  };
  surcharge('URBAN_MAINTENANCE_CONSTRUCTION_TAX', input.urbanMaintenanceRate ?? '0.07');
  surcharge('EDUCATION_SURCHARGE', EDUCATION_SURCHARGE_RATE);
  surcharge('LOCAL_EDUCATION_SURCHARGE', LOCAL_EDUCATION_SURCHARGE_RATE);
  for (const other of input.otherTaxes ?? []) {
    if (lines.has(other.taxType)) throw new TaxInvalidArgumentError(`otherTaxes lists ${other.taxType} twice`, { taxType: other.taxType });
    const fen = amountFen(other.amount, `otherTaxes.${other.taxType}`);
    lines.set(other.taxType, { base: fen, gross: fen, tax: fen, reliefs: [] });
  }
  if (input.individualIncomeTax !== undefined) {
    const fen = amountFen(input.individualIncomeTax, 'individualIncomeTax');
    lines.set('INDIVIDUAL_INCOME_TAX', { base: fen, gross: fen, tax: fen, reliefs: [] });
  }

  // 2b. 六税两费 halved (002 L377): the cut is rounded half up, in the taxpayer's favour.
  const sixTwo = applicable('SIX-TAX-TWO-FEE');
  if (sixTwo) {
    for (const taxType of sixTwo.params['taxTypes'] as readonly TaxType[]) {
      const line = lines.get(taxType);
      if (line) reduce(line, sixTwo, applyRate(line.tax, sixTwo.params['reductionRate'] as string));
    }
  }

  // 3. The 14,400 deduction against what is left, in the rule's order (002 L379, L415).
  const allowance = employmentAllowance(input, book);
  let used = 0n;
  if (allowance?.rule) {
    for (const taxType of allowance.rule.params['deductionOrder'] as readonly TaxType[]) {
      const line = lines.get(taxType);
      if (!line) continue;
      const before = line.tax;
      reduce(line, allowance.rule, allowance.before - used);
      used += before - line.tax;
    }
  }

  const assessed = TAX_TYPES.filter((t) => lines.has(t)).map((taxType) => toAssessedLine(taxType, lines.get(taxType) as WorkLine));
  return {
    taxpayerId: taxpayer.taxpayerId,
    period: formatTaxPeriod(period),
    totalSales: fromFen(totalSales),
    lines: assessed,
    total: fromFen(assessed.reduce((sum, l) => sum + toFen(l.tax), 0n)),
    ruleVersions: [...new Set(assessed.flatMap((l) => l.ruleVersions))].sort(),
    ...(allowance
      ? { allowance: { year: allowance.year, before: fromFen(allowance.before), used: fromFen(used), after: fromFen(allowance.before - used) } }
      : {}),
  };
}

/** The version in force for the period and the taxpayer's jurisdiction, if the taxpayer is one of its subjects. */
function applicableRule(book: ReliefRuleBook, ruleId: string, input: SmallScaleAssessmentInput): ReliefRule | undefined {
  const rule = book.inForce(ruleId, input.period, input.taxpayer.jurisdiction);
  const t = input.taxpayer;
  const fits = rule?.scope.subjects.some(
    (s) => s === 'ANY_TAXPAYER' || (s === 'INDIVIDUAL_BUSINESS' && t.kind === 'INDIVIDUAL_BUSINESS') || (s === 'SMALL_SCALE_VAT_PAYER' && t.vatStatus === 'SMALL_SCALE'),
  );
  return fits ? rule : undefined;
}

/**
 * The allowance and, when it applies, the 14,400 rule: in force, the group is one the rule
 * lists, and some month of the period is within `months` (36) counted from the registration
 * month as month 1 (E3: month 36 yes, 37 no). A quarter with any eligible month qualifies;
 * part years are not pro-rated here — the app passes the remaining allowance (§16 Q3).
 */
function employmentAllowance(
  input: SmallScaleAssessmentInput,
  book: ReliefRuleBook,
): { year: number; before: bigint; rule?: ReliefRule } | undefined {
  const relief = input.taxpayer.employmentRelief;
  const remaining = input.remainingAllowance;
  if (!relief && !remaining) return undefined;
  if (!remaining) throw new TaxInvalidArgumentError('remainingAllowance is required with employmentRelief');
  if (remaining.year !== input.period.year) {
    throw new TaxInvalidArgumentError(`remainingAllowance is for ${remaining.year}, the period is in ${input.period.year}`);
  }
  const before = amountFen(remaining.amount, 'remainingAllowance.amount');
  if (!relief) return { year: remaining.year, before };
  const rule = applicableRule(book, relief.ruleId, input);
  if (!rule) return { year: remaining.year, before };
  const cap = toFen(rule.params['annualLimit'] as string);
  if (before > cap) throw new TaxInvalidArgumentError(`remainingAllowance ${remaining.amount} exceeds the annual limit ${fromFen(cap)}`);
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(relief.registeredMonth);
  if (!match) throw new TaxInvalidArgumentError(`registeredMonth must be 'YYYY-MM': ${JSON.stringify(relief.registeredMonth)}`);
  const registered = Number(match[1]) * 12 + Number(match[2]);
  const months = rule.params['months'] as number;
  const eligible = monthsOf(input.period).some(([y, m]) => {
    const n = y * 12 + m - registered + 1;
    return n >= 1 && n <= months;
  });
  const inGroup = (rule.params['groups'] as readonly string[]).includes(relief.group);
  return eligible && inGroup ? { year: remaining.year, before, rule } : { year: remaining.year, before };
}

interface SalesGroup {
  rate: string;
  exemptItem?: string;
  fen: bigint;
  tax: bigint;
}

function groupSales(sales: readonly SmallScaleSalesLine[]): SalesGroup[] {
  const groups = new Map<string, SalesGroup>();
  sales.forEach((line, i) => {
    if (!isRate(line.levyRate) || !['0.03', '0.05', '0.01'].includes(line.levyRate)) {
      throw new TaxInvalidArgumentError(`sales[${i}].levyRate must be 0.03, 0.05 or 0.01`, { levyRate: line.levyRate });
    }
    const fen = amountFen(line.amount, `sales[${i}].amount`);
    const key = `${line.levyRate}|${line.exemptItem ?? ''}`;
    const group = groups.get(key) ?? { rate: line.levyRate, ...(line.exemptItem ? { exemptItem: line.exemptItem } : {}), fen: 0n, tax: 0n };
    group.fen += fen;
    groups.set(key, group);
  });
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}

function toAssessedLine(taxType: TaxType, line: WorkLine): AssessedTaxLine {
  return {
    taxType,
    base: fromFen(line.base),
    taxBeforeRelief: fromFen(line.gross),
    reliefs: line.reliefs.map((r) => ({ ruleVersion: r.rule, amount: fromFen(r.fen) })),
    tax: fromFen(line.tax),
    ruleVersions: [...new Set(line.reliefs.map((r) => r.rule))],
  };
}

function amountFen(amount: string, field: string): bigint {
  if (typeof amount !== 'string' || !isAmount(amount)) throw new TaxInvalidArgumentError(`${field} is not an amount: ${JSON.stringify(amount)}`, { field });
  return toFen(amount);
}

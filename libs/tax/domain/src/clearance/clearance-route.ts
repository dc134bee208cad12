/**
 * Clearance route classification (清税分类办理), tax.md §10 (001 L1045, L1059–1061; 002 L2383–2385).
 * The exact EXEMPT / ON_THE_SPOT / COMMITMENT criteria are [ext] (§16 Q7); the reading here:
 *  - BANKRUPTCY: a court's termination ruling after bankruptcy liquidation (001 L1035–1037), on the
 *    administrator's application; checked first;
 *  - EXEMPT (免办): never had tax matters, and nothing outstanding;
 *  - ON_THE_SPOT (即办): nothing at all outstanding (materials complete, no arrears / late fees /
 *    fines, invoices and UKey cancelled, no open return, not under inspection) and the gate allows;
 *  - COMMITMENT (清税承诺): not under inspection, no arrears / late fees / fines (无欠税(滞纳金)及罚款),
 *    only commitable items outstanding (materials, open returns, invoices, UKey) and the gate allows;
 *  - STANDARD: every other case, including a gate block or an unacknowledged warning on the fast routes.
 */
import { toFen, type Money } from '@one-window/shared/money';
import type { TaxpayerCreditRisk } from '../credit-risk/credit-risk';
import { gateKeyOperation, type GateOptions, type GateResult } from '../credit-risk/gate';

export const CLEARANCE_ROUTES = ['EXEMPT', 'ON_THE_SPOT', 'COMMITMENT', 'STANDARD', 'BANKRUPTCY'] as const;
export type ClearanceRoute = (typeof CLEARANCE_ROUTES)[number];

/** The taxpayer's facts at classification (from tax's own records). */
export interface ClearanceFacts {
  /** Never had any tax matter (未办理过涉税事宜). */
  readonly neverHadTaxMatters: boolean;
  /** Open (O) obligations: returns not yet filed. */
  readonly outstandingReturns: readonly { readonly periodKey: string }[];
  /** Unpaid tax (欠税) per tax type. */
  readonly arrears: readonly { readonly taxType: string; readonly amount: Money }[];
  /** Unpaid late fees (滞纳金). */
  readonly lateFees: Money;
  /** Unpaid fines (罚款). */
  readonly fines: Money;
  /** Paper / legacy invoices issued to the taxpayer and not cancelled (未缴销发票). */
  readonly unusedInvoices: number;
  /** UKeys (tax-control devices) not cancelled. */
  readonly ukeysNotCancelled: number;
  /** Under tax inspection (处于税务检查状态). */
  readonly underInspection: boolean;
  /** Materials the application still lacks (empty when complete). */
  readonly missingMaterials: readonly string[];
  /** The court's termination ruling after bankruptcy liquidation, and the administrator who applies. */
  readonly bankruptcyTermination?: { readonly rulingRef: string; readonly administratorId: string };
}

export type ClearanceBlocker =
  | { readonly code: 'OUTSTANDING_RETURN'; readonly periodKey: string }
  | { readonly code: 'ARREARS'; readonly taxType: string; readonly amount: Money }
  | { readonly code: 'LATE_FEES'; readonly amount: Money }
  | { readonly code: 'FINES'; readonly amount: Money }
  | { readonly code: 'UNUSED_INVOICES'; readonly count: number }
  | { readonly code: 'UKEY_NOT_CANCELLED'; readonly count: number }
  | { readonly code: 'UNDER_INSPECTION' }
  | { readonly code: 'MATERIALS_INCOMPLETE'; readonly missing: readonly string[] };

export type ClearanceBlockerCode = ClearanceBlocker['code'];

export const CLEARANCE_BLOCKER_CODES: readonly ClearanceBlockerCode[] = [
  'OUTSTANDING_RETURN',
  'ARREARS',
  'LATE_FEES',
  'FINES',
  'UNUSED_INVOICES',
  'UKEY_NOT_CANCELLED',
  'UNDER_INSPECTION',
  'MATERIALS_INCOMPLETE',
];

/** §10 limits and the commitable items [cfg]. */
export interface ClearancePolicy {
  readonly exemptAnswerWorkingDays: number;
  readonly standardWorkingDays: number;
  readonly bankruptcyWorkingDays: number;
  /** commitmentDue = issue + N natural days (end of the N-th day). */
  readonly commitmentNaturalDays: number;
  /** Items a COMMITMENT may leave outstanding; any other blocker forces STANDARD. */
  readonly commitableBlockers: readonly ClearanceBlockerCode[];
}

export const DEFAULT_CLEARANCE_POLICY: ClearancePolicy = {
  exemptAnswerWorkingDays: 1,
  standardWorkingDays: 10,
  bankruptcyWorkingDays: 5,
  commitmentNaturalDays: 30,
  commitableBlockers: ['MATERIALS_INCOMPLETE', 'OUTSTANDING_RETURN', 'UNUSED_INVOICES', 'UKEY_NOT_CANCELLED'],
};

/** Every item standing between the taxpayer and a clearance certificate, in a stable order. Empty = clear. */
export function clearanceBlockers(facts: ClearanceFacts): ClearanceBlocker[] {
  const blockers: ClearanceBlocker[] = [];
  for (const r of facts.outstandingReturns) blockers.push({ code: 'OUTSTANDING_RETURN', periodKey: r.periodKey });
  for (const a of facts.arrears) if (toFen(a.amount.amount) > 0n) blockers.push({ code: 'ARREARS', taxType: a.taxType, amount: { ...a.amount } });
  if (toFen(facts.lateFees.amount) > 0n) blockers.push({ code: 'LATE_FEES', amount: { ...facts.lateFees } });
  if (toFen(facts.fines.amount) > 0n) blockers.push({ code: 'FINES', amount: { ...facts.fines } });
  if (facts.unusedInvoices > 0) blockers.push({ code: 'UNUSED_INVOICES', count: facts.unusedInvoices });
  if (facts.ukeysNotCancelled > 0) blockers.push({ code: 'UKEY_NOT_CANCELLED', count: facts.ukeysNotCancelled });
  if (facts.underInspection) blockers.push({ code: 'UNDER_INSPECTION' });
  if (facts.missingMaterials.length > 0) blockers.push({ code: 'MATERIALS_INCOMPLETE', missing: [...facts.missingMaterials] });
  return blockers;
}

/** The key operation (R8.3) gated for a fast route. */
export const CLEARANCE_GATED_OPERATIONS: Readonly<Partial<Record<ClearanceRoute, string>>> = {
  ON_THE_SPOT: 'CLEARANCE_ON_THE_SPOT',
  COMMITMENT: 'CLEARANCE_COMMITMENT',
};

export interface ClearanceClassification {
  readonly route: ClearanceRoute;
  /** The route the facts allow before the credit + risk gate. */
  readonly factRoute: ClearanceRoute;
  readonly blockers: readonly ClearanceBlocker[];
  /** The gate result, for ON_THE_SPOT / COMMITMENT candidates. */
  readonly gate?: GateResult;
  /** Set when the gate sent a fast route to STANDARD. */
  readonly fallback?: { readonly from: ClearanceRoute; readonly reasonCode: string; readonly rule: string; readonly howToLift?: string };
}

/** The route the facts allow (no gate). */
export function factRoute(facts: ClearanceFacts, policy: ClearancePolicy = DEFAULT_CLEARANCE_POLICY): ClearanceRoute {
  if (facts.bankruptcyTermination) return 'BANKRUPTCY';
  const blockers = clearanceBlockers(facts);
  const substantive = blockers.filter((b) => b.code !== 'MATERIALS_INCOMPLETE');
  if (facts.neverHadTaxMatters && substantive.length === 0) return 'EXEMPT';
  if (blockers.length === 0) return 'ON_THE_SPOT';
  if (blockers.every((b) => policy.commitableBlockers.includes(b.code))) return 'COMMITMENT';
  return 'STANDARD';
}

/**
 * Classifies the case (§10): the fact route, then for ON_THE_SPOT / COMMITMENT the credit + risk
 * gate (§8). A block, or a warning the taxpayer did not acknowledge, falls back to STANDARD with
 * the reason; an acknowledged warning keeps the fast route.
 */
export function classifyClearance(
  facts: ClearanceFacts,
  credit: TaxpayerCreditRisk,
  options: { acknowledgeWarning?: boolean; policy?: ClearancePolicy; gateOptions?: GateOptions } = {},
): ClearanceClassification {
  const policy = options.policy ?? DEFAULT_CLEARANCE_POLICY;
  const blockers = clearanceBlockers(facts);
  const route = factRoute(facts, policy);
  const operation = CLEARANCE_GATED_OPERATIONS[route];
  if (operation === undefined) return { route, factRoute: route, blockers };
  const gate = gateKeyOperation(operation, credit.creditGrade, credit.riskLevel, credit.listHits, options.gateOptions);
  const refused = gate.decision === 'block' || (gate.decision === 'warning' && options.acknowledgeWarning !== true);
  if (!refused) return { route, factRoute: route, blockers, gate };
  return {
    route: 'STANDARD',
    factRoute: route,
    blockers,
    gate,
    fallback: {
      from: route,
      reasonCode: gate.decision === 'block' ? gate.reasonCode : 'WARNING_NOT_ACKNOWLEDGED',
      rule: gate.rule,
      ...(gate.howToLift !== undefined ? { howToLift: gate.howToLift } : {}),
    },
  };
}

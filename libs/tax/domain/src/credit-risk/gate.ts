/**
 * The credit + risk gate on key operations (信用+风险 gating), tax.md §8 R8.4 + R8.5.
 * "High credit, low risk: simpler processes, fewer documents. Low credit, high risk: a risk
 * warning or a business block on key tax business" (000 L2186–2192). Only the two corner cells
 * come from the seeds (000 L2189–2192); the rest of the matrix is [cfg].
 */
import {
  effectiveRiskLevel,
  riskRaisingHits,
  type CreditGrade,
  type ListHit,
  type RiskLevel,
} from './credit-risk';
import { taxEvent, type TaxDomainEvent } from './domain-event';
import { TaxOperationBlockedError, TaxOperationWarningNotAcknowledgedError } from './errors';
import { DEFAULT_KEY_OPERATIONS, keyOperationEntry, type KeyOperationList, type OperationCategory } from './key-operations';

export const GATE_DECISIONS = ['simplified', 'normal', 'warning', 'block'] as const;
export type GateDecision = (typeof GATE_DECISIONS)[number];

/** The R8.4 matrix as data: credit grade × risk level → decision. Versioned; a change is a new version. */
export interface GateMatrix {
  readonly version: string;
  readonly cells: Readonly<Record<CreditGrade, Readonly<Record<RiskLevel, GateDecision>>>>;
  /** How to lift a warning or block given by a cell, per risk level (shown in the problem body). */
  readonly howToLift: Readonly<Record<'warning' | 'block', string>>;
  /** R8.5: categories a refund-fraud / false-invoicing hit blocks whatever the grade. */
  readonly listHitBlocks: readonly OperationCategory[];
}

/**
 * R8.4 default [cfg]:
 * | Credit \ Risk | low        | medium  | high    |
 * | A / B         | simplified | normal  | warning |
 * | M             | normal     | normal  | warning |
 * | C / D         | warning    | warning | block   |
 */
export const DEFAULT_GATE_MATRIX: GateMatrix = {
  version: '2026.1',
  cells: {
    A: { low: 'simplified', medium: 'normal', high: 'warning' },
    B: { low: 'simplified', medium: 'normal', high: 'warning' },
    M: { low: 'normal', medium: 'normal', high: 'warning' },
    C: { low: 'warning', medium: 'warning', high: 'block' },
    D: { low: 'warning', medium: 'warning', high: 'block' },
  },
  howToLift: {
    warning: 'Acknowledge the warning to proceed; a better credit grade (credit repair, 信用修复) or a lower risk level removes it',
    block: 'Resolve the risk case (self-check and correction, R8.6) to lower the risk level, or repair the credit grade (信用修复)',
  },
  listHitBlocks: ['refund', 'invoice'],
};

export interface GateResult {
  readonly operation: string;
  readonly decision: GateDecision;
  /** Stable code: CREDIT_<grade>_RISK_<LEVEL>, LIST_HIT_<LIST>, or NOT_KEY_OPERATION. */
  readonly reasonCode: string;
  /** The rule applied with its version: 'R8.4@2026.1' (matrix) or 'R8.5@2026.1' (list hit). */
  readonly rule: string;
  /** For warning and block: how to lift it. */
  readonly howToLift?: string;
  /** R8.8 audit: the data the decision was taken on. */
  readonly snapshot: {
    readonly creditGrade: CreditGrade;
    readonly assessedRisk: RiskLevel;
    readonly effectiveRisk: RiskLevel;
    readonly listHits: readonly ListHit[];
    readonly keyOperationsVersion: string;
    readonly isKeyOperation: boolean;
  };
}

export interface GateOptions {
  readonly keyOperations?: KeyOperationList;
  readonly matrix?: GateMatrix;
}

/**
 * The gate decision for `operation` (R8.4 + R8.5):
 * 1. not a key operation (in this list version) → 'normal', NOT_KEY_OPERATION: no gating;
 * 2. a refund-fraud or false-invoicing hit and the operation is a refund or invoice operation
 *    → 'block', LIST_HIT_<LIST>, rule R8.5, whatever the grade;
 * 3. otherwise the matrix cell of (grade, effective risk), where a risk-raising hit makes risk high.
 */
export function gateKeyOperation(
  operation: string,
  taxpayerCredit: CreditGrade,
  risk: RiskLevel,
  listHits: readonly ListHit[],
  options: GateOptions = {},
): GateResult {
  const keyOperations = options.keyOperations ?? DEFAULT_KEY_OPERATIONS;
  const matrix = options.matrix ?? DEFAULT_GATE_MATRIX;
  const entry = keyOperationEntry(keyOperations, operation);
  const effectiveRisk = effectiveRiskLevel(risk, listHits);
  const snapshot = {
    creditGrade: taxpayerCredit,
    assessedRisk: risk,
    effectiveRisk,
    listHits: listHits.map((h) => ({ ...h })),
    keyOperationsVersion: keyOperations.version,
    isKeyOperation: entry !== undefined,
  };
  if (!entry) {
    return { operation, decision: 'normal', reasonCode: 'NOT_KEY_OPERATION', rule: `R8.3@${keyOperations.version}`, snapshot };
  }
  const raising = riskRaisingHits(listHits);
  if (raising.length > 0 && matrix.listHitBlocks.includes(entry.category)) {
    const hit = raising[0];
    return {
      operation,
      decision: 'block',
      reasonCode: `LIST_HIT_${hit.list}`,
      rule: `R8.5@${matrix.version}`,
      howToLift: `Removal from the ${hit.list} list by ${hit.origin}, or a risk case resolved after self-correction (R8.6)`,
      snapshot,
    };
  }
  const decision = matrix.cells[taxpayerCredit][effectiveRisk];
  return {
    operation,
    decision,
    reasonCode: `CREDIT_${taxpayerCredit}_RISK_${effectiveRisk.toUpperCase()}`,
    rule: `R8.4@${matrix.version}`,
    ...(decision === 'warning' || decision === 'block' ? { howToLift: matrix.howToLift[decision] } : {}),
    snapshot,
  };
}

/**
 * Lets the operation proceed or refuses it: a block throws TaxOperationBlockedError (403); a
 * warning not acknowledged throws TaxOperationWarningNotAcknowledgedError (422). Returns the result.
 */
export function enforceGate(result: GateResult, acknowledged: boolean): GateResult {
  const details = { operation: result.operation, reasonCode: result.reasonCode, rule: result.rule, howToLift: result.howToLift ?? '' };
  if (result.decision === 'block') throw new TaxOperationBlockedError(details);
  if (result.decision === 'warning' && !acknowledged) throw new TaxOperationWarningNotAcknowledgedError(details);
  return result;
}

export interface OperationGatedData {
  readonly taxpayerId: string;
  readonly operation: string;
  readonly reasonCode: string;
  readonly rule: string;
  readonly howToLift?: string;
  readonly snapshot: GateResult['snapshot'];
  readonly acknowledged?: boolean;
}

/**
 * `tax.operation.blocked` for a block, `tax.operation.warned` for a warning (§14, R8.8 audit);
 * undefined for simplified / normal.
 */
export function gateEvent(taxpayerId: string, at: Date, result: GateResult, acknowledged = false): TaxDomainEvent | undefined {
  if (result.decision !== 'warning' && result.decision !== 'block') return undefined;
  const data: OperationGatedData = {
    taxpayerId,
    operation: result.operation,
    reasonCode: result.reasonCode,
    rule: result.rule,
    ...(result.howToLift !== undefined ? { howToLift: result.howToLift } : {}),
    snapshot: result.snapshot,
    ...(result.decision === 'warning' ? { acknowledged } : {}),
  };
  return taxEvent(result.decision === 'block' ? 'tax.operation.blocked' : 'tax.operation.warned', taxpayerId, at, data);
}

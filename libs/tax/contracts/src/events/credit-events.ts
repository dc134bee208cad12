import { defineEvent, type EventDefinition, type JsonSchema } from '@one-window/shared/messaging';
import { MONEY, USCC } from '@one-window/business-registration/contracts';
import { TAX_TOPIC } from '../topic';

/** Credit + risk, refund and clearance events (tax.md §8–10, §14), keyed by taxpayer id. */

const LIST_HIT: JsonSchema = {
  type: 'object',
  required: ['list', 'origin', 'date'],
  properties: {
    list: { type: 'string', enum: ['ARREARS_ANNOUNCEMENT', 'ABNORMAL_ACCOUNT', 'REFUND_FRAUD', 'FALSE_INVOICING', 'STA_PENALTY'] },
    origin: { type: 'string' },
    date: { type: 'string', format: 'date' },
  },
};
const RISK_LEVEL: JsonSchema = { type: 'string', enum: ['low', 'medium', 'high'] };

function taxEventDefinition<T>(name: string, summary: string, required: string[], properties: Record<string, JsonSchema>, example: T): EventDefinition<T> {
  return defineEvent<T>({ name, version: 1, topic: TAX_TOPIC, summary, schema: { type: 'object', required, properties }, example });
}

export interface RiskCaseEventData {
  caseId: string;
  taxpayerId: string;
  level: 'low' | 'medium' | 'high';
  listHits: { list: string; origin: string; date: string }[];
  ruleId?: string;
  blocksLifted?: boolean;
  reason?: 'DEADLINE_MISSED' | 'CORRECTION_REFUSED';
}
const RISK_PROPERTIES = { caseId: { type: 'string' }, taxpayerId: USCC, level: RISK_LEVEL, listHits: { type: 'array', items: LIST_HIT } };
const riskExample: RiskCaseEventData = {
  caseId: 'risk-7f1c',
  taxpayerId: '91440104MA00001B3B',
  level: 'high',
  listHits: [{ list: 'REFUND_FRAUD', origin: '国家税务总局湖南省税务局', date: '2026-11-30' }],
};

export const RiskDetected = taxEventDefinition<RiskCaseEventData>(
  'tax.risk.detected',
  'A risk case opened for a taxpayer (monitoring rule or high-risk list hit, R8.5/R8.6); a refund-fraud or false-invoicing hit makes the risk high.',
  ['caseId', 'taxpayerId', 'level', 'listHits'],
  RISK_PROPERTIES,
  riskExample,
);
export const RiskResolved = taxEventDefinition<RiskCaseEventData>(
  'tax.risk.resolved',
  "The taxpayer's self-correction was verified (R8.6); the blocks the case caused are lifted.",
  ['caseId', 'taxpayerId', 'level', 'listHits'],
  { ...RISK_PROPERTIES, blocksLifted: { type: 'boolean' } },
  { ...riskExample, blocksLifted: true },
);
export const RiskEscalated = taxEventDefinition<RiskCaseEventData>(
  'tax.risk.escalated',
  'A risk case went to enforcement: a deadline of the ladder was missed or the correction refused (R8.6); blocks stay.',
  ['caseId', 'taxpayerId', 'level', 'listHits', 'reason'],
  { ...RISK_PROPERTIES, reason: { type: 'string', enum: ['DEADLINE_MISSED', 'CORRECTION_REFUSED'] } },
  { ...riskExample, reason: 'CORRECTION_REFUSED' },
);

export interface OperationGatedEventData {
  taxpayerId: string;
  operation: string;
  reasonCode: string;
  rule: string;
  howToLift?: string;
  snapshot: Record<string, unknown>;
  acknowledged?: boolean;
}
const GATE_PROPERTIES = {
  taxpayerId: USCC,
  operation: { type: 'string' },
  reasonCode: { type: 'string', description: 'e.g. CREDIT_C_RISK_HIGH, LIST_HIT_REFUND_FRAUD' },
  rule: { type: 'string', description: 'ruleId@version of the matrix or list rule that decided' },
  howToLift: { type: 'string' },
  snapshot: { type: 'object', description: 'The data the decision used (R8.8)' },
};
const gateExample: OperationGatedEventData = {
  taxpayerId: '91440104MA00001B3B',
  operation: 'REFUND_CLAIM',
  reasonCode: 'LIST_HIT_REFUND_FRAUD',
  rule: 'R8.5@2026.1',
  howToLift: 'Resolve the risk case: self-check and correction verified by the risk officer',
  snapshot: { creditGrade: 'M', riskLevel: 'high' },
};
export const OperationBlocked = taxEventDefinition<OperationGatedEventData>(
  'tax.operation.blocked',
  'A key operation was blocked by the credit + risk gate (R8.4/R8.5), with the rule and how to lift it.',
  ['taxpayerId', 'operation', 'reasonCode', 'rule', 'snapshot'],
  GATE_PROPERTIES,
  gateExample,
);
export const OperationWarned = taxEventDefinition<OperationGatedEventData>(
  'tax.operation.warned',
  'A key operation proceeded after the taxpayer acknowledged a credit + risk warning (R8.4).',
  ['taxpayerId', 'operation', 'reasonCode', 'rule', 'snapshot'],
  { ...GATE_PROPERTIES, acknowledged: { type: 'boolean' } },
  { ...gateExample, reasonCode: 'CREDIT_M_RISK_HIGH', rule: 'R8.4@2026.1', acknowledged: true },
);

export interface RefundEventData {
  claimId: string;
  taxpayerId: string;
  kind: string;
  amount: { amount: string; currency: 'CNY' };
  industry: string;
  keyIndustry?: string;
  reasonCodes: string[];
  rule?: string;
  howToLift?: string;
  dueAt?: string;
  late?: boolean;
}
const REFUND_PROPERTIES = {
  claimId: { type: 'string' },
  taxpayerId: USCC,
  kind: { type: 'string', description: 'VAT_CREDIT (留抵退税) or another refund kind' },
  amount: MONEY,
  industry: { type: 'string', description: 'GB/T 4754 industry code' },
  keyIndustry: { type: 'string' },
  reasonCodes: { type: 'array', items: { type: 'string' } },
  rule: { type: 'string' },
  dueAt: { type: 'string', format: 'date-time' },
};
const refundExample: RefundEventData = {
  claimId: 'refund-3a9e',
  taxpayerId: '91440104MA00001B3B',
  kind: 'VAT_CREDIT',
  amount: { amount: '12000.00', currency: 'CNY' },
  industry: 'C3011',
  keyIndustry: 'MANUFACTURING',
  reasonCodes: [],
};
const refund = (verb: string, summary: string, example: Partial<RefundEventData> = {}) =>
  taxEventDefinition<RefundEventData>(`tax.refund.${verb}`, summary, ['claimId', 'taxpayerId', 'kind', 'amount', 'industry', 'reasonCodes'], REFUND_PROPERTIES, {
    ...refundExample,
    ...example,
  });
export const RefundRequested = refund('requested', 'A refund claim (e.g. VAT period-end credit refund 留抵退税) was submitted.');
export const RefundBlocked = refund('blocked', 'A refund claim was blocked by the credit + risk gate; it resumes when the risk case is resolved.', {
  reasonCodes: ['LIST_HIT_REFUND_FRAUD'],
  rule: 'R8.5@2026.1',
});
export const RefundUnblocked = refund('unblocked', 'A blocked refund claim went to review after its risk case was resolved.');
export const RefundApproved = refund('approved', 'A refund claim was approved; payment is due within 5 working days [cfg].', { dueAt: '2026-12-11T16:00:00.000Z' });
export const RefundRejected = refund('rejected', 'A refund claim was rejected with reasons.', { reasonCodes: ['AMOUNT_NOT_SUPPORTED'] });
export const RefundPaid = refund('paid', 'The treasury paid an approved refund.');
export const RefundClawbackOpened = refund('clawback_opened', 'A paid refund was found fraudulent and a clawback opened.', { reasonCodes: ['FALSE_INVOICING'] });

export interface ClearanceEventData {
  caseId: string;
  taxpayerId: string;
  route?: 'EXEMPT' | 'ON_THE_SPOT' | 'COMMITMENT' | 'STANDARD' | 'BANKRUPTCY';
  certificateNo?: string;
  commitmentDue?: string;
  origin?: string;
  outstanding?: { code: string }[];
  creditDeduction?: boolean;
  /** The registration.deregistration.requested event this case answers, when it came from one. */
  sourceEventId?: string;
}
const CLEARANCE_PROPERTIES = {
  caseId: { type: 'string' },
  taxpayerId: USCC,
  route: { type: 'string', enum: ['EXEMPT', 'ON_THE_SPOT', 'COMMITMENT', 'STANDARD', 'BANKRUPTCY'] },
  certificateNo: { type: 'string' },
  commitmentDue: { type: 'string' },
  outstanding: { type: 'array', items: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } } },
  sourceEventId: { type: 'string', description: 'The registration.deregistration.requested event this case answers' },
};
const clearanceExample: ClearanceEventData = { caseId: 'clr-51d2', taxpayerId: '91440104MA00001B3B' };
export const ClearanceRequested = taxEventDefinition<ClearanceEventData>(
  'tax.clearance.requested',
  'Tax clearance (清税) was requested for deregistration, by the taxpayer or from registration.',
  ['caseId', 'taxpayerId'],
  CLEARANCE_PROPERTIES,
  { ...clearanceExample, origin: 'APPLICANT' },
);
export const ClearanceExempted = taxEventDefinition<ClearanceEventData>(
  'tax.clearance.exempted',
  'No clearance certificate is needed (免办): registration may proceed with simplified deregistration.',
  ['caseId', 'taxpayerId', 'route'],
  CLEARANCE_PROPERTIES,
  { ...clearanceExample, route: 'EXEMPT' },
);
export const ClearanceIssued = taxEventDefinition<ClearanceEventData>(
  'tax.clearance.issued',
  'A tax clearance certificate was issued (on the spot, against a commitment, after review, or after bankruptcy): deregistration may continue.',
  ['caseId', 'taxpayerId', 'route', 'certificateNo'],
  CLEARANCE_PROPERTIES,
  { ...clearanceExample, route: 'ON_THE_SPOT', certificateNo: 'QS440104202612040001' },
);
export const ClearanceCommitmentBreached = taxEventDefinition<ClearanceEventData>(
  'tax.clearance_commitment.breached',
  'The items promised under a clearance commitment (清税承诺) were not finished by the due date.',
  ['caseId', 'taxpayerId'],
  { ...CLEARANCE_PROPERTIES, creditDeduction: { type: 'boolean' } },
  { ...clearanceExample, route: 'COMMITMENT', commitmentDue: '2027-01-03', outstanding: [{ code: 'UNUSED_INVOICES' }], creditDeduction: true },
);

export interface CreditReRatedData {
  taxpayerId: string;
  applicationId: string;
  grade: 'A' | 'B' | 'M' | 'C' | 'D';
  year: number;
  kind: 're-rating';
  basisFrom: string;
  basisTo: string;
}

export const CreditReRated = taxEventDefinition<CreditReRatedData>(
  'tax.credit.re_rated',
  "A new taxpayer's credit re-rating (R8.7) was decided in the decision month on the last 12 months' data and published: open to self-query.",
  ['taxpayerId', 'applicationId', 'grade', 'year', 'kind', 'basisFrom', 'basisTo'],
  {
    taxpayerId: USCC,
    applicationId: { type: 'string' },
    grade: { type: 'string', enum: ['A', 'B', 'M', 'C', 'D'] },
    year: { type: 'integer', minimum: 2000 },
    kind: { type: 'string', enum: ['re-rating'] },
    basisFrom: { type: 'string', format: 'date' },
    basisTo: { type: 'string', format: 'date' },
  },
  { taxpayerId: '91440104MA00001B3B', applicationId: 'rr-3c9a', grade: 'B', year: 2027, kind: 're-rating', basisFrom: '2026-04-01', basisTo: '2027-03-31' },
);

export const CREDIT_EVENTS: EventDefinition<never>[] = [
  RiskDetected,
  RiskResolved,
  RiskEscalated,
  OperationBlocked,
  OperationWarned,
  RefundRequested,
  RefundBlocked,
  RefundUnblocked,
  RefundApproved,
  RefundRejected,
  RefundPaid,
  RefundClawbackOpened,
  ClearanceRequested,
  ClearanceExempted,
  ClearanceIssued,
  ClearanceCommitmentBreached,
  CreditReRated,
] as EventDefinition<never>[];

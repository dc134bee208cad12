import { defineEvent, type EventDefinition, type JsonSchema } from '@one-window/shared/messaging';
import { LOCAL_DATE, USCC } from '@one-window/business-registration/contracts';
import { BANKRUPTCY_TOPIC } from '../topic';

/**
 * The first bankruptcy events (bankruptcy.md §9), the ones the tax service consumes now (tax.md §11):
 * the case accepted by the court, the administrator appointed, and the administrator's identity-verified
 * right to query the debtor's information at named agencies (§6.4 VERIFIED: "query rights scoped to
 * (administrator, case, debtor USCC)") granted and revoked; and the case closed by the termination
 * ruling (终结, §6.1), which business registration consumes (deregistration after bankruptcy
 * liquidation, B11). All keyed by `caseId`.
 */

function bankruptcyEventDefinition<T>(name: string, summary: string, required: string[], properties: Record<string, JsonSchema>, example: T): EventDefinition<T> {
  return defineEvent<T>({ name, version: 1, topic: BANKRUPTCY_TOPIC, summary, schema: { type: 'object', required, properties }, example });
}

const CASE_ID: JsonSchema = { type: 'string', minLength: 1, maxLength: 64, description: 'The bankruptcy case id (the event key)' };
const INSTANT: JsonSchema = { type: 'string', format: 'date-time' };
const CASE_REF: JsonSchema = { type: 'string', minLength: 1, maxLength: 100, description: 'The case reference (案号)' };
const DEBTOR: JsonSchema = { type: 'object', required: ['uscc'], properties: { uscc: USCC, name: { type: 'string', maxLength: 200 } } };
const ACCOUNT_SUBJECT: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 128,
  description: "The administrator's platform account subject (the `sub` of its tokens): an opaque id, no personal data",
};

/** The case, court and debtor a ruling names (the IRI header, §4). */
const CASE_HEADER_PROPS: Record<string, JsonSchema> = {
  caseId: CASE_ID,
  courtId: { type: 'string', minLength: 1, maxLength: 64, description: "The court's agency id" },
  courtName: { type: 'string', maxLength: 200 },
  caseRef: CASE_REF,
  debtor: DEBTOR,
};
/** The administrator named on a ruling (a firm or liquidation group: a body, not a person). */
const ADMINISTRATOR_PROPS: Record<string, JsonSchema> = { administratorId: ACCOUNT_SUBJECT, administratorName: { type: 'string', maxLength: 200 } };
/** The court and debtor of the examples. */
const EXAMPLE_COURT = { courtId: 'COURT-440100-IPC', courtName: '广州市中级人民法院' };
const EXAMPLE_DEBTOR = { uscc: '91440104MA00001B3B', name: '广州市越秀区示例科技有限公司' };

/** The 7 query sources of bankruptcy.md B8 (000 L989–990). */
export const DEBTOR_INFO_AGENCIES = ['land', 'housing', 'vehicles', 'tax', 'market_regulation', 'social_security', 'housing_provident_fund'] as const;
export type DebtorInfoAgency = (typeof DEBTOR_INFO_AGENCIES)[number];

export interface CaseAcceptedData {
  caseId: string;
  /** The accepting court's agency id (its `court` accounts carry it as agency). */
  courtId: string;
  courtName?: string;
  /** The acceptance ruling's number. */
  rulingNo?: string;
  /** The case reference (案号, §4 `caseRef`). */
  caseRef?: string;
  debtor: { uscc: string; name?: string };
  acceptedOn: string;
}

export const CaseAccepted = bankruptcyEventDefinition<CaseAcceptedData>(
  'bankruptcy.case.accepted',
  'A court accepted a bankruptcy case against a debtor company (EBL art. 19: preservation measures on its property are to be lifted, enforcement paused).',
  ['caseId', 'courtId', 'debtor', 'acceptedOn'],
  {
    caseId: CASE_ID,
    courtId: { type: 'string', minLength: 1, maxLength: 64, description: "The accepting court's agency id" },
    courtName: { type: 'string', maxLength: 200 },
    rulingNo: { type: 'string', maxLength: 100 },
    caseRef: CASE_REF,
    debtor: DEBTOR,
    acceptedOn: LOCAL_DATE,
  },
  {
    caseId: 'BK-2026-0042',
    courtId: 'COURT-440100-IPC',
    courtName: '广州市中级人民法院',
    rulingNo: '(2026)粤01破申42号',
    caseRef: '(2026)粤01破42号',
    debtor: { uscc: '91440104MA00001B3B', name: '广州市越秀区示例科技有限公司' },
    acceptedOn: '2026-12-01',
  },
);

export interface AdministratorAppointedData {
  caseId: string;
  administratorId: string;
  /** The administrator firm or liquidation group (a body, not a person). */
  administratorName?: string;
  decisionNo?: string;
  appointedOn: string;
}

export const AdministratorAppointed = bankruptcyEventDefinition<AdministratorAppointedData>(
  'bankruptcy.administrator.appointed',
  "The court appointed the case's administrator (EBL art. 13): where claims go; query rights follow once its identity is verified.",
  ['caseId', 'administratorId', 'appointedOn'],
  {
    caseId: CASE_ID,
    administratorId: ACCOUNT_SUBJECT,
    administratorName: { type: 'string', maxLength: 200 },
    decisionNo: { type: 'string', maxLength: 100 },
    appointedOn: LOCAL_DATE,
  },
  { caseId: 'BK-2026-0042', administratorId: 'admin-firm-7', administratorName: '广东示例律师事务所', decisionNo: '(2026)粤01破42号决定书', appointedOn: '2026-12-01' },
);

export interface DebtorInfoAccessGrantedData {
  grantId: string;
  caseId: string;
  debtorUscc: string;
  administratorId: string;
  /** The agencies whose information about the debtor the administrator may query (B8). */
  agencies: DebtorInfoAgency[];
  identityVerifiedAt: string;
  grantedAt: string;
  /** Absent: until revoked. */
  expiresAt?: string;
}

export const DebtorInfoAccessGranted = bankruptcyEventDefinition<DebtorInfoAccessGrantedData>(
  'bankruptcy.debtor_info_access.granted',
  "The appointed administrator's identity was verified (§6.4 VERIFIED): it may query the debtor's information at the agencies named, for this case, until revoked or expired.",
  ['grantId', 'caseId', 'debtorUscc', 'administratorId', 'agencies', 'identityVerifiedAt', 'grantedAt'],
  {
    grantId: { type: 'string', minLength: 1, maxLength: 64 },
    caseId: CASE_ID,
    debtorUscc: USCC,
    administratorId: ACCOUNT_SUBJECT,
    agencies: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: [...DEBTOR_INFO_AGENCIES] } },
    identityVerifiedAt: INSTANT,
    grantedAt: INSTANT,
    expiresAt: INSTANT,
  },
  {
    grantId: 'grant-0042-1',
    caseId: 'BK-2026-0042',
    debtorUscc: '91440104MA00001B3B',
    administratorId: 'admin-firm-7',
    agencies: ['tax', 'market_regulation', 'land'],
    identityVerifiedAt: '2026-12-02T01:30:00.000Z',
    grantedAt: '2026-12-02T01:30:00.000Z',
    expiresAt: '2027-12-02T00:00:00.000Z',
  },
);

export const ACCESS_REVOCATION_REASONS = ['ADMINISTRATOR_REPLACED', 'CASE_CLOSED', 'COURT_ORDER', 'OTHER'] as const;

export interface DebtorInfoAccessRevokedData {
  grantId: string;
  caseId: string;
  administratorId: string;
  reason: (typeof ACCESS_REVOCATION_REASONS)[number];
  revokedAt: string;
}

export const DebtorInfoAccessRevoked = bankruptcyEventDefinition<DebtorInfoAccessRevokedData>(
  'bankruptcy.debtor_info_access.revoked',
  'A grant of debtor information access ended before its expiry: the administrator was replaced (rights revoked at once, §6.1), the case closed, or the court ordered it.',
  ['grantId', 'caseId', 'administratorId', 'reason', 'revokedAt'],
  {
    grantId: { type: 'string', minLength: 1, maxLength: 64 },
    caseId: CASE_ID,
    administratorId: ACCOUNT_SUBJECT,
    reason: { type: 'string', enum: [...ACCESS_REVOCATION_REASONS] },
    revokedAt: INSTANT,
  },
  { grantId: 'grant-0042-1', caseId: 'BK-2026-0042', administratorId: 'admin-firm-7', reason: 'ADMINISTRATOR_REPLACED', revokedAt: '2027-01-15T02:00:00.000Z' },
);

/** The credit systems a reorganised debtor's credit repair updates (§6.6, 000 L1020–1023). */
export const CREDIT_REPAIR_TARGETS = [
  /** 信用广州 (DRC) */
  'CREDIT_GUANGZHOU',
  /** 国家企业信用信息公示系统 (market regulation: business registration) */
  'ENTERPRISE_CREDIT_PUBLICITY',
  /** 金融信用信息基础数据库 (the PBoC branch) */
  'FINANCIAL_CREDIT_DATABASE',
] as const;
export type CreditRepairTarget = (typeof CREDIT_REPAIR_TARGETS)[number];

export interface CreditRepairRequestedData {
  /** One request, one update per target (each target system answers for it). */
  requestId: string;
  caseId: string;
  debtor: { uscc: string; name?: string };
  targets: CreditRepairTarget[];
  /** The ruling approving the reorganisation plan the repair rests on. */
  planRulingRef: string;
  requestedAt: string;
  administratorId?: string;
}

export const CreditRepairRequested = bankruptcyEventDefinition<CreditRepairRequestedData>(
  'bankruptcy.credit_repair.requested',
  'After the reorganisation plan was approved, the administrator applied for a synchronous credit-repair update (§6.6 PLAN_APPROVED → REQUESTED): each target system confirms its update within 5 working days [cfg]; business registration answers for ENTERPRISE_CREDIT_PUBLICITY with registration.credit_repair.updated.',
  ['requestId', 'caseId', 'debtor', 'targets', 'planRulingRef', 'requestedAt'],
  {
    requestId: { type: 'string', minLength: 1, maxLength: 64 },
    caseId: CASE_ID,
    debtor: DEBTOR,
    targets: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: [...CREDIT_REPAIR_TARGETS] } },
    planRulingRef: { type: 'string', minLength: 1, maxLength: 100, description: 'The ruling approving the reorganisation plan' },
    requestedAt: INSTANT,
    administratorId: ACCOUNT_SUBJECT,
  },
  {
    requestId: 'cr-0057-1',
    caseId: 'BK-2026-0057',
    debtor: EXAMPLE_DEBTOR,
    targets: ['CREDIT_GUANGZHOU', 'ENTERPRISE_CREDIT_PUBLICITY', 'FINANCIAL_CREDIT_DATABASE'],
    planRulingRef: '(2026)粤01破57号之三',
    requestedAt: '2027-05-24T02:00:00.000Z',
    administratorId: 'admin-firm-7',
  },
);

/** The procedure of a case (§4 `procedureType`): 破产清算 / 重整 / 和解. */
export const PROCEDURE_TYPES = ['LIQUIDATION', 'REORGANISATION', 'CONCILIATION'] as const;
export type ProcedureType = (typeof PROCEDURE_TYPES)[number];

/**
 * How a case ended (§6.1: ADMINISTERING, PLAN_EXECUTING or LIQUIDATING → CLOSED by the termination
 * ruling 终结):
 * - LIQUIDATION_COMPLETED: the debtor was declared bankrupt (宣告) and the liquidation ended (the
 *   estate distributed, or nothing left to distribute): the company ends, deregistration after
 *   bankruptcy liquidation follows (B11, 001 L1035–1037);
 * - REORGANISATION_COMPLETED / CONCILIATION_COMPLETED: the approved plan was carried out; the company goes on;
 * - WITHDRAWN: the proceedings ended before any declaration (application withdrawn or dismissed, the
 *   debts settled); the company goes on.
 */
export const CASE_OUTCOMES = ['LIQUIDATION_COMPLETED', 'REORGANISATION_COMPLETED', 'CONCILIATION_COMPLETED', 'WITHDRAWN'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
/** The outcomes after which the debtor company ends (deregistration by the court route). */
export const DEBTOR_ENDING_OUTCOMES: readonly CaseOutcome[] = ['LIQUIDATION_COMPLETED'];

export interface CaseClosedData {
  caseId: string;
  /** The court's agency id (as in `bankruptcy.case.accepted`). */
  courtId: string;
  courtName?: string;
  /** The case reference (案号). */
  caseRef?: string;
  debtor: { uscc: string; name?: string };
  procedureType: ProcedureType;
  /** The date of the termination ruling (终结, §4 `closingDate`). */
  closingDate: string;
  outcome: CaseOutcome;
  /** The termination ruling's number: the ruling that ends the proceedings (the court-route deregistration cites it). */
  rulingRef: string;
  /** The administrator at closing (as in `bankruptcy.administrator.appointed`), when one was appointed. */
  administratorId?: string;
  administratorName?: string;
}

export const CaseClosed = bankruptcyEventDefinition<CaseClosedData>(
  'bankruptcy.case.closed',
  "The court ruled the proceedings terminated (终结, §6.1 → CLOSED); query rights are revoked. LIQUIDATION_COMPLETED (after a declaration of bankruptcy): the debtor ends, business registration opens its deregistration by the court route with the ruling (B11); the other outcomes: the debtor goes on, no longer under bankruptcy.",
  ['caseId', 'courtId', 'debtor', 'procedureType', 'closingDate', 'outcome', 'rulingRef'],
  {
    ...CASE_HEADER_PROPS,
    procedureType: { type: 'string', enum: [...PROCEDURE_TYPES], description: '破产清算 / 重整 / 和解' },
    closingDate: { ...LOCAL_DATE, description: 'The date of the termination ruling (终结)' },
    outcome: { type: 'string', enum: [...CASE_OUTCOMES], description: 'How the case ended; LIQUIDATION_COMPLETED ends the debtor' },
    rulingRef: { type: 'string', minLength: 1, maxLength: 100, description: 'The termination ruling (终结裁定) number' },
    ...ADMINISTRATOR_PROPS,
  },
  {
    caseId: 'BK-2026-0042',
    ...EXAMPLE_COURT,
    caseRef: '(2026)粤01破42号',
    debtor: EXAMPLE_DEBTOR,
    procedureType: 'LIQUIDATION',
    closingDate: '2027-09-30',
    outcome: 'LIQUIDATION_COMPLETED',
    rulingRef: '(2026)粤01破42号之五',
    administratorId: 'admin-firm-7',
    administratorName: '广东示例律师事务所',
  },
);

/** The procedures that end in an approved plan (§6.1, §6.6): 重整 and 和解 (conciliation follows reorganisation's path with its own plan). */
export const PLAN_PROCEDURE_TYPES = ['REORGANISATION', 'CONCILIATION'] as const;
export type PlanProcedureType = (typeof PLAN_PROCEDURE_TYPES)[number];

export interface ReorganisationPlanApprovedData {
  caseId: string;
  /** The court's agency id (as in `bankruptcy.case.accepted`). */
  courtId: string;
  courtName?: string;
  /** The case reference (案号). */
  caseRef?: string;
  debtor: { uscc: string; name?: string };
  procedureType: PlanProcedureType;
  /** The date of the ruling approving the plan. */
  approvedOn: string;
  /** The number of the ruling approving the plan (批准重整计划裁定). */
  rulingRef: string;
  /** When the plan is to have been carried out (执行期限), if the plan sets it. */
  executionDeadline?: string;
  /** The administrator supervising the plan's execution, when one was appointed. */
  administratorId?: string;
  administratorName?: string;
}

export const ReorganisationPlanApproved = bankruptcyEventDefinition<ReorganisationPlanApprovedData>(
  'bankruptcy.reorganisation_plan.approved',
  'The court approved the reorganisation (or conciliation) plan (§6.1 ADMINISTERING → PLAN_EXECUTING, §6.6): the debtor goes on under the plan. The plan is published on the enterprise credit publicity system (000 L1020–1023), and credit repair may follow; the case closes later with `bankruptcy.case.closed`.',
  ['caseId', 'courtId', 'debtor', 'procedureType', 'approvedOn', 'rulingRef'],
  {
    ...CASE_HEADER_PROPS,
    procedureType: { type: 'string', enum: [...PLAN_PROCEDURE_TYPES], description: '重整 / 和解' },
    approvedOn: { ...LOCAL_DATE, description: 'The date of the ruling approving the plan' },
    rulingRef: { type: 'string', minLength: 1, maxLength: 100, description: 'The number of the ruling approving the plan' },
    executionDeadline: { ...LOCAL_DATE, description: 'When the plan is to have been carried out, if the plan sets it' },
    ...ADMINISTRATOR_PROPS,
  },
  {
    caseId: 'BK-2026-0057',
    ...EXAMPLE_COURT,
    caseRef: '(2026)粤01破57号',
    debtor: EXAMPLE_DEBTOR,
    procedureType: 'REORGANISATION',
    approvedOn: '2027-05-20',
    rulingRef: '(2026)粤01破57号之三',
    executionDeadline: '2029-05-19',
    administratorId: 'admin-firm-7',
    administratorName: '广东示例律师事务所',
  },
);

/** The case events of v1, in the order a case produces them. */
export const CASE_EVENTS: EventDefinition<never>[] = [CaseAccepted, AdministratorAppointed, DebtorInfoAccessGranted, DebtorInfoAccessRevoked, ReorganisationPlanApproved, CreditRepairRequested, CaseClosed] as EventDefinition<never>[];

import { defineEvent, type EventDefinition, type JsonSchema } from '@one-window/shared/messaging';
import { LOCAL_DATE, USCC } from '@one-window/business-registration/contracts';
import { TAX_TOPIC } from '../topic';

/**
 * Obligation, return, liability and payment events (tax.md §6, §14). Keyed by the taxpayer id
 * (CloudEvents `subject`), which the data does not repeat. Amounts are decimal strings in CNY.
 */

const TAX_TYPE: JsonSchema = {
  type: 'string',
  enum: [
    'VAT',
    'URBAN_MAINTENANCE_CONSTRUCTION_TAX',
    'EDUCATION_SURCHARGE',
    'LOCAL_EDUCATION_SURCHARGE',
    'INDIVIDUAL_INCOME_TAX',
    'CORPORATE_INCOME_TAX',
    'URBAN_LAND_USE_TAX',
    'PROPERTY_TAX',
    'VEHICLE_VESSEL_TAX',
    'STAMP_DUTY',
    'FARMLAND_OCCUPATION_TAX',
    'RESOURCE_TAX',
    'LAND_VAT',
    'DEED_TAX',
    'ENVIRONMENTAL_PROTECTION_TAX',
    'TOBACCO_LEAF_TAX',
  ],
};
const TAX_TYPES: JsonSchema = { type: 'array', minItems: 1, items: TAX_TYPE };
const PERIOD_KEY: JsonSchema = { type: 'string', minLength: 1, maxLength: 64, description: 'Opaque key of the obligation, issued by tax (e.g. 26Q1-VAT)' };
const AMOUNT: JsonSchema = { type: 'string', pattern: '^\\d+\\.\\d{2}$', description: 'CNY, two decimals' };
const SIGNED_AMOUNT: JsonSchema = { type: 'string', pattern: '^-?\\d+\\.\\d{2}$', description: 'CNY, two decimals, signed' };
const RULE_VERSIONS: JsonSchema = {
  type: 'array',
  items: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9-]*@[1-9]\\d*$' },
  description: "The relief rule versions applied ('ruleId@version'), so the assessment can be replayed (E1)",
};
const ID: JsonSchema = { type: 'string', minLength: 1 };

export interface ObligationCreatedData {
  periodKey: string;
  taxTypes: string[];
  combinedGroup: string | null;
  start: string;
  end: string;
  due: string;
}

/** §6: an obligation (申报义务) was scheduled for a period: VAT with its surcharges, or the combined return (多税合一). */
export const ObligationCreated = defineEvent<ObligationCreatedData>({
  name: 'tax.obligation.created',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'A filing obligation was opened for a period; the periodKey is opaque and must be sent back on the return.',
  schema: {
    type: 'object',
    required: ['periodKey', 'taxTypes', 'combinedGroup', 'start', 'end', 'due'],
    additionalProperties: false,
    properties: {
      periodKey: PERIOD_KEY,
      taxTypes: TAX_TYPES,
      combinedGroup: { type: ['string', 'null'], description: 'PROPERTY_BEHAVIOUR_CIT on the combined return (多税合一), else null' },
      start: LOCAL_DATE,
      end: LOCAL_DATE,
      due: { ...LOCAL_DATE, description: 'Last day to file and pay (local date), moved to a working day' },
    },
  },
  example: {
    periodKey: '26Q4-MTC',
    taxTypes: ['CORPORATE_INCOME_TAX', 'STAMP_DUTY'],
    combinedGroup: 'PROPERTY_BEHAVIOUR_CIT',
    start: '2026-10-01',
    end: '2026-12-31',
    due: '2027-01-15',
  },
});

export interface ObligationOverdueData {
  periodKey: string;
  taxTypes: string[];
  due: string;
}

/** §6: no return by the due day (fires at due + 1 day, 00:00 local); a risk indicator (§8). The obligation stays open. */
export const ObligationOverdue = defineEvent<ObligationOverdueData>({
  name: 'tax.obligation.overdue',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'An obligation passed its due day with no return; it stays open and a late return is still accepted. Emitted once.',
  schema: {
    type: 'object',
    required: ['periodKey', 'taxTypes', 'due'],
    additionalProperties: false,
    properties: { periodKey: PERIOD_KEY, taxTypes: TAX_TYPES, due: LOCAL_DATE },
  },
  example: { periodKey: '26Q3-VAT', taxTypes: ['VAT', 'URBAN_MAINTENANCE_CONSTRUCTION_TAX', 'EDUCATION_SURCHARGE', 'LOCAL_EDUCATION_SURCHARGE'], due: '2026-10-15' },
});

export interface ReturnFiledData {
  periodKey: string;
  returnId: string;
  receiptId: string;
  formBundleNo: string;
  version: number;
  taxTypes: string[];
  amendsReturnId?: string;
}

const RETURN_SCHEMA = (amended: boolean): JsonSchema => ({
  type: 'object',
  required: ['periodKey', 'returnId', 'receiptId', 'formBundleNo', 'version', 'taxTypes', ...(amended ? ['amendsReturnId'] : [])],
  additionalProperties: false,
  properties: {
    periodKey: PERIOD_KEY,
    returnId: ID,
    receiptId: { ...ID, description: 'The receipt: legal proof of filing' },
    formBundleNo: { type: 'string', pattern: '^\\d{12}$', description: 'The number the taxpayer quotes: the filing day (YYMMDD, Asia/Shanghai) and a 6-digit serial' },
    version: { type: 'integer', minimum: amended ? 2 : 1, ...(amended ? {} : { maximum: 1 }) },
    taxTypes: TAX_TYPES,
    ...(amended ? { amendsReturnId: ID } : {}),
  },
});

/** §6: a finalised return was accepted; the obligation is fulfilled. */
export const ReturnFiled = defineEvent<ReturnFiledData>({
  name: 'tax.return.filed',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'A finalised return was accepted for an obligation, with its receipt id and form bundle number.',
  schema: RETURN_SCHEMA(false),
  example: {
    periodKey: '26Q4-VAT',
    returnId: '3f1c0a52-8f0e-4d1e-9a61-1c2b3d4e5f60',
    receiptId: 'b7e0c1d2-3a4b-4c5d-8e6f-708192a3b4c5',
    formBundleNo: '261204000001',
    version: 1,
    taxTypes: ['VAT', 'URBAN_MAINTENANCE_CONSTRUCTION_TAX', 'EDUCATION_SURCHARGE', 'LOCAL_EDUCATION_SURCHARGE'],
  },
});

/** §6: an amendment (更正申报) replaced the latest version of a return; new receipt and version. */
export const ReturnAmended = defineEvent<ReturnFiledData>({
  name: 'tax.return.amended',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'A filed return was amended (更正申报): a new version with a new receipt; liabilities are reassessed.',
  schema: RETURN_SCHEMA(true),
  example: {
    periodKey: '26Q4-VAT',
    returnId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
    receiptId: 'c8f1d2e3-4b5c-4d6e-9f70-8192a3b4c5d6',
    formBundleNo: '261205000002',
    version: 2,
    taxTypes: ['VAT', 'URBAN_MAINTENANCE_CONSTRUCTION_TAX', 'EDUCATION_SURCHARGE', 'LOCAL_EDUCATION_SURCHARGE'],
    amendsReturnId: '3f1c0a52-8f0e-4d1e-9a61-1c2b3d4e5f60',
  },
});

export interface LiabilityAssessedData {
  liabilityId: string;
  periodKey: string;
  taxType: string;
  amount: string;
  outstanding: string;
  due: string;
  ruleVersions: string[];
  previousAmount?: string;
  delta?: string;
  overpaid?: string;
}

/** §6, §7: what a return (or an amendment: with previousAmount, delta, overpaid) makes the taxpayer owe for one tax type. */
export const LiabilityAssessed = defineEvent<LiabilityAssessedData>({
  name: 'tax.liability.assessed',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'A liability for one tax type of a period was assessed from a return, or reassessed by an amendment (then with the delta).',
  schema: {
    type: 'object',
    required: ['liabilityId', 'periodKey', 'taxType', 'amount', 'outstanding', 'due', 'ruleVersions'],
    additionalProperties: false,
    properties: {
      liabilityId: ID,
      periodKey: PERIOD_KEY,
      taxType: TAX_TYPE,
      amount: AMOUNT,
      outstanding: AMOUNT,
      due: LOCAL_DATE,
      ruleVersions: RULE_VERSIONS,
      previousAmount: AMOUNT,
      delta: SIGNED_AMOUNT,
      overpaid: { ...AMOUNT, description: 'Paid above the new amount, owed back through a refund (§9)' },
    },
  },
  example: {
    liabilityId: '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b',
    periodKey: '23Q2-VAT',
    taxType: 'VAT',
    amount: '3000.00',
    outstanding: '3000.00',
    due: '2023-07-17',
    ruleVersions: ['SSVAT-1PCT@1'],
  },
});

export interface PaymentReceivedData {
  paymentId: string;
  liabilityId: string;
  periodKey: string;
  taxType: string;
  amount: string;
  outstanding: string;
  channel: 'TRIPARTITE_DEBIT' | 'BANK_CARD' | 'DIGITAL_RMB' | 'COUNTER' | 'THIRD_PARTY_PAY';
  ruleVersions: string[];
}

/** §6: a payment reached the treasury (入库) against a liability. */
export const PaymentReceived = defineEvent<PaymentReceivedData>({
  name: 'tax.payment.received',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'A payment reached the treasury against one liability; outstanding is what is left (PAID at 0.00).',
  schema: {
    type: 'object',
    required: ['paymentId', 'liabilityId', 'periodKey', 'taxType', 'amount', 'outstanding', 'channel', 'ruleVersions'],
    additionalProperties: false,
    properties: {
      paymentId: ID,
      liabilityId: ID,
      periodKey: PERIOD_KEY,
      taxType: TAX_TYPE,
      amount: AMOUNT,
      outstanding: AMOUNT,
      channel: { type: 'string', enum: ['TRIPARTITE_DEBIT', 'BANK_CARD', 'DIGITAL_RMB', 'COUNTER', 'THIRD_PARTY_PAY'] },
      ruleVersions: RULE_VERSIONS,
    },
  },
  example: {
    paymentId: 'TRE-20261204-000001',
    liabilityId: '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b',
    periodKey: '23Q2-VAT',
    taxType: 'VAT',
    amount: '1000.00',
    outstanding: '2000.00',
    channel: 'DIGITAL_RMB',
    ruleVersions: ['SSVAT-1PCT@1'],
  },
});

export interface NonFilingConfirmedData {
  /** The credit code asked about (the taxpayer id under 一照一码). */
  taxpayerId: string;
  /** The night the question was asked for, and the listing it is about (from registration.forced_exit.candidate_found). */
  asOf: string;
  listedOn: string;
  taxpayerKnown: boolean;
  /** No return filed from listedOn to asOf (both included). */
  nonFiling: boolean;
  /** The last return's day, or the day the taxpayer was registered when none; absent for an unknown taxpayer. */
  noReturnSince?: string;
  lastReturnFiledOn?: string;
  /** The CloudEvents id of the query answered. */
  queryEventId: string;
}

/**
 * R4.7 (000 L902–905): tax's answer to business registration's forced-exit query
 * (`registration.forced_exit.candidate_found`): whether the entity filed no return while listed,
 * and since when it has filed none.
 */
export const NonFilingConfirmed = defineEvent<NonFilingConfirmedData>({
  name: 'tax.non_filing.confirmed',
  version: 1,
  topic: TAX_TOPIC,
  summary:
    "Key: the credit code. Tax's answer to a forced-exit candidate (R4.7, 满两年未申报纳税): nonFiling true when no return was filed from the listing's first day to the night asked about, with noReturnSince (the last return's day, or the registration day); false names the return filed while listed (registration then drops the candidate). An unknown taxpayer: taxpayerKnown false, nonFiling true.",
  schema: {
    type: 'object',
    required: ['taxpayerId', 'asOf', 'listedOn', 'taxpayerKnown', 'nonFiling', 'queryEventId'],
    additionalProperties: false,
    properties: {
      taxpayerId: USCC,
      asOf: LOCAL_DATE,
      listedOn: LOCAL_DATE,
      taxpayerKnown: { type: 'boolean' },
      nonFiling: { type: 'boolean' },
      noReturnSince: LOCAL_DATE,
      lastReturnFiledOn: LOCAL_DATE,
      queryEventId: ID,
    },
  },
  example: { taxpayerId: '91440104MA00001B3B', asOf: '2029-07-02', listedOn: '2027-07-01', taxpayerKnown: true, nonFiling: true, noReturnSince: '2027-03-15', lastReturnFiledOn: '2027-03-15', queryEventId: 'a3c1f0de-5b7e-4c55-9d2e-6f1b8e2a9c10' },
});

/** Obligation, return, liability and payment events (tax.md §6, §14). */
export const FILING_EVENTS: EventDefinition<never>[] = [
  ObligationCreated,
  ObligationOverdue,
  ReturnFiled,
  ReturnAmended,
  LiabilityAssessed,
  PaymentReceived,
  NonFilingConfirmed,
] as unknown as EventDefinition<never>[];

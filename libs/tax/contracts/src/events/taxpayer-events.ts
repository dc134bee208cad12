import { defineEvent } from '@one-window/shared/messaging';
import { MONEY, USCC } from '@one-window/business-registration/contracts';
import { TAX_TOPIC } from '../topic';

const TAXPAYER_KIND = { type: 'string', enum: ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'NATURAL_PERSON'] };
const SYNCED_FIELD = { type: 'string', enum: ['name', 'domicile', 'capital', 'scope', 'legalRep'] };

export interface TaxpayerRegisteredData {
  taxpayerId: string;
  kind: 'ENTERPRISE' | 'INDIVIDUAL_BUSINESS' | 'NATURAL_PERSON';
  name: string;
  vatStatus: 'SMALL_SCALE' | 'GENERAL';
  vatPeriod: 'MONTH' | 'QUARTER';
  taxBureau: string;
  /** The `registration.company.registered` event this taxpayer was created from. */
  sourceEventId: string;
}

/** R4.1: a taxpayer registered with no application, from the company registration (多证合一、一照一码). */
export const TaxpayerRegistered = defineEvent<TaxpayerRegisteredData>({
  name: 'tax.taxpayer.registered',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'A taxpayer was registered automatically from registration.company.registered; the taxpayer id is the credit code. Closes the tax step of the setup bundle.',
  schema: {
    type: 'object',
    required: ['taxpayerId', 'kind', 'name', 'vatStatus', 'vatPeriod', 'taxBureau', 'sourceEventId'],
    properties: {
      taxpayerId: USCC,
      kind: TAXPAYER_KIND,
      name: { type: 'string', minLength: 1 },
      vatStatus: { type: 'string', enum: ['SMALL_SCALE', 'GENERAL'], description: '小规模纳税人 / 一般纳税人' },
      vatPeriod: { type: 'string', enum: ['MONTH', 'QUARTER'] },
      taxBureau: { type: 'string', minLength: 1, description: 'The competent tax bureau (agency id of its officers)' },
      sourceEventId: { type: 'string', minLength: 1 },
    },
  },
  example: {
    taxpayerId: '91440104MA00001B3B',
    kind: 'ENTERPRISE',
    name: '广州市越秀区示例科技有限公司',
    vatStatus: 'SMALL_SCALE',
    vatPeriod: 'QUARTER',
    taxBureau: 'TAX-440104',
    sourceEventId: '0b7a3c7e-5f0e-4a53-a0c8-1c1f5a9c2d11',
  },
});

export interface InvoicingEnabledData {
  taxpayerId: string;
  quota: { amount: string; currency: 'CNY' };
  digitalAccountOpened: boolean;
}

/** R4.3: digital e-invoicing enabled with the licence (the "e-gift pack"), committed with the registration. */
export const InvoicingEnabled = defineEvent<InvoicingEnabledData>({
  name: 'tax.invoicing.enabled',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'Fully digital e-invoicing enabled for a new taxpayer with its monthly quota; its digital tax account (税务数字账户) is open.',
  schema: {
    type: 'object',
    required: ['taxpayerId', 'quota', 'digitalAccountOpened'],
    properties: { taxpayerId: USCC, quota: MONEY, digitalAccountOpened: { type: 'boolean' } },
  },
  example: { taxpayerId: '91440104MA00001B3B', quota: { amount: '100000.00', currency: 'CNY' }, digitalAccountOpened: true },
});

export interface TaxpayerUpdatedData {
  taxpayerId: string;
  changeId: string;
  fieldsChanged: ('name' | 'domicile' | 'capital' | 'scope' | 'legalRep')[];
  taxBureau: string;
  sourceEventId: string;
}

/** R4.4: a change registered at market regulation applied to the taxpayer, with no report by the taxpayer (002 L293). */
export const TaxpayerUpdated = defineEvent<TaxpayerUpdatedData>({
  name: 'tax.taxpayer.updated',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'Registered facts of a taxpayer were synced from registration.company.changed; lists the fields tax keeps that changed.',
  schema: {
    type: 'object',
    required: ['taxpayerId', 'changeId', 'fieldsChanged', 'taxBureau', 'sourceEventId'],
    properties: {
      taxpayerId: USCC,
      changeId: { type: 'string', minLength: 1 },
      fieldsChanged: { type: 'array', minItems: 1, items: SYNCED_FIELD },
      taxBureau: { type: 'string', minLength: 1 },
      sourceEventId: { type: 'string', minLength: 1 },
    },
  },
  example: {
    taxpayerId: '91440104MA00001B3B',
    changeId: 'chg-20261201-0001',
    fieldsChanged: ['capital'],
    taxBureau: 'TAX-440104',
    sourceEventId: '5d1f0c1e-9a8b-4c2d-8e7f-6a5b4c3d2e1f',
  },
});

export interface TaxpayerDeregisteredData {
  taxpayerId: string;
}

/** §4: the company was deregistered after tax clearance; the taxpayer is closed. */
export const TaxpayerDeregistered = defineEvent<TaxpayerDeregisteredData>({
  name: 'tax.taxpayer.deregistered',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'The taxpayer was closed after its company was deregistered (registration.company.deregistered) following tax clearance.',
  schema: { type: 'object', required: ['taxpayerId'], properties: { taxpayerId: USCC } },
  example: { taxpayerId: '91440104MA00001B3B' },
});

export interface TaxpayerAbnormalDesignatedData {
  taxpayerId: string;
  reason: string;
}

/** §4: a risk officer designated the taxpayer an abnormal account (非正常户). */
export const TaxpayerAbnormalDesignated = defineEvent<TaxpayerAbnormalDesignatedData>({
  name: 'tax.taxpayer.abnormal_designated',
  version: 1,
  topic: TAX_TOPIC,
  summary: "A risk officer of the taxpayer's bureau designated it an abnormal account (非正常户, §4 ACTIVE → ABNORMAL), with the reason; lifted once the overdue returns are filed.",
  schema: { type: 'object', required: ['taxpayerId', 'reason'], properties: { taxpayerId: USCC, reason: { type: 'string', minLength: 1, maxLength: 500 } } },
  example: { taxpayerId: '91440104MA00001B3B', reason: '逾期未申报且无法联系' },
});

export interface TaxpayerAbnormalLiftedData {
  taxpayerId: string;
}

/** §4: the abnormal-account status was lifted after the overdue returns were filed. */
export const TaxpayerAbnormalLifted = defineEvent<TaxpayerAbnormalLiftedData>({
  name: 'tax.taxpayer.abnormal_lifted',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'The abnormal-account status (非正常户) was lifted (§4 ABNORMAL → ACTIVE) once no overdue obligation was left open.',
  schema: { type: 'object', required: ['taxpayerId'], properties: { taxpayerId: USCC } },
  example: { taxpayerId: '91440104MA00001B3B' },
});

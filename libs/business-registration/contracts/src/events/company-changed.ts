import { defineEvent } from '@one-window/shared/messaging';
import { LOCAL_DATE, USCC } from '../schema-parts';
import { REGISTRATION_TOPIC } from '../topic';

export const CHANGEABLE_FIELDS = ['name', 'domicile', 'capital', 'scope', 'legalRep', 'officers'] as const;
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];

export interface CompanyChangedData {
  uscc: string;
  changeId: string;
  changes: { field: ChangeableField; before: unknown; after: unknown }[];
  effectiveOn: string;
}

/** A registered company changed (变更登记). Tax applies it without the taxpayer reporting (002 L293). */
export const CompanyChanged = defineEvent<CompanyChangedData>({
  name: 'registration.company.changed',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'Registered facts of a company changed; each change lists the field and its value before and after.',
  schema: {
    type: 'object',
    required: ['uscc', 'changeId', 'changes', 'effectiveOn'],
    properties: {
      uscc: USCC,
      changeId: { type: 'string', minLength: 1 },
      changes: {
        type: 'array',
        minItems: 1,
        items: { type: 'object', required: ['field', 'before', 'after'], properties: { field: { type: 'string', enum: [...CHANGEABLE_FIELDS] }, before: {}, after: {} } },
      },
      effectiveOn: LOCAL_DATE,
    },
  },
  example: {
    uscc: '91440104MA00001B3B',
    changeId: 'chg-20261201-0001',
    changes: [{ field: 'capital', before: { amount: '1000000.00', currency: 'CNY' }, after: { amount: '2000000.00', currency: 'CNY' } }],
    effectiveOn: '2026-12-01',
  },
});

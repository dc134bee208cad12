import { defineEvent } from '@one-window/shared/messaging';
import { LOCAL_DATE, MONEY, PERSON_REF, USCC } from '../schema-parts';
import { REGISTRATION_TOPIC } from '../topic';

export interface CompanyRegisteredData {
  uscc: string;
  name: string;
  entityType: string;
  establishedOn: string;
  authorityCode: string;
  domicile: { standardAddressId: string; divisionCode: string; text: string };
  scope: { code: string; permitRoute: 'NONE' | 'DIRECT_CANCEL' | 'FILING' | 'NOTIFICATION_COMMITMENT' | 'OPTIMISED_APPROVAL' }[];
  capital: { amount: string; currency: 'CNY' };
  investors: { personRef: string; subscribed: { amount: string; currency: 'CNY' }; dueDate?: string }[];
  legalRepRef: string;
  approvalMode: 'AUTO' | 'OFFICER';
  /** The applicant's account (login subject): the company's own account in other services' scoping. Added in v1 (additive). */
  applicantId?: string;
}

/** A company was registered (设立登记 approved, credit code assigned). Tax creates the taxpayer from it. */
export const CompanyRegistered = defineEvent<CompanyRegisteredData>({
  name: 'registration.company.registered',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'A company was registered: credit code assigned, licence to follow. Tax registers the taxpayer from this event (多证合一).',
  schema: {
    type: 'object',
    required: ['uscc', 'name', 'entityType', 'establishedOn', 'authorityCode', 'domicile', 'scope', 'capital', 'investors', 'legalRepRef', 'approvalMode'],
    properties: {
      uscc: USCC,
      name: { type: 'string', minLength: 2, maxLength: 200 },
      entityType: { type: 'string', minLength: 1, description: 'e.g. LLC, JOINT_STOCK, SOLE_PROPRIETORSHIP' },
      establishedOn: LOCAL_DATE,
      authorityCode: { type: 'string', minLength: 1, description: 'Registration authority (登记机关)' },
      domicile: {
        type: 'object',
        required: ['standardAddressId', 'divisionCode', 'text'],
        properties: { standardAddressId: { type: 'string' }, divisionCode: { type: 'string', pattern: '^\\d{6}$' }, text: { type: 'string' } },
      },
      scope: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['code', 'permitRoute'],
          properties: {
            code: { type: 'string' },
            permitRoute: { type: 'string', enum: ['NONE', 'DIRECT_CANCEL', 'FILING', 'NOTIFICATION_COMMITMENT', 'OPTIMISED_APPROVAL'], description: '证照分离 route of the post-licence permit' },
          },
        },
      },
      capital: MONEY,
      investors: {
        type: 'array',
        minItems: 1,
        items: { type: 'object', required: ['personRef', 'subscribed'], properties: { personRef: PERSON_REF, subscribed: MONEY, dueDate: LOCAL_DATE } },
      },
      legalRepRef: PERSON_REF,
      approvalMode: { type: 'string', enum: ['AUTO', 'OFFICER'], description: 'AUTO: approved by rules within seconds (秒批)' },
      applicantId: { type: 'string', minLength: 1, description: "The applicant's account id (token subject); the company's own account for scoping in other services" },
    },
  },
  example: {
    uscc: '91440104MA00001B3B',
    name: '广州市越秀区示例科技有限公司',
    entityType: 'LLC',
    establishedOn: '2026-11-23',
    authorityCode: 'GZ-YX-AMR',
    domicile: { standardAddressId: 'GZ-ADDR-0001', divisionCode: '440104', text: '广州市越秀区示例路1号' },
    scope: [{ code: 'I6513', permitRoute: 'NONE' }],
    capital: { amount: '1000000.00', currency: 'CNY' },
    investors: [{ personRef: 'person-7f3a', subscribed: { amount: '1000000.00', currency: 'CNY' }, dueDate: '2031-11-22' }],
    legalRepRef: 'person-7f3a',
    approvalMode: 'AUTO',
    applicantId: 'applicant-42',
  },
});

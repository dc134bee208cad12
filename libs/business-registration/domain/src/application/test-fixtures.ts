/** Test data shared by spec files (not exported from the library). Invented; not real people or places. */
import { residentIdCheckChar } from '../identifiers/resident-id';
import type { EstablishmentForm, PersonEntry } from './form';
import type { ApplicationReferenceData } from './reference-data';

export function residentId(body17: string): string {
  return body17 + residentIdCheckChar(body17);
}

export const PERSON_A: PersonEntry = { personRef: 'p-a', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', realNameVerified: true };
export const PERSON_B: PersonEntry = { personRef: 'p-b', idType: 'RESIDENT_ID', idNumber: residentId('44010419900101001'), realNameVerified: true };

export const REFERENCE: ApplicationReferenceData = {
  addresses: [
    { id: 'GZ-ADDR-0001', divisionCode: '440104', text: '广州市越秀区示例路1号' },
    { id: 'GZ-ADDR-0002', divisionCode: '440106', text: '广州市天河区示例路2号' },
    { id: 'GZ-ADDR-0003', divisionCode: '440106', text: '广州市天河区示例路3号' },
  ],
  negativeList: [
    { standardAddressId: 'GZ-ADDR-0002', effect: 'BLOCK', reason: 'FAKE_ADDRESS' },
    { standardAddressId: 'GZ-ADDR-0003', effect: 'OFFICER', reason: 'CLUSTER_REGISTRATION' },
  ],
  scopeCatalogue: [
    { code: 'I6513', standardText: '软件开发', category: 'GENERAL', autoApprovable: true },
    { code: 'F5191', standardText: '日用品销售', category: 'GENERAL', autoApprovable: true },
    {
      code: 'H6210',
      standardText: '餐饮服务',
      category: 'POST_PERMIT',
      permit: { name: '食品经营许可', authorityCode: 'GZ-AMR-FOOD', route: 'NOTIFICATION_COMMITMENT' },
      autoApprovable: true,
    },
    {
      code: 'X0001',
      standardText: '出版物零售',
      category: 'POST_PERMIT',
      permit: { name: '出版物经营许可', authorityCode: 'GZ-PRESS', route: 'CANCELLED' },
      autoApprovable: true,
    },
    {
      code: 'K7010',
      standardText: '危险化学品经营',
      category: 'PRE_APPROVAL',
      permit: { name: '危险化学品经营许可', authorityCode: 'GZ-SAFETY', route: 'OPTIMISED_APPROVAL' },
      autoApprovable: false,
    },
    { code: 'Z9999', standardText: '其他', category: 'GENERAL', autoApprovable: false },
  ],
};

export const FORM: EstablishmentForm = {
  entityType: 'LLC',
  nameReservationId: 'res-1',
  name: '广州市星河科技有限公司',
  domicile: { standardAddressId: 'GZ-ADDR-0001', text: '广州市越秀区示例路1号' },
  scopeCodes: ['I6513', 'H6210'],
  investors: [
    { personRef: 'p-a', kind: 'NATURAL_PERSON', jurisdiction: 'MAINLAND', subscribed: { amount: '600000', currency: 'CNY' }, method: 'CASH', dueDate: '2030-12-31' },
    { personRef: 'p-b', kind: 'NATURAL_PERSON', jurisdiction: 'MAINLAND', subscribed: { amount: '400000.50', currency: 'CNY' }, method: 'IP', dueDate: '2031-03-02' },
  ],
  persons: [PERSON_A, PERSON_B],
  legalRepRef: 'p-a',
  officers: [
    { personRef: 'p-a', role: 'LEGAL_REPRESENTATIVE' },
    { personRef: 'p-b', role: 'SUPERVISOR' },
  ],
  articles: { kind: 'STANDARD_TEMPLATE' },
  commitment: { signed: true, signatureRef: 'sig-1' },
  bundleOptions: { seals: true, bank: { bankCode: 'ICBC', branchCode: 'GZ-001' }, socialInsurance: true, housingFund: false, tax: { invoices: true, ukey: true } },
  delivery: 'ONLINE',
};

/** A form with some fields replaced. */
export function formWith(changes: Partial<EstablishmentForm>): EstablishmentForm {
  return { ...FORM, ...changes };
}

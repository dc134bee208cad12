import { residentIdCheckChar } from '@one-window/business-registration/domain';

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
/** A valid second resident ID (check character computed). */
export const PERSON_B_ID = `44010419900101001${residentIdCheckChar('44010419900101001')}`;

/**
 * An establishment form that passes every auto-approval check (standard address, scope items that
 * need no permit, standard articles, verified persons, signed commitment); `changes` overrides fields,
 * e.g. `{ articles: { kind: 'UPLOADED', documentRef: 'doc-1' } }` sends it to the officers.
 */
export function establishmentForm(nameReservationId: string, changes: object = {}) {
  const dueDate = inAYear();
  return {
    entityType: 'LLC',
    nameReservationId,
    domicile: { standardAddressId: 'GZ-ADDR-0001', text: '广州市越秀区示例路1号' },
    scopeCodes: ['I6513', 'H6210'],
    investors: [
      { personRef: 'p-a', kind: 'NATURAL_PERSON', jurisdiction: 'MAINLAND', subscribed: { amount: '600000', currency: 'CNY' }, method: 'CASH', dueDate },
      { personRef: 'p-b', kind: 'NATURAL_PERSON', jurisdiction: 'MAINLAND', subscribed: { amount: '400000.50', currency: 'CNY' }, method: 'IP', dueDate },
    ],
    persons: [
      { personRef: 'p-a', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', realNameVerified: true },
      { personRef: 'p-b', idType: 'RESIDENT_ID', idNumber: PERSON_B_ID, realNameVerified: true },
    ],
    legalRepRef: 'p-a',
    officers: [
      { personRef: 'p-a', role: 'LEGAL_REPRESENTATIVE' },
      { personRef: 'p-b', role: 'SUPERVISOR' },
    ],
    articles: { kind: 'STANDARD_TEMPLATE' },
    commitment: { signed: true, signatureRef: 'sig-1' },
    bundleOptions: { seals: true, bank: { bankCode: 'ICBC', branchCode: 'GZ-001' }, socialInsurance: true, housingFund: false, tax: { invoices: true, ukey: true } },
    delivery: 'ONLINE',
    ...changes,
  };
}

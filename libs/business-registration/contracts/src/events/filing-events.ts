import { defineEvent } from '@one-window/shared/messaging';
import { LOCAL_DATE, PERSON_REF, USCC } from '../schema-parts';
import { REGISTRATION_TOPIC } from '../topic';

export interface PremisesFiledData {
  uscc: string;
  filingId: string;
  standardAddressId: string;
  divisionCode: string;
  scope: string[];
  commitmentRef: string;
  filedOn: string;
}

/** 一照多址 (§6): extra premises in the domicile's city, filed (备案) instead of a branch registration. Keyed by the company's credit code. */
export const PremisesFiled = defineEvent<PremisesFiledData>({
  name: 'registration.premises.filed',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'A company filed an additional business address in its domicile city (一照多址); regulators start their 双随机 checks from it.',
  schema: {
    type: 'object',
    required: ['uscc', 'filingId', 'standardAddressId', 'divisionCode', 'scope', 'commitmentRef', 'filedOn'],
    properties: {
      uscc: USCC,
      filingId: { type: 'string', minLength: 1 },
      standardAddressId: { type: 'string', minLength: 1, description: 'The standard address of the premises' },
      divisionCode: { type: 'string', pattern: '^\\d{6}$', description: 'GB/T 2260 division of the premises' },
      scope: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, description: 'Scope codes run there (a subset of the registered scope)' },
      commitmentRef: { type: 'string', minLength: 1, description: 'The signed commitment' },
      filedOn: LOCAL_DATE,
    },
  },
  example: {
    uscc: '91440104MA00001B3B',
    filingId: '0b6f0c5e-3a0e-4a59-9d4a-0c1d2e3f4a5b',
    standardAddressId: 'GZ-ADDR-0004',
    divisionCode: '440106',
    scope: ['I6513'],
    commitmentRef: 'commit-1',
    filedOn: '2026-12-04',
  },
});

export interface BranchRegisteredData {
  uscc: string;
  parentUscc: string;
  name: string;
  authorityCode: string;
  address: { standardAddressId: string; divisionCode: string; text: string };
  scope: string[];
  personInChargeRef: string;
  permitByCommitment: boolean;
  establishedOn: string;
}

/** A branch (分支机构) was registered with its own credit code. Keyed by the branch's credit code. */
export const BranchRegistered = defineEvent<BranchRegisteredData>({
  name: 'registration.branch.registered',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'A branch (分公司 etc.) of a registered company was registered (simplified branch registration) with its own credit code.',
  schema: {
    type: 'object',
    required: ['uscc', 'parentUscc', 'name', 'authorityCode', 'address', 'scope', 'personInChargeRef', 'permitByCommitment', 'establishedOn'],
    properties: {
      uscc: { ...USCC, description: "The branch's own credit code" },
      parentUscc: { ...USCC, description: "The parent company's credit code" },
      name: { type: 'string', minLength: 1 },
      authorityCode: { type: 'string', minLength: 1 },
      address: {
        type: 'object',
        required: ['standardAddressId', 'divisionCode', 'text'],
        properties: { standardAddressId: { type: 'string' }, divisionCode: { type: 'string' }, text: { type: 'string' } },
      },
      scope: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      personInChargeRef: PERSON_REF,
      permitByCommitment: { type: 'boolean', description: 'Same-business branch that commits instead of getting a new high-frequency permit' },
      establishedOn: LOCAL_DATE,
    },
  },
  example: {
    uscc: '91440106MA00002C4C',
    parentUscc: '91440104MA00001B3B',
    name: '广州市晨曦贸易有限公司天河分公司',
    authorityCode: 'GZ-TH-AMR',
    address: { standardAddressId: 'GZ-ADDR-0004', divisionCode: '440106', text: '广州市天河区示例路4号' },
    scope: ['I6513'],
    personInChargeRef: 'p-b',
    permitByCommitment: false,
    establishedOn: '2026-12-04',
  },
});

export interface CompanyRevokedData {
  uscc: string;
  reasonCode: string;
  effectiveOn: string;
}

/** 吊销营业执照 (§8, §10.4): the licence is revoked; the entity must still liquidate and deregister. */
export const CompanyRevoked = defineEvent<CompanyRevokedData>({
  name: 'registration.company.revoked',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'A company’s business licence was revoked (吊销), e.g. by forced exit (FORCED_EXIT); it must still liquidate and deregister.',
  schema: {
    type: 'object',
    required: ['uscc', 'reasonCode', 'effectiveOn'],
    properties: { uscc: USCC, reasonCode: { type: 'string', enum: ['FORCED_EXIT'] }, effectiveOn: LOCAL_DATE },
  },
  example: { uscc: '91440104MA00001B3B', reasonCode: 'FORCED_EXIT', effectiveOn: '2029-05-01' },
});

import { defineEvent, type JsonSchema } from '@one-window/shared/messaging';
import { USCC } from '../schema-parts';
import { REGISTRATION_TOPIC } from '../topic';

/** Why a licence was voided: the company deregistered (注销), or its licence revoked (吊销, e.g. forced exit). */
export const LICENCE_VOID_REASONS = ['DEREGISTERED', 'REVOKED'] as const;
export type LicenceVoidReason = (typeof LICENCE_VOID_REASONS)[number];

const E_LICENCE_ID: JsonSchema = { type: 'string', minLength: 1, description: 'The id of this licence version (eLicenceId); every version has its own' };
const LICENCE_VERSION: JsonSchema = { type: 'integer', minimum: 1, description: 'The licence version number (1 at establishment, +1 at each re-issue); the `version` claim of its signed token' };
const INSTANT: JsonSchema = { type: 'string', format: 'date-time' };

/**
 * What the applicant chose on the one form to come with the e-licence in the e-gift pack (电子大礼包,
 * §4 joint issuance). Registration issues neither itself: the flags say what the other channels are to
 * issue with this licence, not that they have.
 */
export interface JointIssue {
  /** Seals opted in (`bundleOptions.seals`): the free seal set, with its e-seal, goes with the licence. */
  eSeal: boolean;
  /** Invoice needs declared for tax (`bundleOptions.tax.invoices`): fully digital e-invoicing for the new taxpayer. */
  eInvoice: boolean;
}

export interface LicenceIssuedData {
  uscc: string;
  eLicenceId: string;
  version: number;
  /** ISO 8601 instant of issue (the token's `issuedAt` claim). */
  issuedAt: string;
  /** The establishment application that registered the company. */
  applicationId: string;
  jointIssue: JointIssue;
}

export interface LicenceUpdatedData {
  uscc: string;
  eLicenceId: string;
  version: number;
  /** ISO 8601 instant of the re-issue (the new token's `issuedAt` claim). */
  updatedAt: string;
  /** The version it replaces, now SUPERSEDED (verification answers `superseded`). */
  supersedes: { eLicenceId: string; version: number };
  /** The change registration (变更登记) that re-issued it: `changeId` of `registration.company.changed`. */
  changeId: string;
}

export interface LicenceVoidedData {
  uscc: string;
  eLicenceId: string;
  version: number;
  /** ISO 8601 instant the licence was voided. */
  voidedAt: string;
  reason: LicenceVoidReason;
  /** What voided it: the deregistration id (DEREGISTERED) or the forced-exit case id (REVOKED). */
  causeId: string;
}

const REF = { uscc: USCC, eLicenceId: E_LICENCE_ID, version: LICENCE_VERSION };

/** §4, §11: a company's first electronic business licence (version 1) was issued, at establishment. Key: the credit code. */
export const LicenceIssued = defineEvent<LicenceIssuedData>({
  name: 'registration.licence.issued',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    'Key: the credit code (uscc). A company’s electronic business licence (电子营业执照) was issued at establishment (version 1), in the registration’s transaction. jointIssue: what the applicant chose to come with it in the e-gift pack (eSeal: seals opted in; eInvoice: invoice needs declared, so tax enables e-invoicing); requests to the other channels, not confirmations. Verify the licence at the public licence-verifications endpoint.',
  schema: {
    type: 'object',
    required: ['uscc', 'eLicenceId', 'version', 'issuedAt', 'applicationId', 'jointIssue'],
    properties: {
      ...REF,
      issuedAt: INSTANT,
      applicationId: { type: 'string', minLength: 1, description: 'The establishment application' },
      jointIssue: {
        type: 'object',
        required: ['eSeal', 'eInvoice'],
        properties: {
          eSeal: { type: 'boolean', description: 'Seals opted in on the form: the seal set with its e-seal goes with the licence' },
          eInvoice: { type: 'boolean', description: 'Invoice needs declared on the form: tax enables fully digital e-invoicing' },
        },
      },
    },
  },
  example: {
    uscc: '91440104MA00001B3B',
    eLicenceId: '0b6f2c1e-5d43-4a4e-9d6e-8a1f3c2b7e10',
    version: 1,
    issuedAt: '2026-12-01T02:00:00.000Z',
    applicationId: '7c1e2a9b-3f4d-4e5a-8b6c-1d2e3f4a5b6c',
    jointIssue: { eSeal: true, eInvoice: true },
  },
});

/** §4, §10.2: a change registration re-issued the licence (the e-licence is updated in sync, 002 L1122). Key: the credit code. */
export const LicenceUpdated = defineEvent<LicenceUpdatedData>({
  name: 'registration.licence.updated',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    'Key: the credit code (uscc). A change registration (changeId, as in registration.company.changed) altered what the licence shows (name, legal representative): a new licence version was issued in the same transaction and the one it supersedes is SUPERSEDED (verification answers superseded).',
  schema: {
    type: 'object',
    required: ['uscc', 'eLicenceId', 'version', 'updatedAt', 'supersedes', 'changeId'],
    properties: {
      ...REF,
      updatedAt: INSTANT,
      supersedes: { type: 'object', required: ['eLicenceId', 'version'], properties: { eLicenceId: E_LICENCE_ID, version: LICENCE_VERSION } },
      changeId: { type: 'string', minLength: 1, description: 'The change registration that re-issued the licence' },
    },
  },
  example: {
    uscc: '91440104MA00001B3B',
    eLicenceId: '5e3d1c7a-9b2f-4c8e-a1d6-2f7b8c9d0e11',
    version: 2,
    updatedAt: '2027-01-15T03:00:00.000Z',
    supersedes: { eLicenceId: '0b6f2c1e-5d43-4a4e-9d6e-8a1f3c2b7e10', version: 1 },
    changeId: 'chg-20270115-0001',
  },
});

/** §4, §10.4: the licence was voided in sync with the company leaving (deregistered) or its revocation. Key: the credit code. */
export const LicenceVoided = defineEvent<LicenceVoidedData>({
  name: 'registration.licence.voided',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    'Key: the credit code (uscc). The company’s valid licence version was voided (status REVOKED; verification answers revoked) in the same transaction as the cause: DEREGISTERED (the deregistration approved, causeId = deregistrationId) or REVOKED (吊销 by forced exit, causeId = the forced-exit case id).',
  schema: {
    type: 'object',
    required: ['uscc', 'eLicenceId', 'version', 'voidedAt', 'reason', 'causeId'],
    properties: {
      ...REF,
      voidedAt: INSTANT,
      reason: { type: 'string', enum: [...LICENCE_VOID_REASONS], description: 'DEREGISTERED (注销) or REVOKED (吊销)' },
      causeId: { type: 'string', minLength: 1, description: 'The deregistration id (DEREGISTERED) or the forced-exit case id (REVOKED)' },
    },
  },
  example: {
    uscc: '91440104MA00001B3B',
    eLicenceId: '5e3d1c7a-9b2f-4c8e-a1d6-2f7b8c9d0e11',
    version: 2,
    voidedAt: '2027-03-01T02:00:00.000Z',
    reason: 'DEREGISTERED',
    causeId: '5d0c2f7e-2f5b-4a43-9a53-2b8f6f0f3f10',
  },
});

export const LICENCE_EVENTS = [LicenceIssued, LicenceUpdated, LicenceVoided];

import { defineEvent, type JsonSchema } from '@one-window/shared/messaging';
import { REGISTRATION_TOPIC } from '../topic';

/**
 * The establishment application's progress events (§11), for one-window tracking (progress,
 * 好差评, metrics). All are keyed by the application id. Schemas allow additional properties, so
 * a new optional field is an additive change.
 */
export type ApplicationKind = 'ESTABLISH' | 'CHANGE';

const APPLICATION_ID: JsonSchema = { type: 'string', minLength: 1, description: 'The application id (the message key)' };
const KIND: JsonSchema = { type: 'string', enum: ['ESTABLISH', 'CHANGE'], description: 'What the application is for' };
const INSTANT: JsonSchema = { type: 'string', format: 'date-time', description: 'ISO 8601 instant' };
const BASE_REQUIRED = ['applicationId', 'kind'];
const EXAMPLE_ID = '5b0d8c2e-4a51-4f1e-9c1b-2f6a7d3e9a10';

export interface ApplicationSubmittedData {
  applicationId: string;
  kind: ApplicationKind;
  route: 'AUTO' | 'OFFICER';
  ruleSetVersion: string;
  failedChecks: string[];
  /** Optional: when the review is due, where the review clock starts at submission (a change request on the OFFICER route). */
  dueAt?: string;
}

export const ApplicationSubmitted = defineEvent<ApplicationSubmittedData>({
  name: 'registration.application.submitted',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'An application was submitted: approved by rules at once (AUTO, 秒批) or routed to the officers with the failed checks (OFFICER).',
  schema: {
    type: 'object',
    required: [...BASE_REQUIRED, 'route', 'ruleSetVersion', 'failedChecks'],
    properties: {
      applicationId: APPLICATION_ID,
      kind: KIND,
      route: { type: 'string', enum: ['AUTO', 'OFFICER'] },
      ruleSetVersion: { type: 'string', minLength: 1, description: 'The auto-approval rule set that decided the route' },
      failedChecks: { type: 'array', items: { type: 'string' }, description: 'Auto-approval checks that failed (empty on the AUTO route)' },
      dueAt: { ...INSTANT, description: 'Optional: when the review is due, where the clock starts at submission (kind CHANGE on the OFFICER route: no separate acceptance)' },
    },
  },
  example: { applicationId: EXAMPLE_ID, kind: 'ESTABLISH', route: 'OFFICER', ruleSetVersion: 'auto-2026.1', failedChecks: ['ARTICLES'] },
});

export interface ApplicationAcceptedData {
  applicationId: string;
  kind: ApplicationKind;
  route: 'OFFICER';
  receiptNo: string;
  dueAt: string;
}

export const ApplicationAccepted = defineEvent<ApplicationAcceptedData>({
  name: 'registration.application.accepted',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'An officer accepted the application (受理) with a receipt: the review clock runs until dueAt.',
  schema: {
    type: 'object',
    required: [...BASE_REQUIRED, 'route', 'receiptNo', 'dueAt'],
    properties: {
      applicationId: APPLICATION_ID,
      kind: KIND,
      route: { type: 'string', enum: ['OFFICER'] },
      receiptNo: { type: 'string', minLength: 1, description: 'The acceptance receipt (受理回执) number' },
      dueAt: { ...INSTANT, description: 'When the review is due (working days from the calendar)' },
    },
  },
  example: { applicationId: EXAMPLE_ID, kind: 'ESTABLISH', route: 'OFFICER', receiptNo: 'SL-20261123-5b0d8c2e', dueAt: '2026-11-26T16:00:00.000Z' },
});

export interface ApplicationSupplementRequestedData {
  applicationId: string;
  kind: ApplicationKind;
  round: number;
  missingItems: { code: string; description: string; materialRef: string }[];
  respondBy: string;
}

export const ApplicationSupplementRequested = defineEvent<ApplicationSupplementRequestedData>({
  name: 'registration.application.supplement_requested',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'The one-time supplement notice (一次性告知) listing every missing or defective item; the review clock stops meanwhile.',
  schema: {
    type: 'object',
    required: [...BASE_REQUIRED, 'round', 'missingItems', 'respondBy'],
    properties: {
      applicationId: APPLICATION_ID,
      kind: KIND,
      round: { type: 'integer', minimum: 1 },
      missingItems: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['code', 'description', 'materialRef'],
          properties: {
            code: { type: 'string', minLength: 1 },
            description: { type: 'string', minLength: 1 },
            materialRef: { type: 'string', minLength: 1, description: 'The form field or material concerned' },
          },
        },
      },
      respondBy: { ...INSTANT, description: 'The applicant answers by then, or the application lapses' },
    },
  },
  example: {
    applicationId: EXAMPLE_ID,
    kind: 'ESTABLISH',
    round: 1,
    missingItems: [{ code: 'SUPPLEMENT', description: 'The uploaded articles are not signed by every investor', materialRef: 'articles.documentRef' }],
    respondBy: '2026-12-23T16:00:00.000Z',
  },
});

export interface ApplicationResubmittedData {
  applicationId: string;
  kind: ApplicationKind;
  dueAt?: string;
}

export const ApplicationResubmitted = defineEvent<ApplicationResubmittedData>({
  name: 'registration.application.resubmitted',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'The applicant answered the supplement notice; the review clock resumes (dueAt is the new due time, once accepted).',
  schema: {
    type: 'object',
    required: BASE_REQUIRED,
    properties: { applicationId: APPLICATION_ID, kind: KIND, dueAt: INSTANT },
  },
  example: { applicationId: EXAMPLE_ID, kind: 'ESTABLISH', dueAt: '2026-11-30T16:00:00.000Z' },
});

export interface ApplicationRefusedData {
  applicationId: string;
  kind: ApplicationKind;
  outcome: 'REFUSED';
  reasonCode: string;
  reasons: string[];
  remedies: string[];
}

export const ApplicationRefused = defineEvent<ApplicationRefusedData>({
  name: 'registration.application.refused',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'An officer refused the application after review, stating the reasons and the remedies (reconsideration, litigation).',
  schema: {
    type: 'object',
    required: [...BASE_REQUIRED, 'outcome', 'reasonCode', 'reasons', 'remedies'],
    properties: {
      applicationId: APPLICATION_ID,
      kind: KIND,
      outcome: { type: 'string', enum: ['REFUSED'] },
      reasonCode: { type: 'string', minLength: 1 },
      reasons: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      remedies: { type: 'array', items: { type: 'string' }, description: 'e.g. ADMINISTRATIVE_RECONSIDERATION, ADMINISTRATIVE_LITIGATION' },
    },
  },
  example: {
    applicationId: EXAMPLE_ID,
    kind: 'ESTABLISH',
    outcome: 'REFUSED',
    reasonCode: 'FORMAL_REQUIREMENTS_NOT_MET',
    reasons: ['The domicile is not usable for business'],
    remedies: ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'],
  },
});

export interface ApplicationOverdueData {
  applicationId: string;
  kind: ApplicationKind;
  dueAt: string;
}

export const ApplicationOverdue = defineEvent<ApplicationOverdueData>({
  name: 'registration.application.overdue',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'The review passed its due time while still under review (red light); published once.',
  schema: {
    type: 'object',
    required: [...BASE_REQUIRED, 'dueAt'],
    properties: { applicationId: APPLICATION_ID, kind: KIND, dueAt: INSTANT },
  },
  example: { applicationId: EXAMPLE_ID, kind: 'ESTABLISH', dueAt: '2026-11-26T16:00:00.000Z' },
});

export interface ApplicationWithdrawnData {
  applicationId: string;
  kind: ApplicationKind;
}

export const ApplicationWithdrawn = defineEvent<ApplicationWithdrawnData>({
  name: 'registration.application.withdrawn',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'The applicant withdrew the application before a decision.',
  schema: { type: 'object', required: BASE_REQUIRED, properties: { applicationId: APPLICATION_ID, kind: KIND } },
  example: { applicationId: EXAMPLE_ID, kind: 'ESTABLISH' },
});

export interface ApplicationNotAcceptedData {
  applicationId: string;
  kind: ApplicationKind;
  outcome: 'NOT_ACCEPTED';
  reasonCode: string;
}

export const ApplicationNotAccepted = defineEvent<ApplicationNotAcceptedData>({
  name: 'registration.application.not_accepted',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'An officer did not accept the application (不予受理) at the front desk, with a reason code; it is closed.',
  schema: {
    type: 'object',
    required: [...BASE_REQUIRED, 'outcome', 'reasonCode'],
    properties: { applicationId: APPLICATION_ID, kind: KIND, outcome: { type: 'string', enum: ['NOT_ACCEPTED'] }, reasonCode: { type: 'string', minLength: 1 } },
  },
  example: { applicationId: EXAMPLE_ID, kind: 'ESTABLISH', outcome: 'NOT_ACCEPTED', reasonCode: 'NOT_WITHIN_AUTHORITY' },
});

export interface ApplicationReturnedData {
  applicationId: string;
  kind: ApplicationKind;
  outcome: 'RETURNED';
  reasonCode: string;
}

export const ApplicationReturned = defineEvent<ApplicationReturnedData>({
  name: 'registration.application.returned',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'An officer returned the application (退件) with a reason code; it is closed and the applicant may file a new one.',
  schema: {
    type: 'object',
    required: [...BASE_REQUIRED, 'outcome', 'reasonCode'],
    properties: { applicationId: APPLICATION_ID, kind: KIND, outcome: { type: 'string', enum: ['RETURNED'] }, reasonCode: { type: 'string', minLength: 1 } },
  },
  example: { applicationId: EXAMPLE_ID, kind: 'ESTABLISH', outcome: 'RETURNED', reasonCode: 'MATERIALS_INCONSISTENT' },
});

export interface ApplicationExtendedData {
  applicationId: string;
  kind: ApplicationKind;
  dueAt: string;
}

export const ApplicationExtended = defineEvent<ApplicationExtendedData>({
  name: 'registration.application.extended',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: "The review time limit was extended once (+N working days) on the head's approval; dueAt is the new due time.",
  schema: {
    type: 'object',
    required: [...BASE_REQUIRED, 'dueAt'],
    properties: { applicationId: APPLICATION_ID, kind: KIND, dueAt: { ...INSTANT, description: 'The extended due time' } },
  },
  example: { applicationId: EXAMPLE_ID, kind: 'ESTABLISH', dueAt: '2026-12-01T16:00:00.000Z' },
});

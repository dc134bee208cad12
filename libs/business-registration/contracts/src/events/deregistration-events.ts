import { defineEvent, type JsonSchema } from '@one-window/shared/messaging';
import { LOCAL_DATE, USCC } from '../schema-parts';
import { REGISTRATION_TOPIC } from '../topic';

/** The three deregistration routes (§8): 简易注销, 普通注销, after court liquidation or bankruptcy. */
export const DEREGISTRATION_ROUTES = ['SIMPLIFIED', 'ORDINARY', 'COURT'] as const;
export type DeregistrationRouteName = (typeof DEREGISTRATION_ROUTES)[number];

const ROUTE: JsonSchema = { type: 'string', enum: [...DEREGISTRATION_ROUTES], description: '简易注销 / 普通注销 / after court liquidation or bankruptcy' };
const INSTANT: JsonSchema = { type: 'string', format: 'date-time' };
const DEREGISTRATION_ID: JsonSchema = { type: 'string', minLength: 1, description: 'The deregistration case in business registration' };

export interface DeregistrationRequestedData {
  uscc: string;
  deregistrationId: string;
  route: DeregistrationRouteName;
  /** ISO 8601 instant the route was applied for (for a switch to ordinary: the switch). */
  requestedAt: string;
  /** SIMPLIFIED: the last day of the public notice. */
  noticeEndsOn?: string;
  /** COURT: the ruling that ended the liquidation or bankruptcy proceedings. */
  courtRulingRef?: string;
  /** COURT, opened from the bankruptcy service's `bankruptcy.case.closed`: the case and the date of its termination ruling (终结). */
  bankruptcyCase?: { caseId: string; closingDate: string };
  /** Set when an objected simplified deregistration switched to the ordinary route. */
  switchedFrom?: 'SIMPLIFIED';
}

/**
 * §8, §11: a deregistration was applied for. Keyed by the credit code. The tax service opens its
 * clearance case (清税) from it and answers on `tax.events` with `tax.clearance.issued` or
 * `tax.clearance.exempted` carrying `taxpayerId` = the credit code and `sourceEventId` = this event's
 * CloudEvents id; registration records that clearance on the open deregistration.
 */
export const DeregistrationRequested = defineEvent<DeregistrationRequestedData>({
  name: 'registration.deregistration.requested',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    'Key: the credit code (uscc). A deregistration (注销) was applied for. ORDINARY (also after a switch from an objected SIMPLIFIED one): the company waits for tax clearance (tax.clearance.issued / tax.clearance.exempted, with sourceEventId = this event id) and social-insurance clearance before an officer may approve. SIMPLIFIED: published with the public notice; registration waits for no clearance (departments, tax included, object during the notice). COURT: the administrator or court applies with the ruling that ended the liquidation or bankruptcy (courtRulingRef), or registration opens it itself from bankruptcy.case.closed on bankruptcy.events (outcome LIQUIDATION_COMPLETED; bankruptcyCase names the case and the closing date); review starts at once, tax clears on its BANKRUPTCY route.',
  schema: {
    type: 'object',
    required: ['uscc', 'deregistrationId', 'route', 'requestedAt'],
    properties: {
      uscc: USCC,
      deregistrationId: DEREGISTRATION_ID,
      route: ROUTE,
      requestedAt: INSTANT,
      noticeEndsOn: LOCAL_DATE,
      courtRulingRef: { type: 'string', minLength: 1, description: 'The ruling that ended the proceedings (route COURT)' },
      bankruptcyCase: {
        type: 'object',
        required: ['caseId', 'closingDate'],
        description: 'Route COURT opened from bankruptcy.case.closed: the bankruptcy case and the date of its termination ruling (终结)',
        properties: { caseId: { type: 'string', minLength: 1 }, closingDate: LOCAL_DATE },
      },
      switchedFrom: { type: 'string', enum: ['SIMPLIFIED'] },
    },
  },
  example: { uscc: '91440104MA00001B3B', deregistrationId: '5d0c2f7e-2f5b-4a43-9a53-2b8f6f0f3f10', route: 'ORDINARY', requestedAt: '2027-03-02T02:00:00.000Z' },
});

export interface DeregistrationNoticePublishedData {
  uscc: string;
  deregistrationId: string;
  route: 'SIMPLIFIED';
  /** Last day of the notice (local date). */
  noticeEndsOn: string;
  /** The instant the notice ends (the start of the day after noticeEndsOn, Asia/Shanghai). */
  noticeEndsAt: string;
}

/** §8: the simplified deregistration's public notice (公告) started; objections are taken until it ends. */
export const DeregistrationNoticePublished = defineEvent<DeregistrationNoticePublishedData>({
  name: 'registration.deregistration.notice_published',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    'Key: the credit code (uscc). The public notice of a simplified deregistration started (all investors committed). Creditors, departments and the public may object until noticeEndsAt (POST .../deregistrations/{id}/objections); the notice is readable at GET .../public/companies/{uscc}/deregistration-notice.',
  schema: {
    type: 'object',
    required: ['uscc', 'deregistrationId', 'route', 'noticeEndsOn', 'noticeEndsAt'],
    properties: { uscc: USCC, deregistrationId: DEREGISTRATION_ID, route: { type: 'string', enum: ['SIMPLIFIED'] }, noticeEndsOn: LOCAL_DATE, noticeEndsAt: INSTANT },
  },
  example: {
    uscc: '91440104MA00001B3B',
    deregistrationId: '5d0c2f7e-2f5b-4a43-9a53-2b8f6f0f3f10',
    route: 'SIMPLIFIED',
    noticeEndsOn: '2027-03-22',
    noticeEndsAt: '2027-03-22T16:00:00.000Z',
  },
});

export interface DeregistrationObjectedData {
  uscc: string;
  deregistrationId: string;
  route: 'SIMPLIFIED';
  objectedAt: string;
  /** Who objected, by capacity (the person or agency is in the audit trail, not in the event). */
  objector: 'CREDITOR' | 'DEPARTMENT' | 'PUBLIC';
  reason: string;
}

/** §8: an objection during the notice closed the simplified route; the applicant may switch to ordinary. */
export const DeregistrationObjected = defineEvent<DeregistrationObjectedData>({
  name: 'registration.deregistration.objected',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'Key: the credit code (uscc). An objection during the public notice closed the simplified route; the applicant may switch to the ordinary route (a new registration.deregistration.requested follows).',
  schema: {
    type: 'object',
    required: ['uscc', 'deregistrationId', 'route', 'objectedAt', 'objector', 'reason'],
    properties: {
      uscc: USCC,
      deregistrationId: DEREGISTRATION_ID,
      route: { type: 'string', enum: ['SIMPLIFIED'] },
      objectedAt: INSTANT,
      objector: { type: 'string', enum: ['CREDITOR', 'DEPARTMENT', 'PUBLIC'] },
      reason: { type: 'string', minLength: 1 },
    },
  },
  example: {
    uscc: '91440104MA00001B3B',
    deregistrationId: '5d0c2f7e-2f5b-4a43-9a53-2b8f6f0f3f10',
    route: 'SIMPLIFIED',
    objectedAt: '2027-03-10T03:00:00.000Z',
    objector: 'CREDITOR',
    reason: 'Invoice 2026-118 unpaid',
  },
});

export const DEREGISTRATION_EVENTS = [DeregistrationRequested, DeregistrationNoticePublished, DeregistrationObjected];

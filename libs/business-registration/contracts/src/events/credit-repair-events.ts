import { defineEvent, type JsonSchema } from '@one-window/shared/messaging';
import { USCC } from '../schema-parts';
import { REGISTRATION_TOPIC } from '../topic';

export interface CreditRepairEventData {
  /** The bankruptcy service's request id (`bankruptcy.credit_repair.requested`). */
  requestId: string;
  caseId: string;
  uscc: string;
  target: 'ENTERPRISE_CREDIT_PUBLICITY';
  /** The end of the 5 working days [cfg] the update had. */
  dueAt: string;
  /** `.updated`: when the officer confirmed it, and whether that was after `dueAt`. */
  updatedAt?: string;
  late?: boolean;
}

const properties: Record<string, JsonSchema> = {
  requestId: { type: 'string', minLength: 1, maxLength: 64 },
  caseId: { type: 'string', minLength: 1, maxLength: 64 },
  uscc: USCC,
  target: { type: 'string', enum: ['ENTERPRISE_CREDIT_PUBLICITY'], description: '国家企业信用信息公示系统, the target business registration answers for' },
  dueAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
  late: { type: 'boolean' },
};

/** The enterprise credit publicity system was updated for a reorganised company's credit repair: the bankruptcy service marks this target UPDATED. */
export const CreditRepairUpdated = defineEvent<CreditRepairEventData>({
  name: 'registration.credit_repair.updated',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    "Key: the credit code (uscc). An officer of the company's registration authority confirmed the enterprise credit publicity system (国家企业信用信息公示系统) was updated for the credit-repair request (bankruptcy.credit_repair.requested, §6.6 per-target UPDATED); `late` when after the 5 working days [cfg].",
  schema: { type: 'object', required: ['requestId', 'caseId', 'uscc', 'target', 'dueAt', 'updatedAt', 'late'], properties },
  example: {
    requestId: 'cr-0057-1',
    caseId: 'BK-2026-0057',
    uscc: '91440104MA00001B3B',
    target: 'ENTERPRISE_CREDIT_PUBLICITY',
    dueAt: '2027-05-31T16:00:00.000Z',
    updatedAt: '2027-05-27T03:00:00.000Z',
    late: false,
  },
});

/** A credit-repair update was not confirmed within its 5 working days [cfg]: it stays open, marked overdue (once). */
export const CreditRepairOverdue = defineEvent<CreditRepairEventData>({
  name: 'registration.credit_repair.overdue',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'Key: the credit code (uscc). The publicity-system update of a credit-repair request was not confirmed within 5 working days [cfg]; it stays on the officers’ queue. Once per request.',
  schema: { type: 'object', required: ['requestId', 'caseId', 'uscc', 'target', 'dueAt'], properties },
  example: { requestId: 'cr-0057-1', caseId: 'BK-2026-0057', uscc: '91440104MA00001B3B', target: 'ENTERPRISE_CREDIT_PUBLICITY', dueAt: '2027-05-31T16:00:00.000Z' },
});

export const CREDIT_REPAIR_EVENTS = [CreditRepairUpdated, CreditRepairOverdue];

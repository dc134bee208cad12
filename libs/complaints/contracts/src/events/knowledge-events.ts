import { defineEvent, type EventDefinition } from '@one-window/shared/messaging';
import { COMPLAINTS_TOPIC } from '../topic';
import { ID, INSTANT, NULLABLE_ID, NULLABLE_INSTANT } from './schema-parts';
import { EVENT_AUDIENCE } from './ticket-events';

/** Knowledge point kinds (002 L1678). */
const CATEGORY = { type: 'string', enum: ['POLICY_LAW', 'SERVICE_GUIDE', 'ANSWER_SCRIPT', 'INTERPRETATION_OTHER'] };

export interface KnowledgePointEventContract {
  pointId: string;
  jurisdictionId: string;
  unitId: string;
  category: string;
  validUntil: string | null;
  occurredAt: string;
  version: number;
  daysBefore?: number;
}

function knowledgeEvent(verb: string, summary: string, example: Partial<KnowledgePointEventContract> = {}): EventDefinition<KnowledgePointEventContract> {
  const name = `complaints.knowledge.${verb}`;
  EVENT_AUDIENCE.set(name, 'internal');
  return defineEvent<KnowledgePointEventContract>({
    name,
    version: 1,
    topic: COMPLAINTS_TOPIC,
    summary: `[N] ${summary} Keyed by the point id; subject = point id.`,
    schema: {
      type: 'object',
      required: ['pointId', 'jurisdictionId', 'unitId', 'category', 'validUntil', 'occurredAt', 'version'],
      properties: {
        pointId: ID,
        jurisdictionId: ID,
        unitId: ID,
        category: CATEGORY,
        validUntil: NULLABLE_INSTANT,
        occurredAt: INSTANT,
        version: { type: 'integer', minimum: 1 },
        daysBefore: { type: 'integer', minimum: 1, description: 'expiring: the reminder (30 or 7 natural days before validUntil)' },
      },
    },
    example: {
      pointId: 'kp-3f9a2c17',
      jurisdictionId: 'CN-44-01',
      unitId: 'GZ-YX-HOUSING',
      category: 'SERVICE_GUIDE',
      validUntil: '2027-06-30T16:00:00.000Z',
      occurredAt: '2026-10-09T02:00:00.000Z',
      version: 4,
      ...example,
    },
  });
}

export const KnowledgePublished = knowledgeEvent('published', 'A knowledge point (知识点) was published with its validity period, within the cap of its kind (002 L1678).');
export const KnowledgeConfirmed = knowledgeEvent('confirmed', 'The unit confirmed a knowledge point before it expired; the new period runs from the confirmation (002 L1678).');
export const KnowledgeExpiring = knowledgeEvent('expiring', 'A published knowledge point expires soon: 30 or 7 natural days before validUntil (design, spec §4).', { daysBefore: 30 });
export const KnowledgeExpired = knowledgeEvent('expired', 'A knowledge point reached validUntil without confirmation and can no longer answer a caller (002 L1678).', { version: 5 });
export const KnowledgeRetired = knowledgeEvent('retired', 'The unit retired (下架) a knowledge point (002 L1676).');

export interface KnowledgeFeedbackEventContract {
  feedbackId: string;
  pointId: string | null;
  unitId: string;
  jurisdictionId: string;
  kind: string;
  urgent: boolean;
  dueAt: string;
  occurredAt: string;
  resolution?: 'ACTED' | 'NO_ACTION';
  onTime?: boolean;
}

function feedbackEvent(verb: string, summary: string, example: Partial<KnowledgeFeedbackEventContract> = {}): EventDefinition<KnowledgeFeedbackEventContract> {
  const name = `complaints.knowledge.${verb}`;
  EVENT_AUDIENCE.set(name, 'internal');
  return defineEvent<KnowledgeFeedbackEventContract>({
    name,
    version: 1,
    topic: COMPLAINTS_TOPIC,
    summary: `[N] ${summary} Keyed by the point id (the feedback id for a new-point request); subject = the same.`,
    schema: {
      type: 'object',
      required: ['feedbackId', 'pointId', 'unitId', 'jurisdictionId', 'kind', 'urgent', 'dueAt', 'occurredAt'],
      properties: {
        feedbackId: ID,
        pointId: NULLABLE_ID,
        unitId: ID,
        jurisdictionId: ID,
        kind: { type: 'string', enum: ['ERROR', 'OMISSION', 'EXPIRY', 'UNCLEAR', 'NEW_POINT'] },
        urgent: { type: 'boolean' },
        dueAt: INSTANT,
        occurredAt: INSTANT,
        resolution: { type: 'string', enum: ['ACTED', 'NO_ACTION'] },
        onTime: { type: 'boolean' },
      },
    },
    example: {
      feedbackId: 'kf-81c2d4e0',
      pointId: 'kp-3f9a2c17',
      unitId: 'GZ-YX-HOUSING',
      jurisdictionId: 'CN-44-01',
      kind: 'ERROR',
      urgent: false,
      dueAt: '2026-10-12T16:00:00.000Z',
      occurredAt: '2026-10-09T02:00:00.000Z',
      ...example,
    },
  });
}

export const KnowledgeFeedbackRaised = feedbackEvent('feedback_raised', 'The centre raised feedback on a knowledge point (error, omission, expiry, unclear) or asked for a new one; the unit answers within 2 WD, urgent 1 WD (002 L1680–1682).');
export const KnowledgeFeedbackResolved = feedbackEvent('feedback_resolved', 'The unit acted on the feedback (add, edit, review, retire) or answered that no action is needed (002 L1682).', { resolution: 'ACTED', onTime: true });
export const KnowledgeFeedbackOverdue = feedbackEvent('feedback_overdue', 'The unit did not answer the feedback within 2 WD (urgent 1 WD) (002 L1682).', { occurredAt: '2026-10-12T16:00:01.000Z' });

export const KNOWLEDGE_EVENTS: EventDefinition<unknown>[] = [
  KnowledgePublished,
  KnowledgeConfirmed,
  KnowledgeExpiring,
  KnowledgeExpired,
  KnowledgeRetired,
  KnowledgeFeedbackRaised,
  KnowledgeFeedbackResolved,
  KnowledgeFeedbackOverdue,
] as EventDefinition<unknown>[];

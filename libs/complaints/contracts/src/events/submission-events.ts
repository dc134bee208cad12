import { defineEvent, type EventDefinition } from '@one-window/shared/messaging';
import { COMPLAINTS_TOPIC } from '../topic';
import { CHANNEL, ID, INSTANT } from './schema-parts';
import { EVENT_AUDIENCE } from './ticket-events';

/** Common data of every submission event: the submission, its jurisdiction and version. No caller data. */
export interface SubmissionEventCommon {
  submissionId: string;
  jurisdictionId: string;
  version: number;
}

const COMMON_REQUIRED = ['submissionId', 'jurisdictionId', 'version'];
const COMMON_PROPERTIES = { submissionId: ID, jurisdictionId: ID, version: { type: 'integer', minimum: 1 } };
const COMMON_EXAMPLE: SubmissionEventCommon = { submissionId: 'sb-2c41e0d7', jurisdictionId: 'CN-44-01', version: 1 };

function submissionEvent<X extends object>(
  verb: string,
  audience: 'integrator' | 'internal',
  summary: string,
  extra: { required?: string[]; properties?: Record<string, unknown>; example: X },
): EventDefinition<SubmissionEventCommon & X> {
  const name = `complaints.submission.${verb}`;
  EVENT_AUDIENCE.set(name, audience);
  return defineEvent<SubmissionEventCommon & X>({
    name,
    version: 1,
    topic: COMPLAINTS_TOPIC,
    summary: `${audience === 'integrator' ? '[I] ' : '[N] '}${summary} Keyed by the submission id.`,
    schema: { type: 'object', required: [...COMMON_REQUIRED, ...(extra.required ?? [])], properties: { ...COMMON_PROPERTIES, ...(extra.properties ?? {}) } },
    example: { ...COMMON_EXAMPLE, ...extra.example },
  });
}

export const SubmissionReceived = submissionEvent('received', 'integrator', 'A caller contact (诉求) was received by phone or online.', {
  required: ['channel', 'isMarketEntity'],
  properties: { channel: CHANNEL, isMarketEntity: { type: 'boolean' }, serviceCode: ID },
  example: { channel: 'PHONE' as const, isMarketEntity: false },
});

export const SubmissionSupplementRequested = submissionEvent('supplement_requested', 'internal', 'The centre asked once for everything missing (一次性告知): 3 natural days online, or 3 calls by phone.', {
  required: ['channelClass', 'missing', 'dueAt', 'attempts'],
  properties: {
    channelClass: { type: 'string', enum: ['PHONE', 'NETWORK'] },
    missing: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    dueAt: { type: ['string', 'null'], format: 'date-time' },
    attempts: { type: ['integer', 'null'] },
  },
  example: { version: 2, channelClass: 'NETWORK' as const, missing: ['address of the building'], dueAt: '2026-10-03T16:00:00.000Z', attempts: null },
});

export const SubmissionSupplemented = submissionEvent('supplemented', 'internal', 'The caller supplied the missing information.', {
  required: ['channelClass'],
  properties: { channelClass: { type: 'string', enum: ['PHONE', 'NETWORK'] } },
  example: { version: 3, channelClass: 'NETWORK' as const },
});

export const SubmissionClosed = submissionEvent('closed', 'integrator', 'The submission closed without tickets: INCOMPLETE (supplement failed or lapsed) or IDENTITY_REFUSED.', {
  required: ['reason'],
  properties: { reason: { type: 'string', enum: ['INCOMPLETE', 'IDENTITY_REFUSED'] }, closedAt: INSTANT },
  example: { version: 3, reason: 'INCOMPLETE' as const },
});

export const SUBMISSION_EVENTS: EventDefinition<unknown>[] = [SubmissionReceived, SubmissionSupplementRequested, SubmissionSupplemented, SubmissionClosed] as EventDefinition<unknown>[];

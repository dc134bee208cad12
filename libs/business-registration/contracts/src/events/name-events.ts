import { defineEvent, type JsonSchema } from '@one-window/shared/messaging';
import { REGISTRATION_TOPIC } from '../topic';

const RESERVATION_ID: JsonSchema = { type: 'string', minLength: 1, maxLength: 64 };
const ENTITY_TYPE: JsonSchema = { type: 'string', minLength: 1, maxLength: 32 };

export interface NameReservedData {
  reservationId: string;
  name: string;
  parts: { division?: string; tradeName: string; industryWord?: string; organisationForm?: string };
  entityType: string;
  expiresAt: string;
}

/** 名称自主申报 (§2.1): a self-declared name passed its checks and is reserved until `expiresAt`. Keyed by the reservation id. */
export const NameReserved = defineEvent<NameReservedData>({
  name: 'registration.name.reserved',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'Key: the reservation id. A self-declared name (名称自主申报) was reserved, with its parts, until expiresAt; for one-window tracking. No applicant data.',
  schema: {
    type: 'object',
    required: ['reservationId', 'name', 'parts', 'entityType', 'expiresAt'],
    additionalProperties: false,
    properties: {
      reservationId: RESERVATION_ID,
      name: { type: 'string', minLength: 1, maxLength: 100 },
      parts: {
        type: 'object',
        required: ['tradeName'],
        properties: { division: { type: 'string' }, tradeName: { type: 'string', minLength: 1 }, industryWord: { type: 'string' }, organisationForm: { type: 'string' } },
      },
      entityType: ENTITY_TYPE,
      expiresAt: { type: 'string', format: 'date-time' },
    },
  },
  example: {
    reservationId: 'res-1',
    name: '广州市星河科技有限公司',
    parts: { division: '广州市', tradeName: '星河', industryWord: '科技', organisationForm: '有限公司' },
    entityType: 'LLC',
    expiresAt: '2027-01-04T16:00:00.000Z',
  },
});

export interface NameExpiredData {
  reservationId: string;
  name: string;
  entityType: string;
  expiresAt: string;
}

/** A reserved name was not used before its reservation ended: free again. Keyed by the reservation id. */
export const NameExpired = defineEvent<NameExpiredData>({
  name: 'registration.name.expired',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'Key: the reservation id. A reserved name was not used before expiresAt and is free again (the expiry timer).',
  schema: {
    type: 'object',
    required: ['reservationId', 'name', 'entityType', 'expiresAt'],
    additionalProperties: false,
    properties: { reservationId: RESERVATION_ID, name: { type: 'string', minLength: 1, maxLength: 100 }, entityType: ENTITY_TYPE, expiresAt: { type: 'string', format: 'date-time' } },
  },
  example: { reservationId: 'res-1', name: '广州市星河科技有限公司', entityType: 'LLC', expiresAt: '2027-01-04T16:00:00.000Z' },
});

export const NAME_EVENTS = [NameReserved, NameExpired];

/** JSON Schema fragments shared by the complaints events (spec §8). No fragment carries personal data. */
export const TICKET_TYPE = { type: 'string', enum: ['CONSULTATION', 'HELP', 'COMPLAINT', 'REPORT', 'SUGGESTION', 'PRAISE'] };
export const TICKET_STATE = {
  type: 'string',
  enum: ['REGISTERED', 'DISPATCHED', 'RETURN_REQUESTED', 'IN_COORDINATION', 'IN_PROGRESS', 'SUBMITTED', 'AWAITING_RATING', 'CALLBACK_PENDING', 'REHANDLING', 'AWAITING_DUTY_OPINION', 'CLOSED'],
};
export const CHANNEL = { type: 'string', enum: ['PHONE', 'WEB', 'NEW_MEDIA', 'APP', 'PORTAL', 'OPEN311', 'GRID', 'OBSERVER', 'ASSIGNED'] };
export const ACTOR_ROLE = {
  type: 'string',
  enum: ['caller', 'hotline_agent', 'district_body', 'handling_unit', 'co_handler', 'supervisor', 'guidance_body', 'integrator', 'system', 'timer'],
};
export const INSTANT = { type: 'string', format: 'date-time' };
export const NULLABLE_INSTANT = { type: ['string', 'null'], format: 'date-time' };
export const ID = { type: 'string', minLength: 1 };
export const NULLABLE_ID = { type: ['string', 'null'], minLength: 1 };
export const GRADE = { type: 'string', enum: ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED', 'NOT_RATED'] };
export const CLOSE_REASON = {
  type: 'string',
  enum: ['ANSWERED_FROM_KB', 'GUIDED', 'WITHDRAWN', 'PRAISE_READ', 'MERGED', 'RATED', 'NOT_RATED', 'REHANDLING_SKIPPED', 'DUTY_OPINION_FILED', 'DUTY_OPINION_LAPSED'],
};
export const OUTCOME_CODE = { type: 'string', pattern: '^([A-Z_]+|SPECIAL_CATEGORY:[A-Z0-9_]+)$' };

/** Common data of every ticket event (§8): ids, type, state, round, unit, instant, actor role and agency, version. */
export interface TicketEventCommon {
  ticketId: string;
  submissionId: string;
  jurisdictionId: string;
  ticketType: string;
  scenarioCode: string;
  state: string;
  round: 1 | 2;
  unitId: string | null;
  occurredAt: string;
  actor: { role: string; agencyId?: string };
  version: number;
}

export const TICKET_COMMON_REQUIRED = ['ticketId', 'submissionId', 'jurisdictionId', 'ticketType', 'scenarioCode', 'state', 'round', 'unitId', 'occurredAt', 'actor', 'version'];

export const TICKET_COMMON_PROPERTIES = {
  ticketId: ID,
  submissionId: ID,
  jurisdictionId: ID,
  ticketType: TICKET_TYPE,
  scenarioCode: ID,
  state: TICKET_STATE,
  round: { type: 'integer', enum: [1, 2] },
  unitId: NULLABLE_ID,
  occurredAt: INSTANT,
  actor: {
    type: 'object',
    required: ['role'],
    properties: { role: ACTOR_ROLE, agencyId: ID },
    description: 'The role that acted (and its agency for a unit); never a person',
  },
  version: { type: 'integer', minimum: 1 },
};

export const TICKET_COMMON_EXAMPLE: TicketEventCommon = {
  ticketId: 'tk-7f3c2a91',
  submissionId: 'sb-2c41e0d7',
  jurisdictionId: 'CN-44-01',
  ticketType: 'COMPLAINT',
  scenarioCode: 'HOUSING.REPAIR',
  state: 'DISPATCHED',
  round: 1,
  unitId: 'GZ-YX-HOUSING',
  occurredAt: '2026-09-30T02:00:00.000Z',
  actor: { role: 'hotline_agent' },
  version: 2,
};

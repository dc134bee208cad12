import { defineEvent, type EventDefinition, type JsonSchema } from '@one-window/shared/messaging';
import { USCC } from '@one-window/business-registration/contracts';
import { TAX_TOPIC } from '../topic';

/** Tax-dispute mediation (税费争议调解, tax.md §13): keyed by the taxpayer id. */
const DISPUTE_ID: JsonSchema = { type: 'string', minLength: 1, maxLength: 64 };

export interface DisputeOpenedData {
  disputeId: string;
  taxpayerId: string;
  channel: 'ONLINE' | 'HALL' | 'PHONE';
  acceptanceDueAt: string;
}

export const DisputeOpened = defineEvent<DisputeOpenedData>({
  name: 'tax.dispute.opened',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'A tax dispute was brought to mediation (§13 RECEIVED): online by the taxpayer, or recorded by the dispute team from the hall or the phone; acceptance is due within 2 working days [cfg].',
  schema: {
    type: 'object',
    required: ['disputeId', 'taxpayerId', 'channel', 'acceptanceDueAt'],
    additionalProperties: false,
    properties: { disputeId: DISPUTE_ID, taxpayerId: USCC, channel: { type: 'string', enum: ['ONLINE', 'HALL', 'PHONE'] }, acceptanceDueAt: { type: 'string', format: 'date-time' } },
  },
  example: { disputeId: 'dsp-1', taxpayerId: '91440104MA00001B3B', channel: 'HALL', acceptanceDueAt: '2026-12-08T16:00:00.000Z' },
});

export interface DisputeSettledData {
  disputeId: string;
  taxpayerId: string;
  agreementRef: string;
  /** Settled after the 20 working days [cfg] of mediation. */
  late: boolean;
}

export const DisputeSettled = defineEvent<DisputeSettledData>({
  name: 'tax.dispute.settled',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'A tax dispute was settled by mediation (§13 SETTLED), with the agreement; `late` when after the 20 working days [cfg] of mediation.',
  schema: {
    type: 'object',
    required: ['disputeId', 'taxpayerId', 'agreementRef', 'late'],
    additionalProperties: false,
    properties: { disputeId: DISPUTE_ID, taxpayerId: USCC, agreementRef: { type: 'string', minLength: 1, maxLength: 100 }, late: { type: 'boolean' } },
  },
  example: { disputeId: 'dsp-1', taxpayerId: '91440104MA00001B3B', agreementRef: 'MED-2026-001', late: false },
});

export interface DisputeClosedData {
  disputeId: string;
  taxpayerId: string;
  outcome: 'NOT_SETTLED' | 'WITHDRAWN';
  /** NOT_SETTLED: the legal remedies the notice names [ext]. */
  remedies?: string[];
}

export const DisputeClosed = defineEvent<DisputeClosedData>({
  name: 'tax.dispute.closed',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'A tax dispute ended without a settlement (§13): NOT_SETTLED, with the notice of legal remedies (行政复议, 行政诉讼) [ext], or WITHDRAWN by the taxpayer.',
  schema: {
    type: 'object',
    required: ['disputeId', 'taxpayerId', 'outcome'],
    additionalProperties: false,
    properties: {
      disputeId: DISPUTE_ID,
      taxpayerId: USCC,
      outcome: { type: 'string', enum: ['NOT_SETTLED', 'WITHDRAWN'] },
      remedies: { type: 'array', items: { type: 'string', enum: ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'] } },
    },
  },
  example: { disputeId: 'dsp-1', taxpayerId: '91440104MA00001B3B', outcome: 'NOT_SETTLED', remedies: ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'] },
});

export const DISPUTE_EVENTS: EventDefinition<never>[] = [DisputeOpened, DisputeSettled, DisputeClosed] as unknown as EventDefinition<never>[];

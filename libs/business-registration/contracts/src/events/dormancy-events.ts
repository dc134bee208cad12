import { defineEvent } from '@one-window/shared/messaging';
import { LOCAL_DATE, USCC } from '../schema-parts';
import { REGISTRATION_TOPIC } from '../topic';

export const DORMANCY_REASON_CODES = ['NATURAL_DISASTER', 'ACCIDENT', 'PUBLIC_HEALTH_EVENT', 'PUBLIC_SECURITY_EVENT'] as const;

export interface CompanyDormancyStartedData {
  uscc: string;
  reasonCode: (typeof DORMANCY_REASON_CODES)[number];
  /** The first dormant day. */
  effectiveOn: string;
  /** The last dormant day (at most 3 years on [cfg]); the company resumes by itself the day after. */
  endsOn: string;
}

/** 歇业 (§8, §10.4 ACTIVE → DORMANT). */
export const CompanyDormancyStarted = defineEvent<CompanyDormancyStartedData>({
  name: 'registration.company.dormancy_started',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'Key: the credit code (uscc). The company suspended business (歇业) for a hardship reason, until endsOn at the latest (at most 3 years [cfg]); tax may suspend the taxpayer.',
  schema: {
    type: 'object',
    required: ['uscc', 'reasonCode', 'effectiveOn', 'endsOn'],
    additionalProperties: false,
    properties: { uscc: USCC, reasonCode: { type: 'string', enum: [...DORMANCY_REASON_CODES] }, effectiveOn: LOCAL_DATE, endsOn: LOCAL_DATE },
  },
  example: { uscc: '91440104MA00001B3B', reasonCode: 'NATURAL_DISASTER', effectiveOn: '2026-12-05', endsOn: '2027-06-30' },
});

export interface CompanyDormancyEndedData {
  uscc: string;
  /** RESUMED: the company said so; MAX_PERIOD_REACHED: the period ended and it resumed by itself. */
  reasonCode: 'RESUMED' | 'MAX_PERIOD_REACHED';
  /** The first day of business again. */
  effectiveOn: string;
}

/** 歇业 ends (§10.4 DORMANT → ACTIVE). */
export const CompanyDormancyEnded = defineEvent<CompanyDormancyEndedData>({
  name: 'registration.company.dormancy_ended',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'Key: the credit code (uscc). The company resumed business: RESUMED on its own word, or MAX_PERIOD_REACHED the day after its dormancy period ended.',
  schema: {
    type: 'object',
    required: ['uscc', 'reasonCode', 'effectiveOn'],
    additionalProperties: false,
    properties: { uscc: USCC, reasonCode: { type: 'string', enum: ['RESUMED', 'MAX_PERIOD_REACHED'] }, effectiveOn: LOCAL_DATE },
  },
  example: { uscc: '91440104MA00001B3B', reasonCode: 'RESUMED', effectiveOn: '2027-03-01' },
});

export const DORMANCY_EVENTS = [CompanyDormancyStarted, CompanyDormancyEnded];

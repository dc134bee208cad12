import { defineEvent } from '@one-window/shared/messaging';
import { LOCAL_DATE, USCC } from '../schema-parts';
import { REGISTRATION_TOPIC } from '../topic';

export interface CompanyDeregisteredData {
  uscc: string;
  route: 'SIMPLIFIED' | 'ORDINARY' | 'COURT';
  effectiveOn: string;
  courtRulingRef?: string;
}

/** A company was deregistered (注销登记): tax closes the taxpayer, bankruptcy closes the link. */
export const CompanyDeregistered = defineEvent<CompanyDeregisteredData>({
  name: 'registration.company.deregistered',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary: 'A company left the register by simplified, ordinary or court-ordered deregistration.',
  schema: {
    type: 'object',
    required: ['uscc', 'route', 'effectiveOn'],
    properties: {
      uscc: USCC,
      route: { type: 'string', enum: ['SIMPLIFIED', 'ORDINARY', 'COURT'], description: '简易注销 / 普通注销 / after court liquidation or bankruptcy' },
      effectiveOn: LOCAL_DATE,
      courtRulingRef: { type: 'string', description: 'The ruling that ended the proceedings (route COURT)' },
    },
  },
  example: { uscc: '91440104MA00001B3B', route: 'SIMPLIFIED', effectiveOn: '2027-03-01' },
});

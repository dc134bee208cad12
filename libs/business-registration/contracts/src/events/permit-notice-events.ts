import { defineEvent } from '@one-window/shared/messaging';
import { USCC } from '../schema-parts';
import { REGISTRATION_TOPIC } from '../topic';

export const PERMIT_NOTICE_ROUTES = ['FILING', 'NOTIFICATION_COMMITMENT', 'OPTIMISED_APPROVAL'] as const;

export interface PermitNoticeIssuedData {
  uscc: string;
  /** The scope item (经营范围) that needs a post-licence permit. */
  scopeCode: string;
  permitName: string;
  /** The licensing authority that issues the permit. */
  authorityCode: string;
  /** Its 证照分离 route: file it, commit to it, or apply on the optimised approval. */
  route: (typeof PERMIT_NOTICE_ROUTES)[number];
}

/**
 * 证照分离 (spec §2.3, §11): a registered company's scope holds an item that needs a permit after the
 * licence (后置许可); the applicant and the licensing authority are told, one notice per item.
 */
export const PermitNoticeIssued = defineEvent<PermitNoticeIssuedData>({
  name: 'registration.permit_notice.issued',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    'Key: the credit code (uscc). At registration, one per scope item that needs a post-licence permit (证照分离): the item, the permit, the licensing authority and the route (FILING: a reminder to file; NOTIFICATION_COMMITMENT: the joint permit hand-off; OPTIMISED_APPROVAL: apply). For licensing regulators.',
  schema: {
    type: 'object',
    required: ['uscc', 'scopeCode', 'permitName', 'authorityCode', 'route'],
    additionalProperties: false,
    properties: {
      uscc: USCC,
      scopeCode: { type: 'string', pattern: '^[A-Z]\\d{4}$' },
      permitName: { type: 'string', minLength: 1, maxLength: 100 },
      authorityCode: { type: 'string', minLength: 1, maxLength: 64 },
      route: { type: 'string', enum: [...PERMIT_NOTICE_ROUTES] },
    },
  },
  example: { uscc: '91440104MA00001B3B', scopeCode: 'H6210', permitName: '食品经营许可', authorityCode: 'GZ-AMR-FOOD', route: 'NOTIFICATION_COMMITMENT' },
});

import { AdministratorAppointed, BANKRUPTCY_TOPIC, CaseAccepted, DebtorInfoAccessGranted, DebtorInfoAccessRevoked } from '@one-window/bankruptcy/contracts';
import type { ProblemTypeMap } from '@one-window/shared/http';
import type { ConsumerDefinition, ServiceDefinition } from '@one-window/shared/platform';
import { CreditReratingHandler, RERATING_PUBLISH_TIMER } from './credit-re-rating/credit-re-rating.handler';
import { BankruptcyCaseEventsHandler } from './follow-cases/bankruptcy-case-events.handler';

const p = (status: number, title: string, type: string) => ({ status, title, type });

/**
 * The consumer group that follows bankruptcy cases (§11): one group for all of a case's events,
 * which the bankruptcy service keys by case id, so they are handled in their order.
 */
export const BANKRUPTCY_CASES_GROUP = 'tax.bankruptcy-cases';

/** Domain error codes of the bankruptcy part → HTTP (the re-rating codes are in the credit part's map). */
export const BANKRUPTCY_PROBLEM_TYPES: ProblemTypeMap = {
  'tax.bankruptcy_claim.empty': p(422, 'Tax claim has no line', 'tax-bankruptcy-claim-empty'),
  'tax.bankruptcy_claim.not_draft': p(409, 'Tax claim is not a draft', 'tax-bankruptcy-claim-not-draft'),
  'tax.credit.rerating_already_applied': p(409, 'Re-rating already applied for in this window', 'tax-credit-rerating-already-applied'),
};

/** Durable timers of the bankruptcy part: publishing a rated re-rating. */
export const BANKRUPTCY_TIMERS: NonNullable<ServiceDefinition['timers']> = (get) => ({
  [RERATING_PUBLISH_TIMER]: (timer, tx) => get(CreditReratingHandler).publish(timer, tx),
});

type On<K extends keyof BankruptcyCaseEventsHandler> = Parameters<BankruptcyCaseEventsHandler[K]>[0];

/** Consumer groups of the bankruptcy part. */
export const BANKRUPTCY_CONSUMERS: ConsumerDefinition[] = [
  {
    groupId: BANKRUPTCY_CASES_GROUP,
    topics: [BANKRUPTCY_TOPIC],
    events: [CaseAccepted, AdministratorAppointed, DebtorInfoAccessGranted, DebtorInfoAccessRevoked],
    handlers: (get) => ({
      [CaseAccepted.type]: (e, tx) => get(BankruptcyCaseEventsHandler).accepted(e as On<'accepted'>, tx),
      [AdministratorAppointed.type]: (e, tx) => get(BankruptcyCaseEventsHandler).appointed(e as On<'appointed'>, tx),
      [DebtorInfoAccessGranted.type]: (e, tx) => get(BankruptcyCaseEventsHandler).granted(e as On<'granted'>, tx),
      [DebtorInfoAccessRevoked.type]: (e, tx) => get(BankruptcyCaseEventsHandler).revoked(e as On<'revoked'>, tx),
    }),
  },
];

/** Snapshots of the bankruptcy part for integrators: none (case data is for the case's parties only). */
export const BANKRUPTCY_SNAPSHOTS: NonNullable<ServiceDefinition['snapshots']> = () => [];

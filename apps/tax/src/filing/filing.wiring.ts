import { ForcedExitCandidateFound, REGISTRATION_TOPIC } from '@one-window/business-registration/contracts';
import { TAX_TOPIC, TaxpayerRegistered } from '@one-window/tax/contracts';
import { FILING_ERROR_HTTP_STATUS, RELIEF_ERROR_HTTP_STATUS } from '@one-window/tax/domain';
import { ObligationRepository } from '@one-window/tax/data-access';
import type { ProblemTypeMap } from '@one-window/shared/http';
import type { ConsumerDefinition, ServiceDefinition } from '@one-window/shared/platform';
import { AnswerNonFilingQueryHandler, FORCED_EXIT_QUERIES_GROUP } from './answer-non-filing-query/answer-non-filing-query.handler';
import { FlagObligationOverdueHandler } from './flag-obligation-overdue/flag-obligation-overdue.handler';
import { FILING_OBLIGATIONS_GROUP, TaxpayerRegisteredHandler } from './schedule-obligations/taxpayer-registered.handler';
import { CALENDAR_YEAR_NOT_LOADED } from './shared/filing-errors';
import { OBLIGATION_OVERDUE_TIMER } from './shared/filing-timers';

const p = (status: number, title: string, type: string) => ({ status, title, type });

/** Titles and problem types of the domain's filing and relief codes (statuses from the domain's own tables). */
const DOMAIN_PROBLEMS: Record<string, [string, string]> = {
  'tax.return.not_finalised': ['Return not finalised', 'return-not-finalised'],
  'tax.return.duplicate': ['Duplicate return', 'duplicate-return'],
  'tax.return.invalid': ['Invalid return', 'invalid-return'],
  'tax.return.not_latest': ['Not the latest return version', 'return-not-latest'],
  'tax.return.not_found': ['Return not found', 'tax-not-found'],
  'tax.obligation.not_found': ['Obligation not found', 'tax-not-found'],
  'tax.obligation.not_open': ['Obligation not open', 'obligation-not-open'],
  'tax.obligation.not_yet_overdue': ['Obligation not yet overdue', 'obligation-not-yet-overdue'],
  'tax.payment.exceeds_outstanding': ['Payment exceeds outstanding', 'payment-exceeds-outstanding'],
  'tax.relief.invalid_rule': ['Invalid relief rule', 'relief-invalid-rule'],
  'tax.relief.version_exists': ['Relief rule version exists', 'relief-version-exists'],
  'tax.relief.overlapping_versions': ['Overlapping relief rule versions', 'relief-overlapping-versions'],
  'tax.relief.unknown_rule': ['Unknown relief rule', 'relief-unknown-rule'],
  'tax.relief.not_small_scale': ['Not a small-scale taxpayer', 'relief-not-small-scale'],
};

const STATUS: Readonly<Record<string, number>> = { ...FILING_ERROR_HTTP_STATUS, ...RELIEF_ERROR_HTTP_STATUS };

/** Domain error codes of the filing part → HTTP (merged into the service's one registry). */
export const FILING_PROBLEM_TYPES: ProblemTypeMap = {
  ...Object.fromEntries(Object.entries(DOMAIN_PROBLEMS).map(([code, [title, type]]) => [code, p(STATUS[code], title, type)])),
  'tax.payment.conflict': p(409, 'Payment id already used', 'payment-conflict'),
  'tax.idempotency_key.required': p(400, 'Idempotency-Key required', 'idempotency-key-required'),
  [CALENDAR_YEAR_NOT_LOADED]: p(422, 'Working calendar not loaded for the year', 'calendar-year-not-loaded'),
};

/** Durable timer handlers of the filing part, by timer kind (merged into the service definition). */
export const FILING_TIMERS: NonNullable<ServiceDefinition['timers']> = (get) => ({
  [OBLIGATION_OVERDUE_TIMER]: (timer, tx) => get(FlagObligationOverdueHandler).execute(timer, tx),
});

/**
 * Consumer groups of the filing part: the service's own tax.events, to open a new taxpayer's
 * obligations; business registration's forced-exit queries, answered from the returns (R4.7).
 */
export const FILING_CONSUMERS: ConsumerDefinition[] = [
  {
    groupId: FILING_OBLIGATIONS_GROUP,
    topics: [TAX_TOPIC],
    events: [TaxpayerRegistered],
    handlers: (get) => ({
      [TaxpayerRegistered.type]: (e, tx) => get(TaxpayerRegisteredHandler).execute(e as Parameters<TaxpayerRegisteredHandler['execute']>[0], tx),
    }),
  },
  {
    groupId: FORCED_EXIT_QUERIES_GROUP,
    topics: [REGISTRATION_TOPIC],
    events: [ForcedExitCandidateFound],
    handlers: (get) => ({
      [ForcedExitCandidateFound.type]: (e, tx) => get(AnswerNonFilingQueryHandler).execute(e as Parameters<AnswerNonFilingQueryHandler['execute']>[0], tx),
    }),
  },
];

/** Snapshots of the filing part for integrators. */
export const FILING_SNAPSHOTS: NonNullable<ServiceDefinition['snapshots']> = (get) => [
  {
    name: 'obligations',
    description: 'Filing obligations: taxpayer, periodKey, tax types, combined group, period, due date, status O/F, overdue, receipt id',
    read: (tx) => get(ObligationRepository).snapshot(tx),
  },
];

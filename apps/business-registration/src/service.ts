import { BANKRUPTCY_TOPIC, CaseAccepted, CaseClosed, CreditRepairRequested, ReorganisationPlanApproved } from '@one-window/bankruptcy/contracts';
import { REGISTRATION_EVENTS, REGISTRATION_TOPIC } from '@one-window/business-registration/contracts';
import { CompanyRepository, REGISTRATION_ENTITIES, REGISTRATION_MIGRATIONS } from '@one-window/business-registration/data-access';
import { ClearanceExempted, ClearanceIssued, NonFilingConfirmed, ReturnFiled, TAX_TOPIC, TaxpayerRegistered } from '@one-window/tax/contracts';
import type { ServiceDefinition } from '@one-window/shared/platform';
import { ANNUAL_REPORT_DEADLINE_TIMER, AnnualReportDeadlineHandler } from './annual-report-deadline/annual-report-deadline.handler';
import { FollowBankruptcyCasesHandler } from './follow-bankruptcy-cases/follow-bankruptcy-cases.handler';
import { RecordTaxNonFilingHandler } from './record-tax-non-filing/record-tax-non-filing.handler';
import { RecordTaxFilingHandler } from './record-tax-filing/record-tax-filing.handler';
import { CompleteTaxPartHandler } from './complete-tax-part/complete-tax-part.handler';
import { EndDeregistrationNoticeHandler } from './end-deregistration-notice/end-deregistration-notice.handler';
import { LapseDeregistrationHandler } from './lapse-deregistration/lapse-deregistration.handler';
import { RecordTaxClearanceHandler } from './record-tax-clearance/record-tax-clearance.handler';
import { ExpireReservationHandler, RESERVATION_EXPIRY_TIMER } from './expire-reservation/expire-reservation.handler';
import { REGISTRATION_PROBLEM_TYPES } from './problem-types';
import { REVIEW_OVERDUE_TIMER, ReviewOverdueHandler } from './review-overdue/review-overdue.handler';
import { SealDeliveryOverdueHandler } from './seal-delivery-overdue/seal-delivery-overdue.handler';
import { ChangeRequestOverdueHandler } from './change-request-overdue/change-request-overdue.handler';
import { LapseChangeRequestHandler } from './lapse-change-request/lapse-change-request.handler';
import { CHANGE_REQUEST_LAPSE_TIMER, CHANGE_REQUEST_OVERDUE_TIMER } from './shared/change-request-desk';
import { DEREGISTRATION_APPLY_WINDOW_TIMER, DEREGISTRATION_NOTICE_TIMER } from './shared/deregistration-desk';
import { SEAL_DELIVERY_TIMER } from './shared/setup-bundle-desk';
import { FORCED_EXIT_NOTICE_TIMER } from './shared/forced-exit-desk';
import { CREDIT_REPAIR_DUE_TIMER } from './shared/credit-repair-desk';
import { CreditRepairDueHandler } from './credit-repair/credit-repair-due.handler';
import { DORMANCY_END_TIMER, DormancyHandler } from './dormancy/dormancy.handler';
import { RevokeForcedExitHandler } from './revoke-forced-exit/revoke-forced-exit.handler';
import { FORCED_EXIT_NIGHTLY_TIMER, ForcedExitNightlyHandler } from './forced-exit-nightly/forced-exit-nightly.handler';

/** The consumer group that completes the bundle's tax part from the tax service's events. */
export const TAX_SYNC_GROUP = 'registration.tax-sync';
/** The consumer group that records tax clearance (清税) on open deregistrations. */
export const TAX_CLEARANCE_GROUP = 'registration.tax-clearance';
/** The consumer group that keeps the tax returns filed per company (the "no tax filed" projection of forced exit) and tax's answers to forced-exit candidates (R4.7). */
export const TAX_FILINGS_GROUP = 'registration.tax-filings';
/**
 * The consumer group that follows bankruptcy cases (§11 consumed from bankruptcy): acceptance flags
 * the company `underBankruptcy`; an approved plan is recorded and published; a credit-repair
 * request opens the publicity-system update for an officer; the closing ruling
 * opens the court-route deregistration or clears the flag. One group for a case's events, which the bankruptcy service keys by case id, so they
 * are handled in their order.
 */
export const BANKRUPTCY_FOLLOW_GROUP = 'registration.bankruptcy-follow';

type OnCase<K extends 'accepted' | 'planApproved' | 'creditRepairRequested' | 'closed'> = Parameters<FollowBankruptcyCasesHandler[K]>[0];

/** The business-registration service as the platform runs it (see libs/shared/platform). */
export const businessRegistrationService: ServiceDefinition = {
  name: 'business-registration',
  title: 'Business registration',
  description: 'Company setup, changes, annual report and deregistration (企业开办、变更、年报、注销).',
  topic: REGISTRATION_TOPIC,
  publishes: REGISTRATION_EVENTS,
  entities: REGISTRATION_ENTITIES,
  migrations: REGISTRATION_MIGRATIONS,
  problemTypes: REGISTRATION_PROBLEM_TYPES,
  timers: (get) => ({
    [RESERVATION_EXPIRY_TIMER]: (timer, tx) => get(ExpireReservationHandler).execute(timer, tx),
    [REVIEW_OVERDUE_TIMER]: (timer, tx) => get(ReviewOverdueHandler).execute(timer, tx),
    [CHANGE_REQUEST_OVERDUE_TIMER]: (timer, tx) => get(ChangeRequestOverdueHandler).execute(timer, tx),
    [CHANGE_REQUEST_LAPSE_TIMER]: (timer, tx) => get(LapseChangeRequestHandler).execute(timer, tx),
    [SEAL_DELIVERY_TIMER]: (timer, tx) => get(SealDeliveryOverdueHandler).execute(timer, tx),
    [DEREGISTRATION_NOTICE_TIMER]: (timer, tx) => get(EndDeregistrationNoticeHandler).execute(timer, tx),
    [DEREGISTRATION_APPLY_WINDOW_TIMER]: (timer, tx) => get(LapseDeregistrationHandler).execute(timer, tx),
    [FORCED_EXIT_NOTICE_TIMER]: (timer, tx) => get(RevokeForcedExitHandler).execute(timer, tx),
    [CREDIT_REPAIR_DUE_TIMER]: (timer, tx) => get(CreditRepairDueHandler).execute(timer, tx),
    [DORMANCY_END_TIMER]: (timer, tx) => get(DormancyHandler).onPeriodEnd(timer, tx),
    [FORCED_EXIT_NIGHTLY_TIMER]: async (timer, tx) => {
      await get(ForcedExitNightlyHandler).execute(timer, tx);
    },
    [ANNUAL_REPORT_DEADLINE_TIMER]: async (timer, tx) => {
      await get(AnnualReportDeadlineHandler).execute(timer, tx);
    },
  }),
  consumers: [
    {
      groupId: TAX_SYNC_GROUP,
      topics: [TAX_TOPIC],
      events: [TaxpayerRegistered],
      handlers: (get) => ({
        [TaxpayerRegistered.type]: (e, tx) => get(CompleteTaxPartHandler).execute(e as Parameters<CompleteTaxPartHandler['execute']>[0], tx),
      }),
    },
    {
      groupId: TAX_CLEARANCE_GROUP,
      topics: [TAX_TOPIC],
      events: [ClearanceIssued, ClearanceExempted],
      handlers: (get) => {
        const record = (e: unknown, tx: Parameters<RecordTaxClearanceHandler['execute']>[1]) => get(RecordTaxClearanceHandler).execute(e as Parameters<RecordTaxClearanceHandler['execute']>[0], tx);
        return { [ClearanceIssued.type]: record, [ClearanceExempted.type]: record };
      },
    },
    {
      groupId: TAX_FILINGS_GROUP,
      topics: [TAX_TOPIC],
      events: [ReturnFiled, NonFilingConfirmed],
      handlers: (get) => ({
        [ReturnFiled.type]: (e, tx) => get(RecordTaxFilingHandler).execute(e as Parameters<RecordTaxFilingHandler['execute']>[0], tx),
        [NonFilingConfirmed.type]: (e, tx) => get(RecordTaxNonFilingHandler).execute(e as Parameters<RecordTaxNonFilingHandler['execute']>[0], tx),
      }),
    },
    {
      groupId: BANKRUPTCY_FOLLOW_GROUP,
      topics: [BANKRUPTCY_TOPIC],
      events: [CaseAccepted, ReorganisationPlanApproved, CreditRepairRequested, CaseClosed],
      handlers: (get) => ({
        [CaseAccepted.type]: (e, tx) => get(FollowBankruptcyCasesHandler).accepted(e as OnCase<'accepted'>, tx),
        [ReorganisationPlanApproved.type]: (e, tx) => get(FollowBankruptcyCasesHandler).planApproved(e as OnCase<'planApproved'>, tx),
        [CreditRepairRequested.type]: (e, tx) => get(FollowBankruptcyCasesHandler).creditRepairRequested(e as OnCase<'creditRepairRequested'>, tx),
        [CaseClosed.type]: (e, tx) => get(FollowBankruptcyCasesHandler).closed(e as OnCase<'closed'>, tx),
      }),
    },
  ],
  snapshots: (get) => [
    {
      name: 'companies',
      description: 'Registered companies: the public register fields (credit code, name, type, status, authority, date, domicile)',
      read: (tx) => get(CompanyRepository).publicList(tx),
    },
  ],
};

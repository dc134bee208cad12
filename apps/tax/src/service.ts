import { CompanyChanged, CompanyDeregistered, CompanyRegistered, DeregistrationRequested, REGISTRATION_TOPIC } from '@one-window/business-registration/contracts';
import { TAX_EVENTS, TAX_TOPIC } from '@one-window/tax/contracts';
import { TAX_ENTITIES, TAX_MIGRATIONS, TaxpayerRepository } from '@one-window/tax/data-access';
import type { ServiceDefinition } from '@one-window/shared/platform';
import { BANKRUPTCY_CONSUMERS, BANKRUPTCY_PROBLEM_TYPES, BANKRUPTCY_SNAPSHOTS, BANKRUPTCY_TIMERS } from './bankruptcy/bankruptcy.wiring';
import { CloseTaxpayerHandler } from './close-taxpayer/close-taxpayer.handler';
import { ClearForDeregistrationHandler } from './credit/clear-for-deregistration/clear-for-deregistration.handler';
import { CREDIT_CONSUMERS, CREDIT_PROBLEM_TYPES, CREDIT_SNAPSHOTS, CREDIT_TIMERS } from './credit/credit.wiring';
import { FILING_CONSUMERS, FILING_PROBLEM_TYPES, FILING_SNAPSHOTS, FILING_TIMERS } from './filing/filing.wiring';
import { INVOICING_CONSUMERS, INVOICING_PROBLEM_TYPES, INVOICING_SNAPSHOTS, INVOICING_TIMERS } from './invoicing/invoicing.wiring';
import { TAX_PROBLEM_TYPES } from './problem-types';
import { PUBLICATION_PROBLEM_TYPES } from './publications/publications.wiring';
import { RegisterTaxpayerHandler } from './register-taxpayer/register-taxpayer.handler';
import { SyncTaxpayerChangeHandler } from './sync-taxpayer-change/sync-taxpayer-change.handler';

/**
 * The consumer group that keeps taxpayers in step with business registration (R4.1, R4.4, §10):
 * one group for all of a company's registration events, so they are handled in their order.
 */
export const REGISTRATION_SYNC_GROUP = 'tax.registration-sync';

/** The tax service as the platform runs it (see libs/shared/platform). */
export const taxService: ServiceDefinition = {
  name: 'tax',
  title: 'Tax',
  description: 'Taxpayer registration from events, invoices, returns, relief rules, refunds and clearance (税务).',
  topic: TAX_TOPIC,
  publishes: TAX_EVENTS,
  entities: TAX_ENTITIES,
  migrations: TAX_MIGRATIONS,
  problemTypes: { ...TAX_PROBLEM_TYPES, ...INVOICING_PROBLEM_TYPES, ...FILING_PROBLEM_TYPES, ...CREDIT_PROBLEM_TYPES, ...BANKRUPTCY_PROBLEM_TYPES, ...PUBLICATION_PROBLEM_TYPES },
  timers: (get) => ({ ...INVOICING_TIMERS(get), ...FILING_TIMERS(get), ...CREDIT_TIMERS(get), ...BANKRUPTCY_TIMERS(get) }),
  consumers: [
    {
      groupId: REGISTRATION_SYNC_GROUP,
      topics: [REGISTRATION_TOPIC],
      events: [CompanyRegistered, CompanyChanged, DeregistrationRequested, CompanyDeregistered],
      handlers: (get) => ({
        [CompanyRegistered.type]: (e, tx) => get(RegisterTaxpayerHandler).execute(e as Parameters<RegisterTaxpayerHandler['execute']>[0], tx),
        [CompanyChanged.type]: (e, tx) => get(SyncTaxpayerChangeHandler).execute(e as Parameters<SyncTaxpayerChangeHandler['execute']>[0], tx),
        [DeregistrationRequested.type]: (e, tx) => get(ClearForDeregistrationHandler).execute(e as Parameters<ClearForDeregistrationHandler['execute']>[0], tx),
        [CompanyDeregistered.type]: (e, tx) => get(CloseTaxpayerHandler).execute(e as Parameters<CloseTaxpayerHandler['execute']>[0], tx),
      }),
    },
    ...INVOICING_CONSUMERS,
    ...FILING_CONSUMERS,
    ...CREDIT_CONSUMERS,
    ...BANKRUPTCY_CONSUMERS,
  ],
  snapshots: (get) => [
    { name: 'taxpayers', description: 'Taxpayers: id (credit code), kind, name, status, tax bureau, VAT status', read: (tx) => get(TaxpayerRepository).snapshot(tx) },
    ...INVOICING_SNAPSHOTS(get),
    ...FILING_SNAPSHOTS(get),
    ...CREDIT_SNAPSHOTS(get),
    ...BANKRUPTCY_SNAPSHOTS(get),
  ],
};

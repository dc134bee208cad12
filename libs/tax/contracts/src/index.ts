import type { EventDefinition } from '@one-window/shared/messaging';
import { BANKRUPTCY_COOPERATION_EVENTS } from './events/bankruptcy-events';
import { CREDIT_EVENTS } from './events/credit-events';
import { DISPUTE_EVENTS } from './events/dispute-events';
import { FILING_EVENTS } from './events/filing-events';
import { INVOICING_EVENTS } from './events/invoicing-events';
import { InvoicingEnabled, TaxpayerAbnormalDesignated, TaxpayerAbnormalLifted, TaxpayerDeregistered, TaxpayerRegistered, TaxpayerUpdated } from './events/taxpayer-events';

export { TAX_SOURCE, TAX_TOPIC } from './topic';
export {
  InvoicingEnabled,
  TaxpayerAbnormalDesignated,
  TaxpayerAbnormalLifted,
  TaxpayerDeregistered,
  TaxpayerRegistered,
  TaxpayerUpdated,
  type InvoicingEnabledData,
  type TaxpayerAbnormalDesignatedData,
  type TaxpayerAbnormalLiftedData,
  type TaxpayerDeregisteredData,
  type TaxpayerRegisteredData,
  type TaxpayerUpdatedData,
} from './events/taxpayer-events';

export * from './events/invoicing-events';
export * from './events/filing-events';
export * from './events/credit-events';
export * from './events/bankruptcy-events';
export * from './events/dispute-events';

/** Every event the tax service publishes (its part of the catalogue). */
export const TAX_EVENTS: EventDefinition<unknown>[] = [
  TaxpayerRegistered,
  InvoicingEnabled,
  TaxpayerUpdated,
  TaxpayerDeregistered,
  TaxpayerAbnormalDesignated,
  TaxpayerAbnormalLifted,
  ...INVOICING_EVENTS,
  ...FILING_EVENTS,
  ...CREDIT_EVENTS,
  ...BANKRUPTCY_COOPERATION_EVENTS,
  ...DISPUTE_EVENTS,
] as EventDefinition<unknown>[];

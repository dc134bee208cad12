import type { EventDefinition } from '@one-window/shared/messaging';
import { CASE_EVENTS } from './events/case-events';

export { BANKRUPTCY_SOURCE, BANKRUPTCY_TOPIC } from './topic';
export * from './events/case-events';

/** Every event the bankruptcy service publishes (its part of the catalogue). Names are provisional until bankruptcy.md §9 fixes them. */
export const BANKRUPTCY_EVENTS: EventDefinition<unknown>[] = [...CASE_EVENTS] as EventDefinition<unknown>[];

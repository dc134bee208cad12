import type { ServiceDefinition } from '@one-window/shared/platform';

/** The bankruptcy service as the platform runs it (see libs/shared/platform). */
export const bankruptcyService: ServiceDefinition = {
  name: 'bankruptcy',
  title: 'Bankruptcy',
  description: 'Court-ordered release of seized assets and administrator queries (破产协同).',
  topic: 'bankruptcy.events',
  publishes: [],
  entities: [],
  migrations: [],
};

import type { ServiceDefinition } from '@one-window/shared/platform';

/** The construction-permits service as the platform runs it (see libs/shared/platform). */
export const constructionPermitsService: ServiceDefinition = {
  name: 'construction-permits',
  title: 'Construction permits',
  description: 'Project approval stages, parallel approvals and joint completion acceptance (工程建设项目审批).',
  topic: 'permits.events',
  publishes: [],
  entities: [],
  migrations: [],
};

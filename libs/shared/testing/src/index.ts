export { createTestDatabase, testInfra, uniqueName } from './test-database';
export type { TestDatabase } from './test-database';
export { waitFor } from './wait-for';
export { freePort, startAppProcess } from './service-process';
export type { ServiceProcess } from './service-process';
export { testTokens } from './test-tokens';
export { startEventPublisher } from './event-publisher';
export type { TestEventPublisher } from './event-publisher';
export { openApiProblems } from './openapi-problems';

import type { Type } from '@nestjs/common';
import type { EventDefinition, EventHandler } from '@one-window/shared/messaging';
import type { ProblemTypeMap } from '@one-window/shared/http';
import type { ServiceDataSourceOptions } from '@one-window/shared/persistence';
import type { SnapshotSource } from './snapshots';
import type { TimerHandler } from '@one-window/shared/scheduling';

/** An event handler of a service, with its consumer group and the topics it reads. */
export interface ConsumerDefinition {
  /** Consumer group, e.g. `tax.registration-sync`. */
  groupId: string;
  topics: string[];
  /** Definitions of the events handled (other services' contracts), for schema validation. */
  events: EventDefinition[];
  /** Builds handlers by CloudEvents type; gets the Nest module ref to resolve services. */
  handlers: (get: <T>(token: Type<T> | string | symbol) => T) => Record<string, EventHandler>;
}

/**
 * Everything the platform needs to know to run one service: its name (the URL prefix
 * /api/v1/<name> and the database), the topic it publishes to and the events in it, its own
 * entities and migrations, its consumers and its DomainError → HTTP mapping.
 */
export interface ServiceDefinition {
  name: string;
  title: string;
  description?: string;
  version?: string;
  topic: string;
  publishes: EventDefinition[];
  entities: ServiceDataSourceOptions['entities'];
  migrations: ServiceDataSourceOptions['migrations'];
  consumers?: ConsumerDefinition[];
  /** Handlers of the service's durable timers, by timer kind (schedule them with the injected `Timers`). */
  timers?: (get: <T>(token: Type<T> | string | symbol) => T) => Record<string, TimerHandler>;
  /** Current-state snapshots for integrators (GET /api/v1/<name>/snapshots/<snapshot>). */
  snapshots?: (get: <T>(token: Type<T> | string | symbol) => T) => SnapshotSource[];
  problemTypes?: ProblemTypeMap;
}

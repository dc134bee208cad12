import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { APP_INTERCEPTOR, ModuleRef } from '@nestjs/core';
import type { KafkaClient as Kafka, KafkaProducer as Producer } from '@one-window/shared/messaging';
import { DataSource } from 'typeorm';
import { AUDIT_STATUS_OF, AuditInterceptor, AuditSink, AuthModule, PostgresAuditSink } from '@one-window/shared/auth';
import { HealthModule, ProblemTypeRegistry, resolveProblem, TransientConflictRetryInterceptor } from '@one-window/shared/http';
import { brokerAnswers, createIdempotentProducer, createKafka, Outbox } from '@one-window/shared/messaging';
import { createServiceDataSource } from '@one-window/shared/persistence';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { calendarCheck, serviceCalendar } from './calendar';
import { DeadLettersController } from './dead-letters.controller';
import { SnapshotsController } from './snapshots.controller';
import { buildConsumers, PlatformLifecycle } from './platform-lifecycle';
import { PLATFORM_MIGRATIONS } from './platform-migrations';
import type { ServiceConfig } from './service-config';
import type { ServiceDefinition } from './service-definition';
import { CONSUMERS, EVENT_PRODUCER, KAFKA, SERVICE_CONFIG, SERVICE_DEFINITION, SNAPSHOT_SOURCES } from './tokens';
import { MESSAGING_ENTITIES } from '@one-window/shared/messaging';
import { SCHEDULING_ENTITIES, TimerPoller, Timers } from '@one-window/shared/scheduling';

/** The data source options of a service: platform tables first, then the service's own. */
export function serviceDataSourceFor(def: ServiceDefinition, url: string, poolSize?: number) {
  return {
    service: def.name,
    url,
    poolSize,
    entities: [...MESSAGING_ENTITIES, ...SCHEDULING_ENTITIES, ...def.entities],
    migrations: [...PLATFORM_MIGRATIONS, ...def.migrations],
  };
}

/**
 * What every service gets without writing it: its DataSource (own database, migrations only),
 * the Kafka client and idempotent producer, the Outbox, the relay, its consumers, JWT auth with
 * roles, the audit trail, /healthz and /readyz (database + broker), and the dead-letter admin API.
 * The app module then only adds its controllers and use cases.
 */
@Global()
@Module({})
export class PlatformModule {
  static forService(declared: ServiceDefinition, config: ServiceConfig, appModule: Type<unknown>): DynamicModule {
    const def = withTopicPrefix(declared, config.kafka.topicPrefix);
    const dataSource = createServiceDataSource(serviceDataSourceFor(def, config.database.url, config.database.poolSize));
    const calendar = serviceCalendar(config.calendar);
    const kafka = createKafka({ brokers: config.kafka.brokers, clientId: `${config.kafka.clientId}-${def.name}` });
    return {
      module: PlatformModule,
      imports: [
        AuthModule.register(config.auth),
        HealthModule.register({
          checks: {
            database: async () => void (await dataSource.query('SELECT 1')),
            broker: () => brokerAnswers(kafka),
            calendar: calendarCheck(calendar),
          },
        }),
        appModule,
      ],
      controllers: [DeadLettersController, SnapshotsController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_DEFINITION, useValue: def },
        { provide: KAFKA, useValue: kafka },
        { provide: WorkingCalendar, useValue: calendar },
        {
          provide: DataSource,
          useFactory: async () => (dataSource.isInitialized ? dataSource : dataSource.initialize()),
        },
        {
          provide: EVENT_PRODUCER,
          useFactory: async (k: Kafka) => {
            const producer = createIdempotentProducer(k);
            await producer.connect();
            return producer;
          },
          inject: [KAFKA],
        },
        { provide: Outbox, useValue: new Outbox(`/one-window/${def.name}`, { topicPrefix: config.kafka.topicPrefix }) },
        {
          provide: CONSUMERS,
          useFactory: (k: Kafka, p: Producer, ds: DataSource, ref: ModuleRef) => buildConsumers(def, k, p, ds, ref),
          inject: [KAFKA, EVENT_PRODUCER, DataSource, ModuleRef],
        },
        {
          provide: SNAPSHOT_SOURCES,
          useFactory: (ref: ModuleRef) => def.snapshots?.((token) => ref.get(token, { strict: false })) ?? [],
          inject: [ModuleRef],
        },
        { provide: AuditSink, useFactory: (ds: DataSource) => new PostgresAuditSink((sql, params) => ds.query(sql, params)), inject: [DataSource] },
        { provide: ProblemTypeRegistry, useValue: new ProblemTypeRegistry(def.problemTypes) },
        {
          provide: AUDIT_STATUS_OF,
          useFactory: (registry: ProblemTypeRegistry) => (error: unknown) => resolveProblem(error, registry).problem.status,
          inject: [ProblemTypeRegistry],
        },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        // After the audit interceptor, so inside it: one audit entry per request, not per attempt.
        { provide: APP_INTERCEPTOR, useFactory: () => new TransientConflictRetryInterceptor() },
        { provide: Timers, useFactory: (ds: DataSource) => new Timers(ds), inject: [DataSource] },
        {
          provide: TimerPoller,
          // null when the service has no timer handlers: nothing to poll for.
          useFactory: (ds: DataSource, ref: ModuleRef) => {
            const handlers = def.timers?.((token) => ref.get(token, { strict: false })) ?? {};
            return Object.keys(handlers).length > 0 ? new TimerPoller({ dataSource: ds, handlers }) : null;
          },
          inject: [DataSource, ModuleRef],
        },
        PlatformLifecycle,
      ],
      exports: [WorkingCalendar, AuditSink, ProblemTypeRegistry, DataSource, Outbox, Timers, SERVICE_CONFIG, SERVICE_DEFINITION, KAFKA, EVENT_PRODUCER],
    };
  }
}

/**
 * The definition with KAFKA_TOPIC_PREFIX applied to its own topic, to every topic its consumers
 * read and to their consumer groups (a group shared between two prefixes would rebalance between
 * unrelated subscriptions).
 */
export function withTopicPrefix(def: ServiceDefinition, prefix: string): ServiceDefinition {
  if (!prefix) return def;
  return {
    ...def,
    topic: `${prefix}${def.topic}`,
    consumers: def.consumers?.map((c) => ({ ...c, groupId: `${prefix}${c.groupId}`, topics: c.topics.map((t) => `${prefix}${t}`) })),
  };
}

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { KafkaClient as Kafka, KafkaProducer as Producer } from '@one-window/shared/messaging';
import { DataSource } from 'typeorm';
import { EventCatalogue, InboxConsumer, OutboxRelay, ensureTopics } from '@one-window/shared/messaging';
import { TimerPoller } from '@one-window/shared/scheduling';
import type { ServiceConfig } from './service-config';
import type { ServiceDefinition } from './service-definition';
import { CONSUMERS, EVENT_PRODUCER, KAFKA, SERVICE_CONFIG, SERVICE_DEFINITION } from './tokens';

/**
 * Starts and stops what runs beside the HTTP server: the service topic (created if missing),
 * the outbox relay, and the service's event consumers. Stops them in reverse on shutdown.
 */
@Injectable()
export class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Platform');
  private relay?: OutboxRelay;

  constructor(
    @Inject(SERVICE_DEFINITION) private readonly def: ServiceDefinition,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(EVENT_PRODUCER) private readonly producer: Producer,
    @Inject(CONSUMERS) private readonly consumers: InboxConsumer[],
    private readonly dataSource: DataSource,
    @Inject(TimerPoller) private readonly timers: TimerPoller | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { topicPartitions, retentionDays } = this.config.kafka;
    // The service's own topic, and the topics its consumers read (another service's, which may not
    // have started yet: the broker does not create topics on demand). Existing topics are left alone.
    const topics = [...new Set([this.def.topic, ...(this.def.consumers ?? []).flatMap((c) => c.topics)])];
    await ensureTopics(this.kafka, topics.map((topic) => ({ topic, partitions: topicPartitions, retentionDays })));
    if (this.config.relay.enabled) {
      this.relay = new OutboxRelay({
        dataSource: this.dataSource,
        producer: this.producer,
        kafka: this.kafka,
        listenUrl: this.config.database.url,
        batchSize: this.config.relay.batchSize,
        idlePollMs: this.config.relay.idlePollMs,
        onError: (e) => this.logger.warn(`outbox relay: ${(e as Error).message}`),
      });
      await this.relay.start();
    }
    for (const c of this.consumers) await c.start();
    await this.timers?.start();
    this.logger.log(`${this.def.name}: topic ${this.def.topic}, relay ${this.relay ? 'on' : 'off'}, ${this.consumers.length} consumer(s)`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.timers?.stop();
    for (const c of this.consumers) await c.stop().catch(() => undefined);
    await this.relay?.stop();
    await this.producer.disconnect().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Builds the service's consumers from its definition; handlers may resolve the app's providers. */
export function buildConsumers(def: ServiceDefinition, kafka: Kafka, producer: Producer, dataSource: DataSource, moduleRef: ModuleRef): InboxConsumer[] {
  const logger = new Logger('Consumer');
  return (def.consumers ?? []).map(
    (c) =>
      new InboxConsumer({
        kafka,
        producer,
        dataSource,
        groupId: c.groupId,
        topics: c.topics,
        catalogue: new EventCatalogue(c.events),
        handlers: c.handlers((token) => moduleRef.get(token, { strict: false })),
        log: (level, msg, fields) => logger[level === 'info' ? 'log' : level](`${msg} ${JSON.stringify(fields)}`),
      }),
  );
}

import { defineConfig } from './define-config';
import { env } from './env-vars';

/** Settings every service shares. Each service adds its own namespace next to its app. */
export const httpConfig = defineConfig('http', {
  port: env.int('PORT', { min: 1, max: 65535 }),
  bodyLimit: env.string('HTTP_BODY_LIMIT', { default: '1mb', pattern: /^\d+(b|kb|mb)$/ }),
  logLevel: env.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, { default: 'info' }),
});

export const databaseConfig = defineConfig('database', {
  url: env.url('DATABASE_URL', { protocols: ['postgres', 'postgresql'] }),
  poolSize: env.int('DATABASE_POOL_SIZE', { default: 10, min: 1, max: 200 }),
});

export const kafkaConfig = defineConfig('kafka', {
  brokers: env.list('KAFKA_BROKERS'),
  clientId: env.string('KAFKA_CLIENT_ID', { default: 'one-window' }),
  topicPartitions: env.int('KAFKA_TOPIC_PARTITIONS', { default: 3, min: 1, max: 128 }),
  retentionDays: env.int('KAFKA_RETENTION_DAYS', { default: 30, min: 1, max: 3650 }),
  /** Prepended to every topic the service publishes to or reads ('' by default): environments or test runs sharing a cluster. */
  topicPrefix: env.string('KAFKA_TOPIC_PREFIX', { default: '', pattern: /^[A-Za-z0-9._-]*$/ }),
});

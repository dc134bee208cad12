import { defineConfig, env } from '@one-window/shared/config';

export const gatewayConfig = defineConfig('gateway', {
  port: env.int('PORT', { default: 3000, min: 1, max: 65535 }),
  /** name=url pairs of the downstream services, e.g. `tax=http://127.0.0.1:3103,...`. */
  serviceUrls: env.string('SERVICE_URLS'),
  upstreamTimeoutMs: env.int('GATEWAY_UPSTREAM_TIMEOUT_MS', { default: 10_000, min: 100, max: 120_000 }),
  healthTimeoutMs: env.int('GATEWAY_HEALTH_TIMEOUT_MS', { default: 2_000, min: 100, max: 30_000 }),
  rateLimit: env.int('GATEWAY_RATE_LIMIT', { default: 600, min: 1, max: 1_000_000 }),
  rateWindowMs: env.int('GATEWAY_RATE_WINDOW_MS', { default: 60_000, min: 1_000, max: 3_600_000 }),
  /** Kafka bootstrap address integrators use, shown in /asyncapi.json. */
  kafkaPublicHost: env.string('KAFKA_PUBLIC_HOST', { default: '127.0.0.1:9092' }),
  bodyLimit: env.string('HTTP_BODY_LIMIT', { default: '1mb', pattern: /^\d+(b|kb|mb)$/ }),
  logLevel: env.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, { default: 'info' }),
});

export type GatewayConfig = ReturnType<typeof gatewayConfig.load>;

import { databaseConfig, defineConfig, env, httpConfig, kafkaConfig, loadAll } from '@one-window/shared/config';
import { loadAuthOptionsFromEnv, type AuthOptions } from '@one-window/shared/auth';

export const relayConfig = defineConfig('relay', {
  enabled: env.bool('OUTBOX_RELAY_ENABLED', { default: true }),
  batchSize: env.int('OUTBOX_RELAY_BATCH_SIZE', { default: 500, min: 1, max: 10_000 }),
  idlePollMs: env.int('OUTBOX_RELAY_IDLE_POLL_MS', { default: 500, min: 10, max: 60_000 }),
});

export const calendarConfig = defineConfig('calendar', {
  /** Jurisdiction code of the working calendar, e.g. CN or CN-44-01 (Guangzhou). */
  jurisdiction: env.string('CALENDAR_JURISDICTION', { default: 'CN', pattern: /^[A-Z]{2}(-[0-9A-Z]{2,3})*$/ }),
  /** `none`: a date in a year with no calendar data is an error; `weekends-only`: answered, and readiness reports it. */
  fallback: env.oneOf('CALENDAR_FALLBACK', ['none', 'weekends-only'] as const, { default: 'none' }),
});

export type HttpConfig = ReturnType<typeof httpConfig.load>;
export type DatabaseConfig = ReturnType<typeof databaseConfig.load>;
export type KafkaConfig = ReturnType<typeof kafkaConfig.load>;
export type RelayConfig = ReturnType<typeof relayConfig.load>;
export type CalendarConfig = ReturnType<typeof calendarConfig.load>;

export interface ServiceConfig {
  http: HttpConfig;
  database: DatabaseConfig;
  kafka: KafkaConfig;
  relay: RelayConfig;
  calendar: CalendarConfig;
  auth: AuthOptions;
}

/** Reads and validates every setting a service needs; one error names every bad variable. */
export function loadServiceConfig(source: Record<string, string | undefined> = process.env): ServiceConfig {
  const loaded = loadAll([httpConfig, databaseConfig, kafkaConfig, relayConfig, calendarConfig], source);
  return {
    http: loaded.get(httpConfig.token) as HttpConfig,
    database: loaded.get(databaseConfig.token) as DatabaseConfig,
    kafka: loaded.get(kafkaConfig.token) as KafkaConfig,
    relay: loaded.get(relayConfig.token) as RelayConfig,
    calendar: loaded.get(calendarConfig.token) as CalendarConfig,
    auth: loadAuthOptionsFromEnv(source),
  };
}

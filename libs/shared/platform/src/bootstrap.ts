import { Logger, Type } from '@nestjs/common';
import { principalOf } from '@one-window/shared/auth';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { configureHttpApp, JsonLogger, PostgresIdempotencyStore, ProblemTypeRegistry } from '@one-window/shared/http';
import { runPersistenceCli } from '@one-window/shared/persistence';
import { PlatformModule, serviceDataSourceFor } from './platform.module';
import { loadServiceConfig, ServiceConfig } from './service-config';
import type { ServiceDefinition } from './service-definition';
import { databaseConfig, loadAll } from '@one-window/shared/config';

/**
 * Creates a service's Nest app, wired the One Window way but not yet listening (tests call
 * `app.init()` and use supertest; `runService` listens). Routes are served under /api/v1/<name>;
 * /healthz and /readyz at the root; the OpenAPI document at /openapi.json.
 */
export async function createServiceApp(def: ServiceDefinition, appModule: Type<unknown>, config: ServiceConfig = loadServiceConfig()): Promise<NestExpressApplication> {
  const level = ({ debug: 'debug', info: 'log', warn: 'warn', error: 'error' } as const)[config.http.logLevel];
  const logger = new JsonLogger({ base: { service: def.name }, level });
  const app = await NestFactory.create<NestExpressApplication>(PlatformModule.forService(def, config, appModule), { bufferLogs: true, logger });
  app.disable('x-powered-by');
  const dataSource = app.get(DataSource);
  configureHttpApp(app, {
    logger,
    bodyLimit: config.http.bodyLimit,
    globalPrefix: `api/v1/${def.name}`,
    problemTypes: app.get(ProblemTypeRegistry),
    idempotency: {
      store: new PostgresIdempotencyStore((sql, params) => dataSource.query(sql, params)),
      subjectOf: (req) => principalOf(req)?.subject,
    },
    openApi: { title: def.title, version: def.version ?? '1.0.0', description: def.description, path: 'openapi' },
  });
  app.enableShutdownHooks();
  return app;
}

/** `main.ts` of every service: validated config, app, listen, log the URL. */
export async function runService(def: ServiceDefinition, appModule: Type<unknown>): Promise<void> {
  const config = loadServiceConfig();
  const app = await createServiceApp(def, appModule, config);
  const host = process.env['HOST'] ?? '127.0.0.1';
  await app.listen(config.http.port, host);
  new Logger('Bootstrap').log(`${def.name} listening on http://${host}:${config.http.port}`);
}

/** `migrate.ts` of every service: `migrate` or `check` against DATABASE_URL (only database settings needed). */
export async function runServiceMigrations(def: ServiceDefinition, command: string | undefined): Promise<number> {
  const { url, poolSize } = loadAll([databaseConfig]).get(databaseConfig.token) as ReturnType<typeof databaseConfig.load>;
  return runPersistenceCli(command, serviceDataSourceFor(def, url, poolSize));
}

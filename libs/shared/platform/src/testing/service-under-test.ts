import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { migrate } from '@one-window/shared/persistence';
import { createTestDatabase, TestDatabase, testInfra, testTokens } from '@one-window/shared/testing';
import { createServiceApp } from '../bootstrap';
import { serviceDataSourceFor } from '../platform.module';
import { loadServiceConfig } from '../service-config';
import type { ServiceDefinition } from '../service-definition';

export interface ServiceUnderTest {
  app: NestExpressApplication;
  dataSource: DataSource;
  db: TestDatabase;
  tokens: ReturnType<typeof testTokens>;
  close(): Promise<void>;
}

/**
 * A service running in-process for an integration or e2e test, on a database of its own (migrated)
 * and the real broker, with a throwaway token key pair: `const svc = await startServiceUnderTest(def, AppModule)`
 * in beforeAll, `await svc.close()` in afterAll, `request(svc.app.getHttpServer())` to call it.
 */
export async function startServiceUnderTest(
  def: ServiceDefinition,
  appModule: Type<unknown>,
  o: { tokens?: ReturnType<typeof testTokens>; env?: Record<string, string> } = {},
): Promise<ServiceUnderTest> {
  const tokens = o.tokens ?? testTokens();
  const env = o.env ?? {};
  const db = await createTestDatabase(def.name.replace(/-/g, '_'));
  await migrate(serviceDataSourceFor(def, db.url));
  // As `npm start` and docker-compose: a limit that reaches a year with no holiday data (from mid-December, the
  // next one) counts Monday–Friday instead of failing, so the suite does not start failing with the calendar;
  // the data and the strict default are tested in libs/shared/calendar. A test may still pass CALENDAR_FALLBACK.
  const config = loadServiceConfig({
    PORT: '1',
    DATABASE_URL: db.url,
    KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
    LOG_LEVEL: 'error',
    CALENDAR_FALLBACK: 'weekends-only',
    ...tokens.env,
    ...env,
  });
  const app = await createServiceApp(def, appModule, config);
  await app.init();
  return {
    app,
    dataSource: app.get(DataSource),
    db,
    tokens,
    close: async () => {
      await app.close();
      await db.drop();
      if (!o.tokens) tokens.cleanup();
    },
  };
}

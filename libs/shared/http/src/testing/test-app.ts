// Test-only helper (not exported): boots a Nest Express app wired by configureHttpApp, listening on
// an ephemeral port, with log lines captured as parsed JSON.
import type { ModuleMetadata } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { configureHttpApp, type HttpAppOptions, type HttpAppWiring } from '../bootstrap/configure-http-app';
import { JsonLogger } from '../logging/json-logger';

export type LogLine = Record<string, unknown> & { level: string; msg: string };

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  lines: LogLine[];
  wiring: HttpAppWiring;
  close: () => Promise<void>;
}

export async function bootTestApp(metadata: ModuleMetadata, options: HttpAppOptions = {}): Promise<TestApp> {
  const lines: LogLine[] = [];
  const logger = new JsonLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line) as LogLine) });
  const moduleRef = await Test.createTestingModule(metadata).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  const wiring = configureHttpApp(app, { logger, ...options });
  await app.listen(0, '127.0.0.1');
  return {
    app,
    http: () => request(app.getHttpServer()),
    lines,
    wiring,
    close: () => app.close(),
  };
}

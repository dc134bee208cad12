import type { LoggerService, ValidationPipeOptions } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { requestIdMiddleware } from '../context/request-id.middleware';
import { IdempotencyInterceptor, type IdempotencyOptions } from '../idempotency/idempotency.interceptor';
import { accessLogMiddleware, type AccessLogOptions } from '../logging/access-log.middleware';
import { JsonLogger } from '../logging/json-logger';
import { buildOpenApiDocument, type OpenApiDocumentOptions } from '../openapi/build-openapi-document';
import { bodyParserErrorMapper } from '../problem/body-parser-errors';
import { ProblemDetailsFilter } from '../problem/problem-details.filter';
import { ProblemTypeRegistry, type ProblemTypeMap } from '../problem/problem-type-registry';
import { createValidationPipe } from '../validation/create-validation-pipe';

export const DEFAULT_BODY_LIMIT = '1mb';

export interface HttpAppOptions {
  /** Logger for Nest, the access log and the error filter; default a JsonLogger on stdout. */
  logger?: LoggerService;
  /** Largest JSON / form body accepted (bytes or a string like `'512kb'`); default 1 MB. Larger → 413. */
  bodyLimit?: number | string;
  /** DomainError code → problem type: the app's one mapping. */
  problemTypes?: ProblemTypeRegistry | ProblemTypeMap;
  /** Enables Idempotency-Key handling on POST with this store. */
  idempotency?: IdempotencyOptions;
  /** Overrides of the global ValidationPipe options. */
  validation?: ValidationPipeOptions;
  /** `false` turns the access log off. */
  accessLog?: false | AccessLogOptions;
  /** Global route prefix; /healthz and /readyz stay at the root. */
  globalPrefix?: string;
  /** Serves the OpenAPI document: UI at `/{path}`, JSON at `/{path}.json` (path default `openapi`). */
  openApi?: OpenApiDocumentOptions & { path?: string };
}

export interface HttpAppWiring {
  logger: LoggerService;
  problemTypes: ProblemTypeRegistry;
  openApiDocument?: OpenAPIObject;
}

/**
 * Wires an Express Nest app the One Window way. Call it after NestFactory.create and before
 * `app.init()` / `app.listen()` (it throws otherwise, as Nest's own 100 kb body parser would win).
 * Order: request id → access log → body parsers (+ error mapping) → Nest (pipe, interceptor, filter).
 */
export function configureHttpApp(app: NestExpressApplication, options: HttpAppOptions = {}): HttpAppWiring {
  assertNotInitialized(app);
  const logger = options.logger ?? new JsonLogger();
  const problemTypes =
    options.problemTypes instanceof ProblemTypeRegistry ? options.problemTypes : new ProblemTypeRegistry(options.problemTypes);
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;

  app.useLogger(logger);
  app.use(requestIdMiddleware);
  if (options.accessLog !== false) {
    app.use(accessLogMiddleware(logger, options.accessLog));
  }
  app.useBodyParser('json', { limit, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('urlencoded', { limit, extended: true });
  app.use(bodyParserErrorMapper);

  if (options.globalPrefix) {
    app.setGlobalPrefix(options.globalPrefix, { exclude: ['healthz', 'readyz'] });
  }
  app.useGlobalPipes(createValidationPipe(options.validation));
  app.useGlobalFilters(new ProblemDetailsFilter(problemTypes, logger));
  if (options.idempotency) {
    app.useGlobalInterceptors(new IdempotencyInterceptor({ logger, ...options.idempotency }));
  }

  let openApiDocument: OpenAPIObject | undefined;
  if (options.openApi) {
    const { path = 'openapi', ...documentOptions } = options.openApi;
    openApiDocument = buildOpenApiDocument(app, documentOptions);
    SwaggerModule.setup(path, app, openApiDocument, { jsonDocumentUrl: `${path}.json`, yamlDocumentUrl: `${path}.yaml` });
  }
  return { logger, problemTypes, openApiDocument };
}

function assertNotInitialized(app: NestExpressApplication): void {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack?: { name?: string }[] } };
  if (express.router?.stack?.some((layer) => layer.name === 'jsonParser')) {
    throw new Error('configureHttpApp must run before app.init()/listen(): a JSON body parser is already installed');
  }
}

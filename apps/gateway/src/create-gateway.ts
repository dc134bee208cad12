import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { absolutePath as swaggerUiPath } from 'swagger-ui-dist';
import { loadAuthOptionsFromEnv, TokenVerifier } from '@one-window/shared/auth';
import { RateLimiter } from '@one-window/gateway/edge';
import { accessLogMiddleware, JsonLogger, ProblemDetailsFilter, ProblemTypeRegistry, requestIdMiddleware } from '@one-window/shared/http';
import { edgeMiddleware } from './edge.middleware';
import { GatewayConfig, gatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { DOWNSTREAMS } from './gateway.tokens';

/**
 * The gateway app, not yet listening. Middleware order matters: request id and access log, then
 * the edge (token check, rate limit, proxy) BEFORE any body parser, so request bodies stream to
 * the services untouched; then the gateway's own routes (/healthz, /openapi.json, /docs).
 */
export async function createGateway(source: Record<string, string | undefined> = process.env, config: GatewayConfig = gatewayConfig.load(source)) {
  const verifier = new TokenVerifier(loadAuthOptionsFromEnv(source));
  const level = ({ debug: 'debug', info: 'log', warn: 'warn', error: 'error' } as const)[config.logLevel];
  const logger = new JsonLogger({ base: { service: 'gateway' }, level });
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(config), { bodyParser: false, logger, bufferLogs: true });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(accessLogMiddleware(logger));
  app.use(
    edgeMiddleware({
      services: app.get(DOWNSTREAMS),
      verifier,
      limiter: new RateLimiter(config.rateLimit, config.rateWindowMs),
      upstreamTimeoutMs: config.upstreamTimeoutMs,
    }),
  );
  app.useStaticAssets(swaggerUiPath(), { prefix: '/docs/assets/', index: false });
  app.useGlobalFilters(new ProblemDetailsFilter(new ProblemTypeRegistry(), logger));
  app.enableShutdownHooks();
  return { app, config };
}

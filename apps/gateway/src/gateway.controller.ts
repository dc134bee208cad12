import { Controller, Get, Header, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { checkDownstreams, Downstream } from '@one-window/gateway/edge';
import { DOWNSTREAMS, GATEWAY_CONFIG } from './gateway.tokens';
import type { GatewayConfig } from './gateway.config';
import { OpenApiService } from './openapi.service';
import { renderAsyncApiPage } from './events/asyncapi-page';
import { eventStreamDocument } from './events/event-stream';

const SWAGGER_UI_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>One Window API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true, persistAuthorization: true });</script>
</body></html>`;

@ApiExcludeController()
@Controller()
export class GatewayController {
  constructor(
    @Inject(DOWNSTREAMS) private readonly services: Downstream[],
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly openApi: OpenApiService,
  ) {}

  /** Health of the gateway and of every downstream's readiness; 503 when any is down. */
  @Get('healthz')
  async health(@Res({ passthrough: true }) res: Response) {
    const services = await checkDownstreams(this.services, this.config.healthTimeoutMs);
    const healthy = Object.values(services).every((s) => s.status === 'up');
    res.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: healthy ? 'ok' : 'degraded', services };
  }

  /** The gateway process itself answers (for a container's liveness probe). */
  @Get('livez')
  live() {
    return { status: 'ok' };
  }

  @Get('openapi.json')
  openapi() {
    return this.openApi.document();
  }

  /** The event stream (AsyncAPI 3), generated from the services' contracts. */
  @Get('asyncapi.json')
  asyncapi() {
    return eventStreamDocument(this.config.kafkaPublicHost);
  }

  @Get('asyncapi')
  @Header('Content-Type', 'text/html; charset=utf-8')
  asyncapiPage() {
    return renderAsyncApiPage(eventStreamDocument(this.config.kafkaPublicHost));
  }

  @Get('docs')
  @Header('Content-Type', 'text/html; charset=utf-8')
  docs() {
    return SWAGGER_UI_PAGE;
  }
}

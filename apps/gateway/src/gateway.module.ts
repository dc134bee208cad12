import { DynamicModule, Module } from '@nestjs/common';
import { parseServiceUrls } from '@one-window/gateway/edge';
import type { GatewayConfig } from './gateway.config';
import { GatewayController } from './gateway.controller';
import { DOWNSTREAMS, GATEWAY_CONFIG } from './gateway.tokens';
import { OpenApiService } from './openapi.service';

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [GatewayController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: DOWNSTREAMS, useValue: parseServiceUrls(config.serviceUrls) },
        OpenApiService,
      ],
    };
  }
}

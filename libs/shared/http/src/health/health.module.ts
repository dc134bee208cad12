import { Module, type DynamicModule } from '@nestjs/common';
import { HEALTH_OPTIONS, HealthController, type HealthOptions } from './health.controller';

/** `HealthModule.register({ checks: { database, broker } })` adds GET /healthz and GET /readyz. */
@Module({})
export class HealthModule {
  static register(options: HealthOptions): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [{ provide: HEALTH_OPTIONS, useValue: options }],
    };
  }
}

import { DynamicModule, Global, Inject, Module } from '@nestjs/common';
import type { Env } from './env-vars';
import { ConfigNamespace, ConfigShape, loadAll } from './define-config';

/**
 * Registers config namespaces as providers. All are validated when the module is built, so a
 * missing or bad variable stops the app at start with one message naming every problem.
 *   imports: [ConfigModule.forRoot([databaseConfig, kafkaConfig])]
 *   constructor(@InjectConfig(databaseConfig) db: ConfigOf<typeof databaseConfig.shape>)
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(namespaces: ConfigNamespace<ConfigShape>[], source: Env = process.env): DynamicModule {
    const loaded = loadAll(namespaces, source);
    const providers = namespaces.map((ns) => ({ provide: ns.token, useValue: loaded.get(ns.token) }));
    return { module: ConfigModule, providers, exports: providers.map((p) => p.provide) };
  }
}

export const InjectConfig = (ns: ConfigNamespace<ConfigShape>) => Inject(ns.token);

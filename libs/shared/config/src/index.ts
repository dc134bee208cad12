export { env } from './env-vars';
export type { Env, VarSpec } from './env-vars';
export { ConfigError, defineConfig, loadAll } from './define-config';
export type { ConfigNamespace, ConfigOf, ConfigShape } from './define-config';
export { ConfigModule, InjectConfig } from './config.module';
export { databaseConfig, httpConfig, kafkaConfig } from './common-namespaces';

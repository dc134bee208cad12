import { DataSource, DataSourceOptions, EntitySchema, MigrationInterface } from 'typeorm';

type EntityRef = string | (abstract new (...args: never[]) => unknown) | EntitySchema;
type MigrationRef = string | (new () => MigrationInterface);

export interface ServiceDataSourceOptions {
  /** Service name, used as application_name in pg_stat_activity and in log lines. */
  service: string;
  /** postgres:// URL of the service's own database. */
  url: string;
  entities: EntityRef[];
  migrations: MigrationRef[];
  poolSize?: number;
  logging?: boolean;
}

/**
 * The one way a service gets a TypeORM DataSource: its own database, schema changes through
 * migrations only (`synchronize` is always false; `migrationsRun` false so starting an app never
 * changes a schema behind an operator's back: `npm run migrate` does).
 */
export function createServiceDataSource(o: ServiceDataSourceOptions): DataSource {
  return new DataSource(serviceDataSourceOptions(o));
}

export function serviceDataSourceOptions(o: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: o.url,
    entities: o.entities,
    migrations: o.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: o.logging ? ['error', 'warn', 'migration'] : ['error'],
    applicationName: o.service,
    extra: { max: o.poolSize ?? 10 },
  };
}

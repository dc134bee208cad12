import { DataSource } from 'typeorm';
import { ensureDatabaseExists } from './database-admin';
import { ServiceDataSourceOptions, createServiceDataSource } from './data-source';

/** Creates the service database if needed and applies pending migrations. Returns their names. */
export async function migrate(o: ServiceDataSourceOptions): Promise<string[]> {
  await ensureDatabaseExists(o.url);
  const ds = createServiceDataSource(o);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/**
 * What the entities would still need after every migration has run: the SQL TypeORM's schema
 * builder would emit. Empty means entities and migrations agree. Runs against `scratchUrl`, a
 * database the caller created empty for the purpose.
 */
export async function schemaDrift(o: ServiceDataSourceOptions, scratchUrl: string): Promise<string[]> {
  const ds: DataSource = createServiceDataSource({ ...o, url: scratchUrl });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const sql = await ds.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await ds.destroy();
  }
}

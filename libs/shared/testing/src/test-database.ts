import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Connection strings of the real servers the integration global setup provided. */
export function testInfra(): { databaseUrl: string; kafkaBrokers: string[] } {
  const databaseUrl = process.env['DATABASE_URL'];
  const brokers = process.env['KAFKA_BROKERS'];
  if (!databaseUrl || !brokers) {
    throw new Error(
      'DATABASE_URL/KAFKA_BROKERS are not set: run integration tests through `npm test` or `npx jest` ' +
        '(the integration project global setup provides real PostgreSQL and Kafka).',
    );
  }
  return { databaseUrl, kafkaBrokers: brokers.split(',') };
}

/** A name unique to this test run, for databases, topics and consumer groups: `<prefix>_<12 hex>`. */
export function uniqueName(prefix: string, separator = '_'): string {
  const safe = prefix.toLowerCase().replace(/[^a-z0-9]+/g, separator).slice(0, 40);
  return `${safe}${separator}${randomBytes(6).toString('hex')}`;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database of its own for one test file, so files run in parallel and re-run
 * without cleanup. `drop()` in afterAll removes it (connections are terminated first).
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const { databaseUrl } = testInfra();
  const name = uniqueName(`t_${label}`);
  await withAdmin(databaseUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      withAdmin(databaseUrl, async (c) => {
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
        await c.query(`DROP DATABASE IF EXISTS "${name}"`);
      }),
  };
}

async function withAdmin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

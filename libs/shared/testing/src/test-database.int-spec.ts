import { Client } from 'pg';
import { createTestDatabase, testInfra, uniqueName } from './test-database';

describe('testing: real infrastructure for integration tests', () => {
  it('gives each caller an isolated, empty database that drop() removes', async () => {
    const a = await createTestDatabase('iso');
    const b = await createTestDatabase('iso');
    expect(a.name).not.toEqual(b.name);
    const ca = new Client({ connectionString: a.url });
    await ca.connect();
    await ca.query('CREATE TABLE only_in_a (id int)');
    await ca.end();
    const cb = new Client({ connectionString: b.url });
    await cb.connect();
    const { rows } = await cb.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'only_in_a'");
    await cb.end();
    expect(rows[0].n).toBe(0);
    await a.drop();
    await b.drop();
    const admin = new Client({ connectionString: testInfra().databaseUrl });
    await admin.connect();
    const left = await admin.query('SELECT datname FROM pg_database WHERE datname = ANY($1)', [[a.name, b.name]]);
    await admin.end();
    expect(left.rows).toEqual([]);
  });

  it('makes unique, sanitised names for topics and groups', () => {
    const n = uniqueName('Outbox Relay.test', '.');
    expect(n).toMatch(/^outbox\.relay\.test\.[0-9a-f]{12}$/);
    expect(uniqueName('x')).not.toEqual(uniqueName('x'));
  });
});

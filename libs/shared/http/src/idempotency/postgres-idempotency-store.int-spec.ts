import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { DEFAULT_IDEMPOTENCY_TTL_SECONDS } from './idempotency-store';
import { CreateHttpIdempotencyKeys1767225600000, IDEMPOTENCY_TABLE_SQL } from './idempotency-table';
import { PostgresIdempotencyStore } from './postgres-idempotency-store';

// Local stand-in for createTestDatabase() from @one-window/shared/testing (the lead swaps it in).
const ADMIN_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function createOwnDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `idem_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string, params?: unknown[]) => {
    const client = new Client({ connectionString: ADMIN_URL });
    await client.connect();
    try {
      await client.query(sql, params);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await admin(`DROP DATABASE IF EXISTS "${name}"`);
    },
  };
}

describe('PostgresIdempotencyStore (pg Pool)', () => {
  let db: Awaited<ReturnType<typeof createOwnDatabase>>;
  let pool: Pool;
  let store: PostgresIdempotencyStore;
  const claim = (key: string, fingerprint = 'fp-1') => ({ key, scope: 'sub:alice', fingerprint, ttlSeconds: DEFAULT_IDEMPOTENCY_TTL_SECONDS });

  beforeAll(async () => {
    db = await createOwnDatabase();
    pool = new Pool({ connectionString: db.url, max: 10 });
    // The server is shared: an idle client may be terminated under us; the pool then drops it and
    // reconnects, but without a listener its 'error' event would crash the test file.
    pool.on('error', () => undefined);
    await pool.query(IDEMPOTENCY_TABLE_SQL);
    store = new PostgresIdempotencyStore((sql, params) => pool.query(sql, params));
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('claims a key once, reports it in flight, then keeps the response for replay', async () => {
    expect(await store.claim(claim('k-1'))).toEqual({ claimed: true });

    const inFlight = await store.claim(claim('k-1', 'fp-other'));
    expect(inFlight.claimed).toBe(false);
    expect(inFlight.claimed === false && inFlight.record).toMatchObject({ key: 'k-1', scope: 'sub:alice', fingerprint: 'fp-1', response: undefined });

    await store.complete('k-1', 'sub:alice', { status: 201, headers: { location: '/a/1' }, body: { z: 1, a: [true, null], id: 'a-1' } });
    const done = await store.claim(claim('k-1'));
    expect(done.claimed === false && done.record.response).toEqual({ status: 201, headers: { location: '/a/1' }, body: { z: 1, a: [true, null], id: 'a-1' } });
    // json (not jsonb) keeps the member order of the original response
    expect(done.claimed === false && Object.keys(done.record.response?.body as object)).toEqual(['z', 'a', 'id']);
  });

  it('keeps the same key apart per scope', async () => {
    expect(await store.claim({ ...claim('k-2'), scope: 'sub:alice' })).toEqual({ claimed: true });
    expect(await store.claim({ ...claim('k-2'), scope: 'sub:bob' })).toEqual({ claimed: true });
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => store.claim(claim('k-race'))));
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    expect(results.filter((r) => !r.claimed)).toHaveLength(9);
  });

  it('expires keys after 24 hours by the database clock', async () => {
    await store.claim(claim('k-ttl'));
    const { rows } = await pool.query(`SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM http_idempotency_keys WHERE key = 'k-ttl'`);
    expect(rows[0].ttl).toBe(24 * 60 * 60);
  });

  it('lets an expired key be claimed again with a new fingerprint, and purges expired keys', async () => {
    await store.claim(claim('k-old'));
    await store.complete('k-old', 'sub:alice', { status: 201, headers: {}, body: null });
    await pool.query(`UPDATE http_idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = 'k-old'`);

    expect(await store.claim(claim('k-old', 'fp-new'))).toEqual({ claimed: true });
    const reclaimed = await store.claim(claim('k-old'));
    expect(reclaimed.claimed === false && reclaimed.record).toMatchObject({ fingerprint: 'fp-new', response: undefined });

    await pool.query(`UPDATE http_idempotency_keys SET expires_at = now() - interval '1 second' WHERE key IN ('k-old', 'k-2')`);
    expect(await store.purgeExpired()).toBe(3);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM http_idempotency_keys WHERE key IN ('k-old', 'k-2')`);
    expect(rows[0].n).toBe(0);
  });

  it('release frees an in-flight key but never a completed one', async () => {
    await store.claim(claim('k-rel'));
    await store.release('k-rel', 'sub:alice');
    expect(await store.claim(claim('k-rel'))).toEqual({ claimed: true });
    await store.complete('k-rel', 'sub:alice', { status: 200, headers: {}, body: 'ok' });
    await store.release('k-rel', 'sub:alice');
    const after = await store.claim(claim('k-rel'));
    expect(after.claimed === false && after.record.response?.body).toBe('ok');
  });
});

describe('PostgresIdempotencyStore (TypeORM DataSource)', () => {
  let db: Awaited<ReturnType<typeof createOwnDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createOwnDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('creates the table with the migration and works through DataSource.query', async () => {
    const runner = dataSource.createQueryRunner();
    await new CreateHttpIdempotencyKeys1767225600000().up(runner);
    await runner.release();

    const store = new PostgresIdempotencyStore((sql, params) => dataSource.query(sql, params));
    expect(await store.claim({ key: 'k', scope: 'anonymous', fingerprint: 'f', ttlSeconds: 60 })).toEqual({ claimed: true });
    await store.complete('k', 'anonymous', { status: 201, headers: { etag: '"1"' }, body: { id: 1 } });
    const replay = await store.claim({ key: 'k', scope: 'anonymous', fingerprint: 'f', ttlSeconds: 60 });
    expect(replay.claimed === false && replay.record.response).toEqual({ status: 201, headers: { etag: '"1"' }, body: { id: 1 } });
    expect(await store.purgeExpired()).toBe(0);

    const down = dataSource.createQueryRunner();
    await new CreateHttpIdempotencyKeys1767225600000().down(down);
    await down.release();
    expect(await dataSource.query(`SELECT to_regclass('http_idempotency_keys') AS t`)).toEqual([{ t: null }]);
  });
});

import type { ClaimResult, IdempotencyClaim, IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency-store';
import { IDEMPOTENCY_TABLE as T } from './idempotency-table';

/**
 * Runs one SQL statement with `$1`-style parameters. Both a TypeORM `DataSource.query` (rows array)
 * and a pg `Pool.query` / `Client.query` (result with `rows`) fit.
 */
export type SqlQuery = (sql: string, params?: unknown[]) => Promise<unknown>;

interface Row {
  key: string;
  scope: string;
  fingerprint: string;
  status: number | null;
  response_headers: Record<string, string> | null;
  response_body: unknown;
  expires_at: Date | string;
}

// Takes a free key, or an expired one, in one statement: a concurrent claim of the same key waits
// on the primary key and then finds it taken (no row returned).
const CLAIM_SQL = `
INSERT INTO ${T} (key, scope, fingerprint, expires_at)
VALUES ($1, $2, $3, now() + $4::int * interval '1 second')
ON CONFLICT (key, scope) DO UPDATE
   SET fingerprint = EXCLUDED.fingerprint, status = NULL, response_headers = NULL, response_body = NULL,
       created_at = now(), completed_at = NULL, expires_at = EXCLUDED.expires_at
 WHERE ${T}.expires_at <= now()
RETURNING key`;

const SELECT_SQL = `
SELECT key, scope, fingerprint, status, response_headers, response_body, expires_at
  FROM ${T} WHERE key = $1 AND scope = $2 AND expires_at > now()`;

const COMPLETE_SQL = `
UPDATE ${T} SET status = $3, response_headers = $4::jsonb, response_body = $5::json, completed_at = now()
 WHERE key = $1 AND scope = $2 AND status IS NULL`;

const RELEASE_SQL = `DELETE FROM ${T} WHERE key = $1 AND scope = $2 AND status IS NULL`;

const PURGE_SQL = `WITH purged AS (DELETE FROM ${T} WHERE expires_at <= now() RETURNING 1) SELECT count(*)::int AS n FROM purged`;

/** Idempotency keys in PostgreSQL (table from IDEMPOTENCY_TABLE_SQL). Expiry uses the database clock. */
export class PostgresIdempotencyStore implements IdempotencyStore {
  constructor(private readonly query: SqlQuery) {}

  async claim(claim: IdempotencyClaim): Promise<ClaimResult> {
    // A record can vanish between the INSERT and the SELECT (released or purged): try again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const inserted = await this.rows(CLAIM_SQL, [claim.key, claim.scope, claim.fingerprint, claim.ttlSeconds]);
      if (inserted.length > 0) {
        return { claimed: true };
      }
      const [row] = await this.rows<Row>(SELECT_SQL, [claim.key, claim.scope]);
      if (row) {
        return { claimed: false, record: toRecord(row) };
      }
    }
    throw new Error(`Could not claim idempotency key "${claim.key}"`);
  }

  async complete(key: string, scope: string, response: StoredResponse): Promise<void> {
    await this.query(COMPLETE_SQL, [key, scope, response.status, JSON.stringify(response.headers), JSON.stringify(response.body ?? null)]);
  }

  async release(key: string, scope: string): Promise<void> {
    await this.query(RELEASE_SQL, [key, scope]);
  }

  async purgeExpired(): Promise<number> {
    const [row] = await this.rows<{ n: number }>(PURGE_SQL);
    return row?.n ?? 0;
  }

  private async rows<R = unknown>(sql: string, params?: unknown[]): Promise<R[]> {
    const result = await this.query(sql, params);
    if (Array.isArray(result)) {
      return result as R[];
    }
    const rows = (result as { rows?: unknown } | null)?.rows;
    if (!Array.isArray(rows)) {
      throw new TypeError('SqlQuery must resolve to an array of rows or to an object with `rows`');
    }
    return rows as R[];
  }
}

function toRecord(row: Row): IdempotencyRecord {
  return {
    key: row.key,
    scope: row.scope,
    fingerprint: row.fingerprint,
    response: row.status === null ? undefined : { status: row.status, headers: row.response_headers ?? {}, body: row.response_body },
    expiresAt: new Date(row.expires_at),
  };
}

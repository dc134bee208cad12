import type { MigrationInterface, QueryRunner } from 'typeorm';

export const IDEMPOTENCY_TABLE = 'http_idempotency_keys';

/**
 * DDL of the idempotency key table. `status` is NULL while the first request is in flight.
 * `response_body` is `json` (not `jsonb`) so a replay keeps the member order of the original.
 */
export const IDEMPOTENCY_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS ${IDEMPOTENCY_TABLE} (
  key              text        NOT NULL,
  scope            text        NOT NULL,
  fingerprint      text        NOT NULL,
  status           smallint    NULL,
  response_headers jsonb       NULL,
  response_body    json        NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  completed_at     timestamptz NULL,
  expires_at       timestamptz NOT NULL,
  PRIMARY KEY (key, scope)
);
CREATE INDEX IF NOT EXISTS ${IDEMPOTENCY_TABLE}_expires_at_idx ON ${IDEMPOTENCY_TABLE} (expires_at);
`;

export const DROP_IDEMPOTENCY_TABLE_SQL = `DROP TABLE IF EXISTS ${IDEMPOTENCY_TABLE};`;

/** The same DDL as a TypeORM migration, for services that run TypeORM migrations. */
export class CreateHttpIdempotencyKeys1767225600000 implements MigrationInterface {
  name = 'CreateHttpIdempotencyKeys1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(IDEMPOTENCY_TABLE_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(DROP_IDEMPOTENCY_TABLE_SQL);
  }
}

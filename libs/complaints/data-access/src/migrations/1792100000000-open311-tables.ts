import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import { OPEN311_REQUEST_COLUMNS, OPEN311_REQUEST_INDICES } from '../open311/tables';

/** The Open311 GeoReport v2 face (spec §7): per-request data and tokens, and the registered api keys. */
export class Open311Tables1792100000000 implements MigrationInterface {
  name = 'Open311Tables1792100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(documentTableSql('open311_request', OPEN311_REQUEST_COLUMNS));
    for (const index of OPEN311_REQUEST_INDICES) await q.query(documentIndexSql('open311_request', index));
    await q.query(
      `CREATE TABLE "open311_api_client" ("id" text NOT NULL, "name" text NOT NULL, "api_key_sha256" text NOT NULL, "jurisdiction_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_open311_api_client" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_open311_api_client_key" ON "open311_api_client" ("api_key_sha256")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "open311_api_client"`);
    await q.query(`DROP TABLE "open311_request"`);
  }
}

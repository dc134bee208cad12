import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each published event landed (partition, offset): snapshots state the stream position they reflect. */
export class OutboxStreamPosition1763900000002 implements MigrationInterface {
  name = 'OutboxStreamPosition1763900000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "messaging_outbox" ADD "kafka_partition" integer`);
    await q.query(`ALTER TABLE "messaging_outbox" ADD "kafka_offset" bigint`);
    await q.query(
      `CREATE INDEX "IDX_messaging_outbox_position" ON "messaging_outbox" ("topic", "kafka_partition", "kafka_offset") WHERE kafka_offset IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_messaging_outbox_position"`);
    await q.query(`ALTER TABLE "messaging_outbox" DROP COLUMN "kafka_offset"`);
    await q.query(`ALTER TABLE "messaging_outbox" DROP COLUMN "kafka_partition"`);
  }
}

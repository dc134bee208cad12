import { Column, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@one-window/shared/testing';
import { createServiceDataSource } from './data-source';
import { migrate, schemaDrift } from './migrations';

@Entity('widget')
class Widget {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
}

class CreateWidget1700000000000 implements MigrationInterface {
  name = 'CreateWidget1700000000000';
  async up(q: QueryRunner) {
    await q.query('CREATE TABLE "widget" ("id" uuid NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_widget" PRIMARY KEY ("id"))');
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE "widget"');
  }
}

@Entity('widget')
class WidgetWithColour {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') colour: string;
}

describe('persistence: migrations only, and a check that entities and migrations agree', () => {
  let db: TestDatabase;
  let scratch: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('persist');
    scratch = await createTestDatabase('persist_scratch');
  });
  afterAll(async () => {
    await db.drop();
    await scratch.drop();
  });

  it('applies migrations once and never synchronises on its own', async () => {
    const o = { service: 'demo', url: db.url, entities: [Widget], migrations: [CreateWidget1700000000000] };
    expect(createServiceDataSource(o).options.synchronize).toBe(false);
    expect(await migrate(o)).toEqual(['CreateWidget1700000000000']);
    expect(await migrate(o)).toEqual([]);
  });

  it('reports no drift when the migrations create what the entities describe', async () => {
    const o = { service: 'demo', url: db.url, entities: [Widget], migrations: [CreateWidget1700000000000] };
    const fresh = await createTestDatabase('persist_fresh');
    try {
      expect(await schemaDrift(o, fresh.url)).toEqual([]);
    } finally {
      await fresh.drop();
    }
  });

  it('reports the missing column when an entity changed without a migration', async () => {
    const o = { service: 'demo', url: db.url, entities: [WidgetWithColour], migrations: [CreateWidget1700000000000] };
    const drift = await schemaDrift(o, scratch.url);
    expect(drift.join('\n')).toMatch(/ALTER TABLE "widget" ADD "colour" text NOT NULL/);
  });
});

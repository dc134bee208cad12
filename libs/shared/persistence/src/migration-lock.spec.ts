import type { MigrationInterface, QueryRunner } from 'typeorm';
import { compareWithLock, fingerprintsOf, migrationFingerprint, migrationStatements } from './migration-lock';

const columnsV1 = { a: 'text' };
let columnsLive: Record<string, string> = { a: 'text' };

class CreateThings1 implements MigrationInterface {
  name = 'CreateThings1';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "thing" (${Object.keys(columnsV1).map((c) => `"${c}" text`).join(', ')})`);
    await q.query(`INSERT INTO "thing" (a) VALUES ($1)`, ['seed']);
  }
  async down(): Promise<void> {
    // not exercised here
  }
}

/** The defect the lock exists for: a migration built from a live column list changes when the list does. */
class CreateThingsFromLiveColumns1 implements MigrationInterface {
  name = 'CreateThingsFromLiveColumns1';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "thing" (${Object.keys(columnsLive).map((c) => `"${c}" text`).join(', ')})`);
  }
  async down(): Promise<void> {
    // not exercised here
  }
}

class ReadsAValue2 implements MigrationInterface {
  name = 'ReadsAValue2';
  async up(q: QueryRunner): Promise<void> {
    const [{ start }] = await q.query(`SELECT max(n) + 1 AS start FROM "thing"`);
    await q.query(`CREATE SEQUENCE "s" START WITH ${Number(start)}`);
  }
  async down(): Promise<void> {
    // not exercised here
  }
}

class UsesTheApi3 implements MigrationInterface {
  name = 'UsesTheApi3';
  async up(q: QueryRunner): Promise<void> {
    await q.dropTable('thing');
  }
  async down(): Promise<void> {
    // not exercised here
  }
}

describe('migration lock: an applied migration never changes', () => {
  it('records the statements a migration runs, with their parameters, without a database', async () => {
    expect(await migrationStatements(CreateThings1)).toEqual(['CREATE TABLE "thing" ("a" text)', 'INSERT INTO "thing" (a) VALUES ($1) -- ["seed"]']);
  });

  it('runs a data migration that reads a value (a SELECT answers one empty row)', async () => {
    expect(await migrationStatements(ReadsAValue2)).toEqual(['SELECT max(n) + 1 AS start FROM "thing"', 'CREATE SEQUENCE "s" START WITH NaN']);
  });

  it('refuses a migration that uses QueryRunner methods other than query', async () => {
    await expect(migrationStatements(UsesTheApi3)).rejects.toThrow('UsesTheApi3 uses QueryRunner.dropTable');
  });

  it('a fingerprint is stable, and changes when what the migration runs changes', async () => {
    columnsLive = { a: 'text' };
    const before = await migrationFingerprint(CreateThingsFromLiveColumns1);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    expect(await migrationFingerprint(CreateThingsFromLiveColumns1)).toBe(before);
    columnsLive = { a: 'text', b: 'text' };
    expect(await migrationFingerprint(CreateThingsFromLiveColumns1)).not.toBe(before);
  });

  it('compares with the lock: edited, new and removed migrations are each named', async () => {
    columnsLive = { a: 'text' };
    const recorded = await fingerprintsOf([CreateThings1, CreateThingsFromLiveColumns1]);
    expect(compareWithLock(recorded, recorded)).toEqual({ changed: [], unrecorded: [], removed: [] });

    columnsLive = { a: 'text', b: 'text' };
    const now = await fingerprintsOf([CreateThingsFromLiveColumns1, ReadsAValue2]);
    expect(compareWithLock(now, recorded)).toEqual({ changed: ['CreateThingsFromLiveColumns1'], unrecorded: ['ReadsAValue2'], removed: ['CreateThings1'] });
    expect(compareWithLock(now, undefined)).toEqual({ changed: [], unrecorded: ['CreateThingsFromLiveColumns1', 'ReadsAValue2'], removed: [] });
  });
});

import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@one-window/shared/testing';
import { createServiceDataSource } from './data-source';
import { ConcurrentModificationError, DocumentStore, documentEntity, documentTableSql } from './document-store';
import { migrate, schemaDrift } from './migrations';

interface Case {
  id: string;
  owner: string;
  status: 'OPEN' | 'CLOSED';
  openedAt: Date;
  dueOn: string;
  items: { n: number }[];
}

const COLUMNS = { owner: 'text', status: 'text', due_on: 'date' } as const;
class CreateCase1800000000001 implements MigrationInterface {
  name = 'CreateCase1800000000001';
  async up(q: QueryRunner) {
    await q.query(documentTableSql('demo_case', COLUMNS));
    await q.query(`CREATE INDEX "IDX_demo_case_owner" ON "demo_case" ("owner")`);
  }
  async down(q: QueryRunner) {
    await q.query(`DROP TABLE "demo_case"`);
  }
}
const entity = documentEntity('demo_case', COLUMNS, [{ name: 'IDX_demo_case_owner', columns: ['owner'] }]);

describe('DocumentStore: aggregates as versioned JSON documents with projected columns', () => {
  let db: TestDatabase;
  const o = () => ({ service: 'doc', url: db.url, entities: [entity], migrations: [CreateCase1800000000001] });
  const store = new DocumentStore<Case>('demo_case', (c) => ({ owner: c.owner, status: c.status, due_on: c.dueOn }));
  const sample: Case = { id: 'c-1', owner: 'u-1', status: 'OPEN', openedAt: new Date('2026-11-23T01:02:03.456Z'), dueOn: '2026-12-07', items: [{ n: 1 }] };

  beforeAll(async () => {
    db = await createTestDatabase('docstore');
    await migrate(o());
  });
  afterAll(() => db.drop());

  it('the table helper and the entity helper agree (no drift)', async () => {
    const scratch = await createTestDatabase('docstore_drift');
    try {
      expect(await schemaDrift(o(), scratch.url)).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });

  it('round-trips a document, with instants as Date and local dates as strings, and bumps versions', async () => {
    const ds = createServiceDataSource(o());
    await ds.initialize();
    try {
      await ds.transaction((tx) => store.insert(tx, sample));
      const loaded = await ds.transaction((tx) => store.get(tx, 'c-1'));
      expect(loaded).toEqual({ doc: sample, version: 1 });
      expect(loaded?.doc.openedAt).toBeInstanceOf(Date);
      const v2 = await ds.transaction((tx) => store.update(tx, { ...sample, status: 'CLOSED' }, 1));
      expect(v2).toBe(2);
      const [row] = await ds.query(`SELECT status, owner, due_on::text AS due_on FROM demo_case WHERE id = 'c-1'`);
      expect(row).toEqual({ status: 'CLOSED', owner: 'u-1', due_on: '2026-12-07' });
    } finally {
      await ds.destroy();
    }
  });

  it('refuses a write based on a stale version (optimistic concurrency)', async () => {
    const ds = createServiceDataSource(o());
    await ds.initialize();
    try {
      await expect(ds.transaction((tx) => store.update(tx, { ...sample, status: 'OPEN' }, 1))).rejects.toBeInstanceOf(ConcurrentModificationError);
      const loaded = await ds.transaction((tx) => store.get(tx, 'c-1'));
      expect(loaded?.version).toBe(2);
    } finally {
      await ds.destroy();
    }
  });

  it('finds by projected columns, oldest first, with a keyset cursor', async () => {
    const ds = createServiceDataSource(o());
    await ds.initialize();
    try {
      for (const id of ['c-2', 'c-3', 'c-4']) {
        await ds.transaction((tx) => store.insert(tx, { ...sample, id, owner: 'u-2' }));
      }
      const first = await ds.transaction((tx) => store.findBy(tx, { owner: 'u-2' }, { limit: 2 }));
      expect(first.map((s) => s.doc.id)).toEqual(['c-2', 'c-3']);
      const next = await ds.transaction((tx) => store.findBy(tx, { owner: 'u-2' }, { limit: 2, afterId: 'c-3' }));
      expect(next.map((s) => s.doc.id)).toEqual(['c-4']);
      expect(await ds.transaction((tx) => store.findBy(tx, { owner: 'nobody' }))).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});

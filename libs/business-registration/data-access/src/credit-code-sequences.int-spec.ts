import { createServiceDataSource, migrate, schemaDrift } from '@one-window/shared/persistence';
import { createTestDatabase, TestDatabase } from '@one-window/shared/testing';
import { CreditCodeSequences, REGISTRATION_ENTITIES, REGISTRATION_MIGRATIONS } from './index';

describe('business-registration data access: tables and dev credit-code counters', () => {
  let db: TestDatabase;
  const options = () => ({ service: 'br_data', url: db.url, entities: REGISTRATION_ENTITIES, migrations: REGISTRATION_MIGRATIONS });

  beforeAll(async () => {
    db = await createTestDatabase('br_data_access');
    await migrate(options());
  });
  afterAll(() => db.drop());

  it('the migration creates what the entities describe (no drift)', async () => {
    const scratch = await createTestDatabase('br_data_access_drift');
    try {
      expect(await schemaDrift(options(), scratch.url)).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });

  it('hands out distinct numbers to concurrent transactions without making them wait; a rolled-back one leaves a gap', async () => {
    const ds = createServiceDataSource({ ...options(), poolSize: 12 });
    await ds.initialize();
    const sequences = new CreditCodeSequences();
    try {
      // one transaction holds a number and stays open: the others are not blocked by it
      let release!: () => void;
      let holding!: () => void;
      const holds = new Promise<void>((r) => (holding = r));
      const held = ds.transaction(async (tx) => {
        const n = await sequences.next(tx, '91440104');
        await new Promise<void>((r) => {
          release = r;
          holding();
        });
        return n;
      });
      await holds;
      const taken = await Promise.all(Array.from({ length: 9 }, () => ds.transaction((tx) => sequences.next(tx, '91440104'))));
      release();
      const all = [await held, ...taken].sort((a, b) => a - b);
      expect(all).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(await ds.transaction((tx) => sequences.next(tx, '91440106'))).toBe(11);
      await expect(
        ds.transaction(async (tx) => {
          await sequences.next(tx, '91440104');
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect(await ds.transaction((tx) => sequences.next(tx, '91440104'))).toBe(13);
    } finally {
      await ds.destroy();
    }
  });
});

import { createTestDatabase } from '@one-window/shared/testing';
import { schemaDrift } from '@one-window/shared/persistence';
import { SCHEDULING_ENTITIES } from '../entities';
import { SCHEDULING_MIGRATIONS } from '.';

describe('scheduling tables', () => {
  it('the migration creates exactly what the entity description says', async () => {
    const db = await createTestDatabase('sched_drift');
    try {
      const drift = await schemaDrift(
        { service: 'scheduling', url: db.url, entities: SCHEDULING_ENTITIES, migrations: SCHEDULING_MIGRATIONS },
        db.url,
      );
      expect(drift).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});

import { createTestDatabase } from '@one-window/shared/testing';
import { schemaDrift } from '@one-window/shared/persistence';
import { MESSAGING_ENTITIES } from '../entities';
import { MESSAGING_MIGRATIONS } from '.';

describe('messaging tables', () => {
  it('the migration creates exactly what the entity descriptions say', async () => {
    const db = await createTestDatabase('msg_drift');
    try {
      const drift = await schemaDrift({ service: 'messaging', url: db.url, entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS }, db.url);
      expect(drift).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});

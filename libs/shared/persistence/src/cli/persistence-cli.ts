import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { databaseUrlFor } from '../database-admin';
import { ServiceDataSourceOptions } from '../data-source';
import { compareWithLock, fingerprintsOf, type MigrationLock } from '../migration-lock';
import { migrate, schemaDrift } from '../migrations';

/** deploy/migrations.lock.json at the repository root (the directory npm runs scripts in), or MIGRATIONS_LOCK. */
function lockPath(): string {
  return process.env.MIGRATIONS_LOCK ?? path.resolve(process.cwd(), 'deploy/migrations.lock.json');
}

function readLock(): MigrationLock {
  return fs.existsSync(lockPath()) ? (JSON.parse(fs.readFileSync(lockPath(), 'utf8')) as MigrationLock) : {};
}

/** Lock problems, one line each; empty when the service's migrations are exactly what the lock recorded. */
async function lockProblems(o: ServiceDataSourceOptions): Promise<string[]> {
  const { changed, unrecorded, removed } = compareWithLock(await fingerprintsOf(o.migrations as never), readLock()[o.service]);
  return [
    ...changed.map((n) => `${n} changed after it was recorded: never edit a migration that may have run; write a new one`),
    ...removed.map((n) => `${n} was recorded but is gone: never delete or rename a migration that may have run`),
    ...unrecorded.map((n) => `${n} is new: record it with \`npm run migrations:lock\` and commit deploy/migrations.lock.json`),
  ];
}

/**
 * The per-service persistence commands, called from each app's `src/migrate.ts`:
 *   migrate   apply pending migrations to the service database (created if missing)
 *   check     fail (exit 1) if the entities need schema changes no migration makes, or if the
 *             migrations differ from deploy/migrations.lock.json (an applied one edited or removed,
 *             a new one not recorded)
 *   lock      record new migrations' fingerprints in deploy/migrations.lock.json (refuses edited ones)
 * `npm run migrate`, `npm run migrations:check` and `npm run migrations:lock` run them for every service.
 */
export async function runPersistenceCli(command: string | undefined, o: ServiceDataSourceOptions): Promise<number> {
  if (command === 'migrate') {
    const applied = await migrate(o);
    console.log(`${o.service}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`);
    return 0;
  }
  if (command === 'lock') {
    const lock = readLock();
    const current = await fingerprintsOf(o.migrations as never);
    const { changed, removed, unrecorded } = compareWithLock(current, lock[o.service]);
    if (changed.length || removed.length) {
      console.error(`${o.service}: not recorded; applied migrations were edited or removed: ${[...changed, ...removed].join(', ')}`);
      return 1;
    }
    lock[o.service] = current;
    const sorted = Object.fromEntries(Object.keys(lock).sort().map((k) => [k, lock[k]]));
    fs.writeFileSync(lockPath(), `${JSON.stringify(sorted, null, 2)}\n`);
    console.log(`${o.service}: ${unrecorded.length ? `recorded ${unrecorded.join(', ')}` : 'lock up to date'}`);
    return 0;
  }
  if (command === 'check') {
    const problems = await lockProblems(o);
    if (problems.length) {
      console.error(`${o.service}: migrations differ from deploy/migrations.lock.json:\n  ${problems.join('\n  ')}`);
      return 1;
    }
    const scratch = `check_${o.service.replace(/-/g, '_')}_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: databaseUrlFor(o.url, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${scratch}"`);
    try {
      const drift = await schemaDrift(o, databaseUrlFor(o.url, scratch));
      if (drift.length) {
        console.error(`${o.service}: entities and migrations disagree; a migration is missing for:\n  ${drift.join(';\n  ')}`);
        return 1;
      }
      console.log(`${o.service}: entities and migrations agree`);
      return 0;
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
      await admin.end();
    }
  }
  console.error('usage: migrate.ts migrate|check|lock');
  return 2;
}

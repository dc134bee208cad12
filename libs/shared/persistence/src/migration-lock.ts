import { createHash } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/** service → migration name → fingerprint of the SQL its `up` runs. Checked in as deploy/migrations.lock.json. */
export type MigrationLock = Record<string, Record<string, string>>;

export interface LockComparison {
  /** Recorded, and the SQL they run now differs: an applied migration was edited. */
  changed: string[];
  /** Not recorded yet: new migrations (record them with `npm run migrations:lock`). */
  unrecorded: string[];
  /** Recorded but no longer in the code: an applied migration was deleted or renamed. */
  removed: string[];
}

/**
 * The statements a migration's `up` runs, captured without a database: every `query` is recorded
 * (text and parameters) and answers with no rows, except a SELECT, which gets one row with every
 * column undefined (a data migration reading a value still runs, deterministically). Our migrations talk to the database through
 * `query` only; any other QueryRunner method fails loudly here rather than escaping the lock.
 */
export async function migrationStatements(migration: MigrationClass): Promise<string[]> {
  const recorded: string[] = [];
  const runner = new Proxy({} as QueryRunner, {
    get(_target, prop) {
      if (prop === 'query') {
        return async (sql: string, params?: unknown[]) => {
          recorded.push(params?.length ? `${sql} -- ${JSON.stringify(params)}` : sql);
          return /^\s*select\b/i.test(sql) ? [{}] : [];
        };
      }
      if (prop === 'then') return undefined; // not a thenable
      throw new Error(`migration ${migration.name} uses QueryRunner.${String(prop)}; the migration lock only understands query()`);
    },
  });
  await new migration().up(runner);
  return recorded;
}

/** A short, stable fingerprint of what a migration does (sha-256 of its statements, 16 hex digits). */
export async function migrationFingerprint(migration: MigrationClass): Promise<string> {
  const statements = await migrationStatements(migration);
  return createHash('sha256').update(statements.join('\n;\n')).digest('hex').slice(0, 16);
}

/** The fingerprints of a service's migrations, by migration name (class `name`, as TypeORM records it). */
export async function fingerprintsOf(migrations: readonly (string | MigrationClass)[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const m of migrations) {
    if (typeof m === 'string') throw new Error(`migration lock: migrations must be classes, not glob paths (${m})`);
    out[new m().name ?? m.name] = await migrationFingerprint(m);
  }
  return out;
}

/**
 * Compares a service's migrations with what the lock recorded. A migration that has run somewhere
 * must never change (a database that applied it would not see the change, a new one would): fix
 * forward with a new migration instead.
 */
export function compareWithLock(current: Record<string, string>, recorded: Record<string, string> | undefined): LockComparison {
  const before = recorded ?? {};
  return {
    changed: Object.keys(current).filter((n) => n in before && before[n] !== current[n]),
    unrecorded: Object.keys(current).filter((n) => !(n in before)),
    removed: Object.keys(before).filter((n) => !(n in current)),
  };
}

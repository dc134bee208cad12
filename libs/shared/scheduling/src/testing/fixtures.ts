/**
 * Fixtures for the scheduling integration tests: a database with the timer table plus an effects
 * table where handlers record what they did, and a poller in another OS process.
 * Only the tests import this file.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { DataSource, EntityManager, MigrationInterface } from 'typeorm';
import { createServiceDataSource, migrate } from '@one-window/shared/persistence';
import { SCHEDULING_ENTITIES } from '../entities';
import { SCHEDULING_MIGRATIONS } from '../migrations';
import type { Timer } from '../timer';

/** The timer kind whose handler (in `poller-process.ts`) records one effect row per firing. */
export const EFFECT_KIND = 'test.effect.recorded';

/** Migrates the timer table and creates `timer_effect`, where handlers record effects (no unique key: a duplicate must show). */
export async function openTestDataSource(url: string, extraMigrations: (new () => MigrationInterface)[] = []): Promise<DataSource> {
  const migrations = [...SCHEDULING_MIGRATIONS, ...extraMigrations];
  await migrate({ service: 'scheduling-test', url, entities: SCHEDULING_ENTITIES, migrations });
  const ds = createServiceDataSource({ service: 'scheduling-test', url, entities: SCHEDULING_ENTITIES, migrations: [], poolSize: 8 });
  await ds.initialize();
  await ds.query(`CREATE TABLE IF NOT EXISTS timer_effect (
    n bigserial PRIMARY KEY, timer_id uuid NOT NULL, kind text NOT NULL, key text NOT NULL, pid int NOT NULL,
    at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  return ds;
}

/** The handler body the tests share: one effect row, in the firing transaction. */
export async function recordEffect(timer: Timer, tx: EntityManager): Promise<void> {
  await tx.query(`INSERT INTO timer_effect (timer_id, kind, key, pid) VALUES ($1, $2, $3, $4)`, [timer.id, timer.kind, timer.key, process.pid]);
}

/** Effects per timer id: a 2 anywhere means a timer fired twice. */
export async function effectCounts(ds: DataSource): Promise<Map<string, number>> {
  const found: { timer_id: string; c: number }[] = await ds.query(`SELECT timer_id, count(*)::int AS c FROM timer_effect GROUP BY timer_id`);
  return new Map(found.map((r) => [r.timer_id, r.c]));
}

/** Schedules `count` timers of EFFECT_KIND, all due at `dueAt`, in one transaction; returns their ids. */
export async function scheduleMany(ds: DataSource, count: number, dueAt: Date): Promise<string[]> {
  const found: { id: string }[] = await ds.query(
    `INSERT INTO scheduling_timer (id, kind, key, payload, due_at, next_attempt_at)
     SELECT gen_random_uuid(), $1, 'item-' || n, jsonb_build_object('n', n), $2, $2 FROM generate_series(1, $3) AS n
     RETURNING id`,
    [EFFECT_KIND, dueAt, count],
  );
  return found.map((r) => r.id);
}

export interface PollerProcess {
  child: ChildProcess;
  /** Every line the process printed on stdout so far. */
  lines: string[];
  /** Timer ids its handler started on ("handling <id>" lines), committed or not. */
  handled(): string[];
  /** Resolves once the lines printed so far satisfy `condition` (at once if they already do). */
  printed(condition: (lines: string[]) => boolean): Promise<void>;
  /** Writes one command line to its stdin: `go` starts polling, `stop` stops and exits cleanly. */
  send(command: 'go' | 'stop'): void;
  exited: Promise<number | null>;
}

/**
 * Starts `poller-process.ts` as a separate Node process. It prints `ready` once connected and
 * waits for `go`, so several processes start polling together.
 */
export function spawnPollerProcess(env: Record<string, string>): PollerProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'poller-process.ts')], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(line);
    for (const w of [...waiters]) w();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return {
    child,
    lines,
    handled: () => lines.filter((l) => l.startsWith('handling ')).map((l) => l.slice('handling '.length)),
    printed: (condition) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (condition(lines)) {
            waiters.splice(waiters.indexOf(check), 1);
            resolve();
          }
        };
        waiters.push(check);
        check();
        void exited.then(() => reject(new Error(`poller process exited before printing what was awaited; it printed: ${lines.slice(-5).join(' | ')}`)));
      }),
    send: (command) => void child.stdin?.write(`${command}\n`),
    exited,
  };
}

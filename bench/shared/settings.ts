/**
 * Settings of a benchmark: `BENCH_<NAME>` environment variables (empty ones ignored), overridden by
 * `--<name>=<value>` arguments (`--relay-batch=200` is `BENCH_RELAY_BATCH=200`). See bench/README.md.
 */

/** The settings as strings, with typed readers that name the variable when a value is out of range. */
export interface Settings {
  readonly values: Readonly<Record<string, string>>;
  /** An integer in [min, max]. */
  int(key: string, min: number, max: number): number;
  /** A non-empty comma-separated list of allowed words. */
  list<T extends string>(key: string, allowed: readonly T[]): T[];
  /** One of the allowed words. */
  one<T extends string>(key: string, allowed: readonly T[]): T;
}

/**
 * Reads `defaults` (every known setting, by its upper-case name) from `env` and then `argv`.
 * `aliases` maps a shorter argument name to the setting (`BUDGET` → `BUDGET_S`).
 */
export function readSettings(
  defaults: Record<string, string>,
  aliases: Record<string, string> = {},
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Settings {
  const values: Record<string, string> = { ...defaults };
  for (const k of Object.keys(defaults)) {
    const v = env[`BENCH_${k}`];
    if (v !== undefined && v !== '') values[k] = v;
  }
  for (const a of argv) {
    const m = /^--([a-z][a-z0-9-]*)=(.*)$/.exec(a);
    if (!m) throw new Error(`unrecognised argument "${a}" (expected --name=value, see bench/README.md)`);
    const raw = m[1].replace(/-/g, '_').toUpperCase();
    const key = aliases[raw] ?? raw;
    if (!(key in defaults)) throw new Error(`unknown setting --${m[1]} (known: ${Object.keys(defaults).join(', ').toLowerCase()})`);
    values[key] = m[2];
  }
  return {
    values,
    int(k, min, max) {
      const v = Number(values[k]);
      if (!Number.isInteger(v) || v < min || v > max) throw new Error(`BENCH_${k}=${values[k]}: expected an integer in [${min}, ${max}]`);
      return v;
    },
    list<T extends string>(k: string, allowed: readonly T[]): T[] {
      const items = values[k].split(',').map((s) => s.trim()).filter(Boolean);
      const bad = items.filter((i) => !allowed.includes(i as T));
      if (bad.length || items.length === 0) throw new Error(`BENCH_${k}=${values[k]}: expected a comma-separated list of ${allowed.join(', ')}`);
      return items as T[];
    },
    one<T extends string>(k: string, allowed: readonly T[]): T {
      if (!allowed.includes(values[k] as T)) throw new Error(`BENCH_${k}=${values[k]}: expected one of ${allowed.join(', ')}`);
      return values[k] as T;
    },
  };
}

export interface Servers {
  databaseUrl: string;
  brokers: string[];
}

/** The PostgreSQL server and Kafka brokers: DATABASE_URL and KAFKA_BROKERS, local by default. */
export function servers(env: NodeJS.ProcessEnv = process.env): Servers {
  return {
    databaseUrl: env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres',
    brokers: (env['KAFKA_BROKERS'] || '127.0.0.1:9092').split(',').map((s) => s.trim()),
  };
}

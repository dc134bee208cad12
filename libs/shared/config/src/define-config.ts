import type { Env, VarSpec } from './env-vars';

export type ConfigShape = Record<string, VarSpec<unknown>>;
export type ConfigOf<S extends ConfigShape> = { readonly [K in keyof S]: S[K] extends VarSpec<infer T> ? T : never };

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; key: string; reason: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.variable} ${p.reason} (${p.key})`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface ConfigNamespace<S extends ConfigShape> {
  readonly namespace: string;
  readonly token: string;
  readonly shape: S;
  /** Parses every variable of the namespace; throws one ConfigError naming all bad variables. */
  load(source?: Env): ConfigOf<S>;
}

/**
 * A typed, validated namespace of configuration read from the environment, e.g.
 *   export const databaseConfig = defineConfig('database', { url: env.url('DATABASE_URL') });
 *   databaseConfig.load().url   // string, or a ConfigError at start naming DATABASE_URL
 */
export function defineConfig<S extends ConfigShape>(namespace: string, shape: S): ConfigNamespace<S> {
  return {
    namespace,
    token: `config:${namespace}`,
    shape,
    load(source: Env = process.env) {
      const problems: ConfigError['problems'] = [];
      const out: Record<string, unknown> = {};
      for (const [key, varSpec] of Object.entries(shape)) {
        const r = varSpec.parse(source[varSpec.variable]);
        if (r.ok) out[key] = r.value;
        else problems.push({ variable: varSpec.variable, key: `${namespace}.${key}`, reason: r.reason });
      }
      if (problems.length) throw new ConfigError(problems);
      return Object.freeze(out) as ConfigOf<S>;
    },
  };
}

/** Loads several namespaces at once, reporting the problems of all of them together. */
export function loadAll(namespaces: ConfigNamespace<ConfigShape>[], source: Env = process.env): Map<string, unknown> {
  const problems: ConfigError['problems'] = [];
  const loaded = new Map<string, unknown>();
  for (const ns of namespaces) {
    try {
      loaded.set(ns.token, ns.load(source));
    } catch (e) {
      if (e instanceof ConfigError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return loaded;
}

/**
 * Readers for single environment variables. Each returns a `VarSpec`: the variable's name and
 * a parse function that either returns the typed value or an error message naming what is wrong.
 */
export type Env = Record<string, string | undefined>;

export interface VarSpec<T> {
  readonly variable: string;
  parse(raw: string | undefined): { ok: true; value: T } | { ok: false; reason: string };
}

interface Common<T> {
  default?: T;
}

/** What a converter returns for a value it rejects (a value of type T is never an Invalid). */
class Invalid {
  constructor(readonly reason: string) {}
}
const invalid = (reason: string) => new Invalid(reason);

function spec<T>(variable: string, opts: Common<T>, convert: (raw: string) => T | Invalid): VarSpec<T> {
  return {
    variable,
    parse(raw) {
      if (raw === undefined || raw === '') {
        return opts.default !== undefined ? { ok: true, value: opts.default } : { ok: false, reason: 'is required' };
      }
      const value = convert(raw);
      return value instanceof Invalid ? { ok: false, reason: value.reason } : { ok: true, value };
    },
  };
}

export const env = {
  string: (variable: string, opts: Common<string> & { pattern?: RegExp } = {}) =>
    spec<string>(variable, opts, (raw) => (opts.pattern && !opts.pattern.test(raw) ? invalid(`must match ${opts.pattern}`) : raw)),

  int: (variable: string, opts: Common<number> & { min?: number; max?: number } = {}) =>
    spec<number>(variable, opts, (raw) => {
      if (!/^-?\d+$/.test(raw.trim())) return invalid(`must be an integer, got "${raw}"`);
      const n = Number(raw);
      if (opts.min !== undefined && n < opts.min) return invalid(`must be >= ${opts.min}, got ${n}`);
      if (opts.max !== undefined && n > opts.max) return invalid(`must be <= ${opts.max}, got ${n}`);
      return n;
    }),

  bool: (variable: string, opts: Common<boolean> = {}) =>
    spec<boolean>(variable, opts, (raw) => {
      const v = raw.trim().toLowerCase();
      if (['true', '1', 'yes'].includes(v)) return true;
      if (['false', '0', 'no'].includes(v)) return false;
      return invalid(`must be true or false, got "${raw}"`);
    }),

  url: (variable: string, opts: Common<string> & { protocols?: string[] } = {}) =>
    spec<string>(variable, opts, (raw) => {
      try {
        const u = new URL(raw);
        if (opts.protocols && !opts.protocols.includes(u.protocol.replace(/:$/, ''))) {
          return invalid(`must use ${opts.protocols.join(' or ')}, got ${u.protocol}`);
        }
        return raw;
      } catch {
        return invalid('must be a URL');
      }
    }),

  list: (variable: string, opts: Common<string[]> = {}) =>
    spec<string[]>(variable, opts, (raw) => {
      const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
      return items.length ? items : invalid('must list at least one value');
    }),

  oneOf: <const T extends string>(variable: string, values: readonly T[], opts: Common<NoInfer<T>> = {}) =>
    spec<T>(variable, opts, (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : invalid(`must be one of ${values.join(', ')}, got "${raw}"`))),
};

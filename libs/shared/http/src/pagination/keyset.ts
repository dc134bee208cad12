const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

export interface KeysetOptions {
  /** Sort columns, the last one unique, e.g. `['created_at', 'id']`; the ORDER BY must list the same. */
  columns: readonly string[];
  /** Values of the last row of the previous page, in column order. */
  values: readonly unknown[];
  /** `asc` (default) continues with `>`, `desc` with `<`. All columns sort the same way. */
  direction?: 'asc' | 'desc';
  /** Number of the first placeholder, for queries that already use `$1`..; default 1. */
  firstParam?: number;
}

/**
 * Keyset ("seek") condition for the page after a cursor: `(created_at, id) > ($1, $2)`, using a
 * row-value comparison that PostgreSQL can serve from an index on the same columns.
 */
export function keysetCondition(options: KeysetOptions): { sql: string; params: unknown[] } {
  const { columns, values } = options;
  if (columns.length === 0 || columns.length !== values.length) {
    throw new RangeError('keysetCondition needs as many values as columns, and at least one');
  }
  for (const column of columns) {
    if (!IDENTIFIER.test(column)) {
      throw new TypeError(`Not a plain column name: ${JSON.stringify(column)}`);
    }
  }
  const first = options.firstParam ?? 1;
  const placeholders = values.map((_, i) => `$${first + i}`);
  const operator = options.direction === 'desc' ? '<' : '>';
  return { sql: `(${columns.join(', ')}) ${operator} (${placeholders.join(', ')})`, params: [...values] };
}

import { EntitySchema, type EntityManager } from 'typeorm';

/**
 * Aggregates stored as JSON documents with a version, plus a few projected columns that queries and
 * scoping need (owner, agency, status, natural keys). Each service creates its tables with
 * `documentTableSql` in a migration (and describes them with `documentEntity` for the drift check).
 *
 *   versions: optimistic concurrency. `update` succeeds only if the stored version is the one the
 *   caller loaded; otherwise ConcurrentModificationError (HTTP 409, or 412 with If-Match).
 *   dates: instants round-trip as Date (ISO strings with a time and zone are revived); local dates
 *   stay 'YYYY-MM-DD' strings.
 */
export class ConcurrentModificationError extends Error {
  readonly code = 'persistence.concurrent_modification';
  constructor(
    readonly table: string,
    readonly id: string,
    readonly expectedVersion: number,
  ) {
    super(`${table} ${id} was changed by someone else (expected version ${expectedVersion})`);
  }
}

export interface Stored<T> {
  doc: T;
  version: number;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function reviveDates<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === 'string' && INSTANT.test(v) ? new Date(v) : v)) as T;
}

export type ColumnType = 'text' | 'integer' | 'boolean' | 'timestamptz' | 'date';

export type Projection<T> = (doc: T) => Record<string, string | number | boolean | Date | null>;

export class DocumentStore<T extends { id: string }> {
  /**
   * @param table the table (created with `documentTableSql`)
   * @param project the projected columns and their values for a document (names must exist in the table)
   */
  constructor(
    readonly table: string,
    private readonly project: Projection<T> = () => ({}),
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`bad table name ${table}`);
  }

  async get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<T> | undefined> {
    const rows: { data: unknown; version: number }[] = await tx.query(
      `SELECT data, version FROM "${this.table}" WHERE id = $1${o.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? { doc: reviveDates<T>(rows[0].data), version: rows[0].version } : undefined;
  }

  async insert(tx: EntityManager, doc: T): Promise<number> {
    const projected = this.project(doc);
    const names = Object.keys(projected);
    const cols = ['id', 'version', 'data', ...names].map((c) => `"${c}"`).join(', ');
    const params = [doc.id, 1, JSON.stringify(doc), ...names.map((n) => projected[n])];
    await tx.query(`INSERT INTO "${this.table}" (${cols}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')})`, params);
    return 1;
  }

  /** Writes `doc` if the stored version is still `expectedVersion`; returns the new version. */
  async update(tx: EntityManager, doc: T, expectedVersion: number): Promise<number> {
    const projected = this.project(doc);
    const names = Object.keys(projected);
    const sets = ['"data" = $3', '"version" = "version" + 1', '"updated_at" = now()', ...names.map((n, i) => `"${n}" = $${i + 4}`)].join(', ');
    const rows: { version: number }[] = await tx.query(
      `UPDATE "${this.table}" SET ${sets} WHERE id = $1 AND version = $2 RETURNING version`,
      [doc.id, expectedVersion, JSON.stringify(doc), ...names.map((n) => projected[n])],
    );
    // TypeORM returns [rows, affected] for UPDATE ... RETURNING on postgres
    const updated = Array.isArray(rows[0]) ? (rows[0] as unknown as { version: number }[]) : rows;
    if (!updated.length) throw new ConcurrentModificationError(this.table, doc.id, expectedVersion);
    return updated[0].version;
  }

  /** Documents whose projected columns equal the given values, oldest first. */
  async findBy(tx: EntityManager, where: Record<string, string | number | boolean | null>, o: { limit?: number; afterId?: string } = {}): Promise<Stored<T>[]> {
    const names = Object.keys(where);
    for (const n of names) if (!/^[a-z_][a-z0-9_]*$/.test(n)) throw new Error(`bad column ${n}`);
    const conds = names.map((n, i) => (where[n] === null ? `"${n}" IS NULL` : `"${n}" = $${i + 1}`));
    const params: unknown[] = names.map((n) => where[n]).filter((v) => v !== null);
    // Re-number placeholders after removing NULL comparisons.
    let k = 0;
    const sqlConds = conds.map((c) => c.replace(/\$\d+/, () => `$${++k}`));
    if (o.afterId) {
      params.push(o.afterId);
      sqlConds.push(`(created_at, id) > (SELECT created_at, id FROM "${this.table}" WHERE id = $${params.length})`);
    }
    params.push(Math.min(o.limit ?? 100, 1000));
    const rows: { data: unknown; version: number }[] = await tx.query(
      `SELECT data, version FROM "${this.table}" ${sqlConds.length ? `WHERE ${sqlConds.join(' AND ')}` : ''} ORDER BY created_at, id LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({ doc: reviveDates<T>(r.data), version: r.version }));
  }
}

/** DDL of a document table: id, version, data, timestamps, then the projected columns given. */
export function documentTableSql(table: string, projected: Record<string, ColumnType>): string {
  const extra = Object.entries(projected).map(([n, t]) => `"${n}" ${t === 'timestamptz' ? 'TIMESTAMP WITH TIME ZONE' : t}`);
  return `CREATE TABLE "${table}" (
    "id" text NOT NULL,
    "version" integer NOT NULL,
    "data" jsonb NOT NULL,
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    ${extra.map((e) => `${e},`).join('\n    ')}
    CONSTRAINT "PK_${table}" PRIMARY KEY ("id"))`;
}


/** An index of a document table, as declared once for both the migration and `documentEntity`. */
export interface DocumentIndex {
  name: string;
  columns: string[];
  unique?: boolean;
  where?: string;
}

/** DDL of one declared index (use in the migration, next to `documentTableSql`). */
export function documentIndexSql(table: string, index: DocumentIndex): string {
  const cols = index.columns.map((c) => `"${c}"`).join(', ');
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX "${index.name}" ON "${table}" (${cols})${index.where ? ` WHERE ${index.where}` : ''}`;
}

/** The TypeORM description of a document table, so the entities-vs-migrations check covers it. */
export function documentEntity(table: string, projected: Record<string, ColumnType>, indices: DocumentIndex[] = []) {
  const typeOf = (t: ColumnType) => (t === 'timestamptz' ? 'timestamp with time zone' : t);
  return new EntitySchema({
    name: table,
    columns: {
      id: { type: 'text', primary: true, primaryKeyConstraintName: `PK_${table}` },
      version: { type: 'integer' },
      data: { type: 'jsonb' },
      created_at: { type: 'timestamp with time zone', default: () => 'now()' },
      updated_at: { type: 'timestamp with time zone', default: () => 'now()' },
      ...Object.fromEntries(Object.entries(projected).map(([n, t]) => [n, { type: typeOf(t), nullable: true }])),
    },
    indices,
  });
}

import type { EntityManager } from 'typeorm';
import type { KnowledgeFeedbackState, KnowledgePointState, KnowledgePointStatus, OutageNoticeState } from '@one-window/complaints/domain';
import { DocumentStore, reviveDates, type Stored } from '@one-window/shared/persistence';

export interface KnowledgePointSearch {
  readonly unitId?: string;
  readonly status?: KnowledgePointStatus;
  readonly category?: string;
  /** Only points usable for a direct answer at this instant: PUBLISHED, validFrom ≤ t < validUntil. */
  readonly usableAt?: Date;
  /** Words in the title, body, scope or FAQs (case-insensitive). */
  readonly text?: string;
  readonly limit: number;
}

/** Knowledge points as JSON documents; unit, jurisdiction, status, category and validUntil projected. */
export class KnowledgePointRepository {
  readonly store = new DocumentStore<KnowledgePointState>('knowledge_point', (p) => ({
    unit_id: p.unitId,
    jurisdiction_id: p.jurisdictionId,
    status: p.status,
    category: p.category,
    valid_until: p.validUntil ?? null,
  }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<KnowledgePointState> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, p: KnowledgePointState): Promise<number> {
    return this.store.insert(tx, p);
  }

  update(tx: EntityManager, p: KnowledgePointState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, p, expectedVersion);
  }

  /** Several points by id (missing ids are left out), locked for the direct answer that uses them. */
  async getMany(tx: EntityManager, ids: readonly string[]): Promise<KnowledgePointState[]> {
    if (ids.length === 0) return [];
    const rows: { data: unknown }[] = await tx.query(`SELECT data FROM knowledge_point WHERE id = ANY($1::text[]) ORDER BY id FOR SHARE`, [ids]);
    return rows.map((r) => reviveDates<KnowledgePointState>(r.data));
  }

  /** Points matching the search, most recently updated first. */
  async search(tx: EntityManager, q: KnowledgePointSearch): Promise<Stored<KnowledgePointState>[]> {
    const conds: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      conds.push(sql(`$${params.length}`));
    };
    if (q.unitId) add((n) => `unit_id = ${n}`, q.unitId);
    if (q.status) add((n) => `status = ${n}`, q.status);
    if (q.category) add((n) => `category = ${n}`, q.category);
    if (q.usableAt) {
      conds.push(`status = 'PUBLISHED'`);
      add((n) => `valid_until > ${n} AND (data->>'validFrom')::timestamptz <= ${n}`, q.usableAt);
    }
    if (q.text) {
      const like = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add((n) => `(data->>'title' ILIKE ${n} OR data->>'body' ILIKE ${n} OR data->>'scope' ILIKE ${n} OR (data->'faqs')::text ILIKE ${n})`, like);
    }
    params.push(Math.min(q.limit, 200));
    const rows: { data: unknown; version: number }[] = await tx.query(
      `SELECT data, version FROM knowledge_point ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY updated_at DESC, id LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({ doc: reviveDates<KnowledgePointState>(r.data), version: r.version }));
  }

  /** Every published point (optionally of one unit), for the §6 knowledge-base metrics. */
  async published(tx: EntityManager, unitId?: string): Promise<KnowledgePointState[]> {
    const rows: { data: unknown }[] = await tx.query(`SELECT data FROM knowledge_point WHERE status = 'PUBLISHED' AND ($1::text IS NULL OR unit_id = $1)`, [unitId ?? null]);
    return rows.map((r) => reviveDates<KnowledgePointState>(r.data));
  }
}

/** Knowledge feedback as JSON documents; unit, point, status and due instant projected. */
export class KnowledgeFeedbackRepository {
  readonly store = new DocumentStore<KnowledgeFeedbackState>('knowledge_feedback', (f) => ({
    unit_id: f.unitId,
    point_id: f.pointId ?? null,
    status: f.status,
    due_at: f.dueAt,
  }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<KnowledgeFeedbackState> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, f: KnowledgeFeedbackState): Promise<number> {
    return this.store.insert(tx, f);
  }

  update(tx: EntityManager, f: KnowledgeFeedbackState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, f, expectedVersion);
  }

  list(tx: EntityManager, where: Record<string, string>, page: { limit: number; afterId?: string }): Promise<Stored<KnowledgeFeedbackState>[]> {
    return this.store.findBy(tx, where, page);
  }

  /** Every feedback (optionally to one unit), for the §6 knowledge-base metrics. */
  async all(tx: EntityManager, unitId?: string): Promise<KnowledgeFeedbackState[]> {
    const rows: { data: unknown }[] = await tx.query(`SELECT data FROM knowledge_feedback WHERE ($1::text IS NULL OR unit_id = $1)`, [unitId ?? null]);
    return rows.map((r) => reviveDates<KnowledgeFeedbackState>(r.data));
  }
}

/** Outage notices as JSON documents; unit, jurisdiction, status and start projected. */
export class OutageNoticeRepository {
  readonly store = new DocumentStore<OutageNoticeState>('outage_notice', (n) => ({
    unit_id: n.unitId,
    jurisdiction_id: n.jurisdictionId,
    status: n.status,
    started_at: n.startedAt,
  }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<OutageNoticeState> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, n: OutageNoticeState): Promise<number> {
    return this.store.insert(tx, n);
  }

  update(tx: EntityManager, n: OutageNoticeState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, n, expectedVersion);
  }

  /** Notices not yet recovered (of one unit, when given), latest start first. */
  async active(tx: EntityManager, unitId?: string): Promise<Stored<OutageNoticeState>[]> {
    const rows: { data: unknown; version: number }[] = await tx.query(
      `SELECT data, version FROM outage_notice WHERE status <> 'RECOVERED'${unitId ? ' AND unit_id = $1' : ''} ORDER BY started_at DESC, id LIMIT 200`,
      unitId ? [unitId] : [],
    );
    return rows.map((r) => ({ doc: reviveDates<OutageNoticeState>(r.data), version: r.version }));
  }

  /** A page of notices whose projected columns equal `where` (unit_id, status), oldest first. */
  list(tx: EntityManager, where: Record<string, string>, page: { limit: number; afterId?: string }): Promise<Stored<OutageNoticeState>[]> {
    return this.store.findBy(tx, where, page);
  }
}

import type { EntityManager } from 'typeorm';
import { ReliefRuleBook, type HighRiskListEntry, type KeyOperationList, type ReliefRule, type RulePublicationState } from '@one-window/tax/domain';
import { DocumentStore, type Stored } from '@one-window/shared/persistence';

/** Who published a version and when; `publicationId` is null for the seeded versions (the shipped data). */
export interface PublishedBy {
  readonly publishedAt: Date;
  readonly publishedBy: string;
  readonly publicationId: string | null;
  /** The admin who proposed it (the approving admin is `publishedBy`). */
  readonly proposedBy?: string;
}

export type StoredReliefRule = { readonly id: string; readonly rule: ReliefRule } & PublishedBy;
export type StoredKeyOperationList = { readonly id: string; readonly list: KeyOperationList } & PublishedBy;

/** The drafts and decisions of admin publications (four eyes). */
export class RulePublicationRepository {
  readonly store = new DocumentStore<RulePublicationState & { id: string }>('rule_publication', (p) => ({
    kind: p.content.kind,
    status: p.status,
    proposed_at: p.proposedAt,
  }));

  get(tx: EntityManager, publicationId: string, o: { lock?: boolean } = {}): Promise<Stored<RulePublicationState> | undefined> {
    return this.store.get(tx, publicationId, o);
  }

  insert(tx: EntityManager, p: RulePublicationState): Promise<number> {
    return this.store.insert(tx, { ...p, id: p.publicationId });
  }

  update(tx: EntityManager, p: RulePublicationState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, { ...p, id: p.publicationId }, expectedVersion);
  }

  /** Newest first, optionally of one status and kind. */
  async list(tx: EntityManager, o: { status?: string; kind?: string; limit?: number } = {}): Promise<Stored<RulePublicationState>[]> {
    const rows: { data: unknown; version: number }[] = await tx.query(
      `SELECT data, version FROM "rule_publication" WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR kind = $2) ORDER BY proposed_at DESC, id LIMIT $3`,
      [o.status ?? null, o.kind ?? null, Math.min(o.limit ?? 100, 500)],
    );
    return Promise.all(rows.map(async (r) => (await this.store.get(tx, (r.data as { publicationId: string }).publicationId)) as Stored<RulePublicationState>));
  }

  /**
   * Serialises the publications of one kind (an advisory lock for the transaction), so two approvals
   * cannot both pass the overlap or sequence checks against the same state.
   */
  async lockKind(tx: EntityManager, kind: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`tax.rule_publication:${kind}`]);
  }
}

/** Published relief-rule versions (E2), immutable: inserted, never updated. id = 'ruleId@version'. */
export class ReliefRuleVersionRepository {
  readonly store = new DocumentStore<StoredReliefRule>('relief_rule_version', (v) => ({ rule_id: v.rule.ruleId, published_at: v.publishedAt }));

  /** Every version, in publication order. */
  async all(tx: EntityManager): Promise<StoredReliefRule[]> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM "relief_rule_version" ORDER BY published_at, created_at, id`);
    return Promise.all(rows.map(async (r) => ((await this.store.get(tx, r.id)) as Stored<StoredReliefRule>).doc));
  }

  /** The rule book of every published version (each checked as it is added, in publication order). */
  async book(tx: EntityManager): Promise<ReliefRuleBook> {
    return ReliefRuleBook.of((await this.all(tx)).map((v) => v.rule));
  }

  async get(tx: EntityManager, ref: string): Promise<StoredReliefRule | undefined> {
    return (await this.store.get(tx, ref))?.doc;
  }

  insert(tx: EntityManager, v: StoredReliefRule): Promise<number> {
    return this.store.insert(tx, v);
  }
}

/** Published key-operation list versions (R8.3), immutable. id = the list's version label. */
export class KeyOperationListRepository {
  readonly store = new DocumentStore<StoredKeyOperationList>('key_operation_list', (v) => ({ effective_from: v.list.effectiveFrom, published_at: v.publishedAt }));

  /** Every version, oldest effectiveFrom first. */
  async all(tx: EntityManager): Promise<StoredKeyOperationList[]> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM "key_operation_list" ORDER BY effective_from, id`);
    return Promise.all(rows.map(async (r) => ((await this.store.get(tx, r.id)) as Stored<StoredKeyOperationList>).doc));
  }

  insert(tx: EntityManager, v: StoredKeyOperationList): Promise<number> {
    return this.store.insert(tx, v);
  }
}

/** High-risk list entries (R8.5) by `${list}:${taxpayerId}`. */
export class HighRiskListEntryRepository {
  readonly store = new DocumentStore<HighRiskListEntry>('high_risk_list_entry', (e) => ({ taxpayer_id: e.taxpayerId, list: e.list, active: e.active }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<HighRiskListEntry> | undefined> {
    return this.store.get(tx, id, o);
  }

  /** The entries with these ids that exist, locked for the transaction. */
  async getMany(tx: EntityManager, ids: readonly string[]): Promise<Map<string, Stored<HighRiskListEntry>>> {
    const found = new Map<string, Stored<HighRiskListEntry>>();
    for (const id of [...new Set(ids)].sort()) {
      const stored = await this.store.get(tx, id, { lock: true });
      if (stored) found.set(id, stored);
    }
    return found;
  }

  /** A taxpayer's entries (active only unless `all`). */
  async forTaxpayer(tx: EntityManager, taxpayerId: string, o: { all?: boolean } = {}): Promise<HighRiskListEntry[]> {
    return (await this.store.findBy(tx, { taxpayer_id: taxpayerId, ...(o.all ? {} : { active: true }) }, { limit: 100 })).map((s) => s.doc);
  }

  /** Active entries, optionally of one list, oldest first. */
  async active(tx: EntityManager, o: { list?: string; limit?: number; afterId?: string } = {}): Promise<HighRiskListEntry[]> {
    return (await this.store.findBy(tx, { active: true, ...(o.list ? { list: o.list } : {}) }, { limit: o.limit ?? 100, ...(o.afterId ? { afterId: o.afterId } : {}) })).map((s) => s.doc);
  }

  async save(tx: EntityManager, entry: HighRiskListEntry, expectedVersion?: number): Promise<number> {
    return expectedVersion === undefined ? this.store.insert(tx, entry) : this.store.update(tx, entry, expectedVersion);
  }
}

import type { EntityManager } from 'typeorm';
import type { NameRules } from '@one-window/business-registration/domain';
import { documentEntity, DocumentStore, type ColumnType, type DocumentIndex, type Stored } from '@one-window/shared/persistence';

/** One published version of the name self-check's reference data (名称自主申报): who published it and when. */
export interface NameRulesVersion {
  /** The rules' own `version`. */
  readonly id: string;
  readonly rules: NameRules;
  readonly publishedAt: Date;
  readonly publishedBy: string;
}

export const NAME_RULES_VERSION_COLUMNS = { published_at: 'timestamptz' } as const satisfies Record<string, ColumnType>;
export const NAME_RULES_VERSION_INDICES: DocumentIndex[] = [{ name: 'IDX_name_rules_version_published', columns: ['published_at'] }];
export const NameRulesVersionEntity = documentEntity('name_rules_version', NAME_RULES_VERSION_COLUMNS, NAME_RULES_VERSION_INDICES);

/** Versions are immutable: a new one is inserted, the newest is in force; none stored → the bundled default. */
export class NameRulesVersions {
  readonly store = new DocumentStore<NameRulesVersion>('name_rules_version', (v) => ({ published_at: v.publishedAt }));

  async current(tx: EntityManager): Promise<NameRulesVersion | undefined> {
    const rows: { data: unknown }[] = await tx.query(`SELECT data FROM "name_rules_version" ORDER BY published_at DESC, created_at DESC LIMIT 1`);
    return rows[0] ? (await this.store.get(tx, (rows[0].data as { id: string }).id))?.doc : undefined;
  }

  get(tx: EntityManager, version: string): Promise<Stored<NameRulesVersion> | undefined> {
    return this.store.get(tx, version);
  }

  /** Newest first, without the rule bodies. */
  async list(tx: EntityManager): Promise<{ version: string; publishedAt: string; publishedBy: string }[]> {
    return tx.query(
      `SELECT id AS version, data->>'publishedAt' AS "publishedAt", data->>'publishedBy' AS "publishedBy" FROM "name_rules_version" ORDER BY published_at DESC, created_at DESC`,
    );
  }

  insert(tx: EntityManager, v: NameRulesVersion): Promise<number> {
    return this.store.insert(tx, v);
  }
}

import type { EntityManager } from 'typeorm';
import type { MarketEntityFacts } from '@one-window/complaints/domain';

interface Row {
  uscc: string;
  name: string;
  entity_type: string;
  status: string;
  listed: number;
}

/**
 * The market-entity directory, written only by the consumer of business registration's events. Each
 * write applies an event at `at` (its time) and is skipped when a later event was applied already.
 */
export class MarketEntityDirectory {
  async get(tx: EntityManager, uscc: string): Promise<MarketEntityFacts | undefined> {
    const rows: Row[] = await tx.query(`SELECT uscc, name, entity_type, status, jsonb_array_length(abnormal_listing_ids) AS listed FROM "market_entity" WHERE uscc = $1`, [uscc]);
    const r = rows[0];
    return r ? { uscc: r.uscc, name: r.name, entityType: r.entity_type, status: r.status, abnormalListed: Number(r.listed) > 0 } : undefined;
  }

  /** A company registered: inserted ACTIVE (or refreshed, keeping any later state). */
  async registered(tx: EntityManager, e: { uscc: string; name: string; entityType: string; authorityCode: string; at: Date }): Promise<void> {
    await tx.query(
      `INSERT INTO "market_entity" (uscc, name, entity_type, status, authority_code, last_event_at) VALUES ($1, $2, $3, 'ACTIVE', $4, $5)
       ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name, entity_type = EXCLUDED.entity_type, authority_code = EXCLUDED.authority_code, last_event_at = EXCLUDED.last_event_at
       WHERE "market_entity".last_event_at <= EXCLUDED.last_event_at`,
      [e.uscc, e.name, e.entityType, e.authorityCode, e.at],
    );
  }

  /** Applies a later name or status to a known company; an unknown company, or an older event than the last applied, changes nothing. True when applied. */
  async apply(tx: EntityManager, uscc: string, at: Date, facts: { name?: string; status?: string }): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `UPDATE "market_entity" SET name = coalesce($3, name), status = coalesce($4, status), last_event_at = $2
        WHERE uscc = $1 AND last_event_at <= $2 RETURNING uscc`,
      [uscc, at, facts.name ?? null, facts.status ?? null],
    );
    return rows.length > 0;
  }

  /** An abnormal-list entry of a known company was listed (added once) or removed. */
  async abnormalEntry(tx: EntityManager, uscc: string, listingId: string, listed: boolean): Promise<void> {
    await tx.query(
      listed
        ? `UPDATE "market_entity" SET abnormal_listing_ids = abnormal_listing_ids || to_jsonb($2::text) WHERE uscc = $1 AND NOT abnormal_listing_ids ? $2`
        : `UPDATE "market_entity" SET abnormal_listing_ids = abnormal_listing_ids - $2 WHERE uscc = $1`,
      [uscc, listingId],
    );
  }
}

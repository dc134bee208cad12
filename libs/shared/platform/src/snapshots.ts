import type { EntityManager } from 'typeorm';

/**
 * Current state of one kind of aggregate, for integrators to bootstrap from before following the
 * stream. `read` runs inside the snapshot's REPEATABLE READ transaction, so the items and the stream
 * position come from one consistent view. Items must carry no personal data beyond what the
 * service's events carry.
 */
export interface SnapshotSource {
  /** URL segment, e.g. `companies` → GET /api/v1/<service>/snapshots/companies. */
  name: string;
  description: string;
  read(tx: EntityManager): Promise<unknown[]>;
}

export interface Snapshot {
  service: string;
  name: string;
  topic: string;
  takenAt: string;
  /**
   * Per partition, the next offset to read: every event before it is reflected in `items`.
   * Partitions absent from the map had no events yet (read them from the start). Point a consumer
   * group here with `npm run events:replay -- --group <g> --topic <topic> --from-position '<json>'`.
   */
  position: Record<string, string>;
  /**
   * Events committed with the state in `items` but not yet on the topic: they will arrive at or
   * after `position` and are already reflected, so apply events idempotently (dedupe on ce_id, or
   * upsert by aggregate id).
   */
  pendingEvents: number;
  items: unknown[];
}

export async function takeSnapshot(tx: EntityManager, service: string, topic: string, source: SnapshotSource): Promise<Snapshot> {
  const items = await source.read(tx);
  const rows: { partition: number; next: string }[] = await tx.query(
    `SELECT kafka_partition AS partition, (max(kafka_offset) + 1)::text AS next
       FROM messaging_outbox WHERE topic = $1 AND kafka_offset IS NOT NULL GROUP BY kafka_partition ORDER BY kafka_partition`,
    [topic],
  );
  const [{ pending }]: { pending: number }[] = await tx.query(`SELECT count(*)::int AS pending FROM messaging_outbox WHERE topic = $1 AND published_at IS NULL`, [topic]);
  return {
    service,
    name: source.name,
    topic,
    takenAt: new Date().toISOString(),
    position: Object.fromEntries(rows.map((r) => [String(r.partition), r.next])),
    pendingEvents: pending,
    items,
  };
}

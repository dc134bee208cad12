import type { DataSource } from 'typeorm';
import type { InboxConsumer, Outcome } from './inbox-consumer';

export interface DeadLetter {
  id: string;
  consumerGroup: string;
  topic: string;
  partition: number;
  offset: string;
  eventId: string | null;
  eventType: string | null;
  error: string;
  attempts: number;
  status: 'pending' | 'replayed' | 'discarded';
  createdAt: string;
  replayedAt: string | null;
}

interface Row {
  id: string;
  consumer_group: string;
  topic: string;
  partition: number;
  offset: string;
  event_id: string | null;
  event_type: string | null;
  message_key: string | null;
  headers: Record<string, string>;
  payload: string | null;
  error: string;
  attempts: number;
  status: DeadLetter['status'];
  created_at: Date;
  replayed_at: Date | null;
}

const toDeadLetter = (r: Row): DeadLetter => ({
  id: String(r.id),
  consumerGroup: r.consumer_group,
  topic: r.topic,
  partition: r.partition,
  offset: r.offset,
  eventId: r.event_id,
  eventType: r.event_type,
  error: r.error,
  attempts: r.attempts,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  replayedAt: r.replayed_at?.toISOString() ?? null,
});

/**
 * What operators see and do with dead letters: list them, and after a fix replay one or all
 * through the consumer's normal path (schema check, inbox, handler, retries). A replay that
 * fails again stays pending with the new error.
 */
export class DeadLetters {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consumers: InboxConsumer[],
  ) {}

  async list(filter: { status?: DeadLetter['status']; consumerGroup?: string; limit?: number } = {}): Promise<DeadLetter[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM messaging_dead_letter
        WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR consumer_group = $2)
        ORDER BY id LIMIT $3`,
      [filter.status ?? null, filter.consumerGroup ?? null, Math.min(filter.limit ?? 100, 1000)],
    );
    return rows.map(toDeadLetter);
  }

  async replay(id: string): Promise<{ id: string; outcome: Outcome | 'not-found' }> {
    const [row]: Row[] = await this.dataSource.query(`SELECT * FROM messaging_dead_letter WHERE id = $1 AND status = 'pending'`, [id]);
    if (!row) return { id, outcome: 'not-found' };
    const consumer = this.consumers.find((c) => c.groupId === row.consumer_group);
    if (!consumer) throw new Error(`no consumer ${row.consumer_group} in this process to replay dead letter ${id}`);
    const outcome = await consumer.process({
      topic: row.topic,
      partition: row.partition,
      message: { key: row.message_key ? Buffer.from(row.message_key) : null, value: row.payload === null ? null : Buffer.from(row.payload), headers: row.headers, offset: row.offset },
    });
    if (outcome !== 'dead-lettered') {
      await this.dataSource.query(`UPDATE messaging_dead_letter SET status = 'replayed', replayed_at = now() WHERE id = $1`, [id]);
    }
    return { id, outcome };
  }

  async replayAll(consumerGroup?: string): Promise<{ id: string; outcome: Outcome | 'not-found' }[]> {
    const pending = await this.list({ status: 'pending', consumerGroup, limit: 1000 });
    const results = [];
    for (const d of pending) results.push(await this.replay(d.id));
    return results;
  }
}

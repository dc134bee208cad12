import { Kafka, Partitioners, PartitionMetadata, Producer } from 'kafkajs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  producer: Producer;
  /**
   * With the client, the relay picks each event's partition itself (Kafka's default murmur2 on the
   * key, as the producer would) and records where every event landed (partition, offset), so that
   * snapshots can state the stream position they reflect. Without it, positions stay empty.
   */
  kafka?: Kafka;
  /** postgres:// URL for the LISTEN connection that wakes the relay as soon as an event commits. */
  listenUrl?: string;
  batchSize?: number;
  /** Poll interval when no notification arrives (safety net). */
  idlePollMs?: number;
  /** Called after Kafka acknowledged a batch and before it is marked sent (a test seam for crashes). */
  afterPublish?: (ids: string[]) => Promise<void>;
  onError?: (e: unknown) => void;
}

interface OutboxRow {
  sequence: string;
  id: string;
  topic: string;
  aggregate_id: string;
  headers: Record<string, string>;
  payload: string;
}

/**
 * Publishes committed outbox rows to Kafka, oldest first, and stamps them published.
 *
 * - Several relays may run at once: each batch is claimed with FOR UPDATE SKIP LOCKED, so a row
 *   is held by one relay at a time, and a published row is never selected again.
 * - Per-aggregate order: a claimed row is only published when every earlier unpublished row of
 *   its aggregate is in the same batch (published before it, in sequence order, on the same
 *   partition), so another relay cannot overtake a batch in flight, nor this one another's.
 * - At-least-once: a relay that dies after Kafka acknowledged but before the stamp commits leaves
 *   the rows unpublished; they are sent again, with the same CloudEvents id, and consumers' inbox
 *   makes the second delivery a no-op.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private listener?: Client;
  private wake?: () => void;
  /** Set by a notification that arrives while a batch is in flight, so it is not lost. */
  private notified = false;
  private readonly batchSize: number;
  private readonly idlePollMs: number;
  private readonly partitioner = Partitioners.DefaultPartitioner();
  private readonly partitionsByTopic = new Map<string, PartitionMetadata[]>();

  constructor(private readonly o: OutboxRelayOptions) {
    this.batchSize = o.batchSize ?? 500;
    this.idlePollMs = o.idlePollMs ?? 500;
  }

  /** Publishes one batch; returns how many rows it published (0 when nothing was pending, or all of it waits for rows another relay holds). */
  async publishBatch(): Promise<number> {
    const qr = this.o.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      // Claim the oldest pending rows no other relay holds, then keep only those with no EARLIER
      // pending row of their aggregate outside the claim (another relay holds it, so publishing
      // would overtake it). An earlier row inside the claim is published first in this batch, so a
      // hot aggregate can have many rows in one batch. Rows dropped stay pending for a later round.
      const rows: OutboxRow[] = await qr.query(
        `WITH claimed AS MATERIALIZED (
           SELECT o.sequence, o.id, o.topic, o.aggregate_id, o.headers, o.payload
             FROM messaging_outbox o
            WHERE o.published_at IS NULL
            ORDER BY o.sequence
            LIMIT $1
            FOR UPDATE SKIP LOCKED)
         SELECT c.sequence, c.id, c.topic, c.aggregate_id, c.headers, c.payload
           FROM claimed c
          WHERE NOT EXISTS (SELECT 1 FROM messaging_outbox p
                             WHERE p.aggregate_id = c.aggregate_id AND p.published_at IS NULL AND p.sequence < c.sequence
                               AND NOT EXISTS (SELECT 1 FROM claimed k WHERE k.sequence = p.sequence))
          ORDER BY c.sequence`,
        [this.batchSize],
      );
      if (rows.length === 0) {
        await qr.commitTransaction();
        return 0;
      }
      const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string>; partition?: number }[]>();
      const partitions: (number | undefined)[] = [];
      for (const r of rows) {
        const partition = await this.partitionFor(r.topic, r.aggregate_id);
        partitions.push(partition);
        const list = byTopic.get(r.topic) ?? [];
        list.push({ key: r.aggregate_id, value: r.payload, headers: r.headers, partition });
        byTopic.set(r.topic, list);
      }
      let metadata;
      try {
        metadata = await this.o.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
      } catch (e) {
        this.partitionsByTopic.clear(); // partitions may have changed; ask again next time
        throw e;
      }
      const ids = rows.map((r) => r.id);
      await this.o.afterPublish?.(ids);
      const positions = positionsOf(rows, partitions, metadata);
      await qr.query(
        `UPDATE messaging_outbox o SET published_at = now(), kafka_partition = v.p, kafka_offset = v.off
           FROM unnest($1::uuid[], $2::int[], $3::bigint[]) AS v(id, p, off) WHERE o.id = v.id`,
        [ids, positions.map((p) => p?.partition ?? null), positions.map((p) => p?.offset ?? null)],
      );
      await qr.commitTransaction();
      return rows.length;
    } catch (e) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await qr.release();
    }
  }

  private async partitionFor(topic: string, key: string): Promise<number | undefined> {
    if (!this.o.kafka) return undefined;
    let partitionMetadata = this.partitionsByTopic.get(topic);
    if (!partitionMetadata) {
      const admin = this.o.kafka.admin();
      await admin.connect();
      try {
        const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
        partitionMetadata = topics[0].partitions;
      } finally {
        await admin.disconnect();
      }
      this.partitionsByTopic.set(topic, partitionMetadata);
    }
    return this.partitioner({ topic, partitionMetadata, message: { key, value: null } });
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    if (this.o.listenUrl) {
      this.listener = new Client({ connectionString: this.o.listenUrl, application_name: 'outbox-relay-listen' });
      await this.listener.connect();
      this.listener.on('notification', () => {
        this.notified = true;
        this.wake?.();
      });
      this.listener.on('error', (e) => this.o.onError?.(e));
      await this.listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    }
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishBatch();
        failures = 0;
      } catch (e) {
        failures++;
        this.o.onError?.(e);
        await this.sleep(Math.min(100 * 2 ** failures, 10_000));
        continue;
      }
      if (published === 0) await this.sleep(this.idlePollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.notified || !this.running) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.notified = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

/** Offsets of each row: the messages of one partition in one batch are appended in order from its base offset. */
function positionsOf(
  rows: OutboxRow[],
  partitions: (number | undefined)[],
  metadata: { topicName: string; partition: number; baseOffset?: string }[],
): ({ partition: number; offset: string } | undefined)[] {
  const base = new Map(metadata.map((m) => [`${m.topicName}/${m.partition}`, BigInt(m.baseOffset ?? '-1')]));
  const next = new Map<string, bigint>();
  return rows.map((r, i) => {
    const partition = partitions[i];
    if (partition === undefined) return undefined;
    const key = `${r.topic}/${partition}`;
    const start = base.get(key);
    if (start === undefined || start < 0n) return undefined;
    const offset = next.get(key) ?? start;
    next.set(key, offset + 1n);
    return { partition, offset: offset.toString() };
  });
}

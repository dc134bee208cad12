import type { Kafka } from 'kafkajs';

/** Where a consumer group should (re)start reading a topic. */
export type RewindTarget =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  /** The first event at or after this instant, per partition (Kafka's time index). */
  | { kind: 'time'; at: Date }
  /** Explicit next offsets per partition, e.g. the `position` a snapshot endpoint returned. */
  | { kind: 'position'; offsets: Record<string, string> };

/**
 * Moves a consumer group's committed offsets on one topic, so its next run re-reads from there.
 * This is how an integrator replays the stream: from the start, from a time, or from the position
 * a snapshot reflects. Kafka only allows it while the group has no running members.
 * Returns the offsets now committed, by partition.
 */
export async function rewindConsumerGroup(kafka: Kafka, groupId: string, topic: string, target: RewindTarget): Promise<Record<string, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [group] = (await admin.describeGroups([groupId])).groups;
    if (group && group.members.length > 0) {
      throw new Error(`consumer group ${groupId} has ${group.members.length} running member(s); stop them before rewinding`);
    }
    const watermarks = await admin.fetchTopicOffsets(topic);
    let partitions: { partition: number; offset: string }[];
    switch (target.kind) {
      case 'earliest':
        partitions = watermarks.map((w) => ({ partition: w.partition, offset: w.low }));
        break;
      case 'latest':
        partitions = watermarks.map((w) => ({ partition: w.partition, offset: w.high }));
        break;
      case 'time': {
        const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, target.at.getTime());
        // -1: nothing at or after that time in the partition, so start after its last event.
        partitions = byTime.map((p) => ({ partition: p.partition, offset: p.offset === '-1' ? (watermarks.find((w) => w.partition === p.partition)?.high as string) : p.offset }));
        break;
      }
      case 'position':
        partitions = watermarks.map((w) => ({ partition: w.partition, offset: target.offsets[String(w.partition)] ?? w.low }));
        break;
    }
    await admin.setOffsets({ groupId, topic, partitions });
    return Object.fromEntries(partitions.map((p) => [String(p.partition), p.offset]));
  } finally {
    await admin.disconnect();
  }
}

import { Kafka } from 'kafkajs';
import { uniqueName, waitFor } from '@one-window/shared/testing';

/** Total messages ever written to a topic (sum of the partitions' high watermarks). */
export async function messagesOnTopic(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

export interface ReadMessage {
  partition: number;
  offset: string;
  key: string;
  headers: Record<string, string>;
  value: string;
}

/** Reads a topic from the beginning with a throwaway group until `count` messages arrived. */
export async function readTopic(kafka: Kafka, topic: string, count: number, timeoutMs = 30_000): Promise<ReadMessage[]> {
  const got: ReadMessage[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('reader', '.'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = v.toString();
      got.push({ partition, offset: message.offset, key: message.key?.toString() ?? '', headers, value: message.value?.toString() ?? '' });
    },
  });
  try {
    await waitFor(() => (got.length >= count ? true : undefined), timeoutMs);
    return got;
  } finally {
    await consumer.disconnect();
  }
}

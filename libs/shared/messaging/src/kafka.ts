import { Admin, Kafka, logLevel, LogEntry, Producer, ITopicConfig } from 'kafkajs';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Where kafkajs' own log lines go; default: warnings and errors as JSON on stderr. */
  log?: (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra: Record<string, unknown>) => void;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

export function createKafka(s: KafkaSettings): Kafka {
  const sink =
    s.log ??
    ((level, message, extra) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, context: 'kafka', msg: message, ...extra })}\n`));
  return new Kafka({
    clientId: s.clientId,
    brokers: s.brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 100, retries: 8 },
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        sink(LEVELS[level] ?? 'info', message, extra);
      },
  });
}

/** An idempotent producer (acks=all on every send, one request in flight so order holds). */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
}

export interface TopicSpec {
  topic: string;
  partitions?: number;
  retentionDays?: number;
}

/** Creates missing topics (and their `.dlq`) with the given partitions and retention; leaves existing ones. */
export async function ensureTopics(kafka: Kafka, specs: TopicSpec[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted: ITopicConfig[] = specs
      .flatMap((s) => [s, { ...s, topic: `${s.topic}.dlq` }])
      .filter((s) => !existing.has(s.topic))
      .map((s) => ({
        topic: s.topic,
        numPartitions: s.partitions ?? 3,
        configEntries: [{ name: 'retention.ms', value: String((s.retentionDays ?? 30) * 24 * 3600 * 1000) }],
      }));
    if (wanted.length) {
      try {
        // kafkajs waits for leaders by default and gives up on the first UNKNOWN_TOPIC_OR_PARTITION; our wait below does not.
        await admin.createTopics({ topics: wanted, waitForLeaders: false });
      } catch (e) {
        // Another instance may have created them in between: fine, the wait below decides.
        if (!isTopicExistsError(e)) throw e;
      }
      await waitForLeaders(admin, wanted.map((w) => w.topic));
    }
  } finally {
    await admin.disconnect();
  }
}

function isTopicExistsError(e: unknown): boolean {
  const err = e as { type?: string; errors?: { type?: string }[] } | undefined;
  const errors = err?.errors ?? [];
  return err?.type === 'TOPIC_ALREADY_EXISTS' || (errors.length > 0 && errors.every((x) => x.type === 'TOPIC_ALREADY_EXISTS'));
}

/**
 * Waits until every partition of the topics has a leader. A KRaft broker answers CreateTopics before its
 * metadata cache knows the topic, so a metadata request right after may fail with
 * UNKNOWN_TOPIC_OR_PARTITION or LEADER_NOT_AVAILABLE; kafkajs' own `waitForLeaders` retries only the
 * latter. Here every such answer means "not yet", until the deadline.
 */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (let delay = 50; ; delay = Math.min(delay * 2, 1_000)) {
    try {
      const { topics: meta } = await admin.fetchTopicMetadata({ topics });
      const ready = topics.every((t) => {
        const m = meta.find((x) => x.name === t);
        return m !== undefined && m.partitions.length > 0 && m.partitions.every((p) => p.leader >= 0);
      });
      if (ready) return;
      last = new Error(`topics without leaders yet: ${topics.join(', ')}`);
    } catch (e) {
      last = e;
    }
    if (Date.now() + delay > deadline) throw new Error(`topics not ready after ${timeoutMs} ms (${topics.join(', ')}): ${String((last as Error)?.message ?? last)}`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

/** Readiness probe: the broker answers a metadata request. */
export async function brokerAnswers(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('no brokers in cluster metadata');
  } finally {
    await admin.disconnect();
  }
}

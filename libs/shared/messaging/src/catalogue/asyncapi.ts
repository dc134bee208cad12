import type { EventDefinition, JsonSchema } from './event-definition';
import { deadLetterTopic } from './event-definition';

/**
 * Generates the AsyncAPI 3 document of the event stream from the event definitions (never written
 * by hand): one channel per service topic with its messages, a `send` operation per channel (the
 * services publish; integrators read with their own consumer groups), the CloudEvents binary-mode
 * headers, the Kafka key, JSON Schemas and examples.
 */
export interface PublishingService {
  /** The service (app) name, e.g. `business-registration`. */
  service: string;
  topic: string;
  description?: string;
  events: EventDefinition[];
}

export interface AsyncApiOptions {
  title: string;
  version: string;
  description?: string;
  /** Kafka bootstrap server(s) shown in the document, e.g. `127.0.0.1:9092`. */
  servers: Record<string, { host: string; description?: string }>;
  partitions?: number;
  retentionDays?: number;
}

type Doc = Record<string, unknown>;

const camel = (s: string) => s.replace(/[._-]([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const messageId = (e: EventDefinition) => camel(e.type);

/** The ce_* headers every message carries (CloudEvents 1.0 Kafka protocol binding, binary mode). */
export const CLOUDEVENTS_HEADERS_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['ce_id', 'ce_source', 'ce_type', 'ce_specversion', 'ce_time', 'ce_subject', 'content-type'],
  properties: {
    ce_id: { type: 'string', description: 'Event id; with ce_source unique. Consumers deduplicate on it.' },
    ce_source: { type: 'string', description: 'The publishing service, e.g. /one-window/business-registration' },
    ce_type: { type: 'string', description: '<service>.<aggregate>.<past-tense-verb>.v<major>' },
    ce_specversion: { type: 'string', const: '1.0' },
    ce_time: { type: 'string', format: 'date-time' },
    ce_subject: { type: 'string', description: 'The aggregate id (also the message key)' },
    ce_dataschema: { type: 'string', format: 'uri', description: 'The JSON Schema of the data, by type and version' },
    ce_correlationid: { type: 'string', description: 'The request or conversation this event belongs to' },
    ce_causationid: { type: 'string', description: 'The event or command that caused this one' },
    'content-type': { type: 'string', const: 'application/json' },
  },
};

export function buildAsyncApi(services: PublishingService[], o: AsyncApiOptions): Doc {
  const channels: Doc = {};
  const operations: Doc = {};
  const messages: Doc = {};
  const retentionMs = String((o.retentionDays ?? 30) * 24 * 3600 * 1000);

  for (const s of services) {
    const channelId = camel(s.topic);
    const channelMessages: Doc = {};
    for (const e of s.events) {
      if (e.topic !== s.topic) throw new Error(`${e.type} is published to ${e.topic}, not ${s.service}'s topic ${s.topic}`);
      const id = messageId(e);
      if (id in messages) throw new Error(`event type ${e.type} defined twice`);
      messages[id] = {
        name: e.type,
        title: e.name,
        summary: e.summary,
        contentType: 'application/json',
        headers: CLOUDEVENTS_HEADERS_SCHEMA,
        payload: { ...e.schema, $id: e.dataschema },
        examples: [{ name: 'example', headers: exampleHeaders(e, s.service), payload: e.example }],
        bindings: { kafka: { key: { type: 'string', description: `${e.aggregate} id (per-aggregate ordering)` }, bindingVersion: '0.5.0' } },
        'x-event-version': e.version,
      };
      channelMessages[id] = { $ref: `#/components/messages/${id}` };
    }
    channels[channelId] = {
      address: s.topic,
      title: `${s.service} events`,
      description: `${s.description ?? s.service}. Dead letters of its consumers: \`${deadLetterTopic(s.topic)}\`.`,
      messages: channelMessages,
      bindings: {
        kafka: { topic: s.topic, partitions: o.partitions ?? 3, topicConfiguration: { 'retention.ms': Number(retentionMs), 'cleanup.policy': ['delete'] }, bindingVersion: '0.5.0' },
      },
    };
    operations[`publish${channelId[0].toUpperCase()}${channelId.slice(1)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelId}` },
      title: `${s.service} publishes`,
      summary: `Events ${s.service} publishes, through its transactional outbox, ordered per aggregate.`,
      messages: Object.keys(channelMessages).map((id) => ({ $ref: `#/channels/${channelId}/messages/${id}` })),
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: o.title,
      version: o.version,
      description: o.description,
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    defaultContentType: 'application/json',
    servers: Object.fromEntries(Object.entries(o.servers).map(([name, sv]) => [name, { host: sv.host, protocol: 'kafka', description: sv.description }])),
    channels,
    operations,
    components: { messages },
  };
}

function exampleHeaders(e: EventDefinition, service: string): Record<string, string> {
  return {
    ce_id: '6f1c2b1e-8a9e-4d52-9a58-0a3c8f3e2b11',
    ce_source: `/one-window/${service}`,
    ce_type: e.type,
    ce_specversion: '1.0',
    ce_time: '2026-11-23T10:00:00.000Z',
    ce_subject: 'aggregate-id',
    ce_dataschema: e.dataschema,
    ce_correlationid: '6f1c2b1e-8a9e-4d52-9a58-0a3c8f3e2b11',
    'content-type': 'application/json',
  };
}

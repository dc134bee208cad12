import { randomUUID } from 'node:crypto';
import type { EventDefinition } from './catalogue/event-definition';

/**
 * CloudEvents 1.0 envelope, carried in Kafka binary content mode: the attributes travel as
 * `ce_<name>` headers, `content-type` as a header, the data as the message value, and the
 * aggregate id as the message key (so one aggregate's events keep their order on one partition).
 */
export interface CloudEvent<T = unknown> {
  id: string;
  source: string;
  type: string;
  specversion: '1.0';
  time: string;
  subject: string;
  dataschema: string;
  datacontenttype: 'application/json';
  correlationid?: string;
  causationid?: string;
  data: T;
}

export interface KafkaRecord {
  key: string;
  value: Buffer | string;
  headers: Record<string, string>;
}

const ATTRIBUTES = ['id', 'source', 'type', 'specversion', 'time', 'subject', 'dataschema', 'correlationid', 'causationid'] as const;

export interface NewEvent<T> {
  /** Aggregate id: the Kafka key and the CloudEvents `subject`. */
  aggregateId: string;
  data: T;
  /** The request or event this one belongs to; defaults to the event id (a new conversation). */
  correlationId?: string;
  /** The event or command that caused this one. */
  causationId?: string;
  id?: string;
  time?: Date;
}

export function buildEvent<T>(def: EventDefinition<T>, source: string, e: NewEvent<T>): CloudEvent<T> {
  const id = e.id ?? randomUUID();
  return {
    id,
    source,
    type: def.type,
    specversion: '1.0',
    time: (e.time ?? new Date()).toISOString(),
    subject: e.aggregateId,
    dataschema: def.dataschema,
    datacontenttype: 'application/json',
    correlationid: e.correlationId ?? id,
    ...(e.causationId ? { causationid: e.causationId } : {}),
    data: e.data,
  };
}

export function toKafkaRecord(event: CloudEvent): KafkaRecord {
  const headers: Record<string, string> = { 'content-type': event.datacontenttype };
  for (const a of ATTRIBUTES) {
    const v = event[a];
    if (v !== undefined) headers[`ce_${a}`] = String(v);
  }
  return { key: event.subject, value: JSON.stringify(event.data), headers };
}

export class MalformedEnvelopeError extends Error {
  readonly code = 'messaging.malformed_envelope';
}

/** Reads a binary-mode record back into a CloudEvent; throws MalformedEnvelopeError when it is not one. */
export function fromKafkaRecord(headers: Record<string, Buffer | string | (Buffer | string)[] | undefined>, value: Buffer | null): CloudEvent {
  const h = (name: string): string | undefined => {
    const v = headers[name];
    const one = Array.isArray(v) ? v[0] : v;
    return one === undefined ? undefined : one.toString();
  };
  const missing = ['id', 'source', 'type', 'specversion'].filter((a) => !h(`ce_${a}`));
  if (missing.length) throw new MalformedEnvelopeError(`missing CloudEvents headers: ${missing.map((m) => `ce_${m}`).join(', ')}`);
  if (h('ce_specversion') !== '1.0') throw new MalformedEnvelopeError(`unsupported specversion ${h('ce_specversion')}`);
  let data: unknown;
  try {
    data = value === null ? null : JSON.parse(value.toString('utf8'));
  } catch {
    throw new MalformedEnvelopeError('message value is not JSON');
  }
  return {
    id: h('ce_id') as string,
    source: h('ce_source') as string,
    type: h('ce_type') as string,
    specversion: '1.0',
    time: h('ce_time') ?? '',
    subject: h('ce_subject') ?? '',
    dataschema: h('ce_dataschema') ?? '',
    datacontenttype: 'application/json',
    correlationid: h('ce_correlationid'),
    causationid: h('ce_causationid'),
    data,
  };
}

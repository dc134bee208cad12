/**
 * Schemas are JSON Schema (draft-07) and should allow additional properties: an additive change
 * (a new optional field) keeps the version, and consumers on the old schema must still accept it.
 *
 * The event catalogue: every event a service publishes is declared once with `defineEvent`,
 * giving its name (`<service>.<aggregate>.<past-tense-verb>`), major version, topic, JSON Schema
 * and an example. The CloudEvents `type` is `<name>.v<version>`; a breaking change is a new
 * definition with the next version, published side by side for a transition period.
 * The AsyncAPI document and the consumers' validation are generated from these definitions.
 */
export type JsonSchema = Record<string, unknown>;

export interface EventDefinition<T = unknown> {
  /** `<service>.<aggregate>.<past-tense-verb>`, e.g. `registration.company.registered`. */
  readonly name: string;
  readonly version: number;
  /** CloudEvents `type`: `<name>.v<version>`. */
  readonly type: string;
  /** The service topic, e.g. `registration.events`. */
  readonly topic: string;
  /** The aggregate whose id is the message key (per-aggregate ordering). */
  readonly aggregate: string;
  readonly summary: string;
  readonly schema: JsonSchema;
  readonly example: T;
  /** CloudEvents `dataschema`: where the published schema of this type/version lives. */
  readonly dataschema: string;
}

export const SCHEMA_BASE_URI = 'https://one-window.gov.cn/schemas/events';
/** `<service>.<aggregate>.<past-tense-verb>`, each segment lower case, multi-word segments in snake_case. */
const NAME = /^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$/;

export function defineEvent<T>(d: {
  name: string;
  version: number;
  topic: string;
  summary: string;
  schema: JsonSchema;
  example: T;
}): EventDefinition<T> {
  if (!NAME.test(d.name)) throw new Error(`event name "${d.name}" is not <service>.<aggregate>.<past-tense-verb>`);
  if (!Number.isInteger(d.version) || d.version < 1) throw new Error(`event ${d.name}: version must be a positive integer`);
  const [, aggregate] = d.name.split('.');
  return Object.freeze({
    ...d,
    aggregate,
    type: `${d.name}.v${d.version}`,
    dataschema: `${SCHEMA_BASE_URI}/${d.name}/v${d.version}.json`,
  });
}

/** A service's topic: `<service>.events`, its dead letters at `<topic>.dlq`. */
export function serviceTopic(service: string): string {
  return `${service}.events`;
}

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

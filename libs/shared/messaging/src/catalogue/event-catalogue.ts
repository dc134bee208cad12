import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { EventDefinition } from './event-definition';

/** The set of event definitions a process knows, with compiled schema validators. */
export class EventCatalogue {
  private readonly byType = new Map<string, { def: EventDefinition; validate: ValidateFunction }>();
  private readonly ajv = addFormats(new Ajv({ allErrors: true, strict: true }));

  constructor(definitions: EventDefinition[] = []) {
    definitions.forEach((d) => this.add(d));
  }

  add(def: EventDefinition): this {
    if (this.byType.has(def.type)) throw new Error(`event type ${def.type} defined twice`);
    const validate = this.ajv.compile(def.schema);
    if (!validate(def.example)) {
      throw new Error(`event ${def.type}: its example does not match its schema: ${this.ajv.errorsText(validate.errors)}`);
    }
    this.byType.set(def.type, { def, validate });
    return this;
  }

  get(type: string): EventDefinition | undefined {
    return this.byType.get(type)?.def;
  }

  all(): EventDefinition[] {
    return [...this.byType.values()].map((e) => e.def);
  }

  /** Validates `data` against the schema of `type`; returns error messages (empty when valid). */
  validate(type: string, data: unknown): string[] {
    const entry = this.byType.get(type);
    if (!entry) return [`unknown event type ${type}`];
    if (entry.validate(data)) return [];
    return (entry.validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  }
}

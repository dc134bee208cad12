/**
 * A domain event to publish: plain data, no envelope. `type` is the catalogue name without the
 * version (`tax.taxpayer.registered`); `aggregateId` becomes the Kafka key. The app appends it to
 * the outbox in the same transaction as the new state.
 */
export interface TaxEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly aggregateId: string;
  readonly occurredAt: Date;
  readonly data: TData;
}

/** What every command returns: the new aggregate (the old one is untouched) and its events. */
export interface TaxOutcome<T> {
  readonly aggregate: T;
  readonly events: readonly TaxEvent[];
}

export function taxEvent<TType extends string, TData>(type: TType, aggregateId: string, occurredAt: Date, data: TData): TaxEvent<TType, TData> {
  return { type, aggregateId, occurredAt: new Date(occurredAt.getTime()), data };
}

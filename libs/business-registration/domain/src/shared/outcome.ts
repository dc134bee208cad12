/**
 * A domain event to publish: plain data, no envelope. `type` is the catalogue name without the
 * version (`registration.company.registered`); `aggregateId` is the Kafka key (the USCC once
 * assigned, else the aggregate's id). The app appends it to the outbox in the same transaction
 * as the new state.
 */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly aggregateId: string;
  readonly occurredAt: Date;
  readonly data: TData;
}

/** What every command returns: the new aggregate (the old one is untouched) and its events. */
export interface Outcome<T> {
  readonly aggregate: T;
  readonly events: readonly DomainEvent[];
}

export function event<TType extends string, TData>(
  type: TType,
  aggregateId: string,
  occurredAt: Date,
  data: TData,
): DomainEvent<TType, TData> {
  return { type, aggregateId, occurredAt: new Date(occurredAt.getTime()), data };
}

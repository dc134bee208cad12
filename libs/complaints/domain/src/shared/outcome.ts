/**
 * A domain event to publish: plain data, no envelope (the app wraps it as a CloudEvent, §8).
 * `type` is the catalogue name (`complaints.ticket.dispatched`); `aggregateId` is the CloudEvent
 * `subject`; `partitionKey` is the Kafka key (the submission id for submission and ticket events,
 * so that one contact stays ordered, §8). The app appends it to the outbox in the same
 * transaction as the new state.
 */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly aggregateId: string;
  readonly partitionKey: string;
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
  partitionKey: string,
  occurredAt: Date,
  data: TData,
): DomainEvent<TType, TData> {
  return { type, aggregateId, partitionKey, occurredAt: new Date(occurredAt.getTime()), data };
}

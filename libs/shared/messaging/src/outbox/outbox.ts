import type { EntityManager } from 'typeorm';
import type { EventDefinition } from '../catalogue/event-definition';
import { buildEvent, CloudEvent, NewEvent, toKafkaRecord } from '../envelope';

export const OUTBOX_CHANNEL = 'messaging_outbox';

/**
 * Writes events into the service's outbox table inside the caller's transaction, so the state
 * change and its event commit together or not at all:
 *
 *   await dataSource.transaction(async (tx) => {
 *     await tx.save(company);
 *     await outbox.append(tx, CompanyRegistered, { aggregateId: company.id, data });
 *   });
 */
export class Outbox {
  /**
   * @param source CloudEvents `source` of this service, e.g. `/one-window/business-registration`.
   * @param o.topicPrefix prepended to every contract's topic (KAFKA_TOPIC_PREFIX: several
   *   environments or test runs sharing one cluster); empty by default.
   */
  constructor(
    readonly source: string,
    private readonly o: { topicPrefix?: string } = {},
  ) {}

  async append<T>(tx: EntityManager, def: EventDefinition<T>, e: NewEvent<T>): Promise<CloudEvent<T>> {
    if (!tx.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.append must run inside a transaction (dataSource.transaction(tx => ...))');
    }
    const event = buildEvent(def, this.source, e);
    const record = toKafkaRecord(event);
    await tx.query(
      `INSERT INTO messaging_outbox (id, topic, aggregate_id, type, headers, payload) VALUES ($1, $2, $3, $4, $5, $6)`,
      [event.id, `${this.o.topicPrefix ?? ''}${def.topic}`, record.key, event.type, JSON.stringify(record.headers), record.value],
    );
    // Wakes the relay when the transaction commits (notifications are delivered on commit only).
    await tx.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
    return event;
  }
}

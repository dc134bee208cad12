import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ApplicationAccepted,
  ApplicationExtended,
  ApplicationNotAccepted,
  ApplicationOverdue,
  ApplicationRefused,
  ApplicationResubmitted,
  ApplicationReturned,
  ApplicationSubmitted,
  ApplicationSupplementRequested,
  ApplicationWithdrawn,
} from '@one-window/business-registration/contracts';
import type { DomainEvent } from '@one-window/business-registration/domain';
import { Outbox, type EventDefinition } from '@one-window/shared/messaging';

/** Domain event type → published contract. The domain's `rejected` is published as refused, not_accepted or returned by its outcome. */
const CONTRACTS: Record<string, EventDefinition<unknown>> = {
  'registration.application.submitted': ApplicationSubmitted,
  'registration.application.accepted': ApplicationAccepted,
  'registration.application.supplement_requested': ApplicationSupplementRequested,
  'registration.application.resubmitted': ApplicationResubmitted,
  'registration.application.overdue': ApplicationOverdue,
  'registration.application.withdrawn': ApplicationWithdrawn,
  'registration.application.extended': ApplicationExtended,
};

const REJECTIONS: Record<string, EventDefinition<unknown>> = {
  REFUSED: ApplicationRefused,
  NOT_ACCEPTED: ApplicationNotAccepted,
  RETURNED: ApplicationReturned,
};

function contractOf(e: DomainEvent): EventDefinition<unknown> | undefined {
  if (e.type === 'registration.application.rejected') {
    return REJECTIONS[(e.data as { outcome?: string }).outcome ?? ''];
  }
  return CONTRACTS[e.type];
}

/**
 * Appends the application events that have a published contract to the outbox, in the caller's
 * transaction, keyed by the application id. Events without a contract (lapsed, permit notices)
 * are not published yet; `registration.company.registered`
 * goes out with the company (see RegisterCompany).
 */
@Injectable()
export class ApplicationEvents {
  constructor(private readonly outbox: Outbox) {}

  async publish(tx: EntityManager, events: readonly DomainEvent[]): Promise<void> {
    for (const e of events) {
      const def = contractOf(e);
      if (def) await this.outbox.append(tx, def, { aggregateId: e.aggregateId, data: e.data, time: e.occurredAt });
    }
  }
}

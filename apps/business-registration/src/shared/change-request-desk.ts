import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChangeRequest, type Outcome } from '@one-window/business-registration/domain';
import { ChangeRequestRepository, type ChangeRequestRecord, type RequestedChange } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';
import { ApplicationEvents } from './application-events';
import { NotFoundError } from './errors';

/** The durable timer at a change request's review due time (3 WD from filing, moved by the supplement round). */
export const CHANGE_REQUEST_OVERDUE_TIMER = 'registration.change_request.review_overdue';
/** The durable timer at the end of the supplement period (the request lapses unanswered). */
export const CHANGE_REQUEST_LAPSE_TIMER = 'registration.change_request.supplement_lapse';

/** A change request loaded for a command: the aggregate and the version it was read at. */
export interface LoadedChangeRequest {
  readonly request: ChangeRequest<RequestedChange>;
  readonly version: number;
}

/**
 * Loads change requests for a command (locked; 404 for whoever may not act on it: officers only of
 * the company's registration authority, applicants only their own company's), saves them with their
 * events (the application events with kind CHANGE) and keeps their two timers in line with the
 * state: the review-overdue timer while the review clock runs, the lapse timer while a supplement
 * notice waits.
 */
@Injectable()
export class ChangeRequestDesk {
  constructor(
    private readonly requests: ChangeRequestRepository,
    private readonly events: ApplicationEvents,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
  ) {}

  forOfficer(tx: EntityManager, id: string, who: Principal): Promise<LoadedChangeRequest> {
    return this.load(tx, id, (r) => who.roles.includes('officer') && who.agencyId !== undefined && r.authorityCode === who.agencyId);
  }

  /** For the applicant who filed it, under the company's path. */
  forApplicant(tx: EntityManager, uscc: string, id: string, who: Principal): Promise<LoadedChangeRequest> {
    return this.load(tx, id, (r) => r.uscc === uscc && who.roles.includes('applicant') && r.ownerId === who.subject);
  }

  /** Without a caller (timers): locked; undefined when there is no such request. */
  async find(tx: EntityManager, id: string): Promise<LoadedChangeRequest | undefined> {
    const stored = await this.requests.get(tx, id, { lock: true });
    return stored ? { request: ChangeRequest.restore(stored.doc), version: stored.version } : undefined;
  }

  /** A newly queued request: stored, `application.submitted` in the outbox, the review timer set. */
  async insert(tx: EntityManager, outcome: Outcome<ChangeRequest<RequestedChange>>): Promise<ChangeRequestRecord> {
    const state = outcome.aggregate.state;
    await this.requests.insert(tx, state);
    await this.events.publish(tx, outcome.events);
    await this.syncTimers(tx, outcome.aggregate);
    return state;
  }

  /** Writes the new state (optimistic lock), appends its events and moves or cancels its timers. */
  async save(tx: EntityManager, loaded: LoadedChangeRequest, outcome: Outcome<ChangeRequest<RequestedChange>>, o: { syncTimers?: boolean } = {}): Promise<ChangeRequestRecord> {
    const state = outcome.aggregate.state;
    await this.requests.update(tx, state, loaded.version);
    await this.events.publish(tx, outcome.events);
    if (o.syncTimers !== false) await this.syncTimers(tx, outcome.aggregate);
    return state;
  }

  private async syncTimers(tx: EntityManager, request: ChangeRequest<RequestedChange>): Promise<void> {
    const { id, status, supplement, overdueNotifiedAt } = request.state;
    const deadline = request.reviewDeadline(this.calendar);
    if (deadline && request.isReviewClockRunning(this.calendar) && !overdueNotifiedAt) {
      await this.timers.schedule(tx, { kind: CHANGE_REQUEST_OVERDUE_TIMER, key: id, dueAt: deadline.dueAt });
    } else {
      await this.timers.cancel(tx, CHANGE_REQUEST_OVERDUE_TIMER, id);
    }
    if (status === 'SUPPLEMENT_REQUESTED' && supplement) await this.timers.schedule(tx, { kind: CHANGE_REQUEST_LAPSE_TIMER, key: id, dueAt: supplement.respondBy });
    else await this.timers.cancel(tx, CHANGE_REQUEST_LAPSE_TIMER, id);
  }

  private async load(tx: EntityManager, id: string, visible: (r: ChangeRequestRecord) => boolean): Promise<LoadedChangeRequest> {
    const stored = await this.requests.get(tx, id, { lock: true });
    if (!stored || !visible(stored.doc)) throw new NotFoundError('Change request', id);
    return { request: ChangeRequest.restore(stored.doc), version: stored.version };
  }
}

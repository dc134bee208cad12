import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hotlineScope, inHotlineScope, Ticket, type HotlineScope, type Outcome, type TicketState, type TimeLimitTable } from '@one-window/complaints/domain';
import {
  CallerRepository,
  COMPLAINTS_REFERENCE_DATA,
  limitsFor,
  SubmissionRepository,
  TicketRepository,
  type ComplaintsReferenceData,
} from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { assertIfMatch } from '@one-window/shared/http';
import type { Stored } from '@one-window/shared/persistence';
import { accountKey, provenCallerKey } from './caller-keys';
import { ComplaintsEvents } from './complaints-events';
import { NotFoundError } from './errors';
import type { SubmissionRecord } from './submission-record';
import { TicketClocks } from './ticket-clocks';
import { ticketView, type Perspective, type TicketView } from './ticket-view';

/** What a ticket command gets besides the ticket: the instant, the calendar, the jurisdiction's limits, who acts. */
export interface CommandContext {
  readonly at: Date;
  readonly calendar: WorkingCalendar;
  readonly limits: TimeLimitTable;
  readonly who: Principal;
  readonly tx: EntityManager;
}

export type VersionedTicketView = TicketView & { version: number };

/**
 * The district a hotline agent is bound to (claim `district`): a district hotline body
 * (区热线工作机构, spec §1); undefined for the city centre and for every other role.
 */
export function districtOf(who: Principal): string | undefined {
  return who.roles.includes('hotline-agent') ? who.district : undefined;
}

/** The hotline scope of `who`: the city centre, or its district (spec §1; the rule is the domain's). */
export function hotlineScopeOf(who: Principal): HotlineScope {
  return hotlineScope(districtOf(who));
}

/**
 * Which perspective `who` has on a ticket, or undefined when it may not see it at all (404):
 * the hotline centre every ticket ('agent'); a district hotline body the tickets of its district
 * only ('district': what it may do there is each command's `allowed` list, after the ticket state
 * machine's actors: dispatch and audit); supervisors and admins every ticket (oversight); an officer
 * the tickets of its own unit (`agency_id` = unit id), or as a guidance body / co-handler of it; an
 * applicant only the tickets of its own submissions (same account, 002 L1495).
 * `ticketListScope` is the same rule for list queries.
 */
export function perspectiveOf(who: Principal, s: TicketState): Perspective | undefined {
  if (who.roles.includes('hotline-agent')) {
    const scope = hotlineScopeOf(who);
    if (scope.level === 'centre') return 'agent';
    if (inHotlineScope(scope, s.area)) return 'district';
  }
  if (who.roles.includes('supervisor') || who.roles.includes('admin')) return 'oversight';
  if (who.roles.includes('officer') && who.agencyId) {
    if (s.unitId === who.agencyId) return 'unit';
    if (s.coordination?.guidance.some((g) => g.guidanceBodyId === who.agencyId) || s.coHandlers.some((c) => c.unitId === who.agencyId)) return 'guidance';
  }
  if (who.roles.includes('applicant') && s.callerKey === accountKey(who.subject)) return 'caller';
  if (provenCallerKey(who) === s.callerKey) return 'caller';
  return undefined;
}

/**
 * `perspectiveOf` for list queries: the projected ticket columns (TicketRepository) a listed ticket
 * of `who` must equal. The centre, supervisors and admins every ticket (optionally one unit); a
 * district hotline body its district's (optionally one unit); an officer its own unit's; anyone
 * else (an applicant) its own tickets.
 */
export function ticketListScope(who: Principal, unitId: string | undefined): Record<string, string> {
  const unit: Record<string, string> = unitId ? { unit_id: unitId } : {};
  const district = districtOf(who);
  if (district) return { district, ...unit };
  if (['hotline-agent', 'supervisor', 'admin'].some((r) => who.roles.includes(r as Principal['roles'][number]))) return unit;
  if (who.roles.includes('officer')) return { unit_id: who.agencyId ?? '\u0000no-agency' };
  return { caller_key: accountKey(who.subject) };
}

/**
 * Loads tickets for reads and commands, scoped to the caller's perspective, and saves a command's
 * outcome in one transaction: the new state (optimistic version, `If-Match`), its events in the
 * outbox (same transaction), and the ticket's durable timers re-planned from its clocks.
 */
@Injectable()
export class TicketDesk {
  constructor(
    private readonly ds: DataSource,
    private readonly tickets: TicketRepository,
    private readonly submissions: SubmissionRepository,
    private readonly callers: CallerRepository,
    private readonly events: ComplaintsEvents,
    private readonly clocks: TicketClocks,
    private readonly calendar: WorkingCalendar,
    @Inject(COMPLAINTS_REFERENCE_DATA) private readonly reference: ComplaintsReferenceData,
  ) {}

  limitsFor(jurisdictionId: string): TimeLimitTable {
    return limitsFor(this.reference, jurisdictionId);
  }

  async read(id: string, who: Principal): Promise<VersionedTicketView> {
    const tx = this.ds.manager;
    const stored = await this.tickets.get(tx, id);
    const perspective = stored ? perspectiveOf(who, stored.doc) : undefined;
    if (!stored || !perspective) throw new NotFoundError('Ticket', id);
    return this.view(tx, Ticket.restore(stored.doc), stored.version, perspective, new Date());
  }

  /**
   * Runs `command` on ticket `id` for `who`, allowed from the given perspectives only (others: 404),
   * checked against `If-Match` when sent (stale: 412).
   */
  command(
    id: string,
    who: Principal,
    ifMatch: string | undefined,
    allowed: readonly Perspective[],
    command: (ticket: Ticket, ctx: CommandContext) => Outcome<Ticket> | Promise<Outcome<Ticket>>,
  ): Promise<VersionedTicketView> {
    return this.ds.transaction(async (tx) => {
      const stored = await this.tickets.get(tx, id, { lock: true });
      const perspective = stored ? perspectiveOf(who, stored.doc) : undefined;
      if (!stored || !perspective || !allowed.includes(perspective)) throw new NotFoundError('Ticket', id);
      assertIfMatch({ headers: { 'if-match': ifMatch } }, stored.version, { required: false });
      const at = new Date();
      const ticket = Ticket.restore(stored.doc);
      const outcome = await command(ticket, { at, calendar: this.calendar, limits: this.limitsFor(ticket.state.jurisdictionId), who, tx });
      const version = await this.save(tx, stored, outcome, at);
      return this.view(tx, outcome.aggregate, version, perspectiveOf(who, outcome.aggregate.state) ?? perspective, at);
    });
  }

  /** Saves an outcome of a ticket loaded as `stored`: state, events, timers. Returns the new store version. */
  async save(tx: EntityManager, stored: Stored<TicketState>, outcome: Outcome<Ticket>, now: Date): Promise<number> {
    const version = outcome.aggregate.state === stored.doc ? stored.version : await this.tickets.update(tx, outcome.aggregate.state, stored.version);
    await this.events.publish(tx, outcome.events);
    await this.clocks.sync(tx, outcome.aggregate, now);
    return version;
  }

  /** Inserts a new ticket (registration), its events and its timers. */
  async insert(tx: EntityManager, outcome: Outcome<Ticket>, now: Date): Promise<number> {
    const version = await this.tickets.insert(tx, outcome.aggregate.state);
    await this.events.publish(tx, outcome.events);
    await this.clocks.sync(tx, outcome.aggregate, now);
    return version;
  }

  async view(tx: EntityManager, ticket: Ticket, version: number, perspective: Perspective, at: Date): Promise<VersionedTicketView> {
    const clocks = this.clocks.clocks(ticket, at);
    if (perspective !== 'agent' && perspective !== 'district' && perspective !== 'unit') return ticketView(ticket, version, perspective, clocks) as VersionedTicketView;
    const submission = await this.submissions.get(tx, ticket.state.submissionId);
    const caller = await this.callers.forSubmission(tx, ticket.state.submissionId);
    const content = (submission?.doc as SubmissionRecord | undefined)?.intake?.content;
    return ticketView(ticket, version, perspective, clocks, { ...(caller ? { caller } : {}), ...(content !== undefined ? { content } : {}) }) as VersionedTicketView;
  }
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  additionalCallersOf,
  duplicateScoreBreakdown,
  event,
  findDuplicateCandidates,
  linkTickets,
  linksOf,
  mergeProblems,
  planMerge,
  planUnmerge,
  Ticket,
  type DomainEvent,
  type DuplicateProbe,
  type MergeNotification,
  type MergeRecordState,
  type TicketLink,
  type TicketState,
} from '@one-window/complaints/domain';
import {
  DuplicateProbeReader,
  MergeNotificationRepository,
  TicketLinkRepository,
  TicketMergeRepository,
  TicketRepository,
  type DuplicateProbeRow,
  type MergeNotificationRecord,
} from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { assertIfMatch, DomainError } from '@one-window/shared/http';
import type { Stored } from '@one-window/shared/persistence';
import { ComplaintsEvents } from '../shared/complaints-events';
import { NotFoundError } from '../shared/errors';
import { districtOf, perspectiveOf, TicketDesk } from '../shared/ticket-desk';
import type { DuplicateCandidatesQueryDto, LinkTicketDto } from './linking.dto';
import { ticketLinkedEvent } from './ticket-linked';

const MS_PER_DAY = 86_400_000;
const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

/** The same link (type, from, to) was recorded before. */
export class LinkAlreadyExistsError extends DomainError {
  readonly code = 'complaints.link.already_exists';

  constructor(details: { type: string; fromTicketId: string; toTicketId: string }) {
    super(`The ${details.type} link from ${details.fromTicketId} to ${details.toTicketId} exists already`, details);
  }
}

/** A merge record as the API shows it (the original secondary as it was, the intents to inform callers and units). */
export function mergeView(r: MergeRecordState, version: number, notifications: readonly MergeNotificationRecord[] = [], reregisteredTicketId?: string) {
  return {
    id: r.id,
    jurisdictionId: r.jurisdictionId,
    status: r.status,
    primaryTicketId: r.primaryTicketId,
    secondaryTicketId: r.secondary.ticketId,
    secondary: { ticketId: r.secondary.ticketId, submissionId: r.secondary.submissionId, type: r.secondary.type, scenarioCode: r.secondary.scenarioCode, stateAtMerge: r.secondary.stateAtMerge, unitId: r.secondary.unitId ?? null },
    reason: r.reason,
    score: r.score ?? null,
    mergedAt: iso(r.mergedAt),
    mergedBy: r.mergedBy ?? null,
    unmergedAt: iso(r.unmergedAt),
    unmergeReason: r.unmergeReason ?? null,
    ...(reregisteredTicketId ? { reregisteredTicketId } : {}),
    notifications: notifications.map((n) => ({ kind: n.kind, recipient: n.recipient, ticketId: n.ticketId, at: n.at.toISOString(), status: n.status })),
    version,
  };
}

export type MergeView = ReturnType<typeof mergeView>;

function linkView(l: TicketLink) {
  return { type: l.type, fromTicketId: l.fromTicketId, toTicketId: l.toTicketId, createdAt: l.createdAt.toISOString(), createdBy: l.createdBy, issueId: l.issueId ?? null, note: l.note ?? null };
}

/**
 * Links, merges (并单) and duplicate candidates (spec §5). A merge keeps both originals: the
 * secondary closes MERGED through its own state machine (row #30; its clocks cancelled), a
 * DUPLICATE link secondary → primary is written, the secondary caller joins the primary (the merge
 * record in force says so), and the callers and units to inform are stored as notification
 * intents and published (`complaints.merge.merged`). Unmerge while the primary is open registers
 * the caller's matter again as a new ticket linked RELATED to the original.
 */
@Injectable()
export class LinkingDesk {
  constructor(
    private readonly ds: DataSource,
    private readonly tickets: TicketRepository,
    private readonly desk: TicketDesk,
    private readonly links: TicketLinkRepository,
    private readonly merges: TicketMergeRepository,
    private readonly notifications: MergeNotificationRepository,
    private readonly probes: DuplicateProbeReader,
    private readonly events: ComplaintsEvents,
    private readonly calendar: WorkingCalendar,
  ) {}

  // ---------------------------------------------------------------- links

  /** An agent links ticket `id` to another (§5); `complaints.ticket.linked` for both ends. */
  link(id: string, body: LinkTicketDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const [from, to] = await this.lockTickets(tx, [id, body.toTicketId], who);
      const at = new Date();
      const issue = body.issueId ? { longRunningIssueId: body.issueId } : {};
      const link = linkTickets({ type: body.type, from: { ...from.doc, ...issue }, to: { ...to.doc, ...issue }, at, by: who.subject, ...(body.note ? { note: body.note } : {}) });
      await this.writeLink(tx, link, from.doc, to.doc, at);
      return linkView(link);
    });
  }

  /**
   * Links `fromTicketId` to `toTicketId` as SAME_ISSUE of long-running issue `issueId` (002 L1624),
   * in the caller's transaction (the issue desk adds tickets to an issue); an existing link is kept.
   */
  async linkSameIssue(tx: EntityManager, issueId: string, fromTicketId: string, toTicketId: string, by: string, at: Date): Promise<void> {
    const from = await this.tickets.get(tx, fromTicketId);
    const to = await this.tickets.get(tx, toTicketId);
    if (!from || !to || from.doc.id === to.doc.id) return;
    const link = linkTickets({ type: 'SAME_ISSUE', from: { ...from.doc, longRunningIssueId: issueId }, to: { ...to.doc, longRunningIssueId: issueId }, at, by, note: `Long-running issue ${issueId}` });
    if (!(await this.links.insert(tx, { ...link, id: randomUUID() }))) return;
    await this.events.publish(tx, [ticketLinkedEvent(from.doc, link, at), ticketLinkedEvent(to.doc, link, at)]);
  }

  /** The links, merges and additional callers of a ticket, for whoever may see it. */
  async linksOf(id: string, who: Principal) {
    // One snapshot (REPEATABLE READ): a merge / unmerge writes the ticket, its link and the merge record together; show all or none of it.
    const { stored, links, merges } = await this.ds.transaction('REPEATABLE READ', async (tx) => {
      const stored = await this.tickets.get(tx, id);
      if (!stored || !perspectiveOf(who, stored.doc)) throw new NotFoundError('Ticket', id);
      return { stored, links: await this.links.of(tx, id), merges: await this.merges.of(tx, id) };
    });
    return {
      ticketId: id,
      links: linksOf(id, links).map((l, i) => ({ ...l, createdAt: links[i].createdAt.toISOString(), note: links[i].note ?? null })),
      mergedInto: stored.doc.mergedInto ?? null,
      /** Callers joined by merges in force, each owed their own reply (002 L1578) and rating. */
      additionalCallers: additionalCallersOf(id, merges).map((c) => ({ fromTicketId: c.fromTicketId, joinedAt: c.joinedAt.toISOString(), replyOwed: c.replyOwed, ratingOwed: c.ratingOwed })),
      merges: merges.map((m) => ({ id: m.id, status: m.status, primaryTicketId: m.primaryTicketId, secondaryTicketId: m.secondary.ticketId, mergedAt: iso(m.mergedAt), unmergedAt: iso(m.unmergedAt) })),
    };
  }

  // ---------------------------------------------------------------- merge

  /** An agent merges `secondaryId` into `primaryId` (planMerge: §5, row #30). `ifMatch` is checked against the secondary. */
  merge(cmd: { primaryId: string; secondaryId: string; reason: string; score?: number }, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const [primary, secondary] = await this.lockTickets(tx, [cmd.primaryId, cmd.secondaryId], who);
      assertIfMatch({ headers: { 'if-match': ifMatch } }, secondary.version, { required: false });
      const at = new Date();
      const plan = planMerge({
        id: randomUUID(),
        primary: primary.doc,
        secondary: secondary.doc,
        at,
        actor: 'hotline_agent',
        agentId: who.subject,
        reason: cmd.reason,
        ...(cmd.score !== undefined ? { score: cmd.score } : {}),
      });
      // The secondary closes MERGED through its own machine; the original stays as it was in the merge record.
      const closed = Ticket.restore(secondary.doc).merge(plan.secondaryCommand);
      const secondaryVersion = await this.desk.save(tx, secondary, closed, at);
      const version = await this.merges.insert(tx, plan.record);
      await this.writeLink(tx, plan.link, closed.aggregate.state, primary.doc, at);
      const intents = await this.storeNotifications(tx, plan.record.id, plan.notifications);
      await this.events.publish(tx, [this.mergeEvent('complaints.merge.merged', plan.record, at, intents)]);
      return {
        merge: mergeView(plan.record, version, intents),
        secondary: { ticket: closed.aggregate, version: secondaryVersion },
      };
    });
  }

  /** Unmerge while the primary is open (§5): the caller leaves the primary and gets a new ticket, linked RELATED to the original. */
  unmerge(mergeId: string, reason: string, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const stored = await this.merges.get(tx, mergeId, { lock: true });
      if (!stored) throw new NotFoundError('Merge', mergeId);
      assertIfMatch({ headers: { 'if-match': ifMatch } }, stored.version, { required: false });
      const [primary, original] = await this.lockTickets(tx, [stored.doc.primaryTicketId, stored.doc.secondary.ticketId], who);
      const at = new Date();
      const plan = planUnmerge({ record: stored.doc, primary: primary.doc, at, actor: 'hotline_agent', reason });
      const version = await this.merges.update(tx, plan.record, stored.version);
      // A CLOSED ticket never reopens: the caller's matter is registered again from the original secondary.
      const s = original.doc;
      const registered = Ticket.register({
        id: randomUUID(),
        submissionId: s.submissionId,
        jurisdictionId: s.jurisdictionId,
        type: s.type,
        scenarioCode: s.scenarioCode,
        channel: s.channel,
        ...(s.area ? { area: s.area } : {}),
        callerKey: s.callerKey,
        at,
        agentId: who.subject,
        calendar: this.calendar,
        limits: this.desk.limitsFor(s.jurisdictionId),
        priority: s.priority,
        marketEntityTags: s.marketEntityTags,
        privacy: s.privacy,
      });
      await this.desk.insert(tx, registered, at);
      const link = linkTickets({ type: 'RELATED', from: registered.aggregate.state, to: s, at, by: who.subject, note: `Registered again after unmerge ${mergeId}` });
      await this.writeLink(tx, link, registered.aggregate.state, s, at);
      const intents = await this.storeNotifications(tx, mergeId, plan.notifications, 'unmerge');
      await this.events.publish(tx, [this.mergeEvent('complaints.merge.unmerged', plan.record, at, intents, registered.aggregate.state.id)]);
      return mergeView(plan.record, version, intents, registered.aggregate.state.id);
    });
  }

  /** A merge record: the centre, supervisors and admins (merging is the centre's; a district hotline body: 404, spec §1). */
  async readMerge(id: string, who: Principal) {
    // One snapshot (REPEATABLE READ): an unmerge updates the record and adds its notification intents together.
    return this.ds.transaction('REPEATABLE READ', async (tx) => {
      const stored = await this.merges.get(tx, id);
      if (!stored || districtOf(who)) throw new NotFoundError('Merge', id);
      return mergeView(stored.doc, stored.version, await this.notifications.ofMerge(tx, id));
    });
  }

  // ---------------------------------------------------------------- duplicate candidates

  /**
   * Duplicate candidates of a ticket (§5): tickets of the same jurisdiction and scenario opened
   * within 30 ND of it, at the same address id, within 50 m or of the same USCC; best first, each
   * with its score, the score's parts and whether it could be merged into now. Never merged automatically.
   */
  async candidates(id: string, who: Principal, query: DuplicateCandidatesQueryDto) {
    const tx = this.ds.manager;
    const row = await this.probes.one(tx, id);
    if (!row || perspectiveOf(who, row.ticket) !== 'agent') throw new NotFoundError('Ticket', id);
    const probe: DuplicateProbe = {
      ...this.probeOf(row),
      ...(query.addressId ? { addressId: query.addressId } : {}),
      ...(query.lat !== undefined && query.long !== undefined ? { location: { lat: query.lat, long: query.long } } : {}),
    };
    const since = new Date(row.ticket.registeredAt.getTime() - 30 * MS_PER_DAY);
    const recent = (await this.probes.recent(tx, { jurisdictionId: row.ticket.jurisdictionId, scenarioCode: row.ticket.scenarioCode, since, limit: 500 })).filter(
      (r) => r.ticket.id !== id && r.ticket.submissionId !== row.ticket.submissionId,
    );
    const byId = new Map(recent.map((r) => [r.ticket.id, r]));
    const others = recent.map((r) => this.probeOf(r));
    return {
      ticketId: id,
      probe: { scenarioCode: probe.scenarioCode, addressId: probe.addressId ?? null, location: probe.location ?? null, uscc: probe.uscc ?? null, openedAt: probe.openedAt.toISOString() },
      candidates: findDuplicateCandidates(probe, others).map((c) => {
        const other = byId.get(c.ticketId) as DuplicateProbeRow;
        const problems = mergeProblems(other.ticket, row.ticket);
        return {
          ticketId: c.ticketId,
          score: c.score,
          breakdown: duplicateScoreBreakdown(probe, this.probeOf(other)),
          state: other.ticket.state,
          type: other.ticket.type,
          unitId: other.ticket.unitId ?? null,
          registeredAt: other.ticket.registeredAt.toISOString(),
          /** Whether this ticket could be merged into the candidate (as primary) now, and if not why. */
          mergeableInto: problems.length === 0,
          mergeProblems: problems,
        };
      }),
    };
  }

  // ---------------------------------------------------------------- internals

  private probeOf(r: DuplicateProbeRow): DuplicateProbe {
    return {
      ticketId: r.ticket.id,
      jurisdictionId: r.ticket.jurisdictionId,
      scenarioCode: r.ticket.scenarioCode,
      openedAt: r.ticket.registeredAt,
      text: r.content ?? '',
      ...(r.addressId ? { addressId: r.addressId } : {}),
      ...(r.location ? { location: r.location } : {}),
      ...(r.uscc ? { uscc: r.uscc } : {}),
    };
  }

  /** Loads and locks tickets in id order (no deadlock between two merges), each visible to `who` as an agent (else 404). */
  private async lockTickets(tx: EntityManager, ids: readonly string[], who: Principal): Promise<Stored<TicketState>[]> {
    const loaded = new Map<string, Stored<TicketState>>();
    for (const id of [...new Set(ids)].sort()) {
      const stored = await this.tickets.get(tx, id, { lock: true });
      if (!stored || perspectiveOf(who, stored.doc) !== 'agent') throw new NotFoundError('Ticket', id);
      loaded.set(id, stored);
    }
    return ids.map((id) => loaded.get(id) as Stored<TicketState>);
  }

  private async writeLink(tx: EntityManager, link: TicketLink, from: TicketState, to: TicketState, at: Date): Promise<void> {
    const inserted = await this.links.insert(tx, { ...link, id: randomUUID() });
    if (!inserted) throw new LinkAlreadyExistsError({ type: link.type, fromTicketId: link.fromTicketId, toTicketId: link.toTicketId });
    await this.events.publish(tx, [ticketLinkedEvent(from, link, at), ticketLinkedEvent(to, link, at)]);
  }

  private async storeNotifications(tx: EntityManager, mergeId: string, intents: readonly MergeNotification[], what = 'merge'): Promise<MergeNotificationRecord[]> {
    const records: MergeNotificationRecord[] = intents.map((n, i) => ({
      id: `${mergeId}:${what}:${i + 1}`,
      mergeId,
      kind: n.kind,
      recipient: n.recipient.role === 'caller' ? { role: 'caller', ticketId: n.ticketId } : { role: 'unit', unitId: n.recipient.unitId },
      ticketId: n.ticketId,
      primaryTicketId: n.primaryTicketId,
      secondaryTicketId: n.secondaryTicketId,
      at: n.at,
      status: 'PENDING',
    }));
    for (const r of records) await this.notifications.insert(tx, r);
    return records;
  }

  private mergeEvent(type: 'complaints.merge.merged' | 'complaints.merge.unmerged', r: MergeRecordState, at: Date, intents: readonly MergeNotificationRecord[], reregisteredTicketId?: string): DomainEvent {
    return event(type, r.id, r.id, at, {
      mergeId: r.id,
      jurisdictionId: r.jurisdictionId,
      primaryTicketId: r.primaryTicketId,
      secondaryTicketId: r.secondary.ticketId,
      status: r.status,
      reason: type === 'complaints.merge.unmerged' ? (r.unmergeReason ?? '') : r.reason,
      occurredAt: at.toISOString(),
      notifications: intents.map((n) => ({ kind: n.kind, recipient: n.recipient, ticketId: n.ticketId })),
      ...(reregisteredTicketId ? { reregisteredTicketId } : {}),
    });
  }
}

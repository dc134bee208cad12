/**
 * FixMyStreet `GET /servicerequestupdates` (spec §7): one update per public transition of a
 * request's tickets, derived from the ticket document (its transition history, extensions,
 * dispatches), never from anything personal:
 *
 *  - registered (the ticket's creation), dispatched (first dispatch), extended (with the new
 *    deadline and the public reason, §3.4 row 13), re-dispatched (a later dispatch: after a return,
 *    a coordination decision), replied (the unit's reply to the caller), re-handling, closed;
 *  - (design) the ticket joined a long-running issue (§3.8): `action_scheduled` while IN_PROGRESS.
 *
 * `status` is the FMS extended status of the ticket's state after the transition (§7 mapping; the
 * long-running link applies from the moment it was made), `external_status_code` the internal
 * state (plus `:` and the close reason when closed). `update_id` is stable: `<ticket id>:<n>` (the
 * transition's position in the ticket history) or `<ticket id>:issue`. Descriptions are short,
 * bilingual public texts: unit display names, deadlines and the extension's public reason only.
 */
import type { TicketState, TransitionRecord } from '../ticket/ticket';
import type { TicketStatus } from '../ticket/ticket-machine';
import { open311StatusOf, type Open311ExtendedStatus } from './status-mapping';

export type Open311UpdateKind = 'registered' | 'dispatched' | 'extended' | 'redispatched' | 'replied' | 'rehandling' | 'closed' | 'action_scheduled';

/** One public transition, before the datetime is formatted. */
export interface Open311TicketUpdate {
  readonly updateId: string;
  readonly ticketId: string;
  readonly kind: Open311UpdateKind;
  readonly at: Date;
  readonly status: Open311ExtendedStatus;
  readonly externalStatusCode: string;
  readonly description: string;
}

/** FixMyStreet service request update, as this service returns it. No personal data ever. */
export interface Open311ServiceRequestUpdate {
  readonly update_id: string;
  readonly service_request_id: string;
  readonly status: Open311ExtendedStatus;
  readonly updated_datetime: string;
  readonly description: string;
  readonly media_url: string;
  readonly external_status_code: string;
}

/** What the updates read of a ticket (a TicketState fits). */
export type Open311UpdateTicketInput = Pick<TicketState, 'id' | 'state' | 'history' | 'dispatches' | 'extensions'> &
  Partial<Pick<TicketState, 'closeReason' | 'outcomeCode' | 'unitId' | 'longRunningIssueId' | 'longRunningIssueJoinedAt'>>;

const CLOSE_TEXT: Readonly<Partial<Record<Open311ExtendedStatus, string>>> = {
  fixed: '已办结 Closed: handled by {unit}',
  duplicate: '已合并 Closed: merged with another request on the same matter',
  not_councils_responsibility: '已引导 Closed: the caller was guided to the competent channel',
  no_further_action: '已办结 Closed: no further action possible',
};
const CLOSE_REASON_TEXT: Readonly<Record<string, string>> = {
  ANSWERED_FROM_KB: '已答复 Closed: answered directly by the hotline centre',
  WITHDRAWN: '已撤回 Closed: withdrawn by the caller',
  PRAISE_READ: '已转达 Closed: the praise was passed on to {unit}',
};

/** YYYY-MM-DD of an exclusive deadline's last on-time day in UTC+08:00 (the service calendar's zone). */
function lastDay(deadline: Date): string {
  return new Date(deadline.getTime() - 1 + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The public updates of one ticket, oldest first. */
export function open311TicketUpdates(ticket: Open311UpdateTicketInput, unitNames: Readonly<Record<string, string>>): Open311TicketUpdate[] {
  const name = (unitId: string | undefined) => (unitId ? (unitNames[unitId] ?? unitId) : 'the responsible unit');
  const joinedAt = ticket.longRunningIssueId ? (ticket.longRunningIssueJoinedAt?.getTime() ?? Number.NEGATIVE_INFINITY) : undefined;
  const statusAt = (state: TicketStatus, at: Date) =>
    open311StatusOf({
      state,
      ...(state === 'CLOSED' && ticket.closeReason ? { closeReason: ticket.closeReason } : {}),
      ...(state === 'CLOSED' && ticket.outcomeCode ? { outcomeCode: ticket.outcomeCode } : {}),
      ...(joinedAt !== undefined && at.getTime() >= joinedAt && ticket.longRunningIssueId ? { longRunningIssueId: ticket.longRunningIssueId } : {}),
    });
  const dispatchAt = (at: Date) => [...ticket.dispatches].reverse().find((d) => d.at.getTime() <= at.getTime());
  const out: Open311TicketUpdate[] = [];
  let dispatched = 0;
  let extensions = 0;
  const push = (i: number | 'issue', h: Pick<TransitionRecord, 'at' | 'to'>, kind: Open311UpdateKind, description: string) => {
    const view = statusAt(h.to, h.at);
    out.push({ updateId: `${ticket.id}:${i}`, ticketId: ticket.id, kind, at: new Date(h.at.getTime()), status: view.extendedStatus, externalStatusCode: view.externalStatusCode, description });
  };
  ticket.history.forEach((h, i) => {
    if (h.from === null) return push(i, h, 'registered', '已登记 Registered by the 12345 hotline centre');
    if (h.to === 'DISPATCHED' && h.from !== 'DISPATCHED') {
      const unit = name(dispatchAt(h.at)?.unitId);
      dispatched += 1;
      return dispatched === 1 ? push(i, h, 'dispatched', `已派单 Dispatched to ${unit}`) : push(i, h, 'redispatched', `已重新派单 Dispatched again, to ${unit}`);
    }
    if (h.trigger === 'extend') {
      const ext = ticket.extensions[extensions++];
      return push(i, h, 'extended', ext ? `已延期 Deadline extended to ${lastDay(ext.deadlineAt)}: ${ext.publicReason}` : '已延期 Deadline extended');
    }
    if (h.trigger === 'record_reply') return push(i, h, 'replied', `已答复 ${name(ticket.unitId)} replied to the caller`);
    if (h.to === 'REHANDLING' && h.from !== 'REHANDLING') return push(i, h, 'rehandling', `重办 Handled again by ${name(ticket.unitId)}`);
    if (h.to === 'CLOSED' && h.from !== 'CLOSED') {
      const view = statusAt('CLOSED', h.at);
      const text = (ticket.closeReason ? CLOSE_REASON_TEXT[ticket.closeReason] : undefined) ?? CLOSE_TEXT[view.extendedStatus] ?? '已办结 Closed';
      return push(i, h, 'closed', text.replace('{unit}', name(ticket.unitId)));
    }
    return undefined;
  });
  if (ticket.longRunningIssueId && ticket.longRunningIssueJoinedAt) {
    const at = ticket.longRunningIssueJoinedAt;
    const stateThen = [...ticket.history].reverse().find((h) => h.at.getTime() <= at.getTime())?.to ?? ticket.state;
    push('issue', { at, to: stateThen }, 'action_scheduled', '长期诉求 Included in a long-running issue: the unit works to a plan and reports progress at least monthly');
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

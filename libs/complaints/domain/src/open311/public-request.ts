/**
 * The Open311 service request (GET /requests, GET /requests/{id}), spec §7: a Submission rolled
 * up over its tickets, and shown according to the template's visibility.
 *
 * Roll-up: `open` while any ticket is open, showing the least advanced open ticket
 * (OPEN311_OPEN_STATE_ORDER); when all are closed, the ticket closed last (design: the latest
 * news), and `updated_datetime` = that close time. A Submission without tickets shows its own
 * state (RECEIVED / AWAITING_SUPPLEMENT open; CLOSED(INCOMPLETE | IDENTITY_REFUSED)).
 *
 * `expected_datetime` (§7): REGISTERED → end of the registration day + (1 + limitWd) WD (the
 * assigned deadline when there is one, 002 L1537); DISPATCHED, RETURN_REQUESTED, IN_PROGRESS →
 * the handling deadline including extensions; REHANDLING → its deadline; otherwise omitted
 * (IN_COORDINATION too: the clock is suspended). The roll-up uses the maximum over open tickets.
 * It is shown as the last on-time instant (the exclusive due instant − 1 ms, i.e. 23:59:59 local).
 *
 * Privacy: REPORT is forced HIDDEN (never listed; the submitter sees it with their own token);
 * SUMMARY (the default) is forced when the caller hid any field (002 L1493); PUBLIC shows the
 * description and location. Caller names, phone and email are never part of the representation.
 */
import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { CallerField } from '../ticket/confidentiality';
import type { SubmissionStatus } from '../ticket/submission-machine';
import type { TicketState } from '../ticket/ticket';
import { DEFAULT_TIME_LIMITS, handlingLimitWd, type TimeLimitTable } from '../ticket/time-limits';
import type { TicketType } from '../ticket/ticket-types';
import { serviceNoticeFor, type ComplaintTemplate, type TemplateVisibility } from './service-definition';
import { OPEN311_OPEN_STATE_ORDER, open311StatusOf, type Open311Status, type Open311StatusView } from './status-mapping';

/** What the Open311 face reads of a ticket (a TicketState fits, plus the long-running issue link of §3.8). */
export type Open311TicketInput = Pick<TicketState, 'id' | 'type' | 'state' | 'registeredAt'> &
  Partial<Pick<TicketState, 'closeReason' | 'outcomeCode' | 'closedAt' | 'unitId' | 'coHandlers' | 'assignedDeadline' | 'handling' | 'history'>> & {
    readonly longRunningIssueId?: string;
  };

/** What the Open311 face reads of a Submission (content and location live with it, §3.1). */
export interface Open311SubmissionInput {
  readonly id: string;
  readonly status: SubmissionStatus;
  readonly closeReason?: 'INCOMPLETE' | 'IDENTITY_REFUSED';
  readonly receivedAt: Date;
  readonly closedAt?: Date;
  readonly serviceCode: string;
  /** The §2 type the caller chose (request_type), when no ticket exists yet. */
  readonly requestType?: TicketType;
  readonly hiddenFields: readonly CallerField[];
  readonly description: string;
  readonly address?: string;
  readonly addressId?: string;
  readonly zipcode?: string;
  readonly lat?: number;
  readonly long?: number;
  readonly mediaUrl?: string;
  /** Public status text (e.g. an extension's public reason, §3.4 row 13). */
  readonly statusNotes?: string;
  /** Personal data may be loaded alongside; it is never copied out. */
  readonly caller?: Readonly<Record<string, string | undefined>>;
}

export interface Open311RollUp extends Open311StatusView {
  /** The ticket shown (least advanced open, or last closed); none without tickets. */
  readonly shownTicketId?: string;
  readonly expectedAt?: Date;
  readonly updatedAt: Date;
}

/** The last on-time instant of a ticket's SLA, or undefined when §7 omits it. */
export function open311ExpectedAt(ticket: Open311TicketInput, calendar: WorkingCalendar, limits: TimeLimitTable = DEFAULT_TIME_LIMITS): Date | undefined {
  let due: Date | undefined;
  switch (ticket.state) {
    case 'REGISTERED': {
      const limit = handlingLimitWd(ticket.type, limits);
      due = ticket.assignedDeadline ?? (limit === undefined ? undefined : calendar.deadlineWorkingDays(ticket.registeredAt, limits.DISPATCH.length + limit));
      break;
    }
    case 'DISPATCHED':
    case 'RETURN_REQUESTED':
    case 'IN_PROGRESS':
    case 'REHANDLING':
      due = ticket.handling?.deadlineAt;
      break;
    default:
      due = undefined;
  }
  return due === undefined ? undefined : new Date(due.getTime() - 1);
}

function lastActivity(t: Open311TicketInput): number {
  const h = t.history ?? [];
  const last = h.length > 0 ? h[h.length - 1].at.getTime() : t.registeredAt.getTime();
  return Math.max(last, t.closedAt?.getTime() ?? 0);
}

/** The Submission's Open311 status over its tickets (§7). */
export function open311RollUp(
  submission: Pick<Open311SubmissionInput, 'status' | 'closeReason' | 'receivedAt' | 'closedAt'>,
  tickets: readonly Open311TicketInput[],
  calendar: WorkingCalendar,
  limits: TimeLimitTable = DEFAULT_TIME_LIMITS,
): Open311RollUp {
  if (tickets.length === 0) {
    return {
      ...open311StatusOf({ state: submission.status, ...(submission.closeReason ? { closeReason: submission.closeReason } : {}) }),
      updatedAt: submission.closedAt ?? submission.receivedAt,
    };
  }
  const updatedAt = new Date(Math.max(...tickets.map(lastActivity)));
  const open = tickets.filter((t) => t.state !== 'CLOSED');
  if (open.length > 0) {
    const rank = (t: Open311TicketInput) => OPEN311_OPEN_STATE_ORDER.indexOf(t.state);
    const shown = open.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    const expected = open.map((t) => open311ExpectedAt(t, calendar, limits)).filter((d): d is Date => d !== undefined);
    return {
      ...open311StatusOf(shown),
      shownTicketId: shown.id,
      ...(expected.length > 0 ? { expectedAt: new Date(Math.max(...expected.map((d) => d.getTime()))) } : {}),
      updatedAt,
    };
  }
  const closedAt = (t: Open311TicketInput) => t.closedAt?.getTime() ?? lastActivity(t);
  const shown = tickets.reduce((a, b) => (closedAt(b) >= closedAt(a) ? b : a));
  return { ...open311StatusOf(shown), shownTicketId: shown.id, updatedAt: new Date(closedAt(shown)) };
}

/** The visibility that applies: REPORT → HIDDEN; hidden fields → at most SUMMARY; default SUMMARY (§7). */
export function effectiveVisibility(template: Pick<ComplaintTemplate, 'visibility' | 'requestType'>, types: readonly TicketType[], hiddenFields: readonly CallerField[]): TemplateVisibility {
  if (template.requestType === 'REPORT' || types.includes('REPORT')) return 'HIDDEN';
  const base = template.visibility ?? 'SUMMARY';
  if (base === 'PUBLIC' && hiddenFields.length > 0) return 'SUMMARY';
  return base;
}

/** W3C datetime with the calendar's offset, to the second: 2026-10-09T23:59:59+08:00. */
export function toW3cDateTime(instant: Date, calendar: WorkingCalendar): string {
  const offset = calendar.timeZone.offsetMinutesAt(instant);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** GeoReport v2 service request, as this service returns it. No caller name, phone or email ever. */
export interface Open311ServiceRequest {
  readonly service_request_id: string;
  readonly status: Open311Status;
  readonly status_notes?: string;
  readonly service_name: string;
  readonly service_code: string;
  readonly description?: string;
  readonly agency_responsible?: string;
  readonly service_notice: string;
  readonly requested_datetime: string;
  readonly updated_datetime: string;
  readonly expected_datetime?: string;
  readonly address?: string;
  readonly address_id?: string;
  readonly zipcode?: string;
  readonly lat?: number;
  readonly long?: number;
  readonly media_url?: string;
}

/** Unit display names, lead units first (in ticket order), then co-handlers; no repeats (§7). */
export function agencyResponsible(tickets: readonly Open311TicketInput[], unitNames: Readonly<Record<string, string>>): string | undefined {
  const ids: string[] = [];
  for (const t of tickets) if (t.unitId && !ids.includes(t.unitId)) ids.push(t.unitId);
  for (const t of tickets) for (const c of t.coHandlers ?? []) if (!ids.includes(c.unitId)) ids.push(c.unitId);
  return ids.length === 0 ? undefined : ids.map((id) => unitNames[id] ?? id).join(', ');
}

/**
 * The request as `viewer` may see it, or undefined when it must not be shown (HIDDEN to the
 * public: never listed, 404 by id). The submitter (`owner`, with their own token) sees their own
 * request in full, HIDDEN included, but still without any personal data.
 */
export function open311PublicRequest(input: {
  submission: Open311SubmissionInput;
  tickets: readonly Open311TicketInput[];
  template: ComplaintTemplate;
  unitNames: Readonly<Record<string, string>>;
  calendar: WorkingCalendar;
  viewer: 'public' | 'owner';
  limits?: TimeLimitTable;
}): Open311ServiceRequest | undefined {
  const { submission: s, tickets, template, calendar } = input;
  const types = tickets.length > 0 ? tickets.map((t) => t.type) : s.requestType ? [s.requestType] : [];
  const visibility = effectiveVisibility(template, types, s.hiddenFields);
  if (visibility === 'HIDDEN' && input.viewer !== 'owner') return undefined;
  const full = input.viewer === 'owner' || visibility === 'PUBLIC';
  const roll = open311RollUp(s, tickets, calendar, input.limits);
  const agency = agencyResponsible(tickets, input.unitNames);
  const fixedType = template.requestType ?? (types.length === 1 ? types[0] : undefined);
  return {
    service_request_id: s.id,
    status: roll.status,
    ...(s.statusNotes ? { status_notes: s.statusNotes } : {}),
    service_name: template.name,
    service_code: s.serviceCode,
    ...(full ? { description: s.description } : {}),
    ...(agency ? { agency_responsible: agency } : {}),
    service_notice: serviceNoticeFor({ ...(fixedType ? { requestType: fixedType } : {}), ...(template.serviceNotice ? { serviceNotice: template.serviceNotice } : {}) }, input.limits),
    requested_datetime: toW3cDateTime(s.receivedAt, calendar),
    updated_datetime: toW3cDateTime(roll.updatedAt, calendar),
    ...(roll.expectedAt ? { expected_datetime: toW3cDateTime(roll.expectedAt, calendar) } : {}),
    ...(full && s.address !== undefined ? { address: s.address } : {}),
    ...(full && s.addressId !== undefined ? { address_id: s.addressId } : {}),
    ...(full && s.zipcode !== undefined ? { zipcode: s.zipcode } : {}),
    ...(full && s.lat !== undefined ? { lat: s.lat } : {}),
    ...(full && s.long !== undefined ? { long: s.long } : {}),
    ...(full && s.mediaUrl !== undefined ? { media_url: s.mediaUrl } : {}),
  };
}

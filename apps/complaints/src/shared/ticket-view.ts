import { viewForHandlingUnit, Ticket, type ActiveClock, type CallerDetails, type TicketState } from '@one-window/complaints/domain';
import type { CallerRecord } from '@one-window/complaints/data-access';
import { maskIdNumber, maskPhone, maskText } from '@one-window/shared/http';

/** Who is looking at a ticket: decides what of it (and of the caller) is shown. */
/** 'district': a district hotline body (区热线工作机构) on a ticket of its district; it sees what the centre's agent sees. */
export type Perspective = 'agent' | 'district' | 'oversight' | 'unit' | 'guidance' | 'caller';

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

/** The caller's details masked for display (names to the family name, numbers to a few digits). */
export function maskedCaller(details: CallerDetails | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(details ?? {})) {
    if (value === undefined) continue;
    if (field === 'phone') out[field] = maskPhone(value).replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2');
    else if (field === 'idNumber') out[field] = maskIdNumber(value);
    else if (field === 'name') out[field] = `${[...value][0] ?? ''}*`;
    else out[field] = maskText(value).replace(/^(.{2}).+$/u, '$1***');
  }
  return out;
}

function clockView(c: ActiveClock) {
  return { clock: c.clock, limit: c.limit, dueAt: c.dueAt.toISOString(), warnAt: c.warnAt.toISOString(), status: c.status, onDue: c.onDue };
}

/** What everybody who may see the ticket sees: its handling, never the caller. */
function handlingView(s: TicketState, clocks: readonly ActiveClock[]) {
  return {
    id: s.id,
    submissionId: s.submissionId,
    jurisdictionId: s.jurisdictionId,
    type: s.type,
    scenarioCode: s.scenarioCode,
    channel: s.channel,
    state: s.state,
    round: s.round,
    priority: s.priority,
    registeredAt: s.registeredAt.toISOString(),
    dispatchDueAt: s.dispatchDueAt.toISOString(),
    assignedDeadline: iso(s.assignedDeadline),
    unitId: s.unitId ?? null,
    subOfficeId: s.subOfficeId ?? null,
    coHandlers: s.coHandlers,
    dispatches: s.dispatches.map((d) => ({ no: d.no, unitId: d.unitId, at: d.at.toISOString(), reason: d.reason, unitCheckDueAt: iso(d.unitCheckDueAt) })),
    limitWd: s.limitWd ?? null,
    clockStartAt: iso(s.handling?.clockStartAt),
    deadlineAt: iso(s.handling?.deadlineAt),
    overdue: s.overdue,
    returnRequests: s.returnRequests,
    coordination: s.coordination ?? null,
    extensions: s.extensions,
    facts: s.facts,
    verificationAttempts: s.verification.attempts.length,
    reply: s.reply ?? null,
    report: s.report ?? null,
    outcomeCode: s.outcomeCode ?? null,
    submittedAt: iso(s.submittedAt),
    audits: s.audits,
    onTime: s.onTime ?? null,
    ratingRequest: s.ratingRequest ?? null,
    ratings: s.ratings,
    callbacks: s.callbacks,
    rehandled: s.rehandled,
    dutyOpinion: s.dutyOpinion ?? null,
    mergedInto: s.mergedInto ?? null,
    longRunningIssueId: s.longRunningIssueId ?? null,
    closeReason: s.closeReason ?? null,
    closedAt: iso(s.closedAt),
    clocks: clocks.map(clockView),
  };
}

/**
 * The ticket as `perspective` may see it, with the store version (the ETag).
 *  - agent, district: everything, the caller masked (the full identity only through GET /submissions/{id}/caller, audit-logged, centre only);
 *  - oversight (supervisor, admin): the handling, no caller;
 *  - unit: the handling plus only the caller fields confidentiality allows (viewForHandlingUnit: hidden
 *    fields, REPORT and whistle-blowers withheld), the request text with numbers masked;
 *  - guidance: the handling, no caller;
 *  - caller: progress only: state, deadline, extensions' public reasons, the outcome and the rating window.
 */
export function ticketView(ticket: Ticket, version: number, perspective: Perspective, clocks: readonly ActiveClock[], extra: { caller?: CallerRecord; content?: string } = {}) {
  const s = ticket.state;
  switch (perspective) {
    case 'agent':
    case 'district':
      return { ...handlingView(s, clocks), privacy: s.privacy, caller: maskedCaller(extra.caller?.details), content: extra.content ?? null, version };
    case 'oversight':
    case 'guidance':
      return { ...handlingView(s, clocks), version };
    case 'unit': {
      const unit = viewForHandlingUnit(Ticket.restore({ ...s, ...(extra.caller ? { caller: extra.caller.details } : {}) }), 'unit_staff');
      return {
        ...handlingView(s, clocks),
        caller: unit.caller,
        withheldFields: unit.withheldFields,
        contactViaCentre: unit.contactViaCentre,
        content: extra.content === undefined ? null : maskText(extra.content),
        version,
      };
    }
    case 'caller':
      return {
        id: s.id,
        submissionId: s.submissionId,
        type: s.type,
        state: s.state,
        round: s.round,
        deadlineAt: iso(s.handling?.deadlineAt),
        extensions: s.extensions.map((e) => ({ no: e.no, deadlineAt: e.deadlineAt.toISOString(), publicReason: e.publicReason })),
        outcomeCode: s.outcomeCode ?? null,
        ratingWindowDueAt: iso(s.ratingRequest?.windowDueAt),
        ratings: s.ratings.map((r) => ({ round: r.round, grade: r.grade, at: r.at.toISOString() })),
        closeReason: s.closeReason ?? null,
        closedAt: iso(s.closedAt),
        version,
      };
  }
}

export type TicketView = ReturnType<typeof ticketView>;

/** Helpers shared by the ticket spec files (not exported from the library). */
import { WorkingCalendar } from '@one-window/shared/calendar';
import { at } from '../shared/machine-testing';
import type { HandlingReport } from './report';
import { Ticket } from './ticket';
import type { TicketType } from './ticket-types';

export const calendar = WorkingCalendar.chinaMainland();
export const CALLER = 'caller-key-1';
export const UNIT = 'unit-housing';
export const UNIT_B = 'unit-street-office';
export const UNIT_C = 'unit-water';
export const UNIT_D = 'unit-district';

export function registered(type: TicketType = 'COMPLAINT', registeredAt = at('2026-09-29T09:00'), extra: Partial<Parameters<typeof Ticket.register>[0]> = {}): Ticket {
  return Ticket.register({
    id: 't-1',
    submissionId: 's-1',
    jurisdictionId: 'CN-44-01',
    type,
    scenarioCode: 'HOUSING.REPAIR',
    channel: 'PHONE',
    callerKey: CALLER,
    at: registeredAt,
    agentId: 'agent-1',
    calendar,
    ...extra,
  }).aggregate;
}

export function dispatched(type: TicketType = 'COMPLAINT', dispatchedAt = at('2026-09-30T10:00'), extra: Partial<Parameters<typeof Ticket.register>[0]> = {}): Ticket {
  const registeredAt = new Date(dispatchedAt.getTime() - 3_600_000);
  return registered(type, registeredAt, extra).dispatch({ at: dispatchedAt, actor: 'hotline_agent', by: 'agent-1', unitId: UNIT, calendar }).aggregate;
}

export function inProgress(type: TicketType = 'COMPLAINT', dispatchedAt = at('2026-09-30T10:00')): Ticket {
  return dispatched(type, dispatchedAt).accept({ at: new Date(dispatchedAt.getTime() + 3_600_000), unitId: UNIT }).aggregate;
}

export const REPORT_FOR: Record<TicketType, HandlingReport> = {
  CONSULTATION: { process: { steps: 'Checked the policy', result: 'Answered' }, answerBasis: 'Housing rules art. 5' },
  HELP: { process: { steps: 'Sent a crew', result: 'Fixed' }, measures: 'Repair' },
  COMPLAINT: { process: { steps: 'Inspected the site', result: 'Repaired the lift' } },
  REPORT: { process: { steps: 'Inspected', result: 'Fined' }, measures: 'Fine', caseFiled: true },
  SUGGESTION: { process: { steps: 'Studied', result: 'Adopted' }, adoption: { adopted: true, planOrReasons: 'Plan 2027' } },
  PRAISE: { process: { steps: 'Read', result: 'Read' } },
};

/** Reply, submit and pass audit at the given instants. */
export function handledAndAudited(ticket: Ticket, repliedAt: Date, outcomeCode = 'HANDLED', auditAt = new Date(repliedAt.getTime() + 7_200_000)): Ticket {
  const replied = ticket.recordReply({ at: repliedAt, unitId: UNIT, outcome: 'REPLIED', method: 'PHONE', attempts: [repliedAt], evidenceRef: 'rec-1' }).aggregate;
  const type = ticket.state.type;
  const report = outcomeCode === 'CASE_FILED' || type !== 'REPORT' ? REPORT_FOR[type] : { ...REPORT_FOR.REPORT, caseFiled: false };
  const submitted = replied.submit({ at: new Date(repliedAt.getTime() + 60_000), unitId: UNIT, outcomeCode, report: outcomeCode.startsWith('CALLER') || outcomeCode.startsWith('SUGGESTION_NOT') ? { ...report, adoption: { adopted: false, planOrReasons: 'Outside duties' } } : report }).aggregate;
  return submitted.auditPass({ at: auditAt, actor: 'hotline_agent', by: 'agent-2', calendar }).aggregate;
}

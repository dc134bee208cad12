/**
 * The requests of the ticket path, as in apps/complaints/test/tickets.e2e-spec.ts (the happy path)
 * and apps/complaints/test/complaints-api.ts (phone intake). HOUSING.REPAIR in area 440104 is
 * dispatched by the catalogue to GZ-YX-HOUSING, whose officer handles it.
 */
export const API = '/api/v1/complaints';
export const UNIT = 'GZ-YX-HOUSING';

/**
 * The timer kind of the handling-deadline clock (TICKET_TIMERS.overdue in
 * apps/complaints/src/shared/ticket-clocks.ts). Its handler (FireTicketClockHandler) loads the
 * ticket FOR UPDATE and returns when there is none: timers keyed by ids that are no ticket fire
 * with no effect but the poller's own work and that one primary-key read.
 */
export const OVERDUE_TIMER_KIND = 'complaints.ticket.mark_overdue';

/** An online submission by the caller (an applicant account). */
export const onlineSubmission = (n: number) => ({ channel: 'WEB', content: `The lift of building ${n} has been broken for a month`, serviceCode: 'HOUSING.REPAIR', area: '440104' });

/** A phone submission the hotline agent takes on the caller's behalf. */
export const phoneSubmission = (n: number) => ({
  channel: 'PHONE',
  content: `The lift of building ${n} has been broken for a month`,
  serviceCode: 'HOUSING.REPAIR',
  area: '440104',
  caller: { name: '韩梅梅', phone: `138${String(10_000_000 + (n % 90_000_000)).padStart(8, '0')}` },
});

/** Registration with one complaint dispatched at once from the catalogue (row #4). */
export const registration = { items: [{ type: 'COMPLAINT', scenarioCode: 'HOUSING.REPAIR', dispatch: {} }] };

export const reply = () => ({ outcome: 'REPLIED', method: 'PHONE', attempts: [new Date().toISOString()], evidenceRef: 'rec-001' });
export const report = { outcomeCode: 'HANDLED', report: { process: { steps: 'Inspected the lift', result: 'Repaired' } } };
export const audit = { result: 'PASS' };
export const rating = { grade: 'SATISFIED' };

import { NotSameCallerError, NotYetDueError } from '../shared/errors';
import { at, catchError } from '../shared/machine-testing';
import { Submission, SubmissionRefusedError } from './submission';
import { calendar, CALLER } from './test-fixtures';

const receive = (channel: 'PHONE' | 'WEB', extra: Partial<Parameters<typeof Submission.receive>[0]> = {}) =>
  Submission.receive({ id: 's-1', jurisdictionId: 'CN-44-01', channel, callerKey: CALLER, actor: channel === 'PHONE' ? 'hotline_agent' : 'caller', at: at('2026-09-30T09:00'), ...extra }).aggregate;
const code = (fn: () => unknown) => (catchError(fn) as { code: string }).code;

describe('Submission: intake and supplements (spec §3.3; 002 L1507–1521)', () => {
  it('registration creates one ticket per item, split-numbered (002 L1509–1513)', () => {
    const out = receive('PHONE').register({
      at: at('2026-09-30T09:10'),
      agentId: 'a',
      calendar,
      items: [
        { ticketId: 't-1', type: 'CONSULTATION', scenarioCode: 'A' },
        { ticketId: 't-2', type: 'COMPLAINT', scenarioCode: 'B' },
      ],
    });
    expect(out.aggregate.state).toMatchObject({ status: 'REGISTERED', ticketIds: ['t-1', 't-2'] });
    expect(out.tickets.map((t) => [t.state.id, t.state.splitIndex, t.state.splitCount, t.state.state])).toEqual([
      ['t-1', 1, 2, 'REGISTERED'],
      ['t-2', 2, 2, 'REGISTERED'],
    ]);
    expect(out.events.map((e) => e.type)).toEqual(['complaints.ticket.registered', 'complaints.ticket.registered']);
  });

  it('network: one notice, 3 ND from its receipt; at the last instant yes, at the end no; then closed on lapse (002 L1517)', () => {
    const waiting = receive('WEB').requestSupplement({ at: at('2026-09-30T10:00'), agentId: 'a', missing: ['address'], noticeReceivedAt: at('2026-09-30T12:00'), calendar }).aggregate;
    expect(waiting.state.supplement?.dueAt).toEqual(at('2026-10-04T00:00'));
    expect(waiting.supplement({ at: at('2026-10-03T23:59:59.999'), actor: 'caller', callerKey: CALLER }).aggregate.state.status).toBe('RECEIVED');
    expect(code(() => waiting.supplement({ at: at('2026-10-04T00:00'), actor: 'caller', callerKey: CALLER }))).toBe('complaints.submission.supplement_period_over');
    expect(catchError(() => waiting.supplement({ at: at('2026-10-02T10:00'), actor: 'caller', callerKey: 'x' }))).toBeInstanceOf(NotSameCallerError);
    expect(catchError(() => waiting.closeIncomplete({ at: at('2026-10-03T10:00'), actor: 'timer', reason: 'LAPSED', note: 'n' }))).toBeInstanceOf(NotYetDueError);
    const closed = waiting.closeIncomplete({ at: at('2026-10-04T00:00'), actor: 'timer', reason: 'LAPSED', note: 'no answer' });
    expect(closed.aggregate.state).toMatchObject({ status: 'CLOSED', closeReason: 'INCOMPLETE' });
    expect(closed.events[0]).toMatchObject({ type: 'complaints.submission.closed', data: { reason: 'INCOMPLETE' } });
  });

  it('one supplement only; still inadequate → closed (002 L1517)', () => {
    const supplied = receive('WEB')
      .requestSupplement({ at: at('2026-09-30T10:00'), agentId: 'a', missing: ['x'], calendar }).aggregate
      .supplement({ at: at('2026-10-01T10:00'), actor: 'caller', callerKey: CALLER }).aggregate;
    expect(catchError(() => supplied.requestSupplement({ at: at('2026-10-01T11:00'), agentId: 'a', missing: ['y'], calendar }))).toBeInstanceOf(SubmissionRefusedError);
    expect(supplied.closeIncomplete({ at: at('2026-10-01T11:00'), actor: 'hotline_agent', reason: 'STILL_INADEQUATE', note: 'n' }).aggregate.state.status).toBe('CLOSED');
  });

  it('phone: closed after 3 failed calls ≥15 min apart, not before (002 L1515)', () => {
    let s = receive('PHONE').requestSupplement({ at: at('2026-09-30T10:00'), agentId: 'a', missing: ['x'], calendar }).aggregate;
    for (const t of ['2026-09-30T10:00', '2026-09-30T10:10', '2026-09-30T10:25']) s = s.recordSupplementCall({ at: at(t), agentId: 'a' }).aggregate;
    expect(code(() => s.closeIncomplete({ at: at('2026-09-30T10:30'), actor: 'hotline_agent', reason: 'CALLS_FAILED', note: 'n' }))).toBe('complaints.submission.close_not_justified');
    s = s.recordSupplementCall({ at: at('2026-09-30T10:40'), agentId: 'a' }).aggregate;
    expect(s.closeIncomplete({ at: at('2026-09-30T10:45'), actor: 'hotline_agent', reason: 'CALLS_FAILED', note: 'n' }).aggregate.state.closeReason).toBe('INCOMPLETE');
  });

  it('real name required but hidden → not registered; closed IDENTITY_REFUSED (002 L1497–1507)', () => {
    const s = receive('PHONE', { realNameRequired: true, identityGiven: ['name', 'idNumber', 'phone'], hiddenFields: ['name'] });
    expect(code(() => s.register({ at: at('2026-09-30T09:10'), agentId: 'a', calendar, items: [{ ticketId: 't', type: 'COMPLAINT', scenarioCode: 'A' }] }))).toBe('complaints.submission.real_name_required');
    expect(s.refuseIdentity({ at: at('2026-09-30T09:10'), agentId: 'a' }).aggregate.state.closeReason).toBe('IDENTITY_REFUSED');
    const named = receive('PHONE', { realNameRequired: true, identityGiven: ['name', 'idNumber', 'phone'] });
    expect(code(() => named.refuseIdentity({ at: at('2026-09-30T09:10'), agentId: 'a' }))).toBe('complaints.submission.real_name_not_required');
  });
});

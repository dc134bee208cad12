import { describeMachineExhaustively } from '../shared/machine-testing';
import { findTransition } from '../shared/state-machine';
import { SUBMISSION_MACHINE } from './submission-machine';
import { TICKET_MACHINE, TICKET_STATES, type TicketStatus, type TicketTrigger } from './ticket-machine';

describeMachineExhaustively(TICKET_MACHINE);
describeMachineExhaustively(SUBMISSION_MACHINE);

describe('ticket machine: every row of the spec §3.4 table', () => {
  it.each<[string, TicketStatus, TicketTrigger, TicketStatus]>([
    ['#2', 'REGISTERED', 'answer_from_knowledge_base', 'CLOSED'],
    ['#3', 'REGISTERED', 'guide', 'CLOSED'],
    ['#4', 'REGISTERED', 'dispatch', 'DISPATCHED'],
    ['#5', 'DISPATCHED', 'accept', 'IN_PROGRESS'],
    ['#5 design', 'DISPATCHED', 'auto_accept', 'IN_PROGRESS'],
    ['#6', 'DISPATCHED', 'request_return', 'RETURN_REQUESTED'],
    ['#7', 'RETURN_REQUESTED', 'approve_return', 'DISPATCHED'],
    ['#8', 'RETURN_REQUESTED', 'approve_return_jointly', 'DISPATCHED'],
    ['#9', 'RETURN_REQUESTED', 'reject_return', 'IN_PROGRESS'],
    ['#10', 'RETURN_REQUESTED', 'approve_return_to_coordination', 'IN_COORDINATION'],
    ['#11', 'IN_COORDINATION', 'request_guidance', 'IN_COORDINATION'],
    ['#11', 'IN_COORDINATION', 'give_guidance', 'IN_COORDINATION'],
    ['#12', 'IN_COORDINATION', 'decide_unit', 'DISPATCHED'],
    ['#13', 'IN_PROGRESS', 'extend', 'IN_PROGRESS'],
    ['#14/15', 'IN_PROGRESS', 'add_facts', 'IN_PROGRESS'],
    ['#14/15', 'IN_PROGRESS', 'assess_facts', 'IN_PROGRESS'],
    ['#16', 'IN_PROGRESS', 'record_verification_attempt', 'IN_PROGRESS'],
    ['#17', 'IN_PROGRESS', 'record_reply', 'IN_PROGRESS'],
    ['#17', 'REHANDLING', 'record_reply', 'REHANDLING'],
    ['#18', 'IN_PROGRESS', 'submit', 'SUBMITTED'],
    ['#18 special', 'DISPATCHED', 'submit', 'SUBMITTED'],
    ['#19', 'SUBMITTED', 'audit_pass', 'AWAITING_RATING'],
    ['#21', 'AWAITING_RATING', 'rate_satisfied', 'CLOSED'],
    ['#21 lapse', 'AWAITING_RATING', 'rating_lapse', 'CLOSED'],
    ['#22', 'AWAITING_RATING', 'rate_dissatisfied', 'CALLBACK_PENDING'],
    ['#23', 'CALLBACK_PENDING', 'reopen_for_rehandling', 'REHANDLING'],
    ['#24', 'CALLBACK_PENDING', 'close_without_rehandling', 'CLOSED'],
    ['#25', 'REHANDLING', 'submit', 'SUBMITTED'],
    ['#26', 'CALLBACK_PENDING', 'record_callback', 'AWAITING_DUTY_OPINION'],
    ['#27', 'AWAITING_DUTY_OPINION', 'file_duty_opinion', 'CLOSED'],
    ['#27 lapse', 'AWAITING_DUTY_OPINION', 'duty_opinion_lapse', 'CLOSED'],
    ['#29', 'DISPATCHED', 'mark_read', 'CLOSED'],
    ['#30', 'IN_PROGRESS', 'merge', 'CLOSED'],
  ])('row %s: %s --%s--> %s', (_row, from, trigger, to) => {
    expect(findTransition(TICKET_MACHINE, from, trigger)?.to).toBe(to);
  });

  it('#20 audit_fail returns to IN_PROGRESS (round 1) or REHANDLING (round 2)', () => {
    expect(findTransition(TICKET_MACHINE, 'SUBMITTED', 'audit_fail')?.to).toEqual({ returnTo: ['IN_PROGRESS', 'REHANDLING'] });
  });

  it('#28 withdraw is allowed from every open state and never from CLOSED', () => {
    for (const s of TICKET_STATES) expect(findTransition(TICKET_MACHINE, s, 'withdraw') !== undefined).toBe(s !== 'CLOSED');
  });

  it('re-handling has no return and no extension (002 L1642)', () => {
    expect(findTransition(TICKET_MACHINE, 'REHANDLING', 'request_return')).toBeUndefined();
    expect(findTransition(TICKET_MACHINE, 'REHANDLING', 'extend')).toBeUndefined();
  });

  it('every row cites its spec row or seed line', () => {
    for (const row of TICKET_MACHINE.transitions) expect(row.guard).toMatch(/#\d|002 L\d|design/);
  });
});

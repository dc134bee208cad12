import type { StateMachine, TransitionRow } from '../shared/state-machine';

/**
 * The ticket (工单) state machine, spec §3.4, one row (or row group) per numbered line of the
 * spec's table. Guards and time limits are documented in `guard`; the Ticket aggregate enforces
 * them. CLOSED is one terminal state; the ticket's `closeReason` says which close it was
 * (ANSWERED_FROM_KB, GUIDED, WITHDRAWN, PRAISE_READ, MERGED, RATED, NOT_RATED, ...).
 */
export const TICKET_STATES = [
  'REGISTERED',
  'DISPATCHED',
  'RETURN_REQUESTED',
  'IN_COORDINATION',
  'IN_PROGRESS',
  'SUBMITTED',
  'AWAITING_RATING',
  'CALLBACK_PENDING',
  'REHANDLING',
  'AWAITING_DUTY_OPINION',
  'CLOSED',
] as const;
export type TicketStatus = (typeof TICKET_STATES)[number];

export const TICKET_TRIGGERS = [
  'register',
  'answer_from_knowledge_base',
  'guide',
  'dispatch',
  'accept',
  'auto_accept',
  'request_return',
  'approve_return',
  'approve_return_jointly',
  'approve_return_to_coordination',
  'reject_return',
  'request_guidance',
  'give_guidance',
  'decide_unit',
  'assign_co_handlers',
  'assign_sub_office',
  'extend',
  'add_facts',
  'assess_facts',
  'record_verification_attempt',
  'record_reply',
  'submit',
  'audit_pass',
  'audit_fail',
  'send_rating_request',
  'rate_satisfied',
  'rate_dissatisfied',
  'rating_lapse',
  'reopen_for_rehandling',
  'close_without_rehandling',
  'record_callback',
  'file_duty_opinion',
  'duty_opinion_lapse',
  'withdraw',
  'mark_read',
  'merge',
  'mark_overdue',
] as const;
export type TicketTrigger = (typeof TICKET_TRIGGERS)[number];

const OPEN_STATES: TicketStatus[] = TICKET_STATES.filter((s) => s !== 'CLOSED');

/** A command that leaves the state unchanged, allowed in each of `states` (one row per state). */
function selfLoops(states: readonly TicketStatus[], row: Omit<TransitionRow<TicketStatus, TicketTrigger>, 'from' | 'to'>): TransitionRow<TicketStatus, TicketTrigger>[] {
  return states.map((s) => ({ ...row, from: [s], to: s }));
}

export const TICKET_MACHINE: StateMachine<TicketStatus, TicketTrigger> = {
  name: 'ticket',
  codePrefix: 'complaints',
  states: TICKET_STATES,
  triggers: TICKET_TRIGGERS,
  creations: [
    // #1 registered from a Submission; dispatch due in 1 WD (002 L1509–1513, L1527–1531)
    { trigger: 'register', to: 'REGISTERED', actors: ['hotline_agent'], guard: '#1 from a registered Submission; one ticket per item and per handling unit (002 L1509–1513); dispatch due in 1 WD' },
  ],
  transitions: [
    // #2 直接答复 from the knowledge base (002 L1527, L1632)
    { from: ['REGISTERED'], trigger: 'answer_from_knowledge_base', to: 'CLOSED', actors: ['hotline_agent'], guard: '#2 CONSULTATION; published, unexpired knowledge point (002 L1527); only the intake rating applies (002 L1632)' },
    // #3 引导 (002 L1513)
    { from: ['REGISTERED'], trigger: 'guide', to: 'CLOSED', actors: ['hotline_agent'], guard: '#3 the content calls for guidance only (002 L1513); guidance text recorded' },
    // #4 派单 (002 L1527–1531, L1539)
    { from: ['REGISTERED'], trigger: 'dispatch', to: 'DISPATCHED', actors: ['hotline_agent', 'district_body'], guard: '#4 unit from the dispatch catalogue; ≤1 WD after registration (002 L1527–1531); handling clock from 00:00 of the next WD (002 L1539)' },
    // #5 签收 within 2 WD (002 L1541–1543)
    { from: ['DISPATCHED'], trigger: 'accept', to: 'IN_PROGRESS', actors: ['handling_unit'], guard: '#5 the assigned unit; ≤2 WD after receipt (002 L1541–1543)' },
    { from: ['DISPATCHED'], trigger: 'auto_accept', to: 'IN_PROGRESS', actors: ['timer'], guard: '#5 (design) no action within 2 WD → auto-accept; return no longer allowed' },
    // #6 退单申请 (002 L1545, L1549–1552)
    { from: ['DISPATCHED'], trigger: 'request_return', to: 'RETURN_REQUESTED', actors: ['handling_unit'], guard: '#6 ≤2 WD after receipt (002 L1545); reasons plus evidence by dispute type (002 L1549–1552); not after a coordination decision (design); clock keeps running' },
    // #7 退单 approved: re-dispatch, the clock restarts (002 L1554)
    { from: ['RETURN_REQUESTED'], trigger: 'approve_return', to: 'DISPATCHED', actors: ['hotline_agent'], guard: '#7 approved returns by distinct units < 3; new unit; clock restarts from the new dispatch (002 L1554)' },
    // #8 lead + co-handlers (002 L1556)
    { from: ['RETURN_REQUESTED'], trigger: 'approve_return_jointly', to: 'DISPATCHED', actors: ['hotline_agent'], guard: '#8 ≥2 units: lead plus co-handlers; clock from the lead\u2019s receipt; lead notifies co-handlers ≤2 WD (002 L1556)' },
    // #10 疑难工单 coordination after returns approved for 3 distinct units (002 L1558; Q4)
    { from: ['RETURN_REQUESTED'], trigger: 'approve_return_to_coordination', to: 'IN_COORDINATION', actors: ['hotline_agent'], guard: '#10 this approval makes ≥3 distinct units with approved returns (002 L1558); handling clock suspended (design)' },
    // #9 退单 rejected: the clock continues (002 L1554)
    { from: ['RETURN_REQUESTED'], trigger: 'reject_return', to: 'IN_PROGRESS', actors: ['hotline_agent'], guard: '#9 reason required; original unit; clock continues (002 L1554)' },
    // #11 guidance (002 L1562–1568)
    { from: ['IN_COORDINATION'], trigger: 'request_guidance', to: 'IN_COORDINATION', actors: ['supervisor'], guard: '#11 inter-district 2 WD / duty split 5 WD / law application 5 WD (002 L1562–1566)' },
    { from: ['IN_COORDINATION'], trigger: 'give_guidance', to: 'IN_COORDINATION', actors: ['guidance_body'], guard: '#11 the requested body gives its opinion (002 L1562–1566)' },
    // #12 decide the unit
    { from: ['IN_COORDINATION'], trigger: 'decide_unit', to: 'DISPATCHED', actors: ['supervisor'], guard: '#12 every opinion received or its deadline passed (design); new clock; that unit may not return the ticket (design)' },
    // #8 the lead names co-handlers and items; 经办机构 sub-office (002 L1473, L1556)
    ...selfLoops(['DISPATCHED', 'IN_PROGRESS'], { trigger: 'assign_co_handlers', actors: ['handling_unit'], guard: '#8 the lead unit; ≤2 WD after its receipt (002 L1556)' }),
    ...selfLoops(['DISPATCHED', 'IN_PROGRESS'], { trigger: 'assign_sub_office', actors: ['handling_unit'], guard: 'the unit stays accountable (002 L1473)' }),
    // #13 延期 (002 L1570)
    { from: ['IN_PROGRESS'], trigger: 'extend', to: 'IN_PROGRESS', actors: ['handling_unit'], guard: '#13 before the deadline; fewer than 2 so far; days ≤ the limit set at first dispatch; reason told to the caller (002 L1570)' },
    // #14/#15 补充事实 (002 L1572–1576)
    { from: ['IN_PROGRESS'], trigger: 'add_facts', to: 'IN_PROGRESS', actors: ['caller', 'hotline_agent', 'integrator'], guard: '#14/#15 the caller (same phone or account, 002 L1495) adds facts before submission (002 L1572); the agent records' },
    { from: ['IN_PROGRESS'], trigger: 'assess_facts', to: 'IN_PROGRESS', actors: ['handling_unit'], guard: '#14 affects handling → clock restarts from receipt (002 L1574); #15 does not → clock continues (002 L1576)' },
    // #16 核实 (002 L1519)
    { from: ['IN_PROGRESS'], trigger: 'record_verification_attempt', to: 'IN_PROGRESS', actors: ['handling_unit'], guard: '#16 3 unanswered calls ≥15 min apart, or refusal → CALLER_UNREACHABLE (002 L1519)' },
    // #17 答复 (002 L1578)
    ...selfLoops(['IN_PROGRESS', 'REHANDLING'], { trigger: 'record_reply', actors: ['handling_unit'], guard: '#17 phone, SMS or letter; caller wants no reply; or 3 attempts ≥15 min apart failed (002 L1578)' }),
    // #18/#25 办结提交 (002 L1539, L1544, L1580–1600, L1646, L1660)
    { from: ['DISPATCHED', 'IN_PROGRESS', 'REHANDLING'], trigger: 'submit', to: 'SUBMITTED', actors: ['handling_unit'], guard: '#18/#25 reply recorded; report complete (§3.5); from DISPATCHED only for special categories (002 L1544, L1646)' },
    // #19/#20 审核 (002 L1454, L1539, L1634–1636, L1660)
    { from: ['SUBMITTED'], trigger: 'audit_pass', to: 'AWAITING_RATING', actors: ['hotline_agent', 'district_body'], guard: '#19 report meets requirements (002 L1454); onTime fixed; rating channel ≤24 h (002 L1634)' },
    { from: ['SUBMITTED'], trigger: 'audit_fail', to: { returnTo: ['IN_PROGRESS', 'REHANDLING'] }, actors: ['hotline_agent', 'district_body'], guard: '#20 back to IN_PROGRESS (r1) or REHANDLING (r2); the clock resumes as if never stopped (002 L1539, L1660)' },
    // #21/#22 满意度 (002 L1634–1638, L1662)
    { from: ['AWAITING_RATING'], trigger: 'send_rating_request', to: 'AWAITING_RATING', actors: ['system', 'hotline_agent'], guard: '#19 within 24 h of the audit (002 L1634); opens the 5 ND window (002 L1636)' },
    { from: ['AWAITING_RATING'], trigger: 'rate_satisfied', to: 'CLOSED', actors: ['caller', 'integrator'], guard: '#21 VERY_SATISFIED, SATISFIED or BASICALLY_SATISFIED within 5 ND (002 L1636); invalid answers ignored' },
    { from: ['AWAITING_RATING'], trigger: 'rating_lapse', to: 'CLOSED', actors: ['timer'], guard: '#21 no or late answer after 5 ND = NOT_RATED (002 L1636)' },
    { from: ['AWAITING_RATING'], trigger: 'rate_dissatisfied', to: 'CALLBACK_PENDING', actors: ['caller', 'integrator'], guard: '#22 DISSATISFIED or VERY_DISSATISFIED; callback by phone, SMS or internet (002 L1638, L1662)' },
    // #23/#24 重办 (002 L1640–1658)
    { from: ['CALLBACK_PENDING'], trigger: 'reopen_for_rehandling', to: 'REHANDLING', actors: ['hotline_agent'], guard: '#23 round 1; not yet re-handled; outcome not one of the 6 exclusions (002 L1644–1658); discretionary (002 L1640); no return, no extension (002 L1642)' },
    { from: ['CALLBACK_PENDING'], trigger: 'close_without_rehandling', to: 'CLOSED', actors: ['hotline_agent'], guard: '#24 round 1; excluded, or the centre does not reopen; rehandling_skipped with the reason' },
    // #26 second dissatisfaction (002 L1662–1664)
    { from: ['CALLBACK_PENDING'], trigger: 'record_callback', to: 'AWAITING_DUTY_OPINION', actors: ['hotline_agent'], guard: '#26 round 2; callback recorded; duty opinion due in 5 WD (002 L1662–1664)' },
    // #27 履职尽责意见 (002 L1664)
    { from: ['AWAITING_DUTY_OPINION'], trigger: 'file_duty_opinion', to: 'CLOSED', actors: ['handling_unit'], guard: '#27 lawful handling asserted within 5 WD (002 L1664)' },
    { from: ['AWAITING_DUTY_OPINION'], trigger: 'duty_opinion_lapse', to: 'CLOSED', actors: ['timer'], guard: '#27 5 WD passed without an opinion (002 L1664)' },
    // #28 撤回 (002 L1495, L1606, L1634)
    { from: OPEN_STATES, trigger: 'withdraw', to: 'CLOSED', actors: ['caller', 'hotline_agent', 'integrator'], guard: '#28 same phone or account (002 L1495, L1606); never rated (002 L1634); REPORT may still be investigated (002 L1606)' },
    // #29 表扬 (002 L1604)
    { from: ['DISPATCHED'], trigger: 'mark_read', to: 'CLOSED', actors: ['handling_unit'], guard: '#29 PRAISE: the unit reads it and the ticket closes (002 L1604)' },
    // #30 并单 (§5)
    { from: ['REGISTERED', 'DISPATCHED', 'IN_PROGRESS'], trigger: 'merge', to: 'CLOSED', actors: ['hotline_agent'], guard: '#30 same jurisdiction; never REPORT with another type (§5)' },
    // 超期 (002 L1539): a flag, the state is unchanged
    ...selfLoops(['DISPATCHED', 'RETURN_REQUESTED', 'IN_PROGRESS', 'REHANDLING'], { trigger: 'mark_overdue', actors: ['timer'], guard: 'the handling deadline passed with no compliant report (002 L1539); once per clock' }),
  ],
  terminal: ['CLOSED'],
};

/** Open (not CLOSED). */
export function isOpen(status: TicketStatus): boolean {
  return status !== 'CLOSED';
}

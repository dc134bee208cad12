import type { TaxStateMachine } from '../shared/state-machine';

/**
 * Refund claim (退税申请), tax.md §9; scope 留抵退税 in 13 key industries (002 L365). The seeds give
 * no refund workflow and no time limit (the only mention is the refund-fraud list, 000 L2780); every
 * limit here is [cfg] (§16 Q6). The table is the §9 table row by row, plus `lapse` (the
 * "10 WD, then lapse" of the INFO_REQUESTED row) into LAPSED.
 */
export const REFUND_STATES = ['SUBMITTED', 'BLOCKED', 'UNDER_REVIEW', 'INFO_REQUESTED', 'APPROVED', 'REJECTED', 'PAID', 'CLAWBACK', 'LAPSED'] as const;
export type RefundStatus = (typeof REFUND_STATES)[number];

export const REFUND_TRIGGERS = ['submit', 'gate_block', 'gate_pass', 'request_info', 'supply_info', 'lapse', 'approve', 'reject', 'pay', 'unblock', 'open_clawback'] as const;
export type RefundTrigger = (typeof REFUND_TRIGGERS)[number];

export const REFUND_MACHINE: TaxStateMachine<RefundStatus, RefundTrigger> = {
  name: 'refund-claim',
  codePrefix: 'tax',
  states: REFUND_STATES,
  triggers: REFUND_TRIGGERS,
  creations: [{ trigger: 'submit', to: 'SUBMITTED', actors: ['applicant'], guard: 'Eligible (13 key industries for 留抵); tax.refund.requested' }],
  transitions: [
    { from: ['SUBMITTED'], trigger: 'gate_block', to: 'BLOCKED', actors: ['system'], guard: 'Credit+risk gate (§8) blocks; within 1 min; tax.refund.blocked' },
    { from: ['SUBMITTED'], trigger: 'gate_pass', to: 'UNDER_REVIEW', actors: ['system'], guard: 'Gate simplified / normal / acknowledged warning (recorded); within 1 min; review due 10 WD [cfg]' },
    { from: ['UNDER_REVIEW'], trigger: 'request_info', to: 'INFO_REQUESTED', actors: ['officer_service'], guard: 'Review clock suspended; notice to the taxpayer' },
    { from: ['INFO_REQUESTED'], trigger: 'supply_info', to: 'UNDER_REVIEW', actors: ['applicant'], guard: 'Within 10 WD of the request [cfg]; review clock resumes' },
    { from: ['INFO_REQUESTED'], trigger: 'lapse', to: 'LAPSED', actors: ['timer'], guard: '10 WD passed without the information [cfg]' },
    { from: ['UNDER_REVIEW'], trigger: 'approve', to: 'APPROVED', actors: ['officer_service'], guard: 'Review limit 10 WD [cfg]; payment due 5 WD [cfg]; tax.refund.approved' },
    { from: ['UNDER_REVIEW'], trigger: 'reject', to: 'REJECTED', actors: ['officer_service'], guard: 'reasons[] required; tax.refund.rejected' },
    { from: ['APPROVED'], trigger: 'pay', to: 'PAID', actors: ['finance'], guard: 'Treasury pays within 5 WD [cfg]; tax.refund.paid' },
    { from: ['BLOCKED'], trigger: 'unblock', to: 'UNDER_REVIEW', actors: ['officer_risk'], guard: 'Risk case resolved (§8.6); tax.refund.unblocked; review clock starts' },
    { from: ['PAID'], trigger: 'open_clawback', to: 'CLAWBACK', actors: ['officer_risk'], guard: 'Later found fraudulent; tax.refund.clawback_opened' },
  ],
  terminal: ['REJECTED', 'CLAWBACK', 'LAPSED'],
};

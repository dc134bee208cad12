import type { ProblemTypeMap } from '@one-window/shared/http';
import type { ConsumerDefinition, ServiceDefinition } from '@one-window/shared/platform';
import { SendRiskReminderHandler } from './open-risk-case/send-risk-reminder.handler';
import { RISK_REMINDER_TIMER } from './open-risk-case/open-risk-case.handler';
import { IssueClearanceHandler } from './issue-clearance/issue-clearance.handler';
import { REFUND_INFO_LAPSE_TIMER, ReviewRefundClaimHandler } from './review-refund-claim/review-refund-claim.handler';
import { CLEARANCE_COMMITMENT_DUE_TIMER } from './shared/clearance-desk';

const p = (status: number, title: string, type: string) => ({ status, title, type });

/** Domain error codes of the credit + risk, refund and clearance part → HTTP (merged into the service's one registry). */
export const CREDIT_PROBLEM_TYPES: ProblemTypeMap = {
  'tax.operation.blocked': p(403, 'Operation blocked by the credit + risk gate', 'tax-operation-blocked'),
  'tax.operation.warning_not_acknowledged': p(422, 'Credit + risk warning not acknowledged', 'tax-operation-warning-not-acknowledged'),
  'tax.refund.not_eligible': p(422, 'Refund not eligible', 'tax-refund-not-eligible'),
  'tax.refund.reasons_required': p(422, 'Reasons required', 'tax-refund-reasons-required'),
  'tax.refund.info_period_over': p(409, 'Information period over', 'tax-refund-info-period-over'),
  'tax.refund.info_period_not_over': p(409, 'Information period not over', 'tax-refund-info-period-not-over'),
  'tax.refund.risk_not_resolved': p(409, 'Risk case not resolved', 'tax-refund-risk-not-resolved'),
  'tax.risk.deadline_not_missed': p(409, 'Deadline not missed yet', 'tax-risk-deadline-not-missed'),
  'tax.credit.rerating_outside_window': p(422, 'Outside the re-rating window', 'tax-credit-rerating-outside-window'),
  'tax.credit.rerating_not_eligible': p(422, 'Not eligible for re-rating', 'tax-credit-rerating-not-eligible'),
  'tax.credit.rerating_outside_decision_month': p(409, 'Outside the decision month', 'tax-credit-rerating-outside-decision-month'),
  'tax.clearance.blockers_outstanding': p(409, 'Clearance blockers outstanding', 'tax-clearance-blockers-outstanding'),
  'tax.clearance.commitment_not_due': p(409, 'Commitment not due', 'tax-clearance-commitment-not-due'),
  'tax.clearance.commitment_overdue': p(409, 'Commitment overdue', 'tax-clearance-commitment-overdue'),
  'tax.clearance.issuer_not_allowed': p(403, 'Not allowed to issue this clearance', 'tax-clearance-issuer-not-allowed'),
  'tax.clearance.route_mismatch': p(409, 'Clearance route does not allow this', 'tax-clearance-route-mismatch'),
  'tax.clearance.case_open': p(409, 'A clearance case is open', 'tax-clearance-case-open'),
};

/** Durable timers of the credit part: the risk reminder, the refund information lapse, the clearance commitment's due date. */
export const CREDIT_TIMERS: NonNullable<ServiceDefinition['timers']> = (get) => ({
  [RISK_REMINDER_TIMER]: (timer, tx) => get(SendRiskReminderHandler).execute(timer, tx),
  [REFUND_INFO_LAPSE_TIMER]: (timer, tx) => get(ReviewRefundClaimHandler).lapse(timer, tx),
  [CLEARANCE_COMMITMENT_DUE_TIMER]: (timer, tx) => get(IssueClearanceHandler).breach(timer, tx),
});

/** Consumer groups of the credit part. */
export const CREDIT_CONSUMERS: ConsumerDefinition[] = [];

/** Snapshots of the credit part for integrators. */
export const CREDIT_SNAPSHOTS: NonNullable<ServiceDefinition['snapshots']> = () => [];

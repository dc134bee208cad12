/**
 * The refund claim aggregate (退税申请), tax.md §9; VAT credit refund = 留抵退税. Immutable: every
 * command returns { aggregate, events }. Limits [cfg] (§16 Q6): review 10 WD from entering
 * UNDER_REVIEW, the clock suspended while INFO_REQUESTED; the taxpayer answers within 10 WD or
 * the claim lapses; payment within 5 WD of approval.
 */
import { Deadline, type DeadlineSnapshot, type WorkingCalendar } from '@one-window/shared/calendar';
import { toFen, type Money } from '@one-window/shared/money';
import type { TaxActor } from '../shared/actors';
import { TaxInvalidArgumentError } from '../shared/errors';
import { create, transition } from '../shared/state-machine';
import type { TaxpayerCreditRisk } from '../credit-risk/credit-risk';
import { copyDate, taxEvent, type TaxDomainEvent, type TaxOutcome } from '../credit-risk/domain-event';
import { TaxOperationWarningNotAcknowledgedError } from '../credit-risk/errors';
import { gateEvent, gateKeyOperation, type GateOptions, type GateResult } from '../credit-risk/gate';
import type { RiskCaseStatus } from '../credit-risk/risk-case-machine';
import {
  RefundInfoPeriodNotOverError,
  RefundInfoPeriodOverError,
  RefundNotEligibleError,
  RefundReasonsRequiredError,
  RefundRiskNotResolvedError,
} from './errors';
import { keyIndustryOf, parseIndustryCode, KEY_INDUSTRIES, type KeyIndustry } from './key-industries';
import { REFUND_MACHINE, type RefundStatus, type RefundTrigger } from './refund-machine';

/**
 * 留抵退税 (VAT_CREDIT), the seed's scope (002 L365), and the other refunds the seeds name: priority
 * IIT annual-reconciliation refunds (002 L287), the IIT withholding handling-fee refund before
 * deregistration (002 L293), the R&D-centre equipment refund (002 L165).
 */
export const REFUND_KINDS = ['VAT_CREDIT', 'IIT_ANNUAL', 'WITHHOLDING_FEE', 'RD_EQUIPMENT'] as const;
export type RefundKind = (typeof REFUND_KINDS)[number];

/** The key operation the credit + risk gate checks on submission (R8.3). */
export const REFUND_OPERATION = 'REFUND_CLAIM';

/** §9 limits [cfg]. */
export interface RefundPolicy {
  readonly reviewWorkingDays: number;
  readonly infoResponseWorkingDays: number;
  readonly paymentWorkingDays: number;
}

export const DEFAULT_REFUND_POLICY: RefundPolicy = { reviewWorkingDays: 10, infoResponseWorkingDays: 10, paymentWorkingDays: 5 };

export type RefundIneligibility = 'INVALID_INDUSTRY_CODE' | 'NOT_KEY_INDUSTRY' | 'ZERO_AMOUNT';

export interface RefundEligibility {
  readonly eligible: boolean;
  readonly keyIndustry?: KeyIndustry;
  readonly reasons: readonly RefundIneligibility[];
}

/**
 * Eligibility: a positive amount; for 留抵 (VAT_CREDIT) an industry code in one of the 13 key
 * industries. "13 key industries and others" (002 L365) is read as: the other refund kinds are
 * not limited by industry.
 */
export function refundEligibility(claim: { kind: RefundKind; industryCode: string; amount: Money }, industries: readonly KeyIndustry[] = KEY_INDUSTRIES): RefundEligibility {
  const reasons: RefundIneligibility[] = [];
  if (toFen(claim.amount.amount) <= 0n) reasons.push('ZERO_AMOUNT');
  const keyIndustry = keyIndustryOf(claim.industryCode, industries);
  if (claim.kind === 'VAT_CREDIT') {
    if (!parseIndustryCode(claim.industryCode)) reasons.push('INVALID_INDUSTRY_CODE');
    else if (!keyIndustry) reasons.push('NOT_KEY_INDUSTRY');
  }
  return { eligible: reasons.length === 0, ...(keyIndustry ? { keyIndustry } : {}), reasons };
}

export interface RefundGateRecord {
  readonly decision: GateResult['decision'];
  readonly reasonCode: string;
  readonly rule: string;
  readonly howToLift?: string;
  readonly acknowledged: boolean;
  readonly at: Date;
  readonly snapshot: GateResult['snapshot'];
}

export interface InfoRequest {
  readonly requestedAt: Date;
  readonly officerId: string;
  readonly items: readonly string[];
  readonly respondBy: Date;
  /** False when the review was already overdue (an overdue clock is not suspended). */
  readonly clockSuspended: boolean;
  readonly suppliedAt?: Date;
}

export interface RefundHistoryEntry {
  readonly at: Date;
  readonly trigger: RefundTrigger;
  readonly from: RefundStatus | null;
  readonly to: RefundStatus;
  readonly actor: TaxActor;
  readonly by?: string;
}

export interface RefundClaimState {
  readonly claimId: string;
  readonly taxpayerId: string;
  readonly kind: RefundKind;
  readonly industryCode: string;
  /** The key industry id (留抵), if the code falls in one. */
  readonly keyIndustry?: string;
  readonly amount: Money;
  readonly status: RefundStatus;
  readonly submittedAt: Date;
  readonly gate: RefundGateRecord;
  /** Review limit (persist as JSON; rebuilt with Deadline.fromSnapshot). Starts on entering UNDER_REVIEW. */
  readonly review?: DeadlineSnapshot;
  readonly infoRequests: readonly InfoRequest[];
  readonly unblocked?: { readonly at: Date; readonly officerId: string; readonly riskCaseId: string };
  readonly decision?: { readonly outcome: 'APPROVED' | 'REJECTED'; readonly at: Date; readonly officerId: string; readonly reasons?: readonly string[]; readonly reviewOverdue: boolean };
  readonly paymentDueAt?: Date;
  readonly payment?: { readonly at: Date; readonly treasuryRef: string; readonly late: boolean };
  readonly lapsedAt?: Date;
  readonly clawback?: { readonly at: Date; readonly officerId: string; readonly reasonCodes: readonly string[] };
  readonly policy: RefundPolicy;
  readonly history: readonly RefundHistoryEntry[];
}

/** Data of every tax.refund.* event (§14: claimId, amount, industry, reasonCodes). */
export interface RefundEventData {
  readonly claimId: string;
  readonly taxpayerId: string;
  readonly kind: RefundKind;
  readonly amount: Money;
  readonly industry: string;
  readonly keyIndustry?: string;
  readonly reasonCodes: readonly string[];
  readonly rule?: string;
  readonly howToLift?: string;
  readonly dueAt?: string;
  readonly late?: boolean;
}

export interface SubmitRefundClaim {
  readonly claimId: string;
  readonly taxpayerId: string;
  readonly kind: RefundKind;
  readonly industryCode: string;
  readonly amount: Money;
  readonly at: Date;
  readonly calendar: WorkingCalendar;
  /** The taxpayer's grade, assessed risk and list hits at submission (§8). */
  readonly credit: TaxpayerCreditRisk;
  /** The applicant acknowledged a gate warning (R8.4). */
  readonly acknowledgeWarning?: boolean;
  readonly policy?: RefundPolicy;
  readonly gateOptions?: GateOptions;
}

export class RefundClaim {
  private constructor(readonly state: RefundClaimState) {}

  static restore(state: RefundClaimState): RefundClaim {
    return new RefundClaim(state);
  }

  /**
   * — → SUBMITTED (tax.refund.requested), then at once the credit + risk gate (§8, within 1 min):
   * block → BLOCKED (tax.operation.blocked, tax.refund.blocked); otherwise → UNDER_REVIEW with the
   * review clock started. A warning must be acknowledged (else TaxOperationWarningNotAcknowledgedError,
   * 422, and nothing is created); it is recorded on the claim and emitted as tax.operation.warned.
   */
  static submit(cmd: SubmitRefundClaim): TaxOutcome<RefundClaim> {
    const policy = cmd.policy ?? DEFAULT_REFUND_POLICY;
    const eligibility = refundEligibility(cmd);
    if (!eligibility.eligible) throw new RefundNotEligibleError({ kind: cmd.kind, industryCode: cmd.industryCode, reasons: eligibility.reasons });
    const gate = gateKeyOperation(REFUND_OPERATION, cmd.credit.creditGrade, cmd.credit.riskLevel, cmd.credit.listHits, cmd.gateOptions);
    const acknowledged = gate.decision === 'warning' && cmd.acknowledgeWarning === true;
    if (gate.decision === 'warning' && !acknowledged) {
      throw new TaxOperationWarningNotAcknowledgedError({ operation: gate.operation, reasonCode: gate.reasonCode, rule: gate.rule, howToLift: gate.howToLift ?? '' });
    }
    const status = create(REFUND_MACHINE, 'submit', 'applicant');
    const submitted = new RefundClaim({
      claimId: cmd.claimId,
      taxpayerId: cmd.taxpayerId,
      kind: cmd.kind,
      industryCode: cmd.industryCode,
      ...(eligibility.keyIndustry ? { keyIndustry: eligibility.keyIndustry.id } : {}),
      amount: { ...cmd.amount },
      status,
      submittedAt: copyDate(cmd.at),
      gate: {
        decision: gate.decision,
        reasonCode: gate.reasonCode,
        rule: gate.rule,
        ...(gate.howToLift !== undefined ? { howToLift: gate.howToLift } : {}),
        acknowledged,
        at: copyDate(cmd.at),
        snapshot: gate.snapshot,
      },
      infoRequests: [],
      policy,
      history: [{ at: copyDate(cmd.at), trigger: 'submit', from: null, to: status, actor: 'applicant', by: cmd.taxpayerId }],
    });
    const events: TaxDomainEvent[] = [submitted.event('tax.refund.requested', cmd.at, [])];
    const operationEvent = gateEvent(cmd.taxpayerId, cmd.at, gate, acknowledged);
    if (operationEvent) events.push(operationEvent);
    if (gate.decision === 'block') {
      const blocked = submitted.step('gate_block', 'system', cmd.at, undefined, {});
      events.push(blocked.event('tax.refund.blocked', cmd.at, [gate.reasonCode], { rule: gate.rule, ...(gate.howToLift !== undefined ? { howToLift: gate.howToLift } : {}) }));
      return { aggregate: blocked, events };
    }
    const underReview = submitted.step('gate_pass', 'system', cmd.at, undefined, { review: startReview(cmd.calendar, cmd.at, policy) });
    return { aggregate: underReview, events };
  }

  /** The review deadline, rebuilt on `calendar` (undefined before UNDER_REVIEW was first reached). */
  reviewDeadline(calendar: WorkingCalendar): Deadline | undefined {
    return this.state.review ? Deadline.fromSnapshot(calendar, this.state.review) : undefined;
  }

  /** BLOCKED → UNDER_REVIEW (risk officer) once the risk case is RESOLVED (§8.6): tax.refund.unblocked; the review clock starts. */
  unblock(cmd: { at: Date; officerId: string; calendar: WorkingCalendar; riskCase: { caseId: string; status: RiskCaseStatus } }): TaxOutcome<RefundClaim> {
    this.assertAllowed('unblock', 'officer_risk');
    if (cmd.riskCase.status !== 'RESOLVED') {
      throw new RefundRiskNotResolvedError({ claimId: this.state.claimId, riskCaseId: cmd.riskCase.caseId, riskCaseStatus: cmd.riskCase.status });
    }
    const next = this.step('unblock', 'officer_risk', cmd.at, cmd.officerId, {
      review: startReview(cmd.calendar, cmd.at, this.state.policy),
      unblocked: { at: copyDate(cmd.at), officerId: cmd.officerId, riskCaseId: cmd.riskCase.caseId },
    });
    return { aggregate: next, events: [next.event('tax.refund.unblocked', cmd.at, ['RISK_RESOLVED'])] };
  }

  /** UNDER_REVIEW → INFO_REQUESTED (service officer): the review clock is suspended; the taxpayer answers within 10 WD. */
  requestInfo(cmd: { at: Date; officerId: string; items: readonly string[]; calendar: WorkingCalendar }): TaxOutcome<RefundClaim> {
    this.assertAllowed('request_info', 'officer_service');
    if (cmd.items.length === 0) throw new TaxInvalidArgumentError('An information request lists at least one item');
    const review = this.requireReview(cmd.calendar);
    const canSuspend = !review.isOverdue(cmd.at);
    const request: InfoRequest = {
      requestedAt: copyDate(cmd.at),
      officerId: cmd.officerId,
      items: [...cmd.items],
      respondBy: cmd.calendar.deadlineWorkingDays(cmd.at, this.state.policy.infoResponseWorkingDays),
      clockSuspended: canSuspend,
    };
    const next = this.step('request_info', 'officer_service', cmd.at, cmd.officerId, {
      review: canSuspend ? review.suspend(cmd.at, 'INFO_REQUESTED').toSnapshot() : review.toSnapshot(),
      infoRequests: [...this.state.infoRequests, request],
    });
    return { aggregate: next, events: [] };
  }

  /** INFO_REQUESTED → UNDER_REVIEW (the taxpayer), before respondBy: the clock resumes and the due date moves. */
  supplyInfo(cmd: { at: Date; applicantId: string; calendar: WorkingCalendar }): TaxOutcome<RefundClaim> {
    this.assertAllowed('supply_info', 'applicant');
    const request = this.openInfoRequest();
    if (cmd.at.getTime() >= request.respondBy.getTime()) {
      throw new RefundInfoPeriodOverError({ claimId: this.state.claimId, respondBy: request.respondBy.toISOString(), at: cmd.at.toISOString() });
    }
    const review = this.requireReview(cmd.calendar);
    const next = this.step('supply_info', 'applicant', cmd.at, cmd.applicantId, {
      review: review.isSuspended ? review.resume(cmd.at).toSnapshot() : review.toSnapshot(),
      infoRequests: [...this.state.infoRequests.slice(0, -1), { ...request, suppliedAt: copyDate(cmd.at) }],
    });
    return { aggregate: next, events: [] };
  }

  /** INFO_REQUESTED → LAPSED (timer) at or after respondBy. */
  lapse(cmd: { at: Date }): TaxOutcome<RefundClaim> {
    this.assertAllowed('lapse', 'timer');
    const request = this.openInfoRequest();
    if (cmd.at.getTime() < request.respondBy.getTime()) {
      throw new RefundInfoPeriodNotOverError({ claimId: this.state.claimId, respondBy: request.respondBy.toISOString(), at: cmd.at.toISOString() });
    }
    return { aggregate: this.step('lapse', 'timer', cmd.at, undefined, { lapsedAt: copyDate(cmd.at) }), events: [] };
  }

  /** UNDER_REVIEW → APPROVED (service officer): tax.refund.approved; payment due within 5 WD. */
  approve(cmd: { at: Date; officerId: string; calendar: WorkingCalendar }): TaxOutcome<RefundClaim> {
    this.assertAllowed('approve', 'officer_service');
    const reviewOverdue = this.requireReview(cmd.calendar).isOverdue(cmd.at);
    const paymentDueAt = cmd.calendar.deadlineWorkingDays(cmd.at, this.state.policy.paymentWorkingDays);
    const next = this.step('approve', 'officer_service', cmd.at, cmd.officerId, {
      decision: { outcome: 'APPROVED', at: copyDate(cmd.at), officerId: cmd.officerId, reviewOverdue },
      paymentDueAt,
    });
    return { aggregate: next, events: [next.event('tax.refund.approved', cmd.at, [], { dueAt: paymentDueAt.toISOString(), late: reviewOverdue })] };
  }

  /** UNDER_REVIEW → REJECTED (service officer) with reasons[]: tax.refund.rejected. */
  reject(cmd: { at: Date; officerId: string; reasons: readonly string[]; calendar: WorkingCalendar }): TaxOutcome<RefundClaim> {
    this.assertAllowed('reject', 'officer_service');
    if (cmd.reasons.length === 0) throw new RefundReasonsRequiredError(this.state.claimId);
    const reviewOverdue = this.requireReview(cmd.calendar).isOverdue(cmd.at);
    const next = this.step('reject', 'officer_service', cmd.at, cmd.officerId, {
      decision: { outcome: 'REJECTED', at: copyDate(cmd.at), officerId: cmd.officerId, reasons: [...cmd.reasons], reviewOverdue },
    });
    return { aggregate: next, events: [next.event('tax.refund.rejected', cmd.at, [...cmd.reasons], { late: reviewOverdue })] };
  }

  /** APPROVED → PAID (finance / treasury): tax.refund.paid; `late` when at or after paymentDueAt. */
  pay(cmd: { at: Date; treasuryRef: string; financeOfficerId?: string }): TaxOutcome<RefundClaim> {
    const due = this.state.paymentDueAt;
    const late = due !== undefined && cmd.at.getTime() >= due.getTime();
    const next = this.step('pay', 'finance', cmd.at, cmd.financeOfficerId, { payment: { at: copyDate(cmd.at), treasuryRef: cmd.treasuryRef, late } });
    return { aggregate: next, events: [next.event('tax.refund.paid', cmd.at, [], { ...(due ? { dueAt: due.toISOString() } : {}), late })] };
  }

  /** PAID → CLAWBACK (risk officer): later found fraudulent; tax.refund.clawback_opened. */
  openClawback(cmd: { at: Date; officerId: string; reasonCodes: readonly string[] }): TaxOutcome<RefundClaim> {
    this.assertAllowed('open_clawback', 'officer_risk');
    if (cmd.reasonCodes.length === 0) throw new RefundReasonsRequiredError(this.state.claimId);
    const next = this.step('open_clawback', 'officer_risk', cmd.at, cmd.officerId, {
      clawback: { at: copyDate(cmd.at), officerId: cmd.officerId, reasonCodes: [...cmd.reasonCodes] },
    });
    return { aggregate: next, events: [next.event('tax.refund.clawback_opened', cmd.at, [...cmd.reasonCodes])] };
  }

  private requireReview(calendar: WorkingCalendar): Deadline {
    const review = this.reviewDeadline(calendar);
    if (!review) throw new TaxInvalidArgumentError(`Refund claim ${this.state.claimId} has no review clock (status ${this.state.status})`);
    return review;
  }

  /** Refuses a trigger the table does not allow from the current state (before any other check). */
  private assertAllowed(trigger: RefundTrigger, actor: TaxActor): void {
    transition(REFUND_MACHINE, this.state.status, trigger, actor);
  }

  private openInfoRequest(): InfoRequest {
    const last = this.state.infoRequests[this.state.infoRequests.length - 1];
    if (!last) throw new TaxInvalidArgumentError(`Refund claim ${this.state.claimId} is INFO_REQUESTED without a request on record`);
    return last;
  }

  private event(type: string, at: Date, reasonCodes: readonly string[], extra: Partial<RefundEventData> = {}): TaxDomainEvent<string, RefundEventData> {
    const s = this.state;
    return taxEvent(type, s.taxpayerId, at, {
      claimId: s.claimId,
      taxpayerId: s.taxpayerId,
      kind: s.kind,
      amount: { ...s.amount },
      industry: s.industryCode,
      ...(s.keyIndustry !== undefined ? { keyIndustry: s.keyIndustry } : {}),
      reasonCodes: [...reasonCodes],
      ...extra,
    });
  }

  private step(trigger: RefundTrigger, actor: TaxActor, at: Date, by: string | undefined, changes: Partial<RefundClaimState>): RefundClaim {
    const to = transition(REFUND_MACHINE, this.state.status, trigger, actor);
    const entry: RefundHistoryEntry = { at: copyDate(at), trigger, from: this.state.status, to, actor, ...(by !== undefined ? { by } : {}) };
    return new RefundClaim({ ...this.state, ...changes, status: to, history: [...this.state.history, entry] });
  }
}

function startReview(calendar: WorkingCalendar, at: Date, policy: RefundPolicy): DeadlineSnapshot {
  return Deadline.start(calendar, { trigger: at, workingDays: policy.reviewWorkingDays, policy: { maxExtensions: 0 } }).toSnapshot();
}

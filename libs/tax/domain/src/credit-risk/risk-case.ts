/**
 * The risk case aggregate: one run of the R8.6 escalation ladder for one taxpayer (tax.md §8).
 * Immutable; each command returns { aggregate, events }. Step deadlines are working-day limits
 * on the shared calendar (调休-aware), counted from the step's start.
 */
import type { WorkingCalendar } from '@one-window/shared/calendar';
import { TaxInvalidArgumentError } from '../shared/errors';
import { create, transition } from '../shared/state-machine';
import type { TaxActor } from '../shared/actors';
import { effectiveRiskLevel, type ListHit, type RiskLevel } from './credit-risk';
import { copyDate, taxEvent, type TaxOutcome } from './domain-event';
import { RiskDeadlineNotMissedError } from './errors';
import { RISK_CASE_MACHINE, type RiskCaseStatus, type RiskCaseTrigger } from './risk-case-machine';

/** R8.6 limits [cfg], in working days. */
export interface RiskLadderPolicy {
  /** DETECTED → REMINDED: the reminder goes out within N WD of detection. */
  readonly reminderWorkingDays: number;
  /** REMINDED → SELF_CORRECTING: the taxpayer starts the self-check within N WD of the reminder. */
  readonly selfCheckStartWorkingDays: number;
  /** SELF_CORRECTING → RESOLVED: corrected and verified within N WD of the self-check start. */
  readonly correctionWorkingDays: number;
}

export const DEFAULT_RISK_LADDER_POLICY: RiskLadderPolicy = { reminderWorkingDays: 1, selfCheckStartWorkingDays: 5, correctionWorkingDays: 15 };

export type RiskSource =
  | { readonly kind: 'MONITORING_RULE'; readonly ruleId: string }
  | { readonly kind: 'LIST_HIT'; readonly hit: ListHit };

export type EscalationReason = 'DEADLINE_MISSED' | 'CORRECTION_REFUSED';

export interface RiskCaseHistoryEntry {
  readonly at: Date;
  readonly trigger: RiskCaseTrigger;
  readonly from: RiskCaseStatus | null;
  readonly to: RiskCaseStatus;
  readonly actor: TaxActor;
  readonly by?: string;
}

export interface RiskCaseState {
  readonly caseId: string;
  readonly taxpayerId: string;
  readonly status: RiskCaseStatus;
  readonly level: RiskLevel;
  readonly source: RiskSource;
  readonly detectedAt: Date;
  /** Due instant (exclusive) of the current step; none once RESOLVED / ENFORCEMENT. */
  readonly stepDueAt?: Date;
  readonly escalation?: { readonly reason: EscalationReason; readonly at: Date; readonly officerId: string };
  readonly policy: RiskLadderPolicy;
  readonly history: readonly RiskCaseHistoryEntry[];
}

export interface RiskEventData {
  readonly caseId: string;
  readonly taxpayerId: string;
  readonly level: RiskLevel;
  readonly listHits: readonly ListHit[];
  readonly ruleId?: string;
  readonly blocksLifted?: boolean;
  readonly reason?: EscalationReason;
}

export class RiskCase {
  private constructor(readonly state: RiskCaseState) {}

  static restore(state: RiskCaseState): RiskCase {
    return new RiskCase(state);
  }

  /** — → DETECTED (system): a monitoring rule or a list hit. A risk-raising list hit makes the level high (R8.5). */
  static detect(cmd: {
    caseId: string;
    taxpayerId: string;
    source: RiskSource;
    level: RiskLevel;
    at: Date;
    calendar: WorkingCalendar;
    policy?: RiskLadderPolicy;
  }): TaxOutcome<RiskCase> {
    const policy = cmd.policy ?? DEFAULT_RISK_LADDER_POLICY;
    const status = create(RISK_CASE_MACHINE, 'detect', 'system');
    const level = effectiveRiskLevel(cmd.level, cmd.source.kind === 'LIST_HIT' ? [cmd.source.hit] : []);
    const aggregate = new RiskCase({
      caseId: cmd.caseId,
      taxpayerId: cmd.taxpayerId,
      status,
      level,
      source: cmd.source,
      detectedAt: copyDate(cmd.at),
      stepDueAt: cmd.calendar.deadlineWorkingDays(cmd.at, policy.reminderWorkingDays),
      policy,
      history: [{ at: copyDate(cmd.at), trigger: 'detect', from: null, to: status, actor: 'system' }],
    });
    return { aggregate, events: [taxEvent('tax.risk.detected', cmd.taxpayerId, cmd.at, aggregate.eventData())] };
  }

  /** DETECTED → REMINDED (system): the notice goes out; the self-check must start within 5 WD. */
  sendReminder(cmd: { at: Date; calendar: WorkingCalendar }): TaxOutcome<RiskCase> {
    const next = this.step('send_reminder', 'system', cmd.at, undefined, {
      stepDueAt: cmd.calendar.deadlineWorkingDays(cmd.at, this.state.policy.selfCheckStartWorkingDays),
    });
    return { aggregate: next, events: [] };
  }

  /** REMINDED → SELF_CORRECTING (the taxpayer): correction verified within 15 WD. */
  startSelfCheck(cmd: { at: Date; calendar: WorkingCalendar; applicantId: string }): TaxOutcome<RiskCase> {
    const next = this.step('start_self_check', 'applicant', cmd.at, cmd.applicantId, {
      stepDueAt: cmd.calendar.deadlineWorkingDays(cmd.at, this.state.policy.correctionWorkingDays),
    });
    return { aggregate: next, events: [] };
  }

  /** SELF_CORRECTING → RESOLVED (risk officer): tax.risk.resolved, blocks lifted. */
  verifyCorrection(cmd: { at: Date; officerId: string }): TaxOutcome<RiskCase> {
    const next = this.step('verify_correction', 'officer_risk', cmd.at, cmd.officerId, { stepDueAt: undefined });
    return { aggregate: next, events: [taxEvent('tax.risk.resolved', this.state.taxpayerId, cmd.at, { ...next.eventData(), blocksLifted: true })] };
  }

  /**
   * REMINDED / SELF_CORRECTING → ENFORCEMENT (risk officer): the step's deadline was missed (only
   * at or after stepDueAt) or the correction was refused. tax.risk.escalated; the block stays.
   */
  escalate(cmd: { at: Date; officerId: string; reason: EscalationReason }): TaxOutcome<RiskCase> {
    const due = this.state.stepDueAt;
    if (cmd.reason === 'DEADLINE_MISSED' && due !== undefined && cmd.at.getTime() < due.getTime()) {
      throw new RiskDeadlineNotMissedError({ caseId: this.state.caseId, dueAt: due.toISOString(), at: cmd.at.toISOString() });
    }
    const next = this.step('escalate', 'officer_risk', cmd.at, cmd.officerId, {
      stepDueAt: undefined,
      escalation: { reason: cmd.reason, at: copyDate(cmd.at), officerId: cmd.officerId },
    });
    return { aggregate: next, events: [taxEvent('tax.risk.escalated', this.state.taxpayerId, cmd.at, { ...next.eventData(), reason: cmd.reason, blocksLifted: false })] };
  }

  /** True when the current step's deadline has passed at `at` (a dashboard / timer query). */
  isStepOverdue(at: Date): boolean {
    return this.state.stepDueAt !== undefined && at.getTime() >= this.state.stepDueAt.getTime();
  }

  /** Whether this case still keeps the taxpayer's blocks in place (everything but RESOLVED). */
  get keepsBlocks(): boolean {
    return this.state.status !== 'RESOLVED';
  }

  private eventData(): RiskEventData {
    const { source } = this.state;
    return {
      caseId: this.state.caseId,
      taxpayerId: this.state.taxpayerId,
      level: this.state.level,
      listHits: source.kind === 'LIST_HIT' ? [{ ...source.hit }] : [],
      ...(source.kind === 'MONITORING_RULE' ? { ruleId: source.ruleId } : {}),
    };
  }

  private step(trigger: RiskCaseTrigger, actor: TaxActor, at: Date, by: string | undefined, changes: Partial<RiskCaseState>): RiskCase {
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new TaxInvalidArgumentError('at must be a valid instant');
    const to = transition(RISK_CASE_MACHINE, this.state.status, trigger, actor);
    const entry: RiskCaseHistoryEntry = { at: copyDate(at), trigger, from: this.state.status, to, actor, ...(by !== undefined ? { by } : {}) };
    const next: RiskCaseState = { ...this.state, ...changes, status: to, history: [...this.state.history, entry] };
    if (changes.stepDueAt === undefined && 'stepDueAt' in changes) {
      const { stepDueAt: _drop, ...rest } = next;
      return new RiskCase(rest);
    }
    return new RiskCase(next);
  }
}

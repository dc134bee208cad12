import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { Actor } from '../shared/actors';
import { InvalidArgumentError } from '../shared/errors';
import { event, type Outcome } from '../shared/outcome';
import { create, transition, type StateMachine } from '../shared/state-machine';

/**
 * Credit repair after an approved reorganisation plan (信用修复, spec §7 "Credit repair"; bankruptcy.md
 * §6.6, 000 L1014–1040): the administrator asks for a synchronous update of the credit systems; one of
 * the three targets is the enterprise credit publicity system (国家企业信用信息公示系统), which business
 * registration keeps. Its officer confirms the update within CREDIT_REPAIR_UPDATE_WORKING_DAYS [cfg];
 * a request not confirmed by then is marked overdue (once) and stays open until confirmed.
 */
export const CREDIT_REPAIR_STATES = ['PENDING', 'OVERDUE', 'UPDATED'] as const;
export type CreditRepairStatus = (typeof CREDIT_REPAIR_STATES)[number];
export const CREDIT_REPAIR_TRIGGERS = ['request', 'mark_overdue', 'confirm_update'] as const;
export type CreditRepairTrigger = (typeof CREDIT_REPAIR_TRIGGERS)[number];

/** bankruptcy.md §6.6: "Each system confirms the update — 5 WD each [cfg]". */
export const CREDIT_REPAIR_UPDATE_WORKING_DAYS = 5;

export const CREDIT_REPAIR_MACHINE: StateMachine<CreditRepairStatus, CreditRepairTrigger> = {
  name: 'credit-repair-update',
  codePrefix: 'registration',
  states: CREDIT_REPAIR_STATES,
  triggers: CREDIT_REPAIR_TRIGGERS,
  creations: [{ trigger: 'request', to: 'PENDING', actors: ['system'], guard: 'bankruptcy.credit_repair.requested names the publicity system; the company is registered here' }],
  transitions: [
    { from: ['PENDING'], trigger: 'mark_overdue', to: 'OVERDUE', actors: ['system'], guard: `Not confirmed within ${CREDIT_REPAIR_UPDATE_WORKING_DAYS} working days [cfg]` },
    { from: ['PENDING', 'OVERDUE'], trigger: 'confirm_update', to: 'UPDATED', actors: ['officer'], guard: "An officer of the company's authority updated the publicity system" },
  ],
  terminal: ['UPDATED'],
};

export interface CreditRepairUpdateState {
  /** The bankruptcy service's request id (one request, one update here). */
  readonly id: string;
  readonly uscc: string;
  readonly caseId: string;
  /** The ruling approving the reorganisation plan the repair rests on. */
  readonly planRulingRef: string;
  readonly status: CreditRepairStatus;
  readonly requestedAt: Date;
  readonly dueAt: Date;
  readonly overdueAt?: Date;
  readonly updatedAt?: Date;
  readonly updatedBy?: string;
  readonly note?: string;
  /** Confirmed after the due time. */
  readonly late?: boolean;
}

/** `registration.credit_repair.updated` / `.overdue` data. */
export interface CreditRepairEventData {
  readonly requestId: string;
  readonly caseId: string;
  readonly uscc: string;
  readonly target: 'ENTERPRISE_CREDIT_PUBLICITY';
  readonly dueAt: string;
  readonly updatedAt?: string;
  readonly late?: boolean;
}

export class CreditRepairUpdate {
  private constructor(readonly state: CreditRepairUpdateState) {}

  static restore(state: CreditRepairUpdateState): CreditRepairUpdate {
    return new CreditRepairUpdate(state);
  }

  /** The request arrives: PENDING, due CREDIT_REPAIR_UPDATE_WORKING_DAYS working days after the day it was made. */
  static request(cmd: { id: string; uscc: string; caseId: string; planRulingRef: string; requestedAt: Date; calendar: WorkingCalendar }): CreditRepairUpdate {
    const status = create(CREDIT_REPAIR_MACHINE, 'request', 'system');
    const dueAt = cmd.calendar.deadlineWorkingDays(cmd.requestedAt, CREDIT_REPAIR_UPDATE_WORKING_DAYS);
    return new CreditRepairUpdate({ id: cmd.id, uscc: cmd.uscc, caseId: cmd.caseId, planRulingRef: cmd.planRulingRef, status, requestedAt: new Date(cmd.requestedAt.getTime()), dueAt });
  }

  /** The due timer: OVERDUE with `registration.credit_repair.overdue` when still PENDING at or after the due time; otherwise nothing (idempotent). */
  markOverdue(at: Date): Outcome<CreditRepairUpdate> {
    if (this.state.status !== 'PENDING' || at.getTime() < this.state.dueAt.getTime()) return { aggregate: this, events: [] };
    const status = transition(CREDIT_REPAIR_MACHINE, this.state.status, 'mark_overdue', 'system');
    const next = new CreditRepairUpdate({ ...this.state, status, overdueAt: new Date(at.getTime()) });
    return { aggregate: next, events: [event('registration.credit_repair.overdue', this.state.uscc, at, next.eventData())] };
  }

  /** The officer confirms the publicity system was updated: UPDATED, `registration.credit_repair.updated`, late when past the due time. */
  confirmUpdate(cmd: { at: Date; actor: Actor; officerId: string; note?: string }): Outcome<CreditRepairUpdate> {
    const status = transition(CREDIT_REPAIR_MACHINE, this.state.status, 'confirm_update', cmd.actor);
    if (cmd.note !== undefined && !cmd.note.trim()) throw new InvalidArgumentError('An empty note');
    const late = this.state.status === 'OVERDUE' || cmd.at.getTime() >= this.state.dueAt.getTime();
    const next = new CreditRepairUpdate({
      ...this.state,
      status,
      updatedAt: new Date(cmd.at.getTime()),
      updatedBy: cmd.officerId,
      late,
      ...(cmd.note !== undefined ? { note: cmd.note } : {}),
    });
    return { aggregate: next, events: [event('registration.credit_repair.updated', this.state.uscc, cmd.at, next.eventData())] };
  }

  private eventData(): CreditRepairEventData {
    const s = this.state;
    return {
      requestId: s.id,
      caseId: s.caseId,
      uscc: s.uscc,
      target: 'ENTERPRISE_CREDIT_PUBLICITY',
      dueAt: s.dueAt.toISOString(),
      ...(s.updatedAt ? { updatedAt: s.updatedAt.toISOString(), late: s.late === true } : {}),
    };
  }
}

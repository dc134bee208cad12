/**
 * Knowledge point feedback (知识点反馈), spec §4, 002 L1680–1682. The centre raises feedback for
 * an error, omission, expiry or unclear wording (内容错误、遗漏、过期、表述不清), or asks for a new
 * point (采编新知识点). The unit acts (增补、修改、审核、下架: add, edit, review, retire) or answers
 * "no action needed" (无需操作的也应向热线中心反馈) within 2 WD of the day the feedback is raised;
 * urgent feedback on a breaking hot issue (突发事项知识点反馈) within 1 WD (002 L1682).
 *
 * Day counting (spec §0): "within N WD of X" (自X之日起) does not count X's own day; the limit
 * ends at 23:59:59.999 of the N-th WD after it (exclusive due instant 00:00 of the next day).
 */
import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { ComplaintActor } from '../shared/actors';
import { ComplaintsRuleError, InvalidArgumentError, NotYetDueError } from '../shared/errors';
import { event, type DomainEvent, type Outcome } from '../shared/outcome';
import { create, transition, type StateMachine } from '../shared/state-machine';

export const KNOWLEDGE_FEEDBACK_KINDS = ['ERROR', 'OMISSION', 'EXPIRY', 'UNCLEAR', 'NEW_POINT'] as const;
/** ERROR 内容错误, OMISSION 遗漏, EXPIRY 过期, UNCLEAR 表述不清, NEW_POINT 采编新知识点 (002 L1680). */
export type KnowledgeFeedbackKind = (typeof KNOWLEDGE_FEEDBACK_KINDS)[number];

/** What the unit did: 增补 add, 修改 edit, 审核 review, 下架 retire (002 L1682). */
export const KNOWLEDGE_FEEDBACK_ACTIONS = ['ADD', 'EDIT', 'REVIEW', 'RETIRE'] as const;
export type KnowledgeFeedbackAction = (typeof KNOWLEDGE_FEEDBACK_ACTIONS)[number];

/** Response limits in WD (002 L1682): 2 WD, urgent 1 WD. Configurable per jurisdiction. */
export const KNOWLEDGE_FEEDBACK_LIMITS = { normalWd: 2, urgentWd: 1, source: '002 L1682' } as const;

export const KNOWLEDGE_FEEDBACK_STATES = ['RAISED', 'OVERDUE', 'RESOLVED'] as const;
export type KnowledgeFeedbackStatus = (typeof KNOWLEDGE_FEEDBACK_STATES)[number];

export const KNOWLEDGE_FEEDBACK_TRIGGERS = ['raise', 'resolve_acted', 'resolve_no_action', 'mark_overdue'] as const;
export type KnowledgeFeedbackTrigger = (typeof KNOWLEDGE_FEEDBACK_TRIGGERS)[number];

export const KNOWLEDGE_FEEDBACK_MACHINE: StateMachine<KnowledgeFeedbackStatus, KnowledgeFeedbackTrigger> = {
  name: 'knowledge-feedback',
  codePrefix: 'complaints',
  states: KNOWLEDGE_FEEDBACK_STATES,
  triggers: KNOWLEDGE_FEEDBACK_TRIGGERS,
  creations: [{ trigger: 'raise', to: 'RAISED', actors: ['hotline_agent'], guard: 'the centre raises feedback to the owning unit (002 L1680)' }],
  transitions: [
    // The unit acts (增补、修改、审核、下架) within 2 WD / urgent 1 WD (002 L1682); late answers are still recorded.
    { from: ['RAISED', 'OVERDUE'], trigger: 'resolve_acted', to: 'RESOLVED', actors: ['handling_unit'], guard: 'the unit added, edited, reviewed or retired points (002 L1682)' },
    { from: ['RAISED', 'OVERDUE'], trigger: 'resolve_no_action', to: 'RESOLVED', actors: ['handling_unit'], guard: 'no action needed, answered to the centre (002 L1682)' },
    { from: ['RAISED'], trigger: 'mark_overdue', to: 'OVERDUE', actors: ['timer'], guard: '2 WD (urgent 1 WD) passed with no answer (002 L1682)' },
  ],
  terminal: ['RESOLVED'],
};

export type KnowledgeFeedbackRefusal = 'not_addressed_unit' | 'description_required' | 'action_required' | 'answer_required' | 'point_required';

/** A feedback command was refused: 'complaints.knowledge_feedback.<reason>'. */
export class KnowledgeFeedbackRefusedError extends ComplaintsRuleError {
  constructor(reason: KnowledgeFeedbackRefusal, message: string, details: Record<string, unknown> = {}) {
    super('knowledge_feedback', reason, message, details);
  }
}

export interface KnowledgeFeedbackState {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly unitId: string;
  /** The point concerned; absent only for NEW_POINT. */
  readonly pointId?: string;
  readonly kind: KnowledgeFeedbackKind;
  /** 突发事项 (breaking hot issue): 1 WD instead of 2 (002 L1680–1682). */
  readonly urgent: boolean;
  readonly description: string;
  readonly raisedAt: Date;
  readonly raisedBy: string;
  /** Exclusive due instant (late at or after it). */
  readonly dueAt: Date;
  readonly status: KnowledgeFeedbackStatus;
  readonly overdueAt?: Date;
  readonly resolution?: {
    readonly at: Date;
    readonly actions: readonly KnowledgeFeedbackAction[];
    readonly pointIds: readonly string[];
    readonly answer: string;
    readonly onTime: boolean;
  };
  readonly version: number;
}

/** Data of `complaints.knowledge.feedback_*` (§8: pointId, category, urgent, dueAt). */
export interface KnowledgeFeedbackEventData {
  readonly feedbackId: string;
  readonly pointId: string | null;
  readonly unitId: string;
  readonly jurisdictionId: string;
  readonly kind: KnowledgeFeedbackKind;
  readonly urgent: boolean;
  readonly dueAt: string;
  readonly occurredAt: string;
  readonly resolution?: 'ACTED' | 'NO_ACTION';
  readonly onTime?: boolean;
}

type FeedbackEventType = 'complaints.knowledge.feedback_raised' | 'complaints.knowledge.feedback_resolved' | 'complaints.knowledge.feedback_overdue';

/** The unit's answer is due 2 WD (urgent 1 WD) after the day the feedback is raised (002 L1682). */
export function knowledgeFeedbackDueAt(calendar: WorkingCalendar, raisedAt: Date, urgent: boolean, limits: { normalWd: number; urgentWd: number } = KNOWLEDGE_FEEDBACK_LIMITS): Date {
  return calendar.deadlineWorkingDays(raisedAt, urgent ? limits.urgentWd : limits.normalWd);
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';
const copy = (d: Date) => new Date(d.getTime());

/** The feedback aggregate (知识点反馈). Immutable; commands return the new aggregate and events. */
export class KnowledgeFeedback {
  private constructor(readonly state: KnowledgeFeedbackState) {}

  static restore(state: KnowledgeFeedbackState): KnowledgeFeedback {
    return new KnowledgeFeedback(state);
  }

  /** The centre raises feedback (002 L1680); due in 2 WD, urgent 1 WD (002 L1682). */
  static raise(cmd: {
    id: string;
    jurisdictionId: string;
    unitId: string;
    pointId?: string;
    kind: KnowledgeFeedbackKind;
    urgent?: boolean;
    description: string;
    at: Date;
    agentId: string;
    calendar: WorkingCalendar;
    limits?: { normalWd: number; urgentWd: number };
  }): Outcome<KnowledgeFeedback> {
    const status = create(KNOWLEDGE_FEEDBACK_MACHINE, 'raise', 'hotline_agent');
    if (blank(cmd.id) || blank(cmd.unitId)) throw new InvalidArgumentError('Feedback needs an id and the unit');
    if (blank(cmd.description)) throw new KnowledgeFeedbackRefusedError('description_required', 'Feedback describes the problem (002 L1680)');
    if (cmd.kind !== 'NEW_POINT' && blank(cmd.pointId)) {
      throw new KnowledgeFeedbackRefusedError('point_required', `${cmd.kind} feedback names the point concerned (002 L1680)`);
    }
    const urgent = cmd.urgent ?? false;
    const fb = new KnowledgeFeedback({
      id: cmd.id,
      jurisdictionId: cmd.jurisdictionId,
      unitId: cmd.unitId,
      ...(cmd.pointId ? { pointId: cmd.pointId } : {}),
      kind: cmd.kind,
      urgent,
      description: cmd.description,
      raisedAt: copy(cmd.at),
      raisedBy: cmd.agentId,
      dueAt: knowledgeFeedbackDueAt(cmd.calendar, cmd.at, urgent, cmd.limits),
      status,
      version: 1,
    });
    return { aggregate: fb, events: [fb.event('complaints.knowledge.feedback_raised', cmd.at)] };
  }

  /** The unit acted: added, edited, reviewed or retired points (002 L1682). */
  resolveActed(cmd: { at: Date; unitId: string; actions: readonly KnowledgeFeedbackAction[]; pointIds: readonly string[]; note?: string }): Outcome<KnowledgeFeedback> {
    this.requireUnit(cmd.unitId);
    const next = this.step('resolve_acted', 'handling_unit');
    if (cmd.actions.length === 0 || cmd.pointIds.length === 0) {
      throw new KnowledgeFeedbackRefusedError('action_required', 'Say what was done (add, edit, review, retire) to which points (002 L1682)');
    }
    return next.resolved(cmd.at, [...cmd.actions], [...cmd.pointIds], cmd.note ?? '', 'ACTED');
  }

  /** The unit answers that no action is needed (无需操作的也应向热线中心反馈, 002 L1682). */
  resolveNoAction(cmd: { at: Date; unitId: string; answer: string }): Outcome<KnowledgeFeedback> {
    this.requireUnit(cmd.unitId);
    const next = this.step('resolve_no_action', 'handling_unit');
    if (blank(cmd.answer)) throw new KnowledgeFeedbackRefusedError('answer_required', 'A "no action needed" answer says why (002 L1682)');
    return next.resolved(cmd.at, [], [], cmd.answer, 'NO_ACTION');
  }

  /** Timer at dueAt: the answer is late (002 L1682); counted in the §6 knowledge-base metrics. */
  markOverdue(cmd: { at: Date }): Outcome<KnowledgeFeedback> {
    const next = this.step('mark_overdue', 'timer');
    if (cmd.at.getTime() < this.state.dueAt.getTime()) throw new NotYetDueError('The knowledge feedback answer', this.state.dueAt, cmd.at);
    const overdue = next.with({ overdueAt: copy(cmd.at) });
    return { aggregate: overdue, events: [overdue.event('complaints.knowledge.feedback_overdue', cmd.at)] };
  }

  /** Overdue at `at`: not resolved and the due instant passed. */
  isOverdueAt(at: Date): boolean {
    return this.state.status !== 'RESOLVED' && at.getTime() >= this.state.dueAt.getTime();
  }

  private resolved(at: Date, actions: KnowledgeFeedbackAction[], pointIds: string[], answer: string, kind: 'ACTED' | 'NO_ACTION'): Outcome<KnowledgeFeedback> {
    const onTime = at.getTime() < this.state.dueAt.getTime();
    const done = this.with({ resolution: { at: copy(at), actions, pointIds, answer, onTime } });
    return { aggregate: done, events: [done.event('complaints.knowledge.feedback_resolved', at, { resolution: kind, onTime })] };
  }

  private requireUnit(unitId: string): void {
    if (unitId !== this.state.unitId) {
      throw new KnowledgeFeedbackRefusedError('not_addressed_unit', `Feedback ${this.state.id} is addressed to ${this.state.unitId}, not ${unitId}`, { unitId });
    }
  }

  private step(trigger: KnowledgeFeedbackTrigger, actor: ComplaintActor): KnowledgeFeedback {
    const status = transition(KNOWLEDGE_FEEDBACK_MACHINE, this.state.status, trigger, actor);
    return new KnowledgeFeedback({ ...this.state, status, version: this.state.version + 1 });
  }

  private with(changes: Partial<KnowledgeFeedbackState>): KnowledgeFeedback {
    return new KnowledgeFeedback({ ...this.state, ...changes });
  }

  private event(type: FeedbackEventType, at: Date, extra: { resolution?: 'ACTED' | 'NO_ACTION'; onTime?: boolean } = {}): DomainEvent<FeedbackEventType, KnowledgeFeedbackEventData> {
    const s = this.state;
    return event(type, s.id, s.pointId ?? s.id, at, {
      feedbackId: s.id,
      pointId: s.pointId ?? null,
      unitId: s.unitId,
      jurisdictionId: s.jurisdictionId,
      kind: s.kind,
      urgent: s.urgent,
      dueAt: s.dueAt.toISOString(),
      occurredAt: at.toISOString(),
      ...extra,
    });
  }
}

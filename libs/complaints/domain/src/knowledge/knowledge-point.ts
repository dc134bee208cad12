/**
 * The knowledge point (知识点) aggregate, spec §4. The knowledge base (热线知识库) is built and
 * managed by the centre and maintained jointly with the units (002 L1672–1674); each unit adds,
 * edits, reviews and retires its own points (新增、修改、审核、下架, 002 L1676). Points carry the
 * fields of 002 L1676 and a validity period capped by kind (002 L1678). Only a published,
 * unexpired point may be used for a direct answer (002 L1527; ticket row #2).
 */
import type { WorkingCalendar } from '@one-window/shared/calendar';
import { ComplaintsRuleError, InvalidArgumentError, NotYetDueError } from '../shared/errors';
import { event, type DomainEvent, type Outcome } from '../shared/outcome';
import { create, transition, type StateMachine } from '../shared/state-machine';
import type { ComplaintActor } from '../shared/actors';
import { KNOWLEDGE_VALIDITY_CAPS, knowledgeExpiryReminders, maxValidUntil, validityProblem, type KnowledgePointKind, type KnowledgeValidityCap } from './validity';

// ---------------------------------------------------------------- machine

/** DRAFT → IN_REVIEW → PUBLISHED → RETIRED / EXPIRED (spec §4, design). */
export const KNOWLEDGE_POINT_STATES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'RETIRED', 'EXPIRED'] as const;
export type KnowledgePointStatus = (typeof KNOWLEDGE_POINT_STATES)[number];

export const KNOWLEDGE_POINT_TRIGGERS = [
  'draft',
  'edit',
  'submit_for_review',
  'reject_review',
  'publish',
  'confirm_validity',
  'remind_expiry',
  'retire',
  'expire',
] as const;
export type KnowledgePointTrigger = (typeof KNOWLEDGE_POINT_TRIGGERS)[number];

export const KNOWLEDGE_POINT_MACHINE: StateMachine<KnowledgePointStatus, KnowledgePointTrigger> = {
  name: 'knowledge-point',
  codePrefix: 'complaints',
  states: KNOWLEDGE_POINT_STATES,
  triggers: KNOWLEDGE_POINT_TRIGGERS,
  creations: [
    // 新增 by the unit for its own point (002 L1676)
    { trigger: 'draft', to: 'DRAFT', actors: ['handling_unit'], guard: 'the unit adds a point of its own duties (002 L1672, L1676)' },
  ],
  transitions: [
    // 修改 (002 L1676)
    { from: ['DRAFT'], trigger: 'edit', to: 'DRAFT', actors: ['handling_unit'], guard: 'own point (002 L1676)' },
    { from: ['DRAFT'], trigger: 'submit_for_review', to: 'IN_REVIEW', actors: ['handling_unit'], guard: 'basis, scope, subjects and conditions stated (002 L1676)' },
    // 审核 (002 L1676)
    { from: ['IN_REVIEW'], trigger: 'reject_review', to: 'DRAFT', actors: ['handling_unit'], guard: 'the unit\u2019s reviewer sends it back with a reason (002 L1676)' },
    { from: ['IN_REVIEW'], trigger: 'publish', to: 'PUBLISHED', actors: ['handling_unit'], guard: 'validity within the cap of its kind (002 L1678); not already expired' },
    // 确认有效性 before expiry (002 L1678)
    { from: ['PUBLISHED'], trigger: 'confirm_validity', to: 'PUBLISHED', actors: ['handling_unit'], guard: 'before validUntil; the new period (from the confirmation) within the cap (002 L1678)' },
    { from: ['PUBLISHED'], trigger: 'remind_expiry', to: 'PUBLISHED', actors: ['timer'], guard: '(design) 30 ND and 7 ND before validUntil' },
    // 下架 (002 L1676)
    { from: ['PUBLISHED'], trigger: 'retire', to: 'RETIRED', actors: ['handling_unit'], guard: 'own point (002 L1676); also the answer to a feedback (002 L1682)' },
    { from: ['PUBLISHED'], trigger: 'expire', to: 'EXPIRED', actors: ['timer'], guard: 'at validUntil without confirmation (002 L1678); no longer usable for a direct answer' },
  ],
  terminal: ['RETIRED', 'EXPIRED'],
};

// ---------------------------------------------------------------- errors

export type KnowledgeRefusal =
  | 'not_own_point'
  | 'content_incomplete'
  | 'validity_exceeds_cap'
  | 'validity_invalid'
  | 'already_expired'
  | 'reason_required'
  | 'no_reminder_due';

/** A knowledge point command was refused: 'complaints.knowledge.<reason>'. */
export class KnowledgeRefusedError extends ComplaintsRuleError {
  constructor(reason: KnowledgeRefusal, message: string, details: Record<string, unknown> = {}) {
    super('knowledge', reason, message, details);
  }
}

// ---------------------------------------------------------------- state

/** One FAQ of a point (常见问题解答, 002 L1676). */
export interface KnowledgeFaq {
  readonly question: string;
  readonly answer: string;
}

/** The content of a point (002 L1676): basis, scope, subjects, conditions, relations, FAQs. */
export interface KnowledgePointContent {
  readonly title: string;
  readonly body: string;
  /** 依据: laws, regulations, rules, normative and policy documents (002 L1676). */
  readonly basis: readonly string[];
  /** 适用范围 */
  readonly scope: string;
  /** 适用主体 */
  readonly applicableSubjects: string;
  /** 适用条件 */
  readonly conditions: string;
  /** 关联关系: ids of related points. */
  readonly relations: readonly string[];
  readonly faqs: readonly KnowledgeFaq[];
}

export interface KnowledgePointState extends KnowledgePointContent {
  readonly id: string;
  readonly jurisdictionId: string;
  /** The unit that owns and maintains the point (002 L1676). */
  readonly unitId: string;
  /** Kind, which sets the validity cap (002 L1678). */
  readonly category: KnowledgePointKind;
  /** Same source as the service-item data (002 L75), when the point describes a service item. */
  readonly sourceItemId?: string;
  readonly status: KnowledgePointStatus;
  readonly validFrom?: Date;
  /** Exclusive: usable while validFrom ≤ t < validUntil. */
  readonly validUntil?: Date;
  readonly publishedAt?: Date;
  readonly confirmedAt?: Date;
  readonly retiredAt?: Date;
  readonly retireReason?: string;
  readonly expiredAt?: Date;
  readonly remindersSent: readonly number[];
  readonly reviewNotes: readonly { readonly at: Date; readonly note: string }[];
  readonly version: number;
}

type KnowledgeEventType =
  | 'complaints.knowledge.published'
  | 'complaints.knowledge.expiring'
  | 'complaints.knowledge.expired'
  | 'complaints.knowledge.retired'
  | 'complaints.knowledge.confirmed';

/** Data of the knowledge events (§8: pointId, category, validUntil). */
export interface KnowledgePointEventData {
  readonly pointId: string;
  readonly jurisdictionId: string;
  readonly unitId: string;
  readonly category: KnowledgePointKind;
  readonly validUntil: string | null;
  readonly occurredAt: string;
  readonly version: number;
  readonly daysBefore?: number;
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';
const copy = (d: Date) => new Date(d.getTime());

/** Content fields still missing for review (002 L1676); relations and FAQs may be empty. */
export function knowledgeContentProblems(content: KnowledgePointContent): string[] {
  const problems: string[] = [];
  if (blank(content.title)) problems.push('title');
  if (blank(content.body)) problems.push('body');
  if (content.basis.filter((b) => !blank(b)).length === 0) problems.push('basis');
  if (blank(content.scope)) problems.push('scope');
  if (blank(content.applicableSubjects)) problems.push('applicableSubjects');
  if (blank(content.conditions)) problems.push('conditions');
  return problems;
}

/** Published and unexpired at `at` (validFrom ≤ at < validUntil): the only points a direct answer may use (002 L1527, L1678). */
export function usableForDirectAnswer(point: Pick<KnowledgePointState, 'status' | 'validFrom' | 'validUntil'>, at: Date): boolean {
  if (point.status !== 'PUBLISHED' || !point.validFrom || !point.validUntil) return false;
  return point.validFrom.getTime() <= at.getTime() && at.getTime() < point.validUntil.getTime();
}

interface UnitCommand {
  readonly at: Date;
  readonly unitId: string;
}

/**
 * The knowledge point aggregate. Immutable; every command returns the new aggregate and the
 * events (§8 `complaints.knowledge.*`); every state change goes through KNOWLEDGE_POINT_MACHINE.
 */
export class KnowledgePoint {
  private constructor(readonly state: KnowledgePointState) {}

  static restore(state: KnowledgePointState): KnowledgePoint {
    return new KnowledgePoint(state);
  }

  /** 新增: a unit drafts a point of its own (002 L1676). */
  static draft(cmd: {
    id: string;
    jurisdictionId: string;
    unitId: string;
    category: KnowledgePointKind;
    content: KnowledgePointContent;
    sourceItemId?: string;
  }): KnowledgePoint {
    if (blank(cmd.id) || blank(cmd.unitId)) throw new InvalidArgumentError('A knowledge point needs an id and its unit');
    const status = create(KNOWLEDGE_POINT_MACHINE, 'draft', 'handling_unit');
    return new KnowledgePoint({
      ...cloneContent(cmd.content),
      id: cmd.id,
      jurisdictionId: cmd.jurisdictionId,
      unitId: cmd.unitId,
      category: cmd.category,
      ...(cmd.sourceItemId ? { sourceItemId: cmd.sourceItemId } : {}),
      status,
      remindersSent: [],
      reviewNotes: [],
      version: 1,
    });
  }

  /** 修改 a draft (002 L1676). */
  edit(cmd: UnitCommand & { content: Partial<KnowledgePointContent>; category?: KnowledgePointKind }): KnowledgePoint {
    this.requireOwn(cmd.unitId);
    const next = this.step('edit', 'handling_unit');
    return next.with({ ...cloneContent({ ...pickContent(this.state), ...cmd.content }), ...(cmd.category ? { category: cmd.category } : {}) });
  }

  /** To review: the content states basis, scope, subjects and conditions (002 L1676). */
  submitForReview(cmd: UnitCommand): KnowledgePoint {
    this.requireOwn(cmd.unitId);
    const next = this.step('submit_for_review', 'handling_unit');
    const missing = knowledgeContentProblems(this.state);
    if (missing.length > 0) {
      throw new KnowledgeRefusedError('content_incomplete', `A knowledge point states its ${missing.join(', ')} (002 L1676)`, { missing });
    }
    return next;
  }

  /** 审核 not passed: back to DRAFT with the reviewer's note. */
  rejectReview(cmd: UnitCommand & { note: string }): KnowledgePoint {
    this.requireOwn(cmd.unitId);
    const next = this.step('reject_review', 'handling_unit');
    if (blank(cmd.note)) throw new KnowledgeRefusedError('reason_required', 'A rejected review says why');
    return next.with({ reviewNotes: [...this.state.reviewNotes, { at: copy(cmd.at), note: cmd.note }] });
  }

  /**
   * 审核 passed, published with its validity period: `validUntil − validFrom` within the cap of
   * its kind (002 L1678), and `validUntil` after the publication instant. `validFrom` defaults to
   * the publication instant.
   */
  publish(
    cmd: UnitCommand & { validUntil: Date; validFrom?: Date; calendar: WorkingCalendar; caps?: Readonly<Record<KnowledgePointKind, KnowledgeValidityCap>> },
  ): Outcome<KnowledgePoint> {
    this.requireOwn(cmd.unitId);
    const next = this.step('publish', 'handling_unit');
    const validFrom = cmd.validFrom ?? cmd.at;
    this.checkValidity(cmd.calendar, validFrom, cmd.validUntil, cmd.at, cmd.caps);
    const published = next.with({ validFrom: copy(validFrom), validUntil: copy(cmd.validUntil), publishedAt: copy(cmd.at), remindersSent: [] });
    return { aggregate: published, events: [published.event('complaints.knowledge.published', cmd.at)] };
  }

  /**
   * 确认有效性: the unit confirms the point before it expires (002 L1678); the new period runs
   * from the confirmation and is capped again. Reminders start over.
   */
  confirmValidity(
    cmd: UnitCommand & { validUntil: Date; calendar: WorkingCalendar; caps?: Readonly<Record<KnowledgePointKind, KnowledgeValidityCap>> },
  ): Outcome<KnowledgePoint> {
    this.requireOwn(cmd.unitId);
    const next = this.step('confirm_validity', 'handling_unit');
    if (this.state.validUntil && cmd.at.getTime() >= this.state.validUntil.getTime()) {
      throw new KnowledgeRefusedError('already_expired', 'The point expired; confirm it before validUntil (002 L1678)', { validUntil: this.state.validUntil.toISOString() });
    }
    this.checkValidity(cmd.calendar, cmd.at, cmd.validUntil, cmd.at, cmd.caps);
    const confirmed = next.with({ validFrom: copy(cmd.at), validUntil: copy(cmd.validUntil), confirmedAt: copy(cmd.at), remindersSent: [] });
    return { aggregate: confirmed, events: [confirmed.event('complaints.knowledge.confirmed', cmd.at)] };
  }

  /** The reminder instants still to fire (30 and 7 ND before validUntil, design). */
  expiryReminders(calendar: WorkingCalendar): { daysBefore: number; at: Date }[] {
    if (this.state.status !== 'PUBLISHED' || !this.state.validUntil) return [];
    return knowledgeExpiryReminders(calendar, this.state.validUntil, this.state.confirmedAt ?? this.state.publishedAt).filter(
      (r) => !this.state.remindersSent.includes(r.daysBefore),
    );
  }

  /** Timer at a reminder instant: `complaints.knowledge.expiring` for the most recent reminder due and not yet sent. */
  remindExpiry(cmd: { at: Date; calendar: WorkingCalendar }): Outcome<KnowledgePoint> {
    const next = this.step('remind_expiry', 'timer');
    const due = this.expiryReminders(cmd.calendar).filter((r) => r.at.getTime() <= cmd.at.getTime());
    const validUntil = this.state.validUntil;
    if (due.length === 0 || !validUntil || cmd.at.getTime() >= validUntil.getTime()) {
      throw new KnowledgeRefusedError('no_reminder_due', 'No expiry reminder is due', { at: cmd.at.toISOString() });
    }
    const latest = due[due.length - 1];
    const reminded = next.with({ remindersSent: [...this.state.remindersSent, ...due.map((r) => r.daysBefore)] });
    return { aggregate: reminded, events: [reminded.event('complaints.knowledge.expiring', cmd.at, latest.daysBefore)] };
  }

  /** 下架 (002 L1676). */
  retire(cmd: UnitCommand & { reason: string }): Outcome<KnowledgePoint> {
    this.requireOwn(cmd.unitId);
    const next = this.step('retire', 'handling_unit');
    if (blank(cmd.reason)) throw new KnowledgeRefusedError('reason_required', 'A retirement says why');
    const retired = next.with({ retiredAt: copy(cmd.at), retireReason: cmd.reason });
    return { aggregate: retired, events: [retired.event('complaints.knowledge.retired', cmd.at)] };
  }

  /** Timer at validUntil: the point expires (002 L1678) and can no longer answer a caller. */
  expire(cmd: { at: Date }): Outcome<KnowledgePoint> {
    const next = this.step('expire', 'timer');
    const until = this.state.validUntil;
    if (!until) throw new InvalidArgumentError('A published point has a validUntil');
    if (cmd.at.getTime() < until.getTime()) throw new NotYetDueError('The knowledge point expiry', until, cmd.at);
    const expired = next.with({ expiredAt: copy(cmd.at) });
    return { aggregate: expired, events: [expired.event('complaints.knowledge.expired', cmd.at)] };
  }

  usableForDirectAnswer(at: Date): boolean {
    return usableForDirectAnswer(this.state, at);
  }

  /** The point as a ticket's direct answer checks it (`KnowledgePointUse`, ticket row #2). */
  asUse(): { id: string; status: KnowledgePointStatus; validUntil: Date } {
    return { id: this.state.id, status: this.state.status, validUntil: copy(this.state.validUntil ?? new Date(0)) };
  }

  // ---------------------------------------------------------------- internals

  private checkValidity(calendar: WorkingCalendar, validFrom: Date, validUntil: Date, at: Date, caps = KNOWLEDGE_VALIDITY_CAPS): void {
    const problem = validityProblem(calendar, this.state.category, validFrom, validUntil, caps);
    const details = { category: this.state.category, validFrom: validFrom.toISOString(), validUntil: validUntil.toISOString() };
    if (problem === 'until_not_after_from') throw new KnowledgeRefusedError('validity_invalid', 'validUntil must be after validFrom', details);
    if (problem === 'exceeds_cap') {
      const max = maxValidUntil(calendar, this.state.category, validFrom, caps);
      throw new KnowledgeRefusedError('validity_exceeds_cap', `A ${this.state.category} point is valid for at most ${caps[this.state.category].label} (002 L1678)`, {
        ...details,
        maxValidUntil: max.toISOString(),
      });
    }
    if (validUntil.getTime() <= at.getTime()) throw new KnowledgeRefusedError('already_expired', 'validUntil is already past', details);
  }

  private requireOwn(unitId: string): void {
    if (unitId !== this.state.unitId) {
      throw new KnowledgeRefusedError('not_own_point', `Point ${this.state.id} belongs to ${this.state.unitId}, not ${unitId} (002 L1676)`, { unitId, owner: this.state.unitId });
    }
  }

  private step(trigger: KnowledgePointTrigger, actor: ComplaintActor): KnowledgePoint {
    const status = transition(KNOWLEDGE_POINT_MACHINE, this.state.status, trigger, actor);
    return new KnowledgePoint({ ...this.state, status, version: this.state.version + 1 });
  }

  private with(changes: Partial<KnowledgePointState>): KnowledgePoint {
    return new KnowledgePoint({ ...this.state, ...changes });
  }

  private event(type: KnowledgeEventType, at: Date, daysBefore?: number): DomainEvent<KnowledgeEventType, KnowledgePointEventData> {
    const s = this.state;
    return event(type, s.id, s.id, at, {
      pointId: s.id,
      jurisdictionId: s.jurisdictionId,
      unitId: s.unitId,
      category: s.category,
      validUntil: s.validUntil ? s.validUntil.toISOString() : null,
      occurredAt: at.toISOString(),
      version: s.version,
      ...(daysBefore !== undefined ? { daysBefore } : {}),
    });
  }
}

function pickContent(s: KnowledgePointContent): KnowledgePointContent {
  return {
    title: s.title,
    body: s.body,
    basis: s.basis,
    scope: s.scope,
    applicableSubjects: s.applicableSubjects,
    conditions: s.conditions,
    relations: s.relations,
    faqs: s.faqs,
  };
}

function cloneContent(c: KnowledgePointContent): KnowledgePointContent {
  return { ...pickContent(c), basis: [...c.basis], relations: [...c.relations], faqs: c.faqs.map((f) => ({ ...f })) };
}

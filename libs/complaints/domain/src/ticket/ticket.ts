import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { ComplaintActor } from '../shared/actors';
import { attemptsExhausted, THREE_ATTEMPTS_RULE } from '../shared/attempts';
import { InvalidArgumentError, NotSameCallerError, NotYetDueError } from '../shared/errors';
import { event, type DomainEvent, type Outcome } from '../shared/outcome';
import { create, transition } from '../shared/state-machine';
import {
  CoordinationRefusedError,
  ExtensionRefusedError,
  NotAssignedUnitError,
  RatingRefusedError,
  RehandlingRefusedError,
  ReplyRefusedError,
  ReportRefusedError,
  ReturnRefusedError,
  TicketRuleError,
} from './errors';
import type { TicketClosedData, TicketEventCommon, TicketEventType } from './events';
import type { CallerDetails, TicketPrivacy } from './confidentiality';
import { reportProblems, type HandlingReport } from './report';
import { TICKET_MACHINE, type TicketStatus, type TicketTrigger } from './ticket-machine';
import {
  DEFAULT_SPECIAL_CATEGORIES,
  isDissatisfied,
  isSatisfactionGrade,
  isSpecialCategory,
  rehandlingExclusionOf,
  RETURN_EVIDENCE_RULES,
  type CallbackChannel,
  type Channel,
  type CloseReason,
  type DispatchReason,
  type FinalGrade,
  type GuidanceKind,
  type OutcomeCode,
  type ReplyMethod,
  type ReplyOutcome,
  type ReturnDisputeType,
  type ReturnEvidenceKind,
  type SatisfactionGrade,
  type TicketType,
} from './ticket-types';
import {
  COORDINATION_RULE,
  coHandlerNoticeDueAt,
  DEFAULT_TIME_LIMITS,
  dispatchDueAt,
  dutyOpinionDueAt,
  EXTENSION_RULE,
  extendedDeadline,
  guidanceDueAt,
  handlingClockStart,
  handlingDueAt,
  handlingLimitWd,
  ratingRequestDueAt,
  ratingWindowDueAt,
  unitCheckDueAt,
  type TimeLimitTable,
} from './time-limits';

// ---------------------------------------------------------------- state

/** One dispatch (派单) to a unit: the last one starts the handling clock (002 L1539). */
export interface Dispatch {
  readonly no: number;
  readonly unitId: string;
  readonly at: Date;
  readonly reason: DispatchReason;
  readonly actor: ComplaintActor;
  readonly by?: string;
  /** End of the unit's 2-WD check / return window (002 L1541, L1545); none for re-handling. */
  readonly unitCheckDueAt?: Date;
  /** After a coordination decision the unit may not return the ticket (design, row 12). */
  readonly returnBarred: boolean;
}

/** The running handling (or re-handling) clock. */
export interface HandlingClock {
  readonly kind: 'HANDLING' | 'REHANDLING';
  /** What started it: a dispatch (002 L1539) or facts that affect handling (002 L1574). */
  readonly startedBy: 'DISPATCH' | 'FACTS';
  readonly trigger: Date;
  /** 00:00 of the WD after the trigger (002 L1539). */
  readonly clockStartAt: Date;
  /** The limit in WD (2 / 10, 002 L1535–1536); absent with an assigned deadline (002 L1537). */
  readonly limitWd?: number;
  readonly assignedDeadline?: Date;
  readonly extensionWorkingDays: number;
  /** Exclusive due instant: late at or after it. */
  readonly deadlineAt: Date;
  readonly overdueMarkedAt?: Date;
}

export interface TicketExtension {
  readonly no: number;
  readonly dispatchNo: number;
  readonly unitId: string;
  readonly at: Date;
  readonly workingDays: number;
  readonly reason: string;
  readonly publicReason: string;
  readonly previousDeadlineAt: Date;
  readonly deadlineAt: Date;
}

export interface ReturnEvidence {
  readonly kind: ReturnEvidenceKind;
  readonly ref: string;
}

export interface ReturnRequest {
  readonly no: number;
  readonly dispatchNo: number;
  readonly unitId: string;
  readonly at: Date;
  readonly disputeType: ReturnDisputeType;
  readonly reasons: readonly string[];
  readonly evidence: readonly ReturnEvidence[];
  readonly suggestedUnitId?: string;
  readonly decision?: {
    readonly at: Date;
    readonly approved: boolean;
    readonly by: string;
    readonly reason?: string;
    readonly clockEffect: 'RESTART' | 'CONTINUE' | 'SUSPENDED';
  };
}

export interface GuidanceRequest {
  readonly id: string;
  readonly kind: GuidanceKind;
  readonly guidanceBodyId: string;
  readonly requestedAt: Date;
  readonly dueAt: Date;
  readonly opinion?: string;
  readonly givenAt?: Date;
}

export interface Coordination {
  readonly openedAt: Date;
  readonly guidance: readonly GuidanceRequest[];
  readonly decidedAt?: Date;
  readonly decidedUnitId?: string;
}

export interface CoHandler {
  readonly unitId: string;
  readonly items: readonly string[];
  readonly notifiedAt: Date;
}

/** Joint handling ordered by the centre (row 8) or the coordination decision (row 12). */
export interface CoHandlingOrder {
  readonly proposedUnitIds: readonly string[];
  readonly leadReceivedAt: Date;
  readonly dueAt: Date;
}

export interface AddedFacts {
  readonly no: number;
  readonly at: Date;
  readonly summary: string;
  readonly actor: ComplaintActor;
  readonly assessment?: { readonly at: Date; readonly affectsHandling: boolean; readonly note: string };
}

export interface ReplyRecord {
  readonly round: 1 | 2;
  readonly at: Date;
  readonly method?: ReplyMethod;
  readonly attempts: readonly Date[];
  readonly outcome: ReplyOutcome;
  readonly evidenceRef: string;
}

export interface Audit {
  readonly round: 1 | 2;
  readonly at: Date;
  readonly passed: boolean;
  readonly reasons: readonly string[];
  readonly actor: ComplaintActor;
  readonly by?: string;
  readonly onTime?: boolean;
}

export interface RatingRequest {
  readonly round: 1 | 2;
  readonly auditPassedAt: Date;
  /** The channel must send it by then (24 h, 002 L1634). */
  readonly sendBy: Date;
  readonly sentAt?: Date;
  /** 5 ND window end (002 L1636). */
  readonly windowDueAt?: Date;
}

export interface Rating {
  readonly round: 1 | 2;
  readonly grade: FinalGrade;
  readonly at: Date;
}

export interface Callback {
  readonly round: 1 | 2;
  readonly at: Date;
  readonly channel: CallbackChannel;
  readonly reason: string;
}

export interface TransitionRecord {
  readonly at: Date;
  readonly trigger: TicketTrigger;
  readonly from: TicketStatus | null;
  readonly to: TicketStatus;
  readonly actor: ComplaintActor;
  readonly by?: string;
}

export interface TicketState {
  readonly id: string;
  readonly submissionId: string;
  readonly jurisdictionId: string;
  readonly type: TicketType;
  readonly scenarioCode: string;
  readonly channel: Channel;
  /**
   * GB/T 2260 district code of the place concerned (the submission's area), fixed at registration:
   * the district whose hotline body routes and audits the ticket (002 L1459). Absent: unknown (the centre's).
   */
  readonly area?: string;
  /** Opaque key of the caller's phone number or account (002 L1495); personal data lives elsewhere. */
  readonly callerKey: string;
  /** The caller's details, when the app loaded them (never put in events). */
  readonly caller?: CallerDetails;
  readonly privacy: TicketPrivacy;
  readonly state: TicketStatus;
  readonly round: 1 | 2;
  readonly registeredAt: Date;
  readonly dispatchDueAt: Date;
  readonly splitIndex: number;
  readonly splitCount: number;
  readonly priority: 'NORMAL' | 'URGENT';
  readonly marketEntityTags: readonly string[];
  /** Deadline set by a state, province or city assignment (002 L1537). */
  readonly assignedDeadline?: Date;
  /** The current (lead) unit. */
  readonly unitId?: string;
  readonly subOfficeId?: string;
  readonly coHandlingOrder?: CoHandlingOrder;
  readonly coHandlers: readonly CoHandler[];
  readonly dispatches: readonly Dispatch[];
  /** The handling limit set at first dispatch (caps each extension, 002 L1570). */
  readonly limitWd?: number;
  readonly handling?: HandlingClock;
  readonly returnRequests: readonly ReturnRequest[];
  readonly coordination?: Coordination;
  readonly extensions: readonly TicketExtension[];
  readonly facts: readonly AddedFacts[];
  readonly verification: { readonly attempts: readonly Date[]; readonly refused: boolean };
  readonly reply?: ReplyRecord;
  readonly report?: HandlingReport;
  readonly outcomeCode?: OutcomeCode;
  readonly submittedAt?: Date;
  readonly audits: readonly Audit[];
  /** Fixed at the first-round audit pass: the compliant report's submittedAt < deadlineAt. */
  readonly onTime?: boolean;
  readonly rehandlingOnTime?: boolean;
  readonly overdue: boolean;
  readonly ratingRequest?: RatingRequest;
  readonly ratings: readonly Rating[];
  readonly callbacks: readonly Callback[];
  readonly rehandled: boolean;
  readonly dutyOpinion?: { readonly at: Date; readonly dueAt: Date; readonly opinion?: string; readonly lapsed?: boolean };
  readonly knowledgePointIds?: readonly string[];
  readonly guidanceText?: string;
  readonly withdrawal?: { readonly at: Date; readonly investigationContinues: boolean; readonly unitToConfirm?: string };
  readonly mergedInto?: string;
  /** The long-running issue (§3.8) the ticket was added to (002 L1624); Open311 shows IN_PROGRESS as action_scheduled. */
  readonly longRunningIssueId?: string;
  readonly longRunningIssueJoinedAt?: Date;
  readonly closeReason?: CloseReason;
  readonly closedAt?: Date;
  readonly version: number;
  readonly history: readonly TransitionRecord[];
}

// ---------------------------------------------------------------- commands

export interface RegisterTicket {
  readonly id: string;
  readonly submissionId: string;
  readonly jurisdictionId: string;
  readonly type: TicketType;
  readonly scenarioCode: string;
  readonly channel: Channel;
  /** GB/T 2260 district code of the place concerned, if known. */
  readonly area?: string;
  readonly callerKey: string;
  readonly at: Date;
  readonly agentId: string;
  readonly calendar: WorkingCalendar;
  readonly limits?: TimeLimitTable;
  readonly splitIndex?: number;
  readonly splitCount?: number;
  readonly priority?: 'NORMAL' | 'URGENT';
  readonly marketEntityTags?: readonly string[];
  readonly assignedDeadline?: Date;
  readonly privacy?: Partial<TicketPrivacy>;
  readonly caller?: CallerDetails;
}

/** A knowledge point as the agent used it (002 L1527, L1678). */
export interface KnowledgePointUse {
  readonly id: string;
  readonly status: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'RETIRED' | 'EXPIRED';
  readonly validUntil: Date;
}

interface Clocked {
  readonly at: Date;
  readonly calendar: WorkingCalendar;
  readonly limits?: TimeLimitTable;
}

const iso = (d: Date) => d.toISOString();
const copy = (d: Date) => new Date(d.getTime());
const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/**
 * The ticket aggregate (工单), spec §3.1–3.6. Immutable: every command returns the new aggregate
 * and the events to publish; every state change goes through TICKET_MACHINE. Commands that touch
 * time take `at` (never the system clock) and, where a limit is computed, the jurisdiction's
 * working-day calendar and limit table.
 */
export class Ticket {
  private constructor(readonly state: TicketState) {}

  static restore(state: TicketState): Ticket {
    return new Ticket(state);
  }

  /** Row #1: created REGISTERED from a Submission; dispatch due within 1 WD (002 L1509–1513, L1527–1531). */
  static register(cmd: RegisterTicket): Outcome<Ticket> {
    const status = create(TICKET_MACHINE, 'register', 'hotline_agent');
    if (blank(cmd.id) || blank(cmd.submissionId) || blank(cmd.callerKey)) {
      throw new InvalidArgumentError('A ticket needs an id, a submission id and the caller key');
    }
    const splitCount = cmd.splitCount ?? 1;
    const splitIndex = cmd.splitIndex ?? 1;
    if (!(splitIndex >= 1 && splitIndex <= splitCount)) throw new InvalidArgumentError('splitIndex must be in 1..splitCount', { splitIndex, splitCount });
    const due = dispatchDueAt(cmd.calendar, cmd.at, cmd.limits ?? DEFAULT_TIME_LIMITS);
    const ticket = new Ticket({
      id: cmd.id,
      submissionId: cmd.submissionId,
      jurisdictionId: cmd.jurisdictionId,
      type: cmd.type,
      scenarioCode: cmd.scenarioCode,
      channel: cmd.channel,
      ...(cmd.area ? { area: cmd.area } : {}),
      callerKey: cmd.callerKey,
      ...(cmd.caller ? { caller: cmd.caller } : {}),
      privacy: { hiddenFields: [...(cmd.privacy?.hiddenFields ?? [])], whistleblower: cmd.privacy?.whistleblower ?? false },
      state: status,
      round: 1,
      registeredAt: copy(cmd.at),
      dispatchDueAt: due,
      splitIndex,
      splitCount,
      priority: cmd.priority ?? 'NORMAL',
      marketEntityTags: [...(cmd.marketEntityTags ?? [])],
      ...(cmd.assignedDeadline ? { assignedDeadline: copy(cmd.assignedDeadline) } : {}),
      coHandlers: [],
      dispatches: [],
      returnRequests: [],
      extensions: [],
      facts: [],
      verification: { attempts: [], refused: false },
      audits: [],
      overdue: false,
      ratings: [],
      callbacks: [],
      rehandled: false,
      version: 1,
      history: [{ at: copy(cmd.at), trigger: 'register', from: null, to: status, actor: 'hotline_agent', by: cmd.agentId }],
    });
    return {
      aggregate: ticket,
      events: [
        ticket.event('complaints.ticket.registered', cmd.at, 'hotline_agent', undefined, {
          splitIndex,
          splitCount,
          priority: ticket.state.priority,
          marketEntityTags: [...ticket.state.marketEntityTags],
          dispatchDueAt: iso(due),
          assignedDeadline: cmd.assignedDeadline ? iso(cmd.assignedDeadline) : null,
        }),
      ],
    };
  }

  // ---------------------------------------------------------------- intake outcomes

  /** Row #2: a CONSULTATION answered during the contact from published, unexpired points (002 L1527, L1632). */
  answerFromKnowledgeBase(cmd: { at: Date; agentId: string; points: readonly KnowledgePointUse[] }): Outcome<Ticket> {
    const next = this.step('answer_from_knowledge_base', 'hotline_agent', cmd.at, cmd.agentId);
    if (this.state.type !== 'CONSULTATION') throw new TicketRuleError('not_consultation', 'Only a consultation is answered from the knowledge base (002 L1527)', { type: this.state.type });
    const unusable = cmd.points.filter((p) => p.status !== 'PUBLISHED' || p.validUntil.getTime() <= cmd.at.getTime()).map((p) => p.id);
    if (cmd.points.length === 0 || unusable.length > 0) {
      throw new TicketRuleError('knowledge_point_unusable', 'A direct answer needs published, unexpired knowledge points (002 L1527, L1678)', { unusable });
    }
    const closed = next.with({ knowledgePointIds: cmd.points.map((p) => p.id) });
    return closed.closing(cmd.at, 'hotline_agent', undefined, 'ANSWERED_FROM_KB', [
      closed.event('complaints.ticket.answered_directly', cmd.at, 'hotline_agent', undefined, { knowledgePointIds: cmd.points.map((p) => p.id) }),
    ]);
  }

  /** Row #3: guidance only (002 L1513). */
  guide(cmd: { at: Date; agentId: string; guidanceText: string }): Outcome<Ticket> {
    const next = this.step('guide', 'hotline_agent', cmd.at, cmd.agentId);
    if (blank(cmd.guidanceText)) throw new TicketRuleError('reason_required', 'Guidance text is recorded (002 L1513)');
    return next.with({ guidanceText: cmd.guidanceText }).closing(cmd.at, 'hotline_agent', undefined, 'GUIDED', []);
  }

  // ---------------------------------------------------------------- dispatch and the unit's check

  /**
   * Row #4: dispatch to a unit from the catalogue (002 L1527–1531). The handling clock starts at
   * 00:00 of the WD after this dispatch (002 L1539): 2 WD consultation, 10 WD others, or the
   * assigned deadline (002 L1535–1537). The unit's 2-WD check window opens (002 L1541).
   */
  dispatch(cmd: Clocked & { actor: 'hotline_agent' | 'district_body'; by: string; unitId: string }): Outcome<Ticket> {
    const next = this.step('dispatch', cmd.actor, cmd.at, cmd.by);
    return next.dispatchTo(cmd, cmd.unitId, 'INITIAL', cmd.actor, cmd.by, false);
  }

  /** Row #5: the unit accepts (签收). */
  accept(cmd: { at: Date; unitId: string }): Outcome<Ticket> {
    this.requireUnit(cmd.unitId);
    const next = this.step('accept', 'handling_unit', cmd.at, cmd.unitId);
    return { aggregate: next, events: [next.event('complaints.ticket.accepted', cmd.at, 'handling_unit', cmd.unitId, { auto: false })] };
  }

  /** Row #5 (design): no action within the 2-WD window → accepted automatically; return no longer allowed. */
  autoAccept(cmd: { at: Date }): Outcome<Ticket> {
    const due = this.lastDispatch()?.unitCheckDueAt;
    const next = this.step('auto_accept', 'timer', cmd.at);
    if (!due) throw new TicketRuleError('unit_check_not_due', 'No check window is open');
    if (cmd.at.getTime() < due.getTime()) throw new NotYetDueError('The unit check window', due, cmd.at);
    return { aggregate: next, events: [next.event('complaints.ticket.accepted', cmd.at, 'timer', undefined, { auto: true })] };
  }

  /**
   * Row #6: return request (退单申请) within 2 WD of receipt (002 L1545), with reasons and the
   * evidence its dispute type needs (002 L1549–1552). The handling clock keeps running.
   */
  requestReturn(cmd: {
    at: Date;
    unitId: string;
    disputeType: ReturnDisputeType;
    reasons: readonly string[];
    evidence: readonly ReturnEvidence[];
    suggestedUnitId?: string;
  }): Outcome<Ticket> {
    if (this.state.state === 'REHANDLING') {
      throw new ReturnRefusedError('not_during_rehandling', 'A re-handled ticket cannot be returned (002 L1642)');
    }
    this.requireUnit(cmd.unitId);
    const next = this.step('request_return', 'handling_unit', cmd.at, cmd.unitId);
    const dispatch = this.requireLastDispatch();
    if (dispatch.returnBarred) {
      throw new ReturnRefusedError('barred_after_coordination', 'The unit decided in coordination may not return the ticket (design, row 12)');
    }
    if (!dispatch.unitCheckDueAt || cmd.at.getTime() >= dispatch.unitCheckDueAt.getTime()) {
      throw new ReturnRefusedError('window_closed', 'A return is requested within 2 WD of receipt (002 L1545)', {
        dueAt: dispatch.unitCheckDueAt ? iso(dispatch.unitCheckDueAt) : null,
        at: iso(cmd.at),
      });
    }
    if (cmd.reasons.filter((r) => !blank(r)).length === 0) throw new ReturnRefusedError('reasons_missing', 'A return request states its reasons (002 L1549–1552)');
    const missing = missingReturnEvidence(cmd.disputeType, cmd.evidence);
    if (missing.length > 0) {
      throw new ReturnRefusedError('evidence_missing', `A ${cmd.disputeType} return needs: ${missing.join(', ')} (${RETURN_EVIDENCE_RULES[cmd.disputeType].source})`, {
        disputeType: cmd.disputeType,
        missing,
      });
    }
    const request: ReturnRequest = {
      no: this.state.returnRequests.length + 1,
      dispatchNo: dispatch.no,
      unitId: cmd.unitId,
      at: copy(cmd.at),
      disputeType: cmd.disputeType,
      reasons: [...cmd.reasons],
      evidence: cmd.evidence.map((e) => ({ ...e })),
      ...(cmd.suggestedUnitId ? { suggestedUnitId: cmd.suggestedUnitId } : {}),
    };
    const updated = next.with({ returnRequests: [...this.state.returnRequests, request] });
    return {
      aggregate: updated,
      events: [
        updated.event('complaints.ticket.return_requested', cmd.at, 'handling_unit', cmd.unitId, {
          disputeType: cmd.disputeType,
          evidenceRefs: cmd.evidence.map((e) => e.ref),
          suggestedUnitId: cmd.suggestedUnitId ?? null,
        }),
      ],
    };
  }

  /**
   * Rows #7, #8, #10: the centre approves the return. If this makes 3 or more distinct units whose
   * returns were approved, the ticket goes to difficult-ticket coordination (002 L1558; Q4) and
   * the handling clock is suspended (design). Otherwise it is re-dispatched to `newUnitId` (with
   * `coHandlerUnitIds` for joint handling, 002 L1556) and the clock restarts (002 L1554).
   */
  approveReturn(cmd: Clocked & { agentId: string; newUnitId?: string; coHandlerUnitIds?: readonly string[] }): Outcome<Ticket> {
    const request = this.openReturnRequest();
    const approvedUnits = new Set(this.state.returnRequests.filter((r) => r.decision?.approved).map((r) => r.unitId));
    if (request) approvedUnits.add(request.unitId);
    const toCoordination = approvedUnits.size >= COORDINATION_RULE.distinctUnitsWithApprovedReturns;
    const joint = !toCoordination && (cmd.coHandlerUnitIds ?? []).length > 0;
    const trigger: TicketTrigger = toCoordination ? 'approve_return_to_coordination' : joint ? 'approve_return_jointly' : 'approve_return';
    const next = this.step(trigger, 'hotline_agent', cmd.at, cmd.agentId);
    if (!request) throw new InvalidArgumentError('No return request is open');
    const clockEffect = toCoordination ? 'SUSPENDED' : 'RESTART';
    const decided = next.with({
      returnRequests: this.decideRequest(request, { at: copy(cmd.at), approved: true, by: cmd.agentId, clockEffect }),
    });
    const decisionEvent = decided.event('complaints.ticket.return_decided', cmd.at, 'hotline_agent', undefined, {
      decision: 'APPROVED',
      clockEffect,
      approvedReturnCount: approvedUnits.size,
    });
    if (toCoordination) {
      const { handling: _suspended, ...rest } = decided.state;
      const inCoordination = new Ticket({ ...rest, coordination: { openedAt: copy(cmd.at), guidance: [] } });
      return {
        aggregate: inCoordination,
        events: [
          decisionEvent,
          inCoordination.event('complaints.ticket.coordination_opened', cmd.at, 'hotline_agent', undefined, { disputeType: null, guidanceBodyId: null, dueAt: null }),
        ],
      };
    }
    if (!cmd.newUnitId) throw new InvalidArgumentError('An approved return names the new unit');
    if (cmd.newUnitId === request.unitId) throw new ReturnRefusedError('same_unit', 'An approved return goes to another unit');
    if (joint && (cmd.coHandlerUnitIds ?? []).includes(cmd.newUnitId)) throw new InvalidArgumentError('The lead is not its own co-handler');
    const dispatched = decided.dispatchTo(cmd, cmd.newUnitId, 'RETURN_APPROVED', 'hotline_agent', cmd.agentId, false, joint ? cmd.coHandlerUnitIds : undefined);
    return { aggregate: dispatched.aggregate, events: [decisionEvent, ...dispatched.events] };
  }

  /** Row #9: the centre rejects the return; the original unit handles it and the clock continues (002 L1554). */
  rejectReturn(cmd: { at: Date; agentId: string; reason: string }): Outcome<Ticket> {
    const request = this.openReturnRequest();
    const next = this.step('reject_return', 'hotline_agent', cmd.at, cmd.agentId);
    if (!request) throw new InvalidArgumentError('No return request is open');
    if (blank(cmd.reason)) throw new TicketRuleError('reason_required', 'A rejected return states the reason');
    const decided = next.with({
      returnRequests: this.decideRequest(request, { at: copy(cmd.at), approved: false, by: cmd.agentId, reason: cmd.reason, clockEffect: 'CONTINUE' }),
    });
    const approvedReturnCount = new Set(decided.state.returnRequests.filter((r) => r.decision?.approved).map((r) => r.unitId)).size;
    return {
      aggregate: decided,
      events: [decided.event('complaints.ticket.return_decided', cmd.at, 'hotline_agent', undefined, { decision: 'REJECTED', clockEffect: 'CONTINUE', approvedReturnCount })],
    };
  }

  // ---------------------------------------------------------------- coordination (疑难工单协调)

  /** Row #11: ask a guidance body for its opinion: 2 WD inter-district, 5 WD duty split or law application (002 L1562–1566). */
  requestGuidance(cmd: Clocked & { supervisorId: string; requestId: string; kind: GuidanceKind; guidanceBodyId: string }): Outcome<Ticket> {
    const next = this.step('request_guidance', 'supervisor', cmd.at, cmd.supervisorId);
    const coordination = this.requireCoordination();
    if (coordination.guidance.some((g) => g.id === cmd.requestId)) throw new InvalidArgumentError(`Guidance request ${cmd.requestId} exists`);
    const dueAt = guidanceDueAt(cmd.calendar, cmd.kind, cmd.at, cmd.limits ?? DEFAULT_TIME_LIMITS);
    const request: GuidanceRequest = { id: cmd.requestId, kind: cmd.kind, guidanceBodyId: cmd.guidanceBodyId, requestedAt: copy(cmd.at), dueAt };
    const updated = next.with({ coordination: { ...coordination, guidance: [...coordination.guidance, request] } });
    return {
      aggregate: updated,
      events: [updated.event('complaints.ticket.coordination_opened', cmd.at, 'supervisor', undefined, { disputeType: cmd.kind, guidanceBodyId: cmd.guidanceBodyId, dueAt: iso(dueAt) })],
    };
  }

  /** Row #11: the guidance body gives its opinion. */
  giveGuidance(cmd: { at: Date; guidanceBodyId: string; requestId: string; opinion: string }): Outcome<Ticket> {
    const next = this.step('give_guidance', 'guidance_body', cmd.at, cmd.guidanceBodyId);
    const coordination = this.requireCoordination();
    const request = coordination.guidance.find((g) => g.id === cmd.requestId && g.guidanceBodyId === cmd.guidanceBodyId);
    if (!request) throw new CoordinationRefusedError('unknown_guidance_request', `No guidance request ${cmd.requestId} for ${cmd.guidanceBodyId}`);
    if (request.givenAt) throw new CoordinationRefusedError('already_answered', `Guidance request ${cmd.requestId} is answered`);
    if (blank(cmd.opinion)) throw new TicketRuleError('reason_required', 'A guidance opinion has content');
    const guidance = coordination.guidance.map((g) => (g === request ? { ...g, opinion: cmd.opinion, givenAt: copy(cmd.at) } : g));
    const updated = next.with({ coordination: { ...coordination, guidance } });
    return {
      aggregate: updated,
      events: [updated.event('complaints.ticket.guidance_given', cmd.at, 'guidance_body', cmd.guidanceBodyId, { disputeType: request.kind, guidanceBodyId: cmd.guidanceBodyId, dueAt: iso(request.dueAt) })],
    };
  }

  /**
   * Row #12: the data administration decides the unit once every opinion is in or its deadline
   * passed (design). New clock; that unit may not return the ticket (design).
   */
  decideUnit(cmd: Clocked & { supervisorId: string; unitId: string; coHandlerUnitIds?: readonly string[] }): Outcome<Ticket> {
    const next = this.step('decide_unit', 'supervisor', cmd.at, cmd.supervisorId);
    const coordination = this.requireCoordination();
    if (coordination.guidance.length === 0) throw new CoordinationRefusedError('no_guidance_requested', 'Guidance is requested by dispute type before the decision (002 L1562–1566)');
    const pending = coordination.guidance.filter((g) => !g.givenAt && cmd.at.getTime() < g.dueAt.getTime()).map((g) => g.id);
    if (pending.length > 0) throw new CoordinationRefusedError('opinion_pending', 'An opinion is pending and its deadline has not passed (design)', { pending });
    const decided = next.with({ coordination: { ...coordination, decidedAt: copy(cmd.at), decidedUnitId: cmd.unitId } });
    const dispatched = decided.dispatchTo(cmd, cmd.unitId, 'COORDINATION', 'supervisor', cmd.supervisorId, true, cmd.coHandlerUnitIds);
    return {
      aggregate: dispatched.aggregate,
      events: [dispatched.aggregate.event('complaints.ticket.unit_decided', cmd.at, 'supervisor', undefined, { disputeType: null, guidanceBodyId: null, dueAt: null }), ...dispatched.events],
    };
  }

  // ---------------------------------------------------------------- handling

  /** Row #8: the lead names and notifies co-handlers and their items, due 2 WD after its receipt (002 L1556). */
  assignCoHandlers(cmd: { at: Date; unitId: string; coHandlers: readonly { unitId: string; items: readonly string[] }[] }): Outcome<Ticket> {
    this.requireUnit(cmd.unitId);
    const next = this.step('assign_co_handlers', 'handling_unit', cmd.at, cmd.unitId);
    if (cmd.coHandlers.length === 0 || cmd.coHandlers.some((c) => c.items.length === 0 || c.unitId === cmd.unitId)) {
      throw new TicketRuleError('co_handlers_required', 'Name at least one other unit, each with its items (002 L1556)');
    }
    const coHandlers: CoHandler[] = cmd.coHandlers.map((c) => ({ unitId: c.unitId, items: [...c.items], notifiedAt: copy(cmd.at) }));
    const { coHandlingOrder: _done, ...rest } = next.state;
    const updated = new Ticket({ ...rest, coHandlers });
    return {
      aggregate: updated,
      events: [
        updated.event('complaints.ticket.cohandlers_assigned', cmd.at, 'handling_unit', cmd.unitId, {
          leadUnitId: cmd.unitId,
          coHandlers: coHandlers.map((c) => ({ unitId: c.unitId, items: [...c.items] })),
          dueAt: this.state.coHandlingOrder ? iso(this.state.coHandlingOrder.dueAt) : null,
        }),
      ],
    };
  }

  /** The unit delegates to a sub-office (经办机构) but stays accountable (002 L1473). */
  assignSubOffice(cmd: { at: Date; unitId: string; subOfficeId: string }): Outcome<Ticket> {
    this.requireUnit(cmd.unitId);
    const next = this.step('assign_sub_office', 'handling_unit', cmd.at, cmd.unitId);
    return { aggregate: next.with({ subOfficeId: cmd.subOfficeId }), events: [] };
  }

  /**
   * Row #13: extension (延期) before the deadline; at most 2 (per unit assignment; added facts do
   * not reset the count, Q7); each at most the limit set at first dispatch; the caller is told the
   * reason and new deadline. New deadline = previous deadline + days WD (002 L1570; Q3).
   */
  extend(cmd: { at: Date; unitId: string; workingDays: number; reason: string; publicReason: string; calendar: WorkingCalendar }): Outcome<Ticket> {
    if (this.state.state === 'REHANDLING') throw new ExtensionRefusedError('not_during_rehandling', 'A re-handled ticket cannot be extended (002 L1642)');
    this.requireUnit(cmd.unitId);
    const next = this.step('extend', 'handling_unit', cmd.at, cmd.unitId);
    const clock = this.requireClock();
    if (clock.assignedDeadline) {
      throw new ExtensionRefusedError('assigned_deadline', 'The deadline comes from the assigning authority (002 L1537); it is not extended locally (design)');
    }
    if (blank(cmd.reason) || blank(cmd.publicReason)) throw new ExtensionRefusedError('reason_required', 'An extension states its reason, told to the caller (002 L1570)');
    if (!Number.isSafeInteger(cmd.workingDays) || cmd.workingDays < 1) throw new ExtensionRefusedError('invalid_days', 'An extension is at least 1 WD', { workingDays: cmd.workingDays });
    if (cmd.at.getTime() >= clock.deadlineAt.getTime()) {
      throw new ExtensionRefusedError('deadline_passed', 'An extension is requested before the deadline (002 L1570)', { deadlineAt: iso(clock.deadlineAt), at: iso(cmd.at) });
    }
    const dispatchNo = this.requireLastDispatch().no;
    const used = this.state.extensions.filter((e) => e.dispatchNo === dispatchNo).length;
    if (used >= EXTENSION_RULE.maxCount) {
      throw new ExtensionRefusedError('max_count_reached', `At most ${EXTENSION_RULE.maxCount} extensions (002 L1570)`, { used });
    }
    const cap = this.state.limitWd ?? clock.limitWd ?? 0;
    if (cmd.workingDays > cap) {
      throw new ExtensionRefusedError('too_long', `Each extension is at most the original limit of ${cap} WD (002 L1570)`, { workingDays: cmd.workingDays, maxWorkingDays: cap });
    }
    const deadlineAt = extendedDeadline(cmd.calendar, clock.deadlineAt, cmd.workingDays);
    const extension: TicketExtension = {
      no: used + 1,
      dispatchNo,
      unitId: cmd.unitId,
      at: copy(cmd.at),
      workingDays: cmd.workingDays,
      reason: cmd.reason,
      publicReason: cmd.publicReason,
      previousDeadlineAt: clock.deadlineAt,
      deadlineAt,
    };
    const updated = next.with({
      handling: { ...clock, extensionWorkingDays: clock.extensionWorkingDays + cmd.workingDays, deadlineAt },
      extensions: [...this.state.extensions, extension],
    });
    return {
      aggregate: updated,
      events: [
        updated.event('complaints.ticket.extended', cmd.at, 'handling_unit', cmd.unitId, {
          extensionNo: extension.no,
          previousDeadlineAt: iso(clock.deadlineAt),
          deadlineAt: iso(deadlineAt),
          publicReason: cmd.publicReason,
        }),
      ],
    };
  }

  /** Rows #14/#15: the caller adds facts before submission (002 L1572), from the same phone or account (002 L1495). */
  addFacts(cmd: { at: Date; actor: 'caller' | 'hotline_agent' | 'integrator'; callerKey: string; by?: string; summary: string }): Outcome<Ticket> {
    this.requireCaller(cmd.callerKey);
    const next = this.step('add_facts', cmd.actor, cmd.at, cmd.by);
    if (blank(cmd.summary)) throw new InvalidArgumentError('Added facts have content');
    const facts: AddedFacts = { no: this.state.facts.length + 1, at: copy(cmd.at), summary: cmd.summary, actor: cmd.actor };
    const updated = next.with({ facts: [...this.state.facts, facts] });
    return {
      aggregate: updated,
      events: [updated.event('complaints.ticket.facts_added', cmd.at, cmd.actor, undefined, { affectsHandling: null, clockEffect: 'PENDING_ASSESSMENT', deadlineAt: iso(this.requireClock().deadlineAt) })],
    };
  }

  /**
   * Rows #14/#15: the unit decides whether the added facts affect handling. If they do, the clock
   * restarts from their receipt, at 00:00 of the next WD (002 L1574; design); otherwise it continues (002 L1576).
   */
  assessFacts(cmd: { at: Date; unitId: string; factsNo: number; affectsHandling: boolean; note: string; calendar: WorkingCalendar; limits?: TimeLimitTable }): Outcome<Ticket> {
    this.requireUnit(cmd.unitId);
    const next = this.step('assess_facts', 'handling_unit', cmd.at, cmd.unitId);
    const facts = this.state.facts.find((f) => f.no === cmd.factsNo);
    if (!facts || facts.assessment) throw new TicketRuleError('no_pending_facts', `No unassessed added facts #${cmd.factsNo}`);
    if (blank(cmd.note)) throw new TicketRuleError('reason_required', 'The unit explains to the caller or records its contact (002 L1574–1576)');
    const clock = this.requireClock();
    let handling = clock;
    if (cmd.affectsHandling) {
      const limitWd = clock.limitWd ?? handlingLimitWd(this.state.type, cmd.limits);
      const deadlineAt = clock.assignedDeadline ?? (limitWd === undefined ? clock.deadlineAt : cmd.calendar.deadlineWorkingDays(facts.at, limitWd));
      handling = {
        kind: clock.kind,
        startedBy: 'FACTS',
        trigger: facts.at,
        clockStartAt: handlingClockStart(cmd.calendar, facts.at),
        ...(clock.limitWd !== undefined ? { limitWd: clock.limitWd } : {}),
        ...(clock.assignedDeadline ? { assignedDeadline: clock.assignedDeadline } : {}),
        extensionWorkingDays: 0,
        deadlineAt,
      };
    }
    const assessed: AddedFacts = { ...facts, assessment: { at: copy(cmd.at), affectsHandling: cmd.affectsHandling, note: cmd.note } };
    const updated = next.with({ handling, facts: this.state.facts.map((f) => (f === facts ? assessed : f)) });
    return {
      aggregate: updated,
      events: [
        updated.event('complaints.ticket.facts_added', cmd.at, 'handling_unit', cmd.unitId, {
          affectsHandling: cmd.affectsHandling,
          clockEffect: cmd.affectsHandling ? 'RESTART' : 'CONTINUE',
          deadlineAt: iso(handling.deadlineAt),
        }),
      ],
    };
  }

  /** Row #16: a verification call to the caller; 3 unanswered ≥15 min apart, or a refusal, enables CALLER_UNREACHABLE (002 L1519). */
  recordVerificationAttempt(cmd: { at: Date; unitId: string; refused?: boolean }): Outcome<Ticket> {
    this.requireUnit(cmd.unitId);
    const next = this.step('record_verification_attempt', 'handling_unit', cmd.at, cmd.unitId);
    const verification = { attempts: [...this.state.verification.attempts, copy(cmd.at)], refused: this.state.verification.refused || cmd.refused === true };
    return { aggregate: next.with({ verification }), events: [] };
  }

  /**
   * Row #17: the reply (答复) by phone, SMS or letter; or the caller wants none; or 3 attempts
   * ≥15 min apart failed. Evidence (recording, call log or SMS log) is kept (002 L1578).
   */
  recordReply(cmd: { at: Date; unitId: string; outcome: ReplyOutcome; method?: ReplyMethod; attempts: readonly Date[]; evidenceRef: string }): Outcome<Ticket> {
    this.requireUnit(cmd.unitId);
    const next = this.step('record_reply', 'handling_unit', cmd.at, cmd.unitId);
    if (cmd.outcome === 'REPLIED' && !cmd.method) throw new ReplyRefusedError('method_required', 'A reply is given by phone, SMS or letter (002 L1578)');
    if (cmd.outcome === 'UNREACHABLE' && !attemptsExhausted(cmd.attempts)) {
      throw new ReplyRefusedError('attempts_insufficient', `Unreachable needs ${THREE_ATTEMPTS_RULE.attempts} attempts at least ${THREE_ATTEMPTS_RULE.minGapMinutes} min apart (002 L1578)`);
    }
    if (blank(cmd.evidenceRef)) throw new ReplyRefusedError('evidence_required', 'The reply evidence (recording, call log or SMS log) is kept (002 L1578)');
    const reply: ReplyRecord = {
      round: this.state.round,
      at: copy(cmd.at),
      ...(cmd.method ? { method: cmd.method } : {}),
      attempts: cmd.attempts.map(copy),
      outcome: cmd.outcome,
      evidenceRef: cmd.evidenceRef,
    };
    const updated = next.with({ reply });
    return {
      aggregate: updated,
      events: [updated.event('complaints.ticket.reply_recorded', cmd.at, 'handling_unit', cmd.unitId, { method: cmd.method ?? null, attemptCount: cmd.attempts.length, outcome: cmd.outcome })],
    };
  }

  /**
   * Rows #18/#25: the unit submits its handling report. The clock stops provisionally at
   * `submittedAt`; only a report that passes audit stops it (002 L1539). From DISPATCHED only for a
   * special category (002 L1544, L1646).
   */
  submit(cmd: { at: Date; unitId: string; outcomeCode: string; report: HandlingReport; specialCategories?: readonly string[] }): Outcome<Ticket> {
    this.requireUnit(cmd.unitId);
    const from = this.state.state;
    const next = this.step('submit', 'handling_unit', cmd.at, cmd.unitId);
    const categories = cmd.specialCategories ?? DEFAULT_SPECIAL_CATEGORIES;
    const problems = reportProblems(this.state.type, cmd.outcomeCode, cmd.report, categories);
    if (problems.length > 0) throw new ReportRefusedError('incomplete', `The handling report is incomplete: ${problems.join('; ')}`, { problems });
    const outcome = cmd.outcomeCode as OutcomeCode;
    const special = isSpecialCategory(outcome);
    if (from === 'DISPATCHED' && !special) throw new ReportRefusedError('special_category_only', 'Only a special category is submitted before acceptance (002 L1544)');
    if (this.state.facts.some((f) => !f.assessment)) throw new TicketRuleError('facts_pending', 'Assess the added facts first (002 L1572–1576)');
    if (!special && this.state.reply?.round !== this.state.round) throw new ReportRefusedError('reply_missing', 'Record the reply first (002 L1578, row #18)');
    if (outcome === 'CALLER_UNREACHABLE') {
      const verified = attemptsExhausted(this.state.verification.attempts) || this.state.verification.refused || this.state.reply?.outcome === 'UNREACHABLE';
      if (!verified) throw new ReportRefusedError('caller_reachable', 'CALLER_UNREACHABLE needs 3 unanswered calls ≥15 min apart or a refusal (002 L1519)');
    }
    return { aggregate: next.with({ report: cmd.report, outcomeCode: outcome, submittedAt: copy(cmd.at) }), events: [] };
  }

  /** Row #19: audit passes; `onTime` is fixed from the report's submittedAt; the rating request is due within 24 h (002 L1454, L1634). */
  auditPass(cmd: Clocked & { actor: 'hotline_agent' | 'district_body'; by: string }): Outcome<Ticket> {
    const next = this.step('audit_pass', cmd.actor, cmd.at, cmd.by);
    const submittedAt = this.state.submittedAt as Date;
    const deadline = this.state.handling?.deadlineAt;
    const onTime = deadline === undefined ? undefined : submittedAt.getTime() < deadline.getTime();
    const audit: Audit = { round: this.state.round, at: copy(cmd.at), passed: true, reasons: [], actor: cmd.actor, by: cmd.by, ...(onTime !== undefined ? { onTime } : {}) };
    const sendBy = ratingRequestDueAt(cmd.calendar, cmd.at, cmd.limits ?? DEFAULT_TIME_LIMITS);
    const updated = next.with({
      audits: [...this.state.audits, audit],
      ...(onTime === undefined ? {} : this.state.round === 1 ? { onTime } : { rehandlingOnTime: onTime }),
      ratingRequest: { round: this.state.round, auditPassedAt: copy(cmd.at), sendBy },
    });
    return {
      aggregate: updated,
      events: [
        updated.event('complaints.ticket.audited', cmd.at, cmd.actor, undefined, { result: 'PASS', reasons: [] }),
        updated.event('complaints.ticket.submitted', cmd.at, cmd.actor, undefined, { outcomeCode: this.state.outcomeCode, submittedAt: iso(submittedAt), onTime: onTime ?? null }),
      ],
    };
  }

  /**
   * Row #20: audit fails; back to IN_PROGRESS (round 1) or REHANDLING (round 2). The clock resumes
   * as if never stopped (002 L1539, L1660): if its deadline has passed the ticket is overdue now.
   */
  auditFail(cmd: { at: Date; actor: 'hotline_agent' | 'district_body'; by: string; reasons: readonly string[] }): Outcome<Ticket> {
    const prior: TicketStatus = this.state.round === 1 ? 'IN_PROGRESS' : 'REHANDLING';
    const next = this.step('audit_fail', cmd.actor, cmd.at, cmd.by, prior);
    if (cmd.reasons.filter((r) => !blank(r)).length === 0) throw new TicketRuleError('reason_required', 'A failed audit states its reasons');
    const audit: Audit = { round: this.state.round, at: copy(cmd.at), passed: false, reasons: [...cmd.reasons], actor: cmd.actor, by: cmd.by };
    const { report: _r, outcomeCode: _o, submittedAt: _s, ...rest } = next.state;
    let updated = new Ticket({ ...rest, audits: [...this.state.audits, audit] });
    const events: DomainEvent[] = [updated.event('complaints.ticket.audited', cmd.at, cmd.actor, undefined, { result: 'FAIL', reasons: [...cmd.reasons] })];
    const clock = updated.state.handling;
    if (clock && !clock.overdueMarkedAt && cmd.at.getTime() >= clock.deadlineAt.getTime()) {
      updated = updated.with({ overdue: true, handling: { ...clock, overdueMarkedAt: copy(cmd.at) } });
      events.push(updated.event('complaints.ticket.overdue', cmd.at, 'timer', undefined, { deadlineAt: iso(clock.deadlineAt) }));
    }
    return { aggregate: updated, events };
  }

  // ---------------------------------------------------------------- satisfaction

  /** Row #19: the rating request goes out (within 24 h of the audit, 002 L1634); the 5 ND window opens (002 L1636). */
  sendRatingRequest(cmd: Clocked & { actor?: 'system' | 'hotline_agent' }): Outcome<Ticket> {
    const actor = cmd.actor ?? 'system';
    const next = this.step('send_rating_request', actor, cmd.at);
    const request = this.state.ratingRequest as RatingRequest;
    if (request.sentAt) throw new RatingRefusedError('already_requested', 'The rating request was sent');
    const windowDueAt = ratingWindowDueAt(cmd.calendar, cmd.at, cmd.limits ?? DEFAULT_TIME_LIMITS);
    const updated = next.with({ ratingRequest: { ...request, sentAt: copy(cmd.at), windowDueAt } });
    return { aggregate: updated, events: [updated.event('complaints.ticket.rating_requested', cmd.at, actor, undefined, { dueAt: iso(windowDueAt) })] };
  }

  /**
   * Rows #21/#22: the caller's grade. An answer that is not one of the five grades is ignored (no
   * change, no events, 002 L1636). A late answer is refused (the timer closes it NOT_RATED).
   * Satisfied grades close the ticket; dissatisfied ones go to the callback.
   */
  rate(cmd: { at: Date; callerKey: string; answer: string; actor?: 'caller' | 'integrator' }): Outcome<Ticket> {
    this.requireCaller(cmd.callerKey);
    if (!isSatisfactionGrade(cmd.answer)) return { aggregate: this, events: [] };
    const grade: SatisfactionGrade = cmd.answer;
    const actor = cmd.actor ?? 'caller';
    const next = this.step(isDissatisfied(grade) ? 'rate_dissatisfied' : 'rate_satisfied', actor, cmd.at);
    const request = this.state.ratingRequest;
    if (!request?.sentAt || !request.windowDueAt) throw new RatingRefusedError('not_requested', 'The rating request has not been sent');
    if (cmd.at.getTime() >= request.windowDueAt.getTime()) {
      throw new RatingRefusedError('window_closed', 'The 5 ND rating window has closed: not rated (002 L1636)', { windowDueAt: iso(request.windowDueAt) });
    }
    const rated = next.with({ ratings: [...this.state.ratings, { round: this.state.round, grade, at: copy(cmd.at) }] });
    const ratedEvent = rated.event('complaints.ticket.rated', cmd.at, actor, undefined, { grade });
    if (isDissatisfied(grade)) return { aggregate: rated, events: [ratedEvent] };
    return rated.closing(cmd.at, actor, undefined, 'RATED', [ratedEvent]);
  }

  /** Row #21: no or late answer within 5 ND = NOT_RATED; the ticket closes (002 L1636). */
  lapseRating(cmd: { at: Date }): Outcome<Ticket> {
    const next = this.step('rating_lapse', 'timer', cmd.at);
    const due = this.state.ratingRequest?.windowDueAt;
    if (!due) throw new RatingRefusedError('not_requested', 'The rating window has not opened');
    if (cmd.at.getTime() < due.getTime()) throw new NotYetDueError('The rating window', due, cmd.at);
    const rated = next.with({ ratings: [...this.state.ratings, { round: this.state.round, grade: 'NOT_RATED', at: copy(cmd.at) }] });
    return rated.closing(cmd.at, 'timer', undefined, 'NOT_RATED', [rated.event('complaints.ticket.rated', cmd.at, 'timer', undefined, { grade: 'NOT_RATED' })]);
  }

  // ---------------------------------------------------------------- re-handling and duty opinion

  /**
   * Row #23: after the first dissatisfaction and its callback, the centre may reopen once
   * (002 L1640–1642), unless the outcome is excluded (002 L1644–1658). Same limit as handling, from
   * 00:00 of the WD after the re-dispatch (design); no return, no extension (002 L1642).
   */
  reopenForRehandling(cmd: Clocked & { agentId: string; callback: { channel: CallbackChannel; reason: string } }): Outcome<Ticket> {
    const next = this.step('reopen_for_rehandling', 'hotline_agent', cmd.at, cmd.agentId);
    if (this.state.round !== 1) throw new RehandlingRefusedError('wrong_round', 'Re-handling follows the first dissatisfied rating');
    if (this.state.rehandled) throw new RehandlingRefusedError('already_rehandled', 'Re-handling happens at most once (002 L1642)');
    const exclusion = rehandlingExclusionOf(this.state.outcomeCode);
    if (exclusion) throw new RehandlingRefusedError('excluded_outcome', `Outcome ${this.state.outcomeCode} is never re-handled (002 L1644–1658)`, { exclusion });
    const limits = cmd.limits ?? DEFAULT_TIME_LIMITS;
    const limitWd = this.state.limitWd ?? handlingLimitWd(this.state.type, limits);
    if (limitWd === undefined) throw new InvalidArgumentError('This ticket type has no handling limit');
    const unitId = this.requireAssignedUnit();
    const deadlineAt = cmd.calendar.deadlineWorkingDays(cmd.at, limitWd);
    const dispatch: Dispatch = { no: this.state.dispatches.length + 1, unitId, at: copy(cmd.at), reason: 'REHANDLING', actor: 'hotline_agent', by: cmd.agentId, returnBarred: true };
    const { report: _r, outcomeCode: _o, submittedAt: _s, ratingRequest: _q, ...rest } = next.state;
    const reopened = new Ticket({
      ...rest,
      round: 2,
      rehandled: true,
      callbacks: [...this.state.callbacks, { round: 1, at: copy(cmd.at), channel: cmd.callback.channel, reason: cmd.callback.reason }],
      dispatches: [...this.state.dispatches, dispatch],
      handling: { kind: 'REHANDLING', startedBy: 'DISPATCH', trigger: copy(cmd.at), clockStartAt: handlingClockStart(cmd.calendar, cmd.at), limitWd, extensionWorkingDays: 0, deadlineAt },
    });
    return {
      aggregate: reopened,
      events: [
        reopened.event('complaints.ticket.callback_recorded', cmd.at, 'hotline_agent', undefined, { reason: cmd.callback.reason }),
        reopened.event('complaints.ticket.rehandling_opened', cmd.at, 'hotline_agent', undefined, { deadlineAt: iso(deadlineAt) }),
        reopened.event('complaints.ticket.dispatched', cmd.at, 'hotline_agent', undefined, {
          reason: 'REHANDLING',
          limitWd,
          clockStartAt: iso(reopened.state.handling?.clockStartAt as Date),
          deadlineAt: iso(deadlineAt),
        }),
      ],
    };
  }

  /** Row #24: after the first dissatisfaction the centre closes without re-handling (excluded or not reopened). */
  closeWithoutRehandling(cmd: { at: Date; agentId: string; callback: { channel: CallbackChannel; reason: string }; reason: string }): Outcome<Ticket> {
    const next = this.step('close_without_rehandling', 'hotline_agent', cmd.at, cmd.agentId);
    if (this.state.round !== 1) throw new RehandlingRefusedError('wrong_round', 'After the second rating the callback leads to the duty opinion (002 L1662)');
    if (blank(cmd.reason)) throw new TicketRuleError('reason_required', 'The skipped re-handling states its reason');
    const exclusion = rehandlingExclusionOf(this.state.outcomeCode) ?? 'NOT_REOPENED';
    const updated = next.with({ callbacks: [...this.state.callbacks, { round: 1, at: copy(cmd.at), channel: cmd.callback.channel, reason: cmd.callback.reason }] });
    return updated.closing(cmd.at, 'hotline_agent', undefined, 'REHANDLING_SKIPPED', [
      updated.event('complaints.ticket.callback_recorded', cmd.at, 'hotline_agent', undefined, { reason: cmd.callback.reason }),
      updated.event('complaints.ticket.rehandling_skipped', cmd.at, 'hotline_agent', undefined, { exclusion, reason: cmd.reason }),
    ]);
  }

  /** Row #26: the callback after the second dissatisfaction; the unit's duty opinion is due in 5 WD (002 L1662–1664). */
  recordCallback(cmd: Clocked & { agentId: string; channel: CallbackChannel; reason: string }): Outcome<Ticket> {
    const next = this.step('record_callback', 'hotline_agent', cmd.at, cmd.agentId);
    if (this.state.round !== 2) throw new RehandlingRefusedError('wrong_round', 'After the first rating the centre decides on re-handling (rows #23/#24)');
    const dueAt = dutyOpinionDueAt(cmd.calendar, cmd.at, cmd.limits ?? DEFAULT_TIME_LIMITS);
    const updated = next.with({
      callbacks: [...this.state.callbacks, { round: 2, at: copy(cmd.at), channel: cmd.channel, reason: cmd.reason }],
      dutyOpinion: { at: copy(cmd.at), dueAt },
    });
    return { aggregate: updated, events: [updated.event('complaints.ticket.callback_recorded', cmd.at, 'hotline_agent', undefined, { reason: cmd.reason, dueAt: iso(dueAt) })] };
  }

  /** Row #27: the unit files its duty-fulfilled opinion (履职尽责意见) within 5 WD (002 L1664). */
  fileDutyOpinion(cmd: { at: Date; unitId: string; opinion: string }): Outcome<Ticket> {
    this.requireUnit(cmd.unitId);
    const next = this.step('file_duty_opinion', 'handling_unit', cmd.at, cmd.unitId);
    const duty = this.state.dutyOpinion as NonNullable<TicketState['dutyOpinion']>;
    if (cmd.at.getTime() >= duty.dueAt.getTime()) throw new TicketRuleError('duty_opinion_window_closed', 'The 5 WD for the duty opinion have passed (002 L1664)', { dueAt: iso(duty.dueAt) });
    if (blank(cmd.opinion)) throw new TicketRuleError('reason_required', 'The opinion asserts lawful handling (002 L1664)');
    const updated = next.with({ dutyOpinion: { ...duty, opinion: cmd.opinion } });
    return updated.closing(cmd.at, 'handling_unit', cmd.unitId, 'DUTY_OPINION_FILED', [updated.event('complaints.ticket.duty_opinion_filed', cmd.at, 'handling_unit', cmd.unitId, {})]);
  }

  /** Row #27: no opinion within 5 WD; the ticket closes. */
  lapseDutyOpinion(cmd: { at: Date }): Outcome<Ticket> {
    const next = this.step('duty_opinion_lapse', 'timer', cmd.at);
    const duty = this.state.dutyOpinion as NonNullable<TicketState['dutyOpinion']>;
    if (cmd.at.getTime() < duty.dueAt.getTime()) throw new NotYetDueError('The duty opinion', duty.dueAt, cmd.at);
    return next.with({ dutyOpinion: { ...duty, lapsed: true } }).closing(cmd.at, 'timer', undefined, 'DUTY_OPINION_LAPSED', []);
  }

  // ---------------------------------------------------------------- other closes

  /**
   * Row #28: withdrawal from the same phone or account (002 L1495, L1606); never rated (002 L1634).
   * A REPORT may still be investigated by the unit (002 L1606). A dispatched ticket names the unit
   * that confirms (002 L1606).
   */
  withdraw(cmd: { at: Date; actor: 'caller' | 'hotline_agent' | 'integrator'; callerKey: string; by?: string }): Outcome<Ticket> {
    this.requireCaller(cmd.callerKey);
    const next = this.step('withdraw', cmd.actor, cmd.at, cmd.by);
    const investigationContinues = this.state.type === 'REPORT' && this.state.unitId !== undefined;
    const updated = next.with({
      withdrawal: { at: copy(cmd.at), investigationContinues, ...(this.state.unitId ? { unitToConfirm: this.state.unitId } : {}) },
    });
    return updated.closing(cmd.at, cmd.actor, undefined, 'WITHDRAWN', [
      updated.event('complaints.ticket.withdrawn', cmd.at, cmd.actor, undefined, { investigationContinues }),
    ]);
  }

  /**
   * The ticket was added to a long-running issue (§3.8, 002 L1624): a link, not a transition (no
   * event of its own: the issue and `ticket.linked` carry it). The same issue again changes nothing.
   */
  joinLongRunningIssue(cmd: { issueId: string; at: Date }): Outcome<Ticket> {
    if (!cmd.issueId.trim()) throw new InvalidArgumentError('A long-running issue id is required');
    if (this.state.longRunningIssueId === cmd.issueId) return { aggregate: this, events: [] };
    return { aggregate: this.with({ longRunningIssueId: cmd.issueId, longRunningIssueJoinedAt: copy(cmd.at) }), events: [] };
  }

  /** Row #29: a PRAISE ticket is read by the unit and closes (002 L1604). */
  markRead(cmd: { at: Date; unitId: string }): Outcome<Ticket> {
    this.requireUnit(cmd.unitId);
    const next = this.step('mark_read', 'handling_unit', cmd.at, cmd.unitId);
    if (this.state.type !== 'PRAISE') throw new TicketRuleError('not_praise', 'Only praise is closed by reading it (002 L1604)');
    return next.closing(cmd.at, 'handling_unit', cmd.unitId, 'PRAISE_READ', []);
  }

  /** Row #30: merged (并单) into a primary ticket of the same jurisdiction; REPORT never with another type (§5). */
  merge(cmd: { at: Date; agentId: string; primary: { id: string; type: TicketType; jurisdictionId: string } }): Outcome<Ticket> {
    const next = this.step('merge', 'hotline_agent', cmd.at, cmd.agentId);
    const p = cmd.primary;
    const reportMix = (p.type === 'REPORT') !== (this.state.type === 'REPORT');
    if (p.id === this.state.id || p.jurisdictionId !== this.state.jurisdictionId || reportMix) {
      throw new TicketRuleError('merge_not_allowed', 'Merge within one jurisdiction, never REPORT with another type (§5)', { primaryId: p.id });
    }
    const updated = next.with({ mergedInto: p.id });
    return updated.closing(cmd.at, 'hotline_agent', undefined, 'MERGED', [
      updated.event('complaints.ticket.merged', cmd.at, 'hotline_agent', undefined, { primaryTicketId: p.id, linkType: 'DUPLICATE' }),
    ]);
  }

  // ---------------------------------------------------------------- timers without a state change

  /** Timer at the handling deadline: overdue when it passed with no report (002 L1539). Once per clock. */
  markOverdue(cmd: { at: Date }): Outcome<Ticket> {
    const next = this.step('mark_overdue', 'timer', cmd.at);
    const clock = this.requireClock();
    if (cmd.at.getTime() < clock.deadlineAt.getTime()) throw new NotYetDueError('The handling deadline', clock.deadlineAt, cmd.at);
    if (clock.overdueMarkedAt) return { aggregate: this, events: [] };
    const updated = next.with({ overdue: true, handling: { ...clock, overdueMarkedAt: copy(cmd.at) } });
    return { aggregate: updated, events: [updated.event('complaints.ticket.overdue', cmd.at, 'timer', undefined, { deadlineAt: iso(clock.deadlineAt) })] };
  }

  /** Timer at the reminder instant (T−1 WD, design): `deadline_approaching`, no state change. */
  remindDeadline(cmd: { at: Date }): Outcome<Ticket> {
    const clock = this.state.handling;
    const running = clock && ['DISPATCHED', 'RETURN_REQUESTED', 'IN_PROGRESS', 'REHANDLING'].includes(this.state.state);
    if (!running || cmd.at.getTime() >= clock.deadlineAt.getTime()) return { aggregate: this, events: [] };
    return { aggregate: this, events: [this.event('complaints.ticket.deadline_approaching', cmd.at, 'timer', undefined, { deadlineAt: iso(clock.deadlineAt) })] };
  }

  /**
   * Timer at the due instant of a clock whose action is ESCALATE or GUIDANCE_LAPSED (spec §3.2):
   * `ticket.escalated`, no state change (the app records it once per ticket, clock and dueAt).
   * `clock` is the clock as `clocksFor` computes it at `at`; nothing when it is not yet due or
   * its action is another one.
   */
  escalate(cmd: { at: Date; clock: EscalatableClock }): Outcome<Ticket> {
    const c = cmd.clock;
    if ((c.onDue !== 'ESCALATE' && c.onDue !== 'GUIDANCE_LAPSED') || cmd.at.getTime() < c.dueAt.getTime()) return { aggregate: this, events: [] };
    return {
      aggregate: this,
      events: [this.event('complaints.ticket.escalated', cmd.at, 'timer', undefined, { clock: c.clock, limit: c.limit, action: c.onDue, dueAt: iso(c.dueAt), ...(c.ref ? { ref: c.ref } : {}) })],
    };
  }

  // ---------------------------------------------------------------- queries

  /** Approved returns by distinct units (the coordination trigger counts these, 002 L1558). */
  approvedReturnUnits(): string[] {
    return [...new Set(this.state.returnRequests.filter((r) => r.decision?.approved).map((r) => r.unitId))];
  }

  /** Overdue at `at`: a running handling clock whose deadline passed (002 L1539). */
  isOverdueAt(at: Date): boolean {
    const clock = this.state.handling;
    if (!clock || !['DISPATCHED', 'RETURN_REQUESTED', 'IN_PROGRESS', 'REHANDLING'].includes(this.state.state)) return this.state.overdue;
    return at.getTime() >= clock.deadlineAt.getTime();
  }

  // ---------------------------------------------------------------- internals

  private dispatchTo(
    cmd: Clocked,
    unitId: string,
    reason: DispatchReason,
    actor: ComplaintActor,
    by: string,
    returnBarred: boolean,
    coHandlerUnitIds?: readonly string[],
  ): Outcome<Ticket> {
    if (blank(unitId)) throw new InvalidArgumentError('A dispatch names the unit');
    const limits = cmd.limits ?? DEFAULT_TIME_LIMITS;
    const dispatch: Dispatch = {
      no: this.state.dispatches.length + 1,
      unitId,
      at: copy(cmd.at),
      reason,
      actor,
      by,
      unitCheckDueAt: unitCheckDueAt(cmd.calendar, cmd.at, limits),
      returnBarred,
    };
    const limitWd = handlingLimitWd(this.state.type, limits);
    const deadlineAt = handlingDueAt(cmd.calendar, this.state.type, cmd.at, {
      ...(this.state.assignedDeadline ? { assignedDeadline: this.state.assignedDeadline } : {}),
      limits,
    });
    const handling: HandlingClock | undefined =
      deadlineAt === undefined
        ? undefined
        : {
            kind: 'HANDLING',
            startedBy: 'DISPATCH',
            trigger: copy(cmd.at),
            clockStartAt: handlingClockStart(cmd.calendar, cmd.at),
            ...(this.state.assignedDeadline ? { assignedDeadline: this.state.assignedDeadline } : limitWd !== undefined ? { limitWd } : {}),
            extensionWorkingDays: 0,
            deadlineAt,
          };
    const { handling: _old, coHandlingOrder: _order, subOfficeId: _sub, ...rest } = this.state;
    const joint = (coHandlerUnitIds ?? []).length > 0;
    const updated = new Ticket({
      ...rest,
      unitId,
      dispatches: [...this.state.dispatches, dispatch],
      coHandlers: [],
      ...(this.state.limitWd === undefined && limitWd !== undefined && !this.state.assignedDeadline ? { limitWd } : {}),
      ...(handling ? { handling } : {}),
      ...(joint
        ? { coHandlingOrder: { proposedUnitIds: [...(coHandlerUnitIds ?? [])], leadReceivedAt: copy(cmd.at), dueAt: coHandlerNoticeDueAt(cmd.calendar, cmd.at, limits) } }
        : {}),
    });
    return {
      aggregate: updated,
      events: [
        updated.event('complaints.ticket.dispatched', cmd.at, actor, undefined, {
          reason,
          limitWd: handling?.limitWd ?? null,
          clockStartAt: handling ? iso(handling.clockStartAt) : null,
          deadlineAt: handling ? iso(handling.deadlineAt) : null,
        }),
      ],
    };
  }

  private closing(at: Date, actor: ComplaintActor, agencyId: string | undefined, closeReason: CloseReason, events: readonly DomainEvent[]): Outcome<Ticket> {
    const closed = this.with({ closeReason, closedAt: copy(at) });
    const last = closed.state.ratings[closed.state.ratings.length - 1];
    const data: Omit<TicketClosedData, keyof TicketEventCommon> = {
      closeReason,
      outcomeCode: closed.state.outcomeCode ?? null,
      onTime: closed.state.onTime ?? null,
      finalGrade: last?.grade ?? null,
      closedAt: iso(at),
    };
    return { aggregate: closed, events: [...events, closed.event('complaints.ticket.closed', at, actor, agencyId, data)] };
  }

  private decideRequest(request: ReturnRequest, decision: NonNullable<ReturnRequest['decision']>): ReturnRequest[] {
    return this.state.returnRequests.map((r) => (r === request ? { ...r, decision } : r));
  }

  private openReturnRequest(): ReturnRequest | undefined {
    const last = this.state.returnRequests[this.state.returnRequests.length - 1];
    return last && !last.decision ? last : undefined;
  }

  private lastDispatch(): Dispatch | undefined {
    return this.state.dispatches[this.state.dispatches.length - 1];
  }

  private requireLastDispatch(): Dispatch {
    const d = this.lastDispatch();
    if (!d) throw new InvalidArgumentError('The ticket has not been dispatched');
    return d;
  }

  private requireClock(): HandlingClock {
    if (!this.state.handling) throw new TicketRuleError('no_handling_clock', `Ticket ${this.state.id} has no running handling clock`);
    return this.state.handling;
  }

  private requireCoordination(): Coordination {
    if (!this.state.coordination) throw new InvalidArgumentError('No coordination is open');
    return this.state.coordination;
  }

  private requireAssignedUnit(): string {
    if (!this.state.unitId) throw new InvalidArgumentError('The ticket has no unit');
    return this.state.unitId;
  }

  private requireUnit(unitId: string): void {
    if (unitId !== this.state.unitId) throw new NotAssignedUnitError(this.state.id, unitId, this.state.unitId);
  }

  private requireCaller(callerKey: string): void {
    if (callerKey !== this.state.callerKey) throw new NotSameCallerError(this.state.id);
  }

  private with(changes: Partial<TicketState>): Ticket {
    return new Ticket({ ...this.state, ...changes });
  }

  /** Applies a table transition (refusing undefined ones), bumps the version and records it in the history. */
  private step(trigger: TicketTrigger, actor: ComplaintActor, at: Date, by?: string, prior?: TicketStatus): Ticket {
    const to = transition(TICKET_MACHINE, this.state.state, trigger, actor, prior);
    const record: TransitionRecord = { at: copy(at), trigger, from: this.state.state, to, actor, ...(by ? { by } : {}) };
    return new Ticket({ ...this.state, state: to, version: this.state.version + 1, history: [...this.state.history, record] });
  }

  private event<D extends object>(type: TicketEventType, at: Date, role: ComplaintActor, agencyId: string | undefined, data: D): DomainEvent<TicketEventType, TicketEventCommon & D> {
    const s = this.state;
    const common: TicketEventCommon = {
      ticketId: s.id,
      submissionId: s.submissionId,
      jurisdictionId: s.jurisdictionId,
      ticketType: s.type,
      scenarioCode: s.scenarioCode,
      state: s.state,
      round: s.round,
      unitId: s.unitId ?? null,
      occurredAt: iso(at),
      actor: { role, ...(agencyId ? { agencyId } : {}) },
      version: s.version,
    };
    return event(type, s.id, s.submissionId, at, { ...common, ...data });
  }
}

/** Evidence kinds a return of `disputeType` still lacks (002 L1549–1552); empty when complete. */
export function missingReturnEvidence(disputeType: ReturnDisputeType, evidence: readonly ReturnEvidence[]): string[] {
  const rule = RETURN_EVIDENCE_RULES[disputeType];
  const given = new Set(evidence.filter((e) => !blank(e.ref)).map((e) => e.kind));
  const missing: string[] = rule.allOf.filter((k) => !given.has(k));
  if (rule.anyOf.length > 0 && !rule.anyOf.some((k) => given.has(k))) missing.push(rule.anyOf.join(' or '));
  return missing;
}

/** What `escalate` needs of an active clock (a `clocksFor` result). */
export interface EscalatableClock {
  readonly clock: string;
  readonly limit: string;
  readonly dueAt: Date;
  readonly onDue: string;
  readonly ref?: string;
}

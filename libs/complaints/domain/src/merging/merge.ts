/**
 * Merging (并单), spec §5 (design: national 12345 practice, FixMyStreet duplicates) and ticket row #30.
 *
 *  - Candidates are shown to the agent at registration and never merged automatically; only an
 *    agent merges (a unit may propose, permissions table §1).
 *  - Same matter: same jurisdiction, same ticket type (REPORT is never merged with another type;
 *    other cross-type merges are refused by default, `allowCrossType` opens them), same scenario
 *    code (configurable), and two different contacts (tickets of one Submission are split items,
 *    002 L1511, not duplicates).
 *  - States: the secondary is REGISTERED, DISPATCHED or IN_PROGRESS (row #30); the primary is open
 *    and not yet SUBMITTED (REGISTERED, DISPATCHED, RETURN_REQUESTED, IN_COORDINATION, IN_PROGRESS),
 *    and not itself merged away (no chains).
 *  - Effects: the secondary closes MERGED (the app calls Ticket.merge with `secondaryCommand`); its
 *    caller joins the primary as an additional caller with their own reply (002 L1578) and rating;
 *    the primary's clock is unchanged; a DUPLICATE link secondary → primary is written; the
 *    original secondary ticket is kept as it was (never deleted or rewritten).
 *  - Callers and units are told: the notification intents are returned as data.
 *  - Unmerge while the primary is open: the additional caller leaves the primary and (since a
 *    CLOSED ticket never reopens) the app registers a new ticket from the original secondary
 *    (`reregister`), linked RELATED to it.
 */
import type { ComplaintActor } from '../shared/actors';
import { ComplaintsRuleError, InvalidArgumentError } from '../shared/errors';
import { create, transition, type StateMachine } from '../shared/state-machine';
import type { TicketStatus } from '../ticket/ticket-machine';
import type { TicketType } from '../ticket/ticket-types';
import type { LinkableTicket, TicketLink } from './links';

export const MERGE_STATES = ['PROPOSED', 'MERGED', 'REJECTED', 'UNMERGED'] as const;
export type MergeStatus = (typeof MERGE_STATES)[number];

export const MERGE_TRIGGERS = ['propose', 'merge', 'accept_proposal', 'reject_proposal', 'unmerge'] as const;
export type MergeTrigger = (typeof MERGE_TRIGGERS)[number];

/** The merge record (并单记录): one per secondary ticket. */
export const MERGE_MACHINE: StateMachine<MergeStatus, MergeTrigger> = {
  name: 'merge',
  codePrefix: 'complaints',
  states: MERGE_STATES,
  triggers: MERGE_TRIGGERS,
  creations: [
    { trigger: 'propose', to: 'PROPOSED', actors: ['handling_unit'], guard: 'a unit proposes a merge of a ticket it holds (permissions §1)' },
    { trigger: 'merge', to: 'MERGED', actors: ['hotline_agent'], guard: 'only an agent merges, before SUBMITTED (§5, row #30)' },
  ],
  transitions: [
    { from: ['PROPOSED'], trigger: 'accept_proposal', to: 'MERGED', actors: ['hotline_agent'], guard: 'the merge rules hold at acceptance (§5)' },
    { from: ['PROPOSED'], trigger: 'reject_proposal', to: 'REJECTED', actors: ['hotline_agent'], guard: 'reason recorded' },
    { from: ['MERGED'], trigger: 'unmerge', to: 'UNMERGED', actors: ['hotline_agent'], guard: 'while the primary is open (§5)' },
  ],
  terminal: ['REJECTED', 'UNMERGED'],
};

/** Secondary states row #30 allows. */
export const MERGEABLE_SECONDARY_STATES: readonly TicketStatus[] = ['REGISTERED', 'DISPATCHED', 'IN_PROGRESS'];
/** Primary states: open and before SUBMITTED (§5). */
export const MERGEABLE_PRIMARY_STATES: readonly TicketStatus[] = ['REGISTERED', 'DISPATCHED', 'RETURN_REQUESTED', 'IN_COORDINATION', 'IN_PROGRESS'];

export interface MergePolicy {
  /** Allow merging tickets of different types other than REPORT (default false). REPORT is never mixed. */
  readonly allowCrossType: boolean;
  /** Require the same scenario code (default true): "the same matter". */
  readonly requireSameScenario: boolean;
}

export const DEFAULT_MERGE_POLICY: MergePolicy = { allowCrossType: false, requireSameScenario: true };

export type MergeRefusal =
  | 'same_ticket'
  | 'other_jurisdiction'
  | 'report_with_other_type'
  | 'different_type'
  | 'different_scenario'
  | 'same_submission'
  | 'secondary_state'
  | 'primary_state'
  | 'primary_merged'
  | 'primary_closed'
  | 'not_proposer_unit'
  | 'reason_required';

/** A merge was refused: 'complaints.merge.<reason>'. */
export class MergeRefusedError extends ComplaintsRuleError {
  constructor(reason: MergeRefusal, message: string, details: Record<string, unknown> = {}) {
    super('merge', reason, message, details);
  }
}

/** Why `secondary` may not be merged into `primary`; empty when it may (§5, row #30). */
export function mergeProblems(primary: LinkableTicket, secondary: LinkableTicket, policy: MergePolicy = DEFAULT_MERGE_POLICY): MergeRefusal[] {
  const problems: MergeRefusal[] = [];
  if (primary.id === secondary.id) problems.push('same_ticket');
  if (primary.jurisdictionId !== secondary.jurisdictionId) problems.push('other_jurisdiction');
  if ((primary.type === 'REPORT') !== (secondary.type === 'REPORT')) problems.push('report_with_other_type');
  else if (primary.type !== secondary.type && !policy.allowCrossType) problems.push('different_type');
  if (policy.requireSameScenario && primary.scenarioCode !== secondary.scenarioCode) problems.push('different_scenario');
  if (primary.submissionId === secondary.submissionId) problems.push('same_submission');
  if (!MERGEABLE_SECONDARY_STATES.includes(secondary.state)) problems.push('secondary_state');
  if (!MERGEABLE_PRIMARY_STATES.includes(primary.state)) problems.push('primary_state');
  if (primary.mergedInto !== undefined) problems.push('primary_merged');
  return problems;
}

/** The secondary caller, now on the primary ticket, with their own reply (002 L1578) and rating. */
export interface AdditionalCaller {
  readonly callerKey: string;
  readonly fromTicketId: string;
  readonly fromSubmissionId: string;
  readonly joinedAt: Date;
  /** The unit replies to each caller (002 L1578); the rating is asked of each caller (002 L1634). */
  readonly replyOwed: true;
  readonly ratingOwed: true;
}

/** The original secondary as it was at the merge (kept; never rewritten). */
export interface MergedTicketSnapshot {
  readonly ticketId: string;
  readonly submissionId: string;
  readonly callerKey: string;
  readonly type: TicketType;
  readonly scenarioCode: string;
  readonly stateAtMerge: TicketStatus;
  readonly unitId?: string;
}

export interface MergeRecordState {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly primaryTicketId: string;
  readonly secondary: MergedTicketSnapshot;
  readonly status: MergeStatus;
  readonly reason: string;
  /** Candidate score shown to the agent, if any. */
  readonly score?: number;
  readonly proposedBy?: { readonly unitId: string; readonly at: Date };
  readonly mergedAt?: Date;
  readonly mergedBy?: string;
  readonly rejectedAt?: Date;
  readonly rejectReason?: string;
  readonly unmergedAt?: Date;
  readonly unmergeReason?: string;
  readonly version: number;
}

export type MergeNotificationKind = 'CALLER_MERGED' | 'UNIT_CALLER_ADDED' | 'UNIT_TICKET_MERGED_AWAY' | 'CALLER_UNMERGED' | 'UNIT_CALLER_REMOVED';

/** Something to tell someone: the app renders and sends it (no personal data: callers by key). */
export interface MergeNotification {
  readonly kind: MergeNotificationKind;
  readonly recipient: { readonly role: 'caller'; readonly callerKey: string } | { readonly role: 'unit'; readonly unitId: string };
  readonly ticketId: string;
  readonly primaryTicketId: string;
  readonly secondaryTicketId: string;
  readonly at: Date;
}

export interface MergePlan {
  readonly record: MergeRecordState;
  /** DUPLICATE secondary → primary. */
  readonly link: TicketLink;
  readonly additionalCaller: AdditionalCaller;
  /** What the app passes to `Ticket.merge` on the secondary (row #30). */
  readonly secondaryCommand: { readonly ticketId: string; readonly at: Date; readonly agentId: string; readonly primary: { id: string; type: TicketType; jurisdictionId: string } };
  readonly notifications: readonly MergeNotification[];
}

export interface UnmergePlan {
  readonly record: MergeRecordState;
  /** The caller key to remove from the primary's additional callers. */
  readonly removeCallerKey: string;
  /** The app registers a new ticket from the original secondary and links it RELATED to it. */
  readonly reregister: MergedTicketSnapshot;
  readonly notifications: readonly MergeNotification[];
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';
const copy = (d: Date) => new Date(d.getTime());

function refuseIfProblems(primary: LinkableTicket, secondary: LinkableTicket, policy: MergePolicy): void {
  const problems = mergeProblems(primary, secondary, policy);
  if (problems.length > 0) {
    throw new MergeRefusedError(problems[0], `Ticket ${secondary.id} cannot be merged into ${primary.id}: ${problems.join(', ')} (§5, row #30)`, {
      problems,
      primaryTicketId: primary.id,
      secondaryTicketId: secondary.id,
    });
  }
}

function snapshot(t: LinkableTicket): MergedTicketSnapshot {
  return {
    ticketId: t.id,
    submissionId: t.submissionId,
    callerKey: t.callerKey,
    type: t.type,
    scenarioCode: t.scenarioCode,
    stateAtMerge: t.state,
    ...(t.unitId ? { unitId: t.unitId } : {}),
  };
}

function step(record: MergeRecordState, trigger: MergeTrigger, actor: ComplaintActor): MergeRecordState {
  return { ...record, status: transition(MERGE_MACHINE, record.status, trigger, actor), version: record.version + 1 };
}

function executed(record: MergeRecordState, primary: LinkableTicket, secondary: LinkableTicket, at: Date, agentId: string): MergePlan {
  const merged: MergeRecordState = { ...record, secondary: snapshot(secondary), mergedAt: copy(at), mergedBy: agentId };
  const base = { primaryTicketId: primary.id, secondaryTicketId: secondary.id, at: copy(at) };
  const notifications: MergeNotification[] = [
    { kind: 'CALLER_MERGED', recipient: { role: 'caller', callerKey: secondary.callerKey }, ticketId: secondary.id, ...base },
  ];
  if (primary.unitId) notifications.push({ kind: 'UNIT_CALLER_ADDED', recipient: { role: 'unit', unitId: primary.unitId }, ticketId: primary.id, ...base });
  if (secondary.unitId && secondary.unitId !== primary.unitId) {
    notifications.push({ kind: 'UNIT_TICKET_MERGED_AWAY', recipient: { role: 'unit', unitId: secondary.unitId }, ticketId: secondary.id, ...base });
  }
  return {
    record: merged,
    link: { type: 'DUPLICATE', fromTicketId: secondary.id, toTicketId: primary.id, createdAt: copy(at), createdBy: agentId },
    additionalCaller: { callerKey: secondary.callerKey, fromTicketId: secondary.id, fromSubmissionId: secondary.submissionId, joinedAt: copy(at), replyOwed: true, ratingOwed: true },
    secondaryCommand: { ticketId: secondary.id, at: copy(at), agentId, primary: { id: primary.id, type: primary.type, jurisdictionId: primary.jurisdictionId } },
    notifications,
  };
}

/** An agent merges `secondary` into `primary` (§5, row #30). Throws MergeRefusedError when a rule fails. */
export function planMerge(cmd: {
  id: string;
  primary: LinkableTicket;
  secondary: LinkableTicket;
  at: Date;
  actor: ComplaintActor;
  agentId: string;
  reason: string;
  score?: number;
  policy?: MergePolicy;
}): MergePlan {
  const status = create(MERGE_MACHINE, 'merge', cmd.actor);
  if (blank(cmd.reason)) throw new MergeRefusedError('reason_required', 'A merge records why the tickets are the same matter');
  refuseIfProblems(cmd.primary, cmd.secondary, cmd.policy ?? DEFAULT_MERGE_POLICY);
  const record: MergeRecordState = {
    id: cmd.id,
    jurisdictionId: cmd.primary.jurisdictionId,
    primaryTicketId: cmd.primary.id,
    secondary: snapshot(cmd.secondary),
    status,
    reason: cmd.reason,
    ...(cmd.score !== undefined ? { score: cmd.score } : {}),
    version: 1,
  };
  return executed(record, cmd.primary, cmd.secondary, cmd.at, cmd.agentId);
}

/** A unit proposes a merge of a ticket it holds; the agent decides (permissions §1). */
export function proposeMerge(cmd: {
  id: string;
  primary: LinkableTicket;
  secondary: LinkableTicket;
  at: Date;
  actor: ComplaintActor;
  unitId: string;
  reason: string;
  score?: number;
  policy?: MergePolicy;
}): MergeRecordState {
  const status = create(MERGE_MACHINE, 'propose', cmd.actor);
  if (cmd.unitId !== cmd.primary.unitId && cmd.unitId !== cmd.secondary.unitId) {
    throw new MergeRefusedError('not_proposer_unit', `Unit ${cmd.unitId} holds neither ticket`, { unitId: cmd.unitId });
  }
  if (blank(cmd.reason)) throw new MergeRefusedError('reason_required', 'A proposal says why the tickets are the same matter');
  refuseIfProblems(cmd.primary, cmd.secondary, cmd.policy ?? DEFAULT_MERGE_POLICY);
  return {
    id: cmd.id,
    jurisdictionId: cmd.primary.jurisdictionId,
    primaryTicketId: cmd.primary.id,
    secondary: snapshot(cmd.secondary),
    status,
    reason: cmd.reason,
    ...(cmd.score !== undefined ? { score: cmd.score } : {}),
    proposedBy: { unitId: cmd.unitId, at: copy(cmd.at) },
    version: 1,
  };
}

/** The agent accepts a proposal; the rules are checked again on the tickets as they are now. */
export function acceptMergeProposal(cmd: {
  record: MergeRecordState;
  primary: LinkableTicket;
  secondary: LinkableTicket;
  at: Date;
  actor: ComplaintActor;
  agentId: string;
  policy?: MergePolicy;
}): MergePlan {
  const next = step(cmd.record, 'accept_proposal', cmd.actor);
  if (cmd.primary.id !== cmd.record.primaryTicketId || cmd.secondary.id !== cmd.record.secondary.ticketId) {
    throw new InvalidArgumentError('The tickets are not those of the proposal', { recordId: cmd.record.id });
  }
  refuseIfProblems(cmd.primary, cmd.secondary, cmd.policy ?? DEFAULT_MERGE_POLICY);
  return executed(next, cmd.primary, cmd.secondary, cmd.at, cmd.agentId);
}

export function rejectMergeProposal(cmd: { record: MergeRecordState; at: Date; actor: ComplaintActor; reason: string }): MergeRecordState {
  const next = step(cmd.record, 'reject_proposal', cmd.actor);
  if (blank(cmd.reason)) throw new MergeRefusedError('reason_required', 'A rejected proposal says why');
  return { ...next, rejectedAt: copy(cmd.at), rejectReason: cmd.reason };
}

/** Unmerge while the primary is open (§5): the caller leaves the primary and gets a ticket again. */
export function planUnmerge(cmd: { record: MergeRecordState; primary: Pick<LinkableTicket, 'id' | 'state' | 'unitId'>; at: Date; actor: ComplaintActor; reason: string }): UnmergePlan {
  const next = step(cmd.record, 'unmerge', cmd.actor);
  if (cmd.primary.id !== cmd.record.primaryTicketId) throw new InvalidArgumentError('Not the primary of this merge', { recordId: cmd.record.id });
  if (cmd.primary.state === 'CLOSED') {
    throw new MergeRefusedError('primary_closed', `Primary ${cmd.primary.id} is closed: unmerge only while it is open (§5)`, { primaryTicketId: cmd.primary.id });
  }
  if (blank(cmd.reason)) throw new MergeRefusedError('reason_required', 'An unmerge says why');
  const s = cmd.record.secondary;
  const base = { primaryTicketId: cmd.primary.id, secondaryTicketId: s.ticketId, at: copy(cmd.at) };
  const notifications: MergeNotification[] = [{ kind: 'CALLER_UNMERGED', recipient: { role: 'caller', callerKey: s.callerKey }, ticketId: s.ticketId, ...base }];
  if (cmd.primary.unitId) notifications.push({ kind: 'UNIT_CALLER_REMOVED', recipient: { role: 'unit', unitId: cmd.primary.unitId }, ticketId: cmd.primary.id, ...base });
  return {
    record: { ...next, unmergedAt: copy(cmd.at), unmergeReason: cmd.reason },
    removeCallerKey: s.callerKey,
    reregister: s,
    notifications,
  };
}

/** The callers currently joined to `primaryTicketId` by merges in force. */
export function additionalCallersOf(primaryTicketId: string, records: readonly MergeRecordState[]): AdditionalCaller[] {
  return records
    .filter((r) => r.primaryTicketId === primaryTicketId && r.status === 'MERGED' && r.mergedAt)
    .map((r) => ({
      callerKey: r.secondary.callerKey,
      fromTicketId: r.secondary.ticketId,
      fromSubmissionId: r.secondary.submissionId,
      joinedAt: copy(r.mergedAt as Date),
      replyOwed: true as const,
      ratingOwed: true as const,
    }));
}

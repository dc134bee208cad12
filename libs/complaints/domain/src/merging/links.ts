/**
 * Ticket links (工单关联), spec §5:
 *  - SPLIT_SIBLING: automatic, tickets of one Submission (one per item / handling unit, 002 L1511);
 *  - REPEAT (重复诉求): the same caller raises a similar issue after the earlier ticket closed (002 L1608);
 *  - SAME_ISSUE: tickets clustered on one long-running issue (002 L1624);
 *  - DUPLICATE: the same incident reported by other callers (written by a merge, §5);
 *  - RELATED: any other relation an agent records.
 */
import type { TicketState } from '../ticket/ticket';
import { ComplaintsRuleError } from '../shared/errors';

export const TICKET_LINK_TYPES = ['SPLIT_SIBLING', 'REPEAT', 'SAME_ISSUE', 'DUPLICATE', 'RELATED'] as const;
export type TicketLinkType = (typeof TICKET_LINK_TYPES)[number];

export interface TicketLinkRule {
  /** Symmetric links read the same from both ends; directed ones point from → to. */
  readonly symmetric: boolean;
  /** Written by the system, never by hand. */
  readonly automatic: boolean;
  readonly meaning: string;
  readonly source: string;
}

export const TICKET_LINK_RULES: Readonly<Record<TicketLinkType, TicketLinkRule>> = {
  SPLIT_SIBLING: { symmetric: true, automatic: true, meaning: 'tickets of one Submission', source: '002 L1511' },
  REPEAT: { symmetric: false, automatic: false, meaning: 'new ticket → the earlier, closed ticket of the same caller', source: '002 L1608' },
  SAME_ISSUE: { symmetric: true, automatic: false, meaning: 'both tickets belong to one long-running issue', source: '002 L1624' },
  DUPLICATE: { symmetric: false, automatic: false, meaning: 'secondary → primary: the same incident from another caller (merge)', source: '§5 (design)' },
  RELATED: { symmetric: true, automatic: false, meaning: 'any other relation', source: '§5 (design)' },
};

/** The ticket fields the link and merge rules look at (a TicketState fits). */
export type LinkableTicket = Pick<TicketState, 'id' | 'submissionId' | 'jurisdictionId' | 'type' | 'scenarioCode' | 'state' | 'callerKey'> &
  Partial<Pick<TicketState, 'unitId' | 'mergedInto' | 'closeReason'>> & { readonly longRunningIssueId?: string };

export interface TicketLink {
  readonly type: TicketLinkType;
  readonly fromTicketId: string;
  readonly toTicketId: string;
  readonly createdAt: Date;
  /** Who wrote it: 'system' for automatic links, the agent id otherwise. */
  readonly createdBy: string;
  /** SAME_ISSUE: the long-running issue. */
  readonly issueId?: string;
  readonly note?: string;
}

export type TicketLinkRefusal =
  | 'same_ticket'
  | 'automatic_only'
  | 'not_same_submission'
  | 'same_submission'
  | 'not_same_caller'
  | 'earlier_not_closed'
  | 'not_same_issue'
  | 'other_jurisdiction';

/** A link was refused: 'complaints.link.<reason>'. */
export class TicketLinkRefusedError extends ComplaintsRuleError {
  constructor(reason: TicketLinkRefusal, message: string, details: Record<string, unknown> = {}) {
    super('link', reason, message, details);
  }
}

/** Why `type` may not link `from` → `to`; empty when allowed. `bySystem` is true for automatic writes. */
export function ticketLinkProblems(type: TicketLinkType, from: LinkableTicket, to: LinkableTicket, bySystem = false): TicketLinkRefusal[] {
  const problems: TicketLinkRefusal[] = [];
  if (from.id === to.id) problems.push('same_ticket');
  if (TICKET_LINK_RULES[type].automatic && !bySystem) problems.push('automatic_only');
  switch (type) {
    case 'SPLIT_SIBLING':
      // one Submission, one ticket per item / unit (002 L1511)
      if (from.submissionId !== to.submissionId) problems.push('not_same_submission');
      break;
    case 'REPEAT':
      // same caller, earlier ticket handled and closed, a new contact (002 L1608)
      if (from.callerKey !== to.callerKey) problems.push('not_same_caller');
      if (to.state !== 'CLOSED') problems.push('earlier_not_closed');
      if (from.submissionId === to.submissionId) problems.push('same_submission');
      break;
    case 'SAME_ISSUE':
      // one long-running issue (002 L1624)
      if (!from.longRunningIssueId || from.longRunningIssueId !== to.longRunningIssueId) problems.push('not_same_issue');
      break;
    case 'DUPLICATE':
      // the same incident, another contact, same jurisdiction (§5)
      if (from.submissionId === to.submissionId) problems.push('same_submission');
      if (from.jurisdictionId !== to.jurisdictionId) problems.push('other_jurisdiction');
      break;
    case 'RELATED':
      break;
  }
  return problems;
}

/** A link, or TicketLinkRefusedError naming the first problem. */
export function linkTickets(cmd: { type: TicketLinkType; from: LinkableTicket; to: LinkableTicket; at: Date; by: string; note?: string }): TicketLink {
  const bySystem = cmd.by === 'system';
  const problems = ticketLinkProblems(cmd.type, cmd.from, cmd.to, bySystem);
  if (problems.length > 0) {
    throw new TicketLinkRefusedError(problems[0], `A ${cmd.type} link from ${cmd.from.id} to ${cmd.to.id} is not allowed: ${problems.join(', ')} (${TICKET_LINK_RULES[cmd.type].source})`, {
      problems,
      fromTicketId: cmd.from.id,
      toTicketId: cmd.to.id,
    });
  }
  return {
    type: cmd.type,
    fromTicketId: cmd.from.id,
    toTicketId: cmd.to.id,
    createdAt: new Date(cmd.at.getTime()),
    createdBy: cmd.by,
    ...(cmd.type === 'SAME_ISSUE' && cmd.from.longRunningIssueId ? { issueId: cmd.from.longRunningIssueId } : {}),
    ...(cmd.note ? { note: cmd.note } : {}),
  };
}

/** The automatic SPLIT_SIBLING links of one Submission's tickets (each pair once, in ticket order; 002 L1511). */
export function splitSiblingLinks(ticketIds: readonly string[], at: Date): TicketLink[] {
  const links: TicketLink[] = [];
  for (let i = 0; i < ticketIds.length; i++) {
    for (let j = i + 1; j < ticketIds.length; j++) {
      links.push({ type: 'SPLIT_SIBLING', fromTicketId: ticketIds[i], toTicketId: ticketIds[j], createdAt: new Date(at.getTime()), createdBy: 'system' });
    }
  }
  return links;
}

/** The links touching `ticketId`, read from its end (symmetric links are reported as pointing away from it). */
export function linksOf(ticketId: string, links: readonly TicketLink[]): { type: TicketLinkType; otherTicketId: string; direction: 'OUT' | 'IN' | 'BOTH' }[] {
  return links
    .filter((l) => l.fromTicketId === ticketId || l.toTicketId === ticketId)
    .map((l) => {
      const out = l.fromTicketId === ticketId;
      return {
        type: l.type,
        otherTicketId: out ? l.toTicketId : l.fromTicketId,
        direction: TICKET_LINK_RULES[l.type].symmetric ? ('BOTH' as const) : out ? ('OUT' as const) : ('IN' as const),
      };
    });
}

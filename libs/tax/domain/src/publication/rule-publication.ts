import type { KeyOperationList } from '../credit-risk/key-operations';
import type { ReliefRule } from '../relief/relief-rule';
import { InvalidPublicationError, PublicationNotPendingError, SelfApprovalError } from './errors';
import type { HighRiskListChange } from './high-risk-list';

/**
 * What admins publish (tax.md §2 Admin, E2, R8.3, R8.5): relief-rule versions, versions of the
 * key-operation list, and changes to the high-risk lists. Each publication needs two people [cfg]:
 * one admin proposes it (PROPOSED), a different admin approves it (APPROVED: only then it takes
 * effect) or any admin rejects it (REJECTED: it never takes effect). Decisions are final.
 */
export const PUBLICATION_KINDS = ['RELIEF_RULE_VERSION', 'KEY_OPERATION_LIST', 'HIGH_RISK_LIST_CHANGE'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

export const PUBLICATION_STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export type PublicationContent =
  | { readonly kind: 'RELIEF_RULE_VERSION'; readonly reliefRule: ReliefRule }
  | { readonly kind: 'KEY_OPERATION_LIST'; readonly keyOperationList: KeyOperationList }
  | { readonly kind: 'HIGH_RISK_LIST_CHANGE'; readonly highRiskListChange: HighRiskListChange };

export interface PublicationDecision {
  readonly by: string;
  readonly at: Date;
  readonly reason?: string;
}

export interface RulePublicationState {
  readonly publicationId: string;
  readonly content: PublicationContent;
  /** What it publishes, for lists: 'SSVAT-EXEMPT@2', 'key-operations 2027.1', 'REFUND_FRAUD +1'. */
  readonly subject: string;
  readonly status: PublicationStatus;
  readonly proposedBy: string;
  readonly proposedAt: Date;
  readonly note?: string;
  readonly approval?: PublicationDecision;
  readonly rejection?: PublicationDecision;
}

export function publicationSubject(content: PublicationContent): string {
  switch (content.kind) {
    case 'RELIEF_RULE_VERSION':
      return `${content.reliefRule.ruleId}@${content.reliefRule.version}`;
    case 'KEY_OPERATION_LIST':
      return `key-operations ${content.keyOperationList.version}`;
    case 'HIGH_RISK_LIST_CHANGE': {
      const lists = [...new Set(content.highRiskListChange.entries.map((e) => e.list))].join(',');
      return `${content.highRiskListChange.action} ${content.highRiskListChange.entries.length} on ${lists}`;
    }
  }
}

/** A draft by `proposedBy`; the content must already have passed its own checks. */
export function proposePublication(cmd: { publicationId: string; content: PublicationContent; proposedBy: string; at: Date; note?: string }): RulePublicationState {
  if (!cmd.proposedBy) throw new InvalidPublicationError([{ field: 'proposedBy', reason: 'is required' }]);
  return {
    publicationId: cmd.publicationId,
    content: cmd.content,
    subject: publicationSubject(cmd.content),
    status: 'PROPOSED',
    proposedBy: cmd.proposedBy,
    proposedAt: cmd.at,
    ...(cmd.note ? { note: cmd.note } : {}),
  };
}

/** A different admin approves: the publication takes effect (the caller applies its content in the same transaction). */
export function approvePublication(p: RulePublicationState, by: string, at: Date): RulePublicationState {
  if (p.status !== 'PROPOSED') throw new PublicationNotPendingError(p.publicationId, p.status);
  if (by === p.proposedBy) throw new SelfApprovalError(p.publicationId);
  return { ...p, status: 'APPROVED', approval: { by, at } };
}

/** Any admin (the proposer withdrawing included) rejects with a reason: the publication never takes effect. */
export function rejectPublication(p: RulePublicationState, by: string, at: Date, reason: string): RulePublicationState {
  if (p.status !== 'PROPOSED') throw new PublicationNotPendingError(p.publicationId, p.status);
  if (!reason || reason.trim().length === 0) throw new InvalidPublicationError([{ field: 'reason', reason: 'is required to reject' }]);
  return { ...p, status: 'REJECTED', rejection: { by, at, reason: reason.trim() } };
}

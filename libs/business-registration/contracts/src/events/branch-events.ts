import { defineEvent } from '@one-window/shared/messaging';
import { LOCAL_DATE, USCC } from '../schema-parts';
import { REGISTRATION_TOPIC } from '../topic';

export const BRANCH_CHANGE_FIELDS = ['personInChargeRef', 'scope', 'address'] as const;

export interface BranchChangedData {
  uscc: string;
  parentUscc: string;
  /** One id for the centralised change: every branch it changed carries it. */
  changeId: string;
  changes: { field: (typeof BRANCH_CHANGE_FIELDS)[number]; before: unknown; after: unknown }[];
  effectiveOn: string;
}

/**
 * A branch's registered facts changed, as part of its parent's centralised change (统一变更,
 * 000 L574–575): one event per branch that changed, all with the change's id.
 */
export const BranchChanged = defineEvent<BranchChangedData>({
  name: 'registration.branch.changed',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    "Key: the branch's credit code. A branch's person in charge, scope or address changed in its parent's centralised change (统一变更, changes that need no new permit); one event per branch changed, all with the same changeId. `address` changes carry standard address ids.",
  schema: {
    type: 'object',
    required: ['uscc', 'parentUscc', 'changeId', 'changes', 'effectiveOn'],
    properties: {
      uscc: { ...USCC, description: "The branch's credit code" },
      parentUscc: { ...USCC, description: "The parent company's credit code" },
      changeId: { type: 'string', minLength: 1, maxLength: 64 },
      changes: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['field', 'before', 'after'],
          properties: { field: { type: 'string', enum: [...BRANCH_CHANGE_FIELDS] }, before: {}, after: {} },
        },
      },
      effectiveOn: LOCAL_DATE,
    },
  },
  example: {
    uscc: '91440106MA00002C4C',
    parentUscc: '91440104MA00001B3B',
    changeId: '0f8e6c1e-6b1a-4a53-9d3c-1f1a3b0c2d4e',
    changes: [{ field: 'personInChargeRef', before: 'p-b', after: 'p-c' }],
    effectiveOn: '2026-12-05',
  },
});

export const BRANCH_DEREGISTRATION_REASONS = ['PARENT_APPLIED', 'PARENT_DEREGISTERED'] as const;

export interface BranchDeregisteredData {
  uscc: string;
  parentUscc: string;
  reason: (typeof BRANCH_DEREGISTRATION_REASONS)[number];
  effectiveOn: string;
}

/** A branch was deregistered: its parent applied, or the parent itself was deregistered (its branches end with it). */
export const BranchDeregistered = defineEvent<BranchDeregisteredData>({
  name: 'registration.branch.deregistered',
  version: 1,
  topic: REGISTRATION_TOPIC,
  summary:
    "Key: the branch's credit code. A branch was deregistered (分支机构注销): PARENT_APPLIED (the parent company's applicant), or PARENT_DEREGISTERED (the parent was deregistered, in the same transaction, so no branch outlives it).",
  schema: {
    type: 'object',
    required: ['uscc', 'parentUscc', 'reason', 'effectiveOn'],
    properties: {
      uscc: { ...USCC, description: "The branch's credit code" },
      parentUscc: { ...USCC, description: "The parent company's credit code" },
      reason: { type: 'string', enum: [...BRANCH_DEREGISTRATION_REASONS] },
      effectiveOn: LOCAL_DATE,
    },
  },
  example: { uscc: '91440106MA00002C4C', parentUscc: '91440104MA00001B3B', reason: 'PARENT_APPLIED', effectiveOn: '2026-12-05' },
});

export const BRANCH_EVENTS = [BranchChanged, BranchDeregistered];

import type { StandardAddress } from '../application/reference-data';
import { RegistrationError } from '../shared/errors';
import { create, transition, type StateMachine } from '../shared/state-machine';
import type { Actor } from '../shared/actors';

/** A branch's status (分支机构): ACTIVE from registration until it is deregistered, by the parent or with it. */
export const BRANCH_STATES = ['ACTIVE', 'DEREGISTERED'] as const;
export type BranchStatus = (typeof BRANCH_STATES)[number];
export const BRANCH_TRIGGERS = ['register', 'change', 'deregister'] as const;
export type BranchTrigger = (typeof BRANCH_TRIGGERS)[number];

export const BRANCH_MACHINE: StateMachine<BranchStatus, BranchTrigger> = {
  name: 'branch',
  codePrefix: 'registration',
  states: BRANCH_STATES,
  triggers: BRANCH_TRIGGERS,
  creations: [{ trigger: 'register', to: 'ACTIVE', actors: ['applicant'], guard: "Simplified registration (000 L88–90): parent's name + a branch word, scope within the parent's" }],
  transitions: [
    { from: ['ACTIVE'], trigger: 'change', to: 'ACTIVE', actors: ['applicant'], guard: 'Needs no new permit; several branches in one centralised change (000 L574–575)' },
    { from: ['ACTIVE'], trigger: 'deregister', to: 'DEREGISTERED', actors: ['applicant', 'system'], guard: 'The parent applies; system when the parent is deregistered' },
  ],
  terminal: ['DEREGISTERED'],
};

/** Permit routes under which a scope item needs a permit before trading (a filing or a cancelled permit does not). */
const PERMIT_NEEDED_ROUTES = ['NOTIFICATION_COMMITMENT', 'OPTIMISED_APPROVAL'];

/** A branch as the centralised change sees it. */
export interface BranchFacts {
  readonly uscc: string;
  readonly status: BranchStatus;
  readonly scope: readonly string[];
  readonly address: { readonly standardAddressId: string };
  readonly personInChargeRef: string;
  /** Same-business branch that commits instead of getting a new high-frequency permit (000 L550–554). */
  readonly permitByCommitment: boolean;
}

/** What one centralised change asks of every branch named: each field given replaces the branch's. */
export interface BranchChangeRequest {
  readonly personInChargeRef?: string;
  readonly scope?: readonly string[];
  readonly address?: StandardAddress;
}

export type BranchChangeField = 'personInChargeRef' | 'scope' | 'address';

export interface BranchFieldChange {
  readonly field: BranchChangeField;
  readonly before: unknown;
  readonly after: unknown;
}

/** Why a branch cannot take the centralised change. */
export type BranchChangeRefusal = 'BRANCH_NOT_ACTIVE' | 'SCOPE_NOT_SUBSET' | 'NEEDS_NEW_PERMIT';

/** The centralised change refused: every branch that cannot take it, with its reasons (and the scope items that need a permit). */
export class BranchChangeNotAllowedError extends RegistrationError {
  readonly code = 'registration.branch_change.not_allowed';

  constructor(readonly branches: readonly { uscc: string; reasons: BranchChangeRefusal[]; permitScopeCodes?: string[] }[]) {
    super(`The centralised branch change is not allowed: ${branches.map((b) => `${b.uscc} ${b.reasons.join('+')}`).join(', ')}`, { branches: branches.map((b) => ({ ...b })) });
  }
}

/** The centralised change changes no branch. */
export class BranchChangeNothingChangedError extends RegistrationError {
  readonly code = 'registration.branch_change.nothing_changed';

  constructor() {
    super('The centralised branch change changes no branch');
  }
}

/**
 * A large enterprise's branch changes that need no new permit, as one centralised change (统一变更,
 * 000 L574–575), all or nothing: every branch must be ACTIVE, keep its scope within the parent's,
 * and need no new permit, which it would when the change adds a scope item that needs a permit, or
 * moves a branch whose scope holds such an item (a permit is tied to its premises), unless the branch
 * trades under a commitment (000 L550–554). A branch the change leaves as it is gets no change; when
 * none changes, nothing is done. Returns, per branch that changes, what changes.
 */
export function planCentralisedBranchChange(cmd: {
  readonly parentScope: readonly { readonly code: string; readonly permitRoute: string }[];
  readonly branches: readonly BranchFacts[];
  readonly change: BranchChangeRequest;
  readonly actor: Actor;
}): { readonly uscc: string; readonly changes: BranchFieldChange[] }[] {
  const routeOf = new Map(cmd.parentScope.map((s) => [s.code, s.permitRoute]));
  const needsPermit = (code: string) => PERMIT_NEEDED_ROUTES.includes(routeOf.get(code) ?? '');
  const refused: { uscc: string; reasons: BranchChangeRefusal[]; permitScopeCodes?: string[] }[] = [];
  const planned: { uscc: string; changes: BranchFieldChange[] }[] = [];
  for (const b of cmd.branches) {
    const reasons: BranchChangeRefusal[] = [];
    if (b.status !== 'ACTIVE') {
      refused.push({ uscc: b.uscc, reasons: ['BRANCH_NOT_ACTIVE'] });
      continue;
    }
    transition(BRANCH_MACHINE, b.status, 'change', cmd.actor);
    const scope = cmd.change.scope ?? b.scope;
    if (scope.some((code) => !routeOf.has(code))) reasons.push('SCOPE_NOT_SUBSET');
    const moves = cmd.change.address !== undefined && cmd.change.address.id !== b.address.standardAddressId;
    const permitCodes = b.permitByCommitment ? [] : scope.filter((code) => needsPermit(code) && (moves || !b.scope.includes(code)));
    if (permitCodes.length > 0) reasons.push('NEEDS_NEW_PERMIT');
    if (reasons.length > 0) {
      refused.push({ uscc: b.uscc, reasons, ...(permitCodes.length > 0 ? { permitScopeCodes: permitCodes } : {}) });
      continue;
    }
    const changes: BranchFieldChange[] = [];
    if (cmd.change.personInChargeRef !== undefined && cmd.change.personInChargeRef !== b.personInChargeRef) {
      changes.push({ field: 'personInChargeRef', before: b.personInChargeRef, after: cmd.change.personInChargeRef });
    }
    const sameScope = scope.length === b.scope.length && scope.every((code) => b.scope.includes(code));
    if (!sameScope) changes.push({ field: 'scope', before: [...b.scope], after: [...scope] });
    if (moves) changes.push({ field: 'address', before: b.address.standardAddressId, after: cmd.change.address?.id });
    if (changes.length > 0) planned.push({ uscc: b.uscc, changes });
  }
  if (refused.length > 0) throw new BranchChangeNotAllowedError(refused);
  if (planned.length === 0) throw new BranchChangeNothingChangedError();
  return planned;
}

/** A new branch's status (the machine's creation row). */
export function branchRegisteredStatus(actor: Actor): BranchStatus {
  return create(BRANCH_MACHINE, 'register', actor);
}

/** Deregisters a branch: by the parent's applicant, or by the system when the parent is deregistered. */
export function deregisterBranch(status: BranchStatus, actor: Actor): BranchStatus {
  return transition(BRANCH_MACHINE, status, 'deregister', actor);
}

import type { StandardAddress } from '../application/reference-data';
import { FilingNotAllowedError } from './errors';

export interface PremisesFiledData {
  uscc: string;
  standardAddressId: string;
  scope: string[];
  commitmentRef: string;
}

/**
 * 一照多址 (000 L544–548): extra premises in the same city as the domicile are filed, not
 * registered as a branch. Conditions: a standard address, in the domicile's city (same first 4
 * digits of the GB/T 2260 code), a scope subset of the registered scope, a signed commitment.
 * Returns the `registration.premises.filed` data (regulators' 双随机 checks start from it).
 */
export function filePremises(cmd: {
  uscc: string;
  domicileDivisionCode: string;
  registeredScope: readonly string[];
  premises: StandardAddress;
  scope: readonly string[];
  commitmentRef?: string;
}): PremisesFiledData {
  const reasons: string[] = [];
  if (cmd.premises.divisionCode.slice(0, 4) !== cmd.domicileDivisionCode.slice(0, 4)) reasons.push('NOT_SAME_CITY');
  if (cmd.scope.length === 0 || cmd.scope.some((s) => !cmd.registeredScope.includes(s))) reasons.push('SCOPE_NOT_SUBSET');
  if (!cmd.commitmentRef) reasons.push('COMMITMENT_MISSING');
  if (reasons.length > 0) throw new FilingNotAllowedError(reasons);
  return { uscc: cmd.uscc, standardAddressId: cmd.premises.id, scope: [...cmd.scope], commitmentRef: cmd.commitmentRef as string };
}

export interface BranchRegistration {
  readonly parentUscc: string;
  readonly name: string;
  readonly address: StandardAddress;
  readonly scope: readonly string[];
  /** Same-business branch that needs a high-frequency permit: commits instead of a new permit (000 L550–554). */
  readonly permitByCommitment: boolean;
}

/** Branch names end with one of these [NR]. */
export const BRANCH_SUFFIXES = ['分公司', '分店', '分厂', '分部', '营业部', '分中心'];

/**
 * A simplified branch registration (分支机构, 000 L88–90): a standard address, a name that
 * starts with the parent's name and ends with a branch word, a scope within the parent's.
 */
export function registerBranch(cmd: BranchRegistration & { parentName: string; parentScope: readonly string[] }): BranchRegistration {
  const reasons: string[] = [];
  if (!cmd.name.startsWith(cmd.parentName) || !BRANCH_SUFFIXES.some((s) => cmd.name.endsWith(s))) reasons.push('BRANCH_NAME');
  if (cmd.scope.length === 0 || cmd.scope.some((s) => !cmd.parentScope.includes(s))) reasons.push('SCOPE_NOT_SUBSET');
  if (reasons.length > 0) throw new FilingNotAllowedError(reasons);
  return { parentUscc: cmd.parentUscc, name: cmd.name, address: cmd.address, scope: [...cmd.scope], permitByCommitment: cmd.permitByCommitment };
}

import type { ApplicationReferenceData, StandardAddress } from '../application/reference-data';
import type { EntityFlags, EntityStatus } from '../entity/entity-status';
import { isChangeFiledInTime } from './change-request';

/** One reason a change cannot be approved automatically; the checks run in this order. */
export type ChangeCheck =
  | 'ENTITY_NOT_ACTIVE' // only an active entity changes its registration
  | 'ABNORMAL_LISTED' // the abnormal list bars auto-approval of changes [design] (§7)
  | 'FILED_LATE' // more than 30 days after the resolution [NR, cfg] (§6)
  | 'ADDRESS_UNKNOWN' // the new domicile is not in the standardised address registry
  | 'ADDRESS_BLOCKED' // negative list BLOCK: refused outright
  | 'ADDRESS_NEEDS_OFFICER' // negative list OFFICER
  | 'ADDRESS_OTHER_AUTHORITY' // the new domicile lies outside the authority's district (a transfer)
  | 'SCOPE_UNKNOWN' // a scope code not in the catalogue
  | 'SCOPE_NEEDS_OFFICER'; // a scope item that is not auto-approvable (e.g. a pre-approval permit)

export interface ChangeReviewInput {
  readonly entity: { readonly status: EntityStatus; readonly flags: EntityFlags };
  readonly authorityDivisionCode: string;
  readonly resolutionOn: string;
  readonly filedOn: string;
  /** The new domicile, when the change moves it. */
  readonly newDomicileId?: string;
  /** The new scope, when the change touches it. */
  readonly newScopeCodes?: readonly string[];
}

export interface ChangeReview {
  /** Every check passed: the change is registered at once (秒批, routing as §3.2). */
  readonly eligible: boolean;
  /** A failure that no officer can approve either (refuse the request). */
  readonly refused: boolean;
  readonly failedChecks: readonly ChangeCheck[];
  /** The resolved new domicile (when one was asked for and found). */
  readonly domicile?: StandardAddress;
}

const REFUSING: ReadonlySet<ChangeCheck> = new Set(['ENTITY_NOT_ACTIVE', 'ADDRESS_UNKNOWN', 'ADDRESS_BLOCKED', 'SCOPE_UNKNOWN']);

/**
 * Confirmation-based review of a change (变更登记), fully online (000 L836–837; 002 L201 for name,
 * domicile, capital and scope): the same kind of rules as establishment, listing every failed check.
 */
export function reviewChange(input: ChangeReviewInput, ref: ApplicationReferenceData): ChangeReview {
  const failed: ChangeCheck[] = [];
  if (input.entity.status !== 'ACTIVE') failed.push('ENTITY_NOT_ACTIVE');
  if (input.entity.flags.abnormalListed) failed.push('ABNORMAL_LISTED');
  if (!isChangeFiledInTime(input.resolutionOn, input.filedOn)) failed.push('FILED_LATE');
  let domicile: StandardAddress | undefined;
  if (input.newDomicileId !== undefined) {
    domicile = ref.addresses.find((a) => a.id === input.newDomicileId);
    const listed = ref.negativeList.find((n) => n.standardAddressId === input.newDomicileId);
    if (!domicile) failed.push('ADDRESS_UNKNOWN');
    else if (listed?.effect === 'BLOCK') failed.push('ADDRESS_BLOCKED');
    else if (listed?.effect === 'OFFICER') failed.push('ADDRESS_NEEDS_OFFICER');
    if (domicile && domicile.divisionCode !== input.authorityDivisionCode) failed.push('ADDRESS_OTHER_AUTHORITY');
  }
  for (const code of input.newScopeCodes ?? []) {
    const item = ref.scopeCatalogue.find((s) => s.code === code);
    if (!item) failed.push('SCOPE_UNKNOWN');
    else if (!item.autoApprovable) failed.push('SCOPE_NEEDS_OFFICER');
  }
  const failedChecks = [...new Set(failed)];
  return {
    eligible: failedChecks.length === 0,
    refused: failedChecks.some((c) => REFUSING.has(c)),
    failedChecks,
    ...(domicile ? { domicile } : {}),
  };
}

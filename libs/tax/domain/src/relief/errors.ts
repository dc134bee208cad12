import { TaxError } from '../shared/errors';

/** A relief rule version is malformed (dates, scope, params). 422. */
export class InvalidReliefRuleError extends TaxError {
  readonly code = 'tax.relief.invalid_rule';

  constructor(ruleRef: string, readonly problems: readonly string[]) {
    super(`Relief rule ${ruleRef} is invalid: ${problems.join('; ')}`, { ruleRef, problems: [...problems] });
  }
}

/** Versions are immutable (E2): the same ruleId@version cannot be published twice. 409. */
export class ReliefVersionExistsError extends TaxError {
  readonly code = 'tax.relief.version_exists';

  constructor(ruleRef: string) {
    super(`Relief rule ${ruleRef} already exists; publish a new version that supersedes it`, { ruleRef });
  }
}

/** Two live versions of one rule would overlap in one scope (E2). 409. */
export class OverlappingReliefVersionsError extends TaxError {
  readonly code = 'tax.relief.overlapping_versions';

  constructor(ruleRef: string, otherRef: string) {
    super(`Relief rule ${ruleRef} overlaps the live version ${otherRef} in the same scope; supersede it instead`, { ruleRef, otherRef });
  }
}

/** No such ruleId@version (or the superseded version is missing / already superseded). 404 / 409. */
export class UnknownReliefRuleError extends TaxError {
  readonly code = 'tax.relief.unknown_rule';

  constructor(ruleRef: string, reason = 'not in the rule book') {
    super(`Relief rule ${ruleRef}: ${reason}`, { ruleRef, reason });
  }
}

/** The small-scale assessment was asked for a general VAT taxpayer. 422. */
export class NotSmallScaleTaxpayerError extends TaxError {
  readonly code = 'tax.relief.not_small_scale';

  constructor(taxpayerId: string) {
    super(`Taxpayer ${taxpayerId} is not a small-scale VAT taxpayer`, { taxpayerId });
  }
}

/** Suggested HTTP status per code, for the app's problem registry. */
export const RELIEF_ERROR_HTTP_STATUS: Readonly<Record<string, number>> = {
  'tax.relief.invalid_rule': 422,
  'tax.relief.version_exists': 409,
  'tax.relief.overlapping_versions': 409,
  'tax.relief.unknown_rule': 404,
  'tax.relief.not_small_scale': 422,
};

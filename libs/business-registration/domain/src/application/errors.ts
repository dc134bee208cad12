import { RegistrationError } from '../shared/errors';
import type { FormIssue } from './validate-form';

export class InvalidApplicationFormError extends RegistrationError {
  readonly code = 'registration.application.invalid_form';

  constructor(readonly issues: readonly FormIssue[]) {
    super(`The form cannot be submitted: ${issues.map((i) => `${i.path} ${i.code}`).join('; ')}`, { issues: [...issues] });
  }
}

export class NotApplicationOwnerError extends RegistrationError {
  readonly code = 'registration.application.not_owner';

  constructor(applicationId: string) {
    super(`Application ${applicationId} belongs to another applicant`, { applicationId });
  }
}

/** Shared with the change request's review (../shared/review-clock). */
export { ReasonRequiredError } from '../shared/errors';

/** A later supplement request raised an issue that does not come from newly submitted material. */
export class SupplementNotFromNewMaterialError extends RegistrationError {
  readonly code = 'registration.application.supplement_not_from_new_material';

  constructor(items: readonly string[], newMaterial: readonly string[]) {
    super(`Only newly submitted material may be questioned again (${newMaterial.join(', ') || 'none'}); not: ${items.join(', ')}`, {
      items: [...items],
      newMaterial: [...newMaterial],
    });
  }
}

export class SupplementPeriodOverError extends RegistrationError {
  readonly code = 'registration.application.supplement_period_over';

  constructor(dueAt: Date) {
    super(`The supplement period ended at ${dueAt.toISOString()}`, { dueAt: dueAt.toISOString() });
  }
}

export type ReviewExtensionRefusal = 'ALREADY_EXTENDED' | 'NO_HEAD_APPROVAL' | 'DEADLINE_PASSED' | 'CLOCK_SUSPENDED' | 'TOO_LONG';

export class ReviewExtensionRefusedError extends RegistrationError {
  readonly code = 'registration.application.extension_refused';

  constructor(readonly reason: ReviewExtensionRefusal, message: string) {
    super(message, { reason });
  }
}

/** Automatic approval was requested for an application that fails a check. */
export class NotAutoEligibleError extends RegistrationError {
  readonly code = 'registration.application.not_auto_eligible';

  constructor(failed: readonly string[]) {
    super(`Not eligible for automatic approval: ${failed.join(', ')}`, { failed: [...failed] });
  }
}

/** Registration needs a standard-address domicile (an officer resolves free text first). */
export class DomicileUnresolvedError extends RegistrationError {
  readonly code = 'registration.application.domicile_unresolved';

  constructor() {
    super('The domicile has no standard address: resolve it before approving');
  }
}

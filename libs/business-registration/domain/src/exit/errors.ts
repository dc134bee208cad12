import { RegistrationError } from '../shared/errors';

/** The entity may not use the simplified route (abnormal list, bankruptcy, …). */
export class SimplifiedDeregistrationExcludedError extends RegistrationError {
  readonly code = 'registration.exit.simplified_excluded';

  constructor(reasons: readonly string[]) {
    super(`Simplified deregistration is excluded: ${reasons.join(', ')}`, { reasons: [...reasons] });
  }
}

export class NoticePeriodError extends RegistrationError {
  readonly code = 'registration.exit.notice_period';

  constructor(message: string) {
    super(message);
  }
}

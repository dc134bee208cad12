import { RegistrationError } from '../shared/errors';

export class NothingChangedError extends RegistrationError {
  readonly code = 'registration.change.nothing_changed';

  constructor() {
    super('The change request changes nothing');
  }
}

/** A filing (一照多址, branch) breaks one of its conditions. */
export class FilingNotAllowedError extends RegistrationError {
  readonly code = 'registration.filing.not_allowed';

  constructor(reasons: readonly string[]) {
    super(`The filing is not allowed: ${reasons.join(', ')}`, { reasons: [...reasons] });
  }
}

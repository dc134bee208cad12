import { RegistrationError } from '../shared/errors';

/** An identifier (credit code, ID number) is malformed or fails its check character. */
export class InvalidIdentifierError extends RegistrationError {
  readonly code = 'registration.identifier.invalid';

  constructor(kind: string, problems: readonly string[]) {
    super(`Invalid ${kind}: ${problems.join(', ')}`, { kind, problems: [...problems] });
  }
}

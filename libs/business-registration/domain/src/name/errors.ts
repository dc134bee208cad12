import { RegistrationError } from '../shared/errors';

/** The self-check blocks the name: it cannot be reserved. */
export class NameBlockedError extends RegistrationError {
  readonly code = 'registration.name.blocked';

  constructor(reasonCodes: readonly string[]) {
    super(`The name is blocked: ${reasonCodes.join(', ')}`, { reasonCodes: [...reasonCodes] });
  }
}

/** WARN reasons were not all acknowledged under the commitment. */
export class NameWarningsNotAcknowledgedError extends RegistrationError {
  readonly code = 'registration.name.warnings_not_acknowledged';

  constructor(missing: readonly string[]) {
    super(`Acknowledge these warnings first: ${missing.join(', ')}`, { missing: [...missing] });
  }
}

/** A commitment (信用承诺) must be signed for this action. */
export class CommitmentNotSignedError extends RegistrationError {
  readonly code = 'registration.commitment.not_signed';

  constructor(what: string) {
    super(`${what} needs a signed credit commitment`);
  }
}

/** Only the applicant who reserved the name may use or withdraw it. */
export class ReservationNotOwnedError extends RegistrationError {
  readonly code = 'registration.name.reservation_not_owned';

  constructor(reservationId: string) {
    super(`Reservation ${reservationId} belongs to another applicant`, { reservationId });
  }
}

/** The reservation is held by an undecided application and cannot expire or be withdrawn now. */
export class ReservationHeldError extends RegistrationError {
  readonly code = 'registration.name.reservation_held';

  constructor(reservationId: string, applicationId: string) {
    super(`Reservation ${reservationId} is held by application ${applicationId}`, { reservationId, applicationId });
  }
}

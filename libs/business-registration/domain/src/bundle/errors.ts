import { RegistrationError } from '../shared/errors';

export class NoEligibleSealMakerError extends RegistrationError {
  readonly code = 'registration.seal.no_eligible_maker';

  constructor(year: number) {
    super(`No seal maker is eligible for orders in ${year}`, { year });
  }
}

/** A seal maker acted on an order that is not its own. */
export class NotAssignedSealMakerError extends RegistrationError {
  readonly code = 'registration.seal.not_assigned_maker';

  constructor(makerId: string) {
    super(`Seal maker ${makerId} is not assigned to this order`, { makerId });
  }
}

/** The part does not exist in this bundle, or is opted out. */
export class BundlePartNotOptedInError extends RegistrationError {
  readonly code = 'registration.bundle.part_not_opted_in';

  constructor(part: string) {
    super(`Part ${part} is not opted in`, { part });
  }
}

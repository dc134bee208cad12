import { TaxError } from '../shared/errors';

/** A field the request named wrongly, as problem+json `violations` carry it. */
export interface PublicationViolation {
  readonly field: string;
  readonly reason: string;
}

/** A proposed publication breaks a rule of its data (a field, an overlap, a version out of sequence). 422, naming each field. */
export class InvalidPublicationError extends TaxError {
  readonly code = 'tax.publication.invalid';

  constructor(readonly violations: readonly PublicationViolation[]) {
    super(
      violations.length === 1 ? `Field ${violations[0].field}: ${violations[0].reason}` : `The publication has ${violations.length} invalid fields`,
      { violations: violations.map((v) => ({ ...v })) },
    );
  }
}

/** Four eyes (四眼, tax.md §2 Admin [cfg]): the admin who proposed a publication may not approve it. 403. */
export class SelfApprovalError extends TaxError {
  readonly code = 'tax.publication.self_approval';

  constructor(publicationId: string) {
    super(`Publication ${publicationId} was proposed by you; a different admin must approve it (two-person rule)`, { publicationId, rule: 'FOUR_EYES' });
  }
}

/** The publication was already approved or rejected: a decision is final. 409. */
export class PublicationNotPendingError extends TaxError {
  readonly code = 'tax.publication.not_pending';

  constructor(publicationId: string, status: string) {
    super(`Publication ${publicationId} is ${status}; only a PROPOSED publication can be approved or rejected`, { publicationId, publicationStatus: status });
  }
}

/** Suggested HTTP status per code, for the app's problem registry. */
export const PUBLICATION_ERROR_HTTP_STATUS: Readonly<Record<string, number>> = {
  'tax.publication.invalid': 422,
  'tax.publication.self_approval': 403,
  'tax.publication.not_pending': 409,
};

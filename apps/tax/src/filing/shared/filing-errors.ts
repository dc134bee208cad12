import { DomainError } from '@one-window/shared/http';

/** The working calendar has no data for the year a due date falls in, and no fallback is configured. */
export const CALENDAR_YEAR_NOT_LOADED = 'calendar.year_not_loaded';

/** A paymentId already recorded against another liability or with another amount. 409. */
export class PaymentConflictError extends DomainError {
  readonly code = 'tax.payment.conflict';

  constructor(paymentId: string) {
    super(`Payment ${paymentId} was already recorded with other details`, { paymentId });
  }
}

/** POST returns / amendments without the (required) Idempotency-Key header. 400. */
export class IdempotencyKeyRequiredError extends DomainError {
  readonly code = 'tax.idempotency_key.required';

  constructor() {
    super('The Idempotency-Key header is required on a return or an amendment (a UUID per filing attempt)', {
      violations: [{ field: 'Idempotency-Key', reason: 'header is required' }],
    });
  }
}

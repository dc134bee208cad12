/** Thrown by a handler for an event it can never handle (bad reference, rule violated): no retries. */
export class PermanentHandlerError extends Error {
  readonly code = 'messaging.permanent_failure';
}

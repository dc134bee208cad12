/**
 * The shape every domain error in One Window has: a stable `code` ('<service>.<area>.<reason>')
 * that the service maps to HTTP in its one problem-type registry, and JSON-safe `details` for the
 * problem body. Each service's domain has its own root (RegistrationError, TaxError,
 * ComplaintsError) extending this one.
 */
export abstract class CodedError extends Error {
  abstract readonly code: string;

  protected constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Base class of the errors domain code throws. Domain code knows nothing of HTTP: it names the
 * broken rule with a stable `code` (e.g. `APPLICATION_ALREADY_SUBMITTED`), and the one
 * ProblemTypeRegistry of the app maps that code to a status and problem type.
 * The message becomes the problem's `detail`, so write it for the API client and keep personal data out.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(
    message: string,
    /** Extra members for the problem document (e.g. `{ applicationId }`); must be safe to show the client. */
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

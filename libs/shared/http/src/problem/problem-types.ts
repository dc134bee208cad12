/** Slugs of the problem types this library produces (full URI: PROBLEM_BASE_URI + slug). */
export const ProblemTypes = {
  validationError: 'validation-error',
  malformedJson: 'malformed-json',
  payloadTooLarge: 'payload-too-large',
  notFound: 'not-found',
  internalError: 'internal-error',
  idempotencyKeyReuse: 'idempotency-key-reuse',
  idempotencyKeyInFlight: 'idempotency-key-in-flight',
  invalidIdempotencyKey: 'invalid-idempotency-key',
  preconditionFailed: 'precondition-failed',
  preconditionRequired: 'precondition-required',
  notReady: 'not-ready',
} as const;

interface StatusProblem {
  type: string;
  title: string;
}

/** Problem type and title for an HTTP status when nothing more specific is known (e.g. a plain Nest HttpException). */
const BY_STATUS: Record<number, StatusProblem> = {
  400: { type: 'bad-request', title: 'Bad request' },
  401: { type: 'unauthorized', title: 'Unauthorized' },
  403: { type: 'forbidden', title: 'Forbidden' },
  404: { type: ProblemTypes.notFound, title: 'Not found' },
  405: { type: 'method-not-allowed', title: 'Method not allowed' },
  406: { type: 'not-acceptable', title: 'Not acceptable' },
  409: { type: 'conflict', title: 'Conflict' },
  410: { type: 'gone', title: 'Gone' },
  412: { type: ProblemTypes.preconditionFailed, title: 'Precondition failed' },
  413: { type: ProblemTypes.payloadTooLarge, title: 'Payload too large' },
  415: { type: 'unsupported-media-type', title: 'Unsupported media type' },
  422: { type: 'unprocessable-content', title: 'Unprocessable content' },
  428: { type: ProblemTypes.preconditionRequired, title: 'Precondition required' },
  429: { type: 'too-many-requests', title: 'Too many requests' },
  500: { type: ProblemTypes.internalError, title: 'Internal server error' },
  502: { type: 'bad-gateway', title: 'Bad gateway' },
  503: { type: 'service-unavailable', title: 'Service unavailable' },
  504: { type: 'gateway-timeout', title: 'Gateway timeout' },
};

/** `about:blank` (RFC 9457 §4.2.1) with a generic title for statuses without a dedicated type. */
export function problemForStatus(status: number): StatusProblem {
  return BY_STATUS[status] ?? { type: 'about:blank', title: status >= 500 ? 'Server error' : 'Request error' };
}

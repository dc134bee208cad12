import { ProblemException } from '../problem/problem.exception';
import { ProblemTypes } from '../problem/problem-types';

export function invalidIdempotencyKey(): ProblemException {
  return new ProblemException({
    type: ProblemTypes.invalidIdempotencyKey,
    title: 'Invalid idempotency key',
    status: 400,
    detail: 'Idempotency-Key must be 1-255 visible ASCII characters without quotes, commas or backslashes (a UUID is best).',
  });
}

export function idempotencyKeyReused(): ProblemException {
  return new ProblemException({
    type: ProblemTypes.idempotencyKeyReuse,
    title: 'Idempotency key reused',
    status: 422,
    detail: 'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
  });
}

export function idempotencyKeyInFlight(): ProblemException {
  return new ProblemException(
    {
      type: ProblemTypes.idempotencyKeyInFlight,
      title: 'Request in progress',
      status: 409,
      detail: 'A request with this Idempotency-Key is still being processed. Retry later to get its response.',
    },
    { headers: { 'Retry-After': '1' } },
  );
}

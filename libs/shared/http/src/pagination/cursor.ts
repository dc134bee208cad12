import { validationProblem } from '../validation/validation-problem';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Opaque page token: base64url of the JSON of the keyset position (e.g. `{ createdAt, id }` of the
 * last item). Not signed: a client that edits it only moves its own position; authorization must
 * still come from the WHERE clause, never from the cursor.
 */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * Decodes a token from encodeCursor. A token that is not base64url JSON, or that `isValid` rejects,
 * throws a 400 validation-error problem naming `pageToken`.
 */
export function decodeCursor<T>(token: string, isValid?: (position: unknown) => position is T): T {
  let position: unknown;
  try {
    if (!BASE64URL.test(token)) {
      throw new Error('not base64url');
    }
    position = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidPageToken();
  }
  if (isValid && !isValid(position)) {
    throw invalidPageToken();
  }
  return position as T;
}

function invalidPageToken() {
  return validationProblem([{ field: 'pageToken', reason: 'is not a page token this API issued; start again without pageToken' }]);
}

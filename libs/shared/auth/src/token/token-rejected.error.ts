/** Why a token was refused. Logged server-side; the client only learns "invalid" or "expired". */
export type TokenRejectionReason =
  | 'malformed'
  | 'algorithm'
  | 'unknown-kid'
  | 'signature'
  | 'expired'
  | 'not-yet-valid'
  | 'issuer'
  | 'audience'
  | 'claims';

export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';

  constructor(
    readonly reason: TokenRejectionReason,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

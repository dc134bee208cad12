import jwt from 'jsonwebtoken';
import type { Principal } from '../principal';
import { isJwtAlgorithm } from './algorithms';
import { DEFAULT_CLOCK_TOLERANCE_SECONDS, type AuthOptions } from './auth-options';
import { principalFromClaims } from './principal-from-claims';
import { TokenRejectedError } from './token-rejected.error';
import { parseVerificationKey, type VerificationKey } from './verification-key';

/**
 * Verifies bearer JWTs and turns them into principals.
 *
 * Order: the header is read (alg must be RS256/ES256, the kid must name a configured key and the
 * alg must be that key's own algorithm), then jsonwebtoken checks the signature, `nbf`, `exp`,
 * `aud` and `iss`; only then are the claims read. `exp` is mandatory.
 */
export class TokenVerifier {
  private readonly keys: ReadonlyMap<string, VerificationKey>;
  private readonly issuer: [string, ...string[]];
  private readonly audience: [string, ...string[]];
  private readonly clockTolerance: number;
  private readonly now: () => number;

  constructor(options: AuthOptions) {
    this.keys = new Map(
      Object.entries(options.publicKeys).map(([kid, pem]) => [
        kid,
        parseVerificationKey(kid, pem, `publicKeys[${JSON.stringify(kid)}]`),
      ]),
    );
    if (this.keys.size === 0) throw new Error('AuthOptions.publicKeys is empty');
    // jsonwebtoken silently skips the check when given an empty issuer or audience.
    this.issuer = nonEmptyList(options.issuer, 'AuthOptions.issuer');
    this.audience = nonEmptyList(options.audience, 'AuthOptions.audience');
    this.clockTolerance = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
    if (!Number.isInteger(this.clockTolerance) || this.clockTolerance < 0) {
      throw new Error('AuthOptions.clockToleranceSeconds must be a non-negative integer');
    }
    this.now = options.now ?? Date.now;
  }

  /** The principal carried by `token`, or a TokenRejectedError saying why not. */
  verify(token: string): Principal {
    const key = this.keyFor(token);
    let claims: unknown;
    try {
      claims = jwt.verify(token, key.key, {
        algorithms: [key.algorithm],
        issuer: this.issuer,
        audience: this.audience,
        clockTolerance: this.clockTolerance,
        clockTimestamp: Math.floor(this.now() / 1000),
      });
    } catch (error) {
      throw toRejection(error);
    }
    if (typeof claims !== 'object' || claims === null) throw new TokenRejectedError('malformed', 'payload is not a JSON object');
    if (typeof (claims as { exp?: unknown }).exp !== 'number') throw new TokenRejectedError('claims', 'claim exp is missing');
    return principalFromClaims(claims as Record<string, unknown>);
  }

  private keyFor(token: string): VerificationKey {
    const decoded = jwt.decode(token, { complete: true });
    if (decoded === null || typeof decoded.header !== 'object') throw new TokenRejectedError('malformed', 'not a JWS compact token');
    const { alg, kid, crit } = decoded.header as { alg?: unknown; kid?: unknown; crit?: unknown };
    if (!isJwtAlgorithm(alg)) throw new TokenRejectedError('algorithm', `alg ${String(alg)} is not accepted`);
    if (crit !== undefined) throw new TokenRejectedError('malformed', 'critical header extensions are not supported');

    let key: VerificationKey | undefined;
    if (kid === undefined) {
      // Without a kid the key is unambiguous only when a single one is configured.
      if (this.keys.size === 1) key = [...this.keys.values()][0];
      else throw new TokenRejectedError('unknown-kid', 'token has no kid and several keys are configured');
    } else {
      key = typeof kid === 'string' ? this.keys.get(kid) : undefined;
      if (!key) throw new TokenRejectedError('unknown-kid', `kid ${JSON.stringify(kid)} is not configured`);
    }
    if (key.algorithm !== alg) throw new TokenRejectedError('algorithm', `key ${key.kid} is for ${key.algorithm}, token says ${alg}`);
    return key;
  }
}

function nonEmptyList(value: string | readonly string[], name: string): [string, ...string[]] {
  const list = (typeof value === 'string' ? [value] : [...value]).filter((item) => item.length > 0);
  if (list.length === 0) throw new Error(`${name} must name at least one value`);
  return list as [string, ...string[]];
}

function toRejection(error: unknown): TokenRejectedError {
  if (error instanceof jwt.TokenExpiredError) return new TokenRejectedError('expired', `expired at ${error.expiredAt.toISOString()}`);
  if (error instanceof jwt.NotBeforeError) return new TokenRejectedError('not-yet-valid', `not before ${error.date.toISOString()}`);
  const message = error instanceof Error ? error.message : String(error);
  // jsonwebtoken has no error codes; these prefixes are its messages (pinned by token-verifier.spec.ts).
  if (message.startsWith('jwt audience invalid')) return new TokenRejectedError('audience', message);
  if (message.startsWith('jwt issuer invalid')) return new TokenRejectedError('issuer', message);
  if (message === 'invalid signature') return new TokenRejectedError('signature', message);
  if (message === 'invalid algorithm') return new TokenRejectedError('algorithm', message);
  if (message.startsWith('invalid exp') || message.startsWith('invalid nbf')) return new TokenRejectedError('claims', message);
  return new TokenRejectedError('malformed', message);
}

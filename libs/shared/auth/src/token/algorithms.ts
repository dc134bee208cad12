import { createHash, type KeyObject } from 'node:crypto';

/** The only signature algorithms accepted: asymmetric, so services hold public keys only. */
export const JWT_ALGORITHMS = ['RS256', 'ES256'] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

export function isJwtAlgorithm(value: unknown): value is JwtAlgorithm {
  return typeof value === 'string' && (JWT_ALGORITHMS as readonly string[]).includes(value);
}

const MIN_RSA_BITS = 2048;

/**
 * The algorithm a key may be used with: RSA (2048 bits or more) → RS256, EC P-256 → ES256.
 * Works for private and public keys; throws for anything else.
 */
export function algorithmForKey(key: KeyObject): JwtAlgorithm {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    if ((details.modulusLength ?? 0) < MIN_RSA_BITS) {
      throw new Error(`RSA key of ${details.modulusLength} bits; at least ${MIN_RSA_BITS} are required`);
    }
    return 'RS256';
  }
  if (key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1') return 'ES256';
  const kind = key.asymmetricKeyType === 'ec' ? `EC ${details.namedCurve}` : (key.asymmetricKeyType ?? key.type);
  throw new Error(`unsupported key type ${kind}; use RSA (RS256) or EC P-256 (ES256)`);
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url): a stable key id derived from the public key. */
export function jwkThumbprint(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  const members =
    jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

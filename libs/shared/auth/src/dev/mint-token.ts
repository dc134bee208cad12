import { createPrivateKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { algorithmForKey } from '../token/algorithms';
import { DEFAULT_AUDIENCE, DEV_ISSUER } from '../token/auth-options';
import { ttlSeconds, type Ttl } from './ttl';

/** Claims of a minted token. Roles are plain strings so tests can also mint invalid tokens. */
export interface TokenClaims {
  sub: string;
  roles: readonly string[];
  agency_id?: string;
  /** GB/T 2260 district code (e.g. '440104'): a hotline agent of that district's hotline body. */
  district?: string;
  name?: string;
  /** Default `one-window-dev`. */
  iss?: string;
  /** Default `one-window`. */
  aud?: string | readonly string[];
  nbf?: number;
}

/**
 * Signs a token with `privateKeyPem` (EC P-256 → ES256, RSA → RS256), `kid` in the header
 * (undefined: none), `iat` = now and `exp` = now + ttl. For the dev CLI, tests and benchmarks.
 */
export function mintToken(privateKeyPem: string, kid: string | undefined, claims: TokenClaims, ttl: Ttl = '8h', now: number = Date.now()): string {
  const key = createPrivateKey(privateKeyPem);
  const iat = Math.floor(now / 1000);
  const payload = {
    iss: DEV_ISSUER,
    aud: DEFAULT_AUDIENCE,
    ...claims,
    roles: [...claims.roles],
    iat,
    exp: iat + ttlSeconds(ttl),
  };
  return jwt.sign(payload, key, { algorithm: algorithmForKey(key), ...(kid === undefined ? {} : { keyid: kid }) });
}

// Key material for the specs (not exported from the library).
import { generateKeyPairSync } from 'node:crypto';

export interface TestKeyPair {
  kid: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

function pair(kid: string, type: 'ec' | 'rsa'): TestKeyPair {
  const { privateKey, publicKey } =
    type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
}

/** ES256 key. */
export const EC_KEY = pair('ec-2025', 'ec');
/** RS256 key. */
export const RSA_KEY = pair('rsa-2025', 'rsa');
/** A key no verifier trusts. */
export const STRANGER_KEY = pair('stranger', 'ec');

export function publicKeysOf(...pairs: TestKeyPair[]): Record<string, string> {
  return Object.fromEntries(pairs.map((p) => [p.kid, p.publicKeyPem]));
}

/** base64url of a JSON value, for hand-built tokens. */
export function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jwkThumbprint } from '../token/algorithms';

export interface DevKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
  /** RFC 7638 thumbprint of the public key: the kid AUTH_JWT_PUBLIC_KEY derives for the same key. */
  kid: string;
  /** True when this call generated the pair. */
  created: boolean;
}

export const DEV_PRIVATE_KEY_FILE = 'private.pem';
export const DEV_PUBLIC_KEY_FILE = 'public.pem';

/**
 * The ES256 (P-256) dev key pair in `dir` (at the repo root: `.local/dev-keys/`, git-ignored),
 * generated on first use. `public.pem` is (re)written from the private key.
 * Never use these keys outside a developer machine.
 */
export function ensureDevKeyPair(dir: string): DevKeyPair {
  const privatePath = join(dir, DEV_PRIVATE_KEY_FILE);
  const publicPath = join(dir, DEV_PUBLIC_KEY_FILE);
  let created = false;
  if (!existsSync(privatePath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    created = true;
  }
  const privateKeyPem = readFileSync(privatePath, 'utf8');
  const publicKey = createPublicKey(createPrivateKey(privateKeyPem));
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  if (!existsSync(publicPath) || readFileSync(publicPath, 'utf8') !== publicKeyPem) writeFileSync(publicPath, publicKeyPem);
  return { privateKeyPem, publicKeyPem, kid: jwkThumbprint(publicKey), created };
}

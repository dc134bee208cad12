import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDevKeyPair, mintToken, type TokenClaims } from '@one-window/shared/auth';

/** A throwaway key pair for a test file, and tokens signed with it. */
export function testTokens() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-keys-'));
  const keys = ensureDevKeyPair(dir);
  return {
    publicKeyPem: keys.publicKeyPem,
    env: { AUTH_JWT_PUBLIC_KEY: keys.publicKeyPem },
    token: (claims: TokenClaims, ttl: Parameters<typeof mintToken>[3] = '1h') => mintToken(keys.privateKeyPem, keys.kid, claims, ttl),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

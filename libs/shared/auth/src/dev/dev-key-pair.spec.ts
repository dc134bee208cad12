import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwkThumbprint } from '../token/algorithms';
import { TokenVerifier } from '../token/token-verifier';
import { ensureDevKeyPair } from './dev-key-pair';
import { mintToken } from './mint-token';

describe('ensureDevKeyPair', () => {
  let root: string;
  let dir: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ow-auth-'));
    dir = join(root, '.local', 'dev-keys');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('generates an ES256 (P-256) pair once, then reuses it', () => {
    const first = ensureDevKeyPair(dir);
    expect(first.created).toBe(true);
    const publicKey = createPublicKey(first.publicKeyPem);
    expect(publicKey.asymmetricKeyType).toBe('ec');
    expect(publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(first.kid).toBe(jwkThumbprint(publicKey));
    expect(readFileSync(join(dir, 'private.pem'), 'utf8')).toBe(first.privateKeyPem);
    expect(readFileSync(join(dir, 'public.pem'), 'utf8')).toBe(first.publicKeyPem);
    expect(statSync(join(dir, 'private.pem')).mode & 0o777).toBe(0o600);

    const second = ensureDevKeyPair(dir);
    expect(second).toEqual({ ...first, created: false });
  });

  it('rewrites a missing public.pem from the private key', () => {
    const first = ensureDevKeyPair(dir);
    unlinkSync(join(dir, 'public.pem'));
    expect(ensureDevKeyPair(dir).publicKeyPem).toBe(first.publicKeyPem);
    expect(createPublicKey(createPrivateKey(first.privateKeyPem)).export({ type: 'spki', format: 'pem' })).toBe(first.publicKeyPem);
  });

  it("mintToken's output verifies with the generated public key", () => {
    const keys = ensureDevKeyPair(dir);
    const token = mintToken(keys.privateKeyPem, keys.kid, { sub: 'officer-1', roles: ['officer'], agency_id: 'SAMR-GZ' }, '8h');
    const verifier = new TokenVerifier({ publicKeys: { [keys.kid]: keys.publicKeyPem }, issuer: 'one-window-dev', audience: 'one-window' });
    expect(verifier.verify(token)).toEqual({ subject: 'officer-1', roles: ['officer'], agencyId: 'SAMR-GZ' });
  });
});

import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mintToken } from '../dev/mint-token';
import { EC_KEY, RSA_KEY } from '../test-support/keys';
import { jwkThumbprint } from './algorithms';
import { AuthConfigError, loadAuthOptionsFromEnv } from './load-auth-options-from-env';
import { TokenVerifier } from './token-verifier';

function configError(env: Record<string, string | undefined>): AuthConfigError {
  try {
    loadAuthOptionsFromEnv(env);
  } catch (error) {
    if (error instanceof AuthConfigError) return error;
    throw error;
  }
  throw new Error('configuration was accepted');
}

describe('loadAuthOptionsFromEnv', () => {
  it('reads a JSON map kid → PEM and applies the defaults', () => {
    const keys = { 'ec-2025': EC_KEY.publicKeyPem, 'rsa-2024': RSA_KEY.publicKeyPem };
    expect(loadAuthOptionsFromEnv({ AUTH_JWT_PUBLIC_KEYS: JSON.stringify(keys) })).toEqual({
      publicKeys: keys,
      issuer: ['one-window-dev'],
      audience: ['one-window'],
      clockToleranceSeconds: 30,
    });
  });

  it('gives a single PEM its RFC 7638 thumbprint as kid, accepting \\n escapes', () => {
    const escaped = EC_KEY.publicKeyPem.trim().replace(/\n/g, '\\n');
    const options = loadAuthOptionsFromEnv({ AUTH_JWT_PUBLIC_KEY: escaped });
    const kid = jwkThumbprint(createPublicKey(EC_KEY.publicKeyPem));
    expect(Object.keys(options.publicKeys)).toEqual([kid]);
    expect(kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // A token minted with that kid verifies against the loaded options.
    const token = mintToken(EC_KEY.privateKeyPem, kid, { sub: 'a-1', roles: ['applicant'] });
    expect(new TokenVerifier(options).verify(token).subject).toBe('a-1');
  });

  it('reads issuer and audience lists and the clock tolerance', () => {
    const options = loadAuthOptionsFromEnv({
      AUTH_JWT_PUBLIC_KEY: EC_KEY.publicKeyPem,
      AUTH_JWT_ISSUER: 'https://idp.gz.gov.cn, one-window-dev',
      AUTH_JWT_AUDIENCE: 'one-window',
      AUTH_JWT_CLOCK_TOLERANCE_SECONDS: '5',
    });
    expect(options).toMatchObject({ issuer: ['https://idp.gz.gov.cn', 'one-window-dev'], audience: ['one-window'], clockToleranceSeconds: 5 });
  });

  it.each([
    [{}, 'AUTH_JWT_PUBLIC_KEYS', 'Set AUTH_JWT_PUBLIC_KEYS (JSON kid → PEM) or AUTH_JWT_PUBLIC_KEY (one PEM)'],
    [{ AUTH_JWT_PUBLIC_KEYS: '{not json' }, 'AUTH_JWT_PUBLIC_KEYS', 'AUTH_JWT_PUBLIC_KEYS is not valid JSON (expected {"kid": "-----BEGIN PUBLIC KEY-----..."})'],
    [{ AUTH_JWT_PUBLIC_KEYS: '{}' }, 'AUTH_JWT_PUBLIC_KEYS', 'AUTH_JWT_PUBLIC_KEYS must be a non-empty JSON object mapping kid to PEM'],
    [{ AUTH_JWT_PUBLIC_KEYS: '{"k1":"hello"}' }, 'AUTH_JWT_PUBLIC_KEYS', 'AUTH_JWT_PUBLIC_KEYS["k1"] is not a PEM public key'],
    [{ AUTH_JWT_PUBLIC_KEY: 'hello' }, 'AUTH_JWT_PUBLIC_KEY', 'AUTH_JWT_PUBLIC_KEY is not a PEM public key'],
    [{ AUTH_JWT_PUBLIC_KEY: EC_KEY.privateKeyPem }, 'AUTH_JWT_PUBLIC_KEY', 'AUTH_JWT_PUBLIC_KEY holds a private key; give the public key only'],
    [
      { AUTH_JWT_PUBLIC_KEY: EC_KEY.publicKeyPem, AUTH_JWT_PUBLIC_KEYS: '{}' },
      'AUTH_JWT_PUBLIC_KEY',
      'Set only one of AUTH_JWT_PUBLIC_KEYS and AUTH_JWT_PUBLIC_KEY',
    ],
    [
      { AUTH_JWT_PUBLIC_KEY: EC_KEY.publicKeyPem, AUTH_JWT_CLOCK_TOLERANCE_SECONDS: '-1' },
      'AUTH_JWT_CLOCK_TOLERANCE_SECONDS',
      'AUTH_JWT_CLOCK_TOLERANCE_SECONDS must be a whole number of seconds, got "-1"',
    ],
    [{ AUTH_JWT_PUBLIC_KEY: EC_KEY.publicKeyPem, AUTH_JWT_AUDIENCE: ' , ' }, 'AUTH_JWT_AUDIENCE', 'AUTH_JWT_AUDIENCE names no value'],
  ])('names the bad variable: %#', (env, variable, message) => {
    const error = configError(env as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message).toBe(message);
  });

  it('refuses an EC key on a curve other than P-256, naming the kid', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' });
    const error = configError({ AUTH_JWT_PUBLIC_KEYS: JSON.stringify({ 'k-384': p384 }) });
    expect(error.message).toBe('AUTH_JWT_PUBLIC_KEYS["k-384"]: unsupported key type EC secp384r1; use RSA (RS256) or EC P-256 (ES256)');
  });
});

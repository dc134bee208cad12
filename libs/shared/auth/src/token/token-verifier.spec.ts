import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { mintToken, type TokenClaims } from '../dev/mint-token';
import type { Role } from '../roles';
import { b64url, EC_KEY, publicKeysOf, RSA_KEY, STRANGER_KEY } from '../test-support/keys';
import type { AuthOptions } from './auth-options';
import { TokenRejectedError } from './token-rejected.error';
import { TokenVerifier } from './token-verifier';

const NOW = Date.UTC(2025, 0, 15, 9, 0, 0);
const NOW_S = NOW / 1000;

function verifier(overrides: Partial<AuthOptions> = {}): TokenVerifier {
  return new TokenVerifier({
    publicKeys: publicKeysOf(EC_KEY, RSA_KEY),
    issuer: 'one-window-dev',
    audience: 'one-window',
    clockToleranceSeconds: 0,
    now: () => NOW,
    ...overrides,
  });
}

/** `kid` null: no kid header. */
function token(claims: Partial<TokenClaims> = {}, ttl = 600, key = EC_KEY, kid: string | null = key.kid): string {
  return mintToken(key.privateKeyPem, kid ?? undefined, { sub: 'user-1', roles: ['applicant'], ...claims }, ttl, NOW);
}

function rejection(verify: () => unknown): TokenRejectedError {
  try {
    verify();
  } catch (error) {
    if (error instanceof TokenRejectedError) return error;
    throw error;
  }
  throw new Error('token was accepted');
}

/** A token signed with HMAC over `header.payload`, as an attacker would build it. */
function hmacToken(header: object, payload: object, secret: string): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const validPayload = { sub: 'user-1', roles: ['admin'], iss: 'one-window-dev', aud: 'one-window', iat: NOW_S, exp: NOW_S + 600 };

describe('TokenVerifier', () => {
  describe('accepts a valid token for each role', () => {
    const cases: [Role, string | undefined][] = [
      ['applicant', undefined],
      ['officer', 'SAMR-GZ'],
      ['court', 'GZ-INTERMEDIATE-COURT'],
      ['administrator', undefined],
      ['hotline-agent', undefined],
      ['supervisor', undefined],
      ['integrator', undefined],
      ['admin', undefined],
    ];
    it.each(cases)('%s', (role, agencyId) => {
      const principal = verifier().verify(token({ sub: `${role}-1`, roles: [role], ...(agencyId ? { agency_id: agencyId } : {}) }));
      expect(principal).toEqual({ subject: `${role}-1`, roles: [role], ...(agencyId ? { agencyId } : {}) });
    });
  });

  it('maps sub, roles, agency_id and name, and freezes the principal', () => {
    const principal = verifier().verify(token({ sub: 'o-7', roles: ['officer', 'supervisor'], agency_id: 'TAX-GZ', name: '王芳' }));
    expect(principal).toEqual({ subject: 'o-7', roles: ['officer', 'supervisor'], agencyId: 'TAX-GZ', name: '王芳' });
    expect(Object.isFrozen(principal)).toBe(true);
  });

  it('verifies RS256 tokens signed by an RSA key', () => {
    expect(verifier().verify(token({ sub: 'rsa-user' }, 600, RSA_KEY)).subject).toBe('rsa-user');
  });

  it('drops unknown role strings but keeps the known ones', () => {
    expect(verifier().verify(token({ roles: ['applicant', 'superuser'] })).roles).toEqual(['applicant']);
  });

  describe('expiry and not-before (clock tolerance 0)', () => {
    const minted = token({}, 60); // exp = NOW_S + 60
    const at = (seconds: number) => verifier({ now: () => seconds * 1000 });

    it('accepts a token whose exp is one second in the future', () => {
      expect(at(NOW_S + 59).verify(minted).subject).toBe('user-1');
    });

    it('rejects a token whose exp is one second in the past', () => {
      expect(rejection(() => at(NOW_S + 61).verify(minted)).reason).toBe('expired');
    });

    it('rejects a token at the exact second of exp', () => {
      expect(rejection(() => at(NOW_S + 60).verify(minted)).reason).toBe('expired');
    });

    it('rejects a token whose nbf is one second in the future', () => {
      expect(rejection(() => verifier().verify(token({ nbf: NOW_S + 1 }))).reason).toBe('not-yet-valid');
      expect(verifier().verify(token({ nbf: NOW_S })).subject).toBe('user-1');
    });
  });

  it('tolerates clock skew up to clockToleranceSeconds', () => {
    const minted = token({}, 60);
    const tolerant = (seconds: number) => verifier({ clockToleranceSeconds: 30, now: () => seconds * 1000 });
    expect(tolerant(NOW_S + 89).verify(minted).subject).toBe('user-1');
    expect(rejection(() => tolerant(NOW_S + 90).verify(minted)).reason).toBe('expired');
  });

  it('rejects a token without exp', () => {
    const { exp: _exp, ...noExp } = validPayload;
    const unsigned = jwt.sign(noExp, EC_KEY.privateKeyPem, { algorithm: 'ES256', keyid: EC_KEY.kid });
    expect(rejection(() => verifier().verify(unsigned))).toMatchObject({ reason: 'claims', message: 'claims: claim exp is missing' });
  });

  describe('issuer and audience', () => {
    it('rejects a wrong audience', () => {
      expect(rejection(() => verifier().verify(token({ aud: 'another-system' }))).reason).toBe('audience');
    });

    it('accepts an audience list that names the expected audience', () => {
      expect(verifier().verify(token({ aud: ['another-system', 'one-window'] })).subject).toBe('user-1');
    });

    it('rejects a wrong issuer', () => {
      expect(rejection(() => verifier().verify(token({ iss: 'evil-idp' }))).reason).toBe('issuer');
    });

    it('accepts any of several configured issuers', () => {
      const v = verifier({ issuer: ['https://idp.gz.gov.cn', 'one-window-dev'] });
      expect(v.verify(token({ iss: 'https://idp.gz.gov.cn' })).subject).toBe('user-1');
    });
  });

  describe('algorithms', () => {
    it('rejects alg none', () => {
      const unsigned = `${b64url({ alg: 'none', typ: 'JWT', kid: EC_KEY.kid })}.${b64url(validPayload)}.`;
      expect(rejection(() => verifier().verify(unsigned))).toMatchObject({ reason: 'algorithm', message: 'algorithm: alg none is not accepted' });
    });

    it('rejects HS256 signed with the public key as HMAC secret (key confusion)', () => {
      const forged = hmacToken({ alg: 'HS256', typ: 'JWT', kid: RSA_KEY.kid }, validPayload, RSA_KEY.publicKeyPem);
      expect(rejection(() => verifier().verify(forged))).toMatchObject({ reason: 'algorithm', message: 'algorithm: alg HS256 is not accepted' });
    });

    it("rejects an RS256 header on an ES256 key's kid", () => {
      const swapped = mintToken(RSA_KEY.privateKeyPem, EC_KEY.kid, { sub: 'x', roles: ['admin'] }, 600, NOW);
      expect(rejection(() => verifier().verify(swapped)).reason).toBe('algorithm');
    });
  });

  describe('keys', () => {
    it('rejects an unknown kid', () => {
      const foreign = token({}, 600, STRANGER_KEY);
      expect(rejection(() => verifier().verify(foreign))).toMatchObject({ reason: 'unknown-kid', message: 'unknown-kid: kid "stranger" is not configured' });
    });

    it('rejects a known kid signed by another key', () => {
      const forged = token({}, 600, STRANGER_KEY, EC_KEY.kid);
      expect(rejection(() => verifier().verify(forged)).reason).toBe('signature');
    });

    it('rejects a tampered payload', () => {
      const [header, , signature] = token({ roles: ['applicant'] }).split('.');
      const tampered = `${header}.${b64url({ ...validPayload, roles: ['admin'] })}.${signature}`;
      expect(rejection(() => verifier().verify(tampered)).reason).toBe('signature');
    });

    it('uses the only key for a token without kid, and refuses to guess among several', () => {
      const noKid = token({}, 600, EC_KEY, null);
      expect(jwt.decode(noKid, { complete: true })?.header.kid).toBeUndefined();
      expect(verifier({ publicKeys: publicKeysOf(EC_KEY) }).verify(noKid).subject).toBe('user-1');
      expect(rejection(() => verifier().verify(noKid)).reason).toBe('unknown-kid');
    });

    it('verifies tokens of the old and the new key during rotation', () => {
      const v = verifier({ publicKeys: { 'k-old': RSA_KEY.publicKeyPem, 'k-new': EC_KEY.publicKeyPem } });
      expect(v.verify(token({ sub: 'old' }, 600, RSA_KEY, 'k-old')).subject).toBe('old');
      expect(v.verify(token({ sub: 'new' }, 600, EC_KEY, 'k-new')).subject).toBe('new');
    });
  });

  describe('claims', () => {
    it('rejects an officer without agency_id', () => {
      expect(rejection(() => verifier().verify(token({ roles: ['officer'] })))).toMatchObject({
        reason: 'claims',
        message: 'claims: an officer token must carry agency_id',
      });
    });

    it('maps a district claim (GB/T 2260 district code) onto the principal', () => {
      expect(verifier().verify(token({ sub: 'd-1', roles: ['hotline-agent'], district: '440104' }))).toEqual({ subject: 'd-1', roles: ['hotline-agent'], district: '440104' });
      expect(verifier().verify(token({ roles: ['hotline-agent'] })).district).toBeUndefined();
    });

    it.each(['', '4401', '4401040', '44010a', '440100', '440000', '000104', ' 440104', 'CN-44-01'])('rejects the malformed district claim %j', (district) => {
      expect(rejection(() => verifier().verify(token({ roles: ['hotline-agent'], district })))).toMatchObject({
        reason: 'claims',
        message: 'claims: claim district must be a GB/T 2260 district code (6 digits, e.g. 440104)',
      });
    });

    it('rejects a district claim that is not a string', () => {
      const bad = jwt.sign({ ...validPayload, roles: ['hotline-agent'], district: 440104 }, EC_KEY.privateKeyPem, { algorithm: 'ES256', keyid: EC_KEY.kid });
      expect(rejection(() => verifier().verify(bad)).message).toBe('claims: claim district must be a GB/T 2260 district code (6 digits, e.g. 440104)');
    });

    it('rejects a token without sub', () => {
      expect(rejection(() => verifier().verify(token({ sub: '' }))).message).toBe('claims: claim sub is missing');
    });

    it('rejects a token with no known role', () => {
      expect(rejection(() => verifier().verify(token({ roles: ['root'] }))).message).toBe('claims: claim roles holds no known role');
    });

    it('rejects roles that are not an array of strings', () => {
      const bad = jwt.sign({ ...validPayload, roles: 'admin' }, EC_KEY.privateKeyPem, { algorithm: 'ES256', keyid: EC_KEY.kid });
      expect(rejection(() => verifier().verify(bad)).message).toBe('claims: claim roles must be an array of strings');
    });
  });

  it.each(['', 'abc', 'a.b.c', `${b64url({ alg: 'ES256', kid: EC_KEY.kid })}.e30`, `${b64url({ alg: 'ES256', kid: EC_KEY.kid })}.e30.abc`])(
    'rejects the malformed token %j',
    (garbage) => {
      expect(rejection(() => verifier().verify(garbage)).reason).toBe('malformed');
    },
  );

  it('rejects critical header extensions', () => {
    const withCrit = jwt.sign(validPayload, EC_KEY.privateKeyPem, { algorithm: 'ES256', keyid: EC_KEY.kid, header: { alg: 'ES256', crit: ['exp'] } as jwt.JwtHeader });
    expect(rejection(() => verifier().verify(withCrit)).reason).toBe('malformed');
  });

  describe('configuration', () => {
    it('refuses an empty audience or issuer (jsonwebtoken would skip the check)', () => {
      expect(() => verifier({ audience: [] })).toThrow('AuthOptions.audience must name at least one value');
      expect(() => verifier({ issuer: '' })).toThrow('AuthOptions.issuer must name at least one value');
    });

    it('refuses a private key, a non-PEM value and an empty key set', () => {
      expect(() => verifier({ publicKeys: { k: EC_KEY.privateKeyPem } })).toThrow('publicKeys["k"] holds a private key; give the public key only');
      expect(() => verifier({ publicKeys: { k: 'secret' } })).toThrow('publicKeys["k"] is not a PEM public key');
      expect(() => verifier({ publicKeys: {} })).toThrow('AuthOptions.publicKeys is empty');
    });
  });
});

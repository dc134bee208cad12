import jwt from 'jsonwebtoken';
import { EC_KEY, RSA_KEY } from '../test-support/keys';
import { mintToken } from './mint-token';
import { ttlSeconds } from './ttl';

const NOW = Date.UTC(2025, 0, 15, 9, 0, 0);

describe('mintToken', () => {
  it('signs ES256 with the kid, dev issuer and audience, iat = now and exp = now + ttl', () => {
    const token = mintToken(EC_KEY.privateKeyPem, 'kid-1', { sub: 'officer-1', roles: ['officer'], agency_id: 'SAMR-GZ' }, '8h', NOW);
    const decoded = jwt.decode(token, { complete: true });
    expect(decoded?.header).toEqual({ alg: 'ES256', typ: 'JWT', kid: 'kid-1' });
    expect(decoded?.payload).toEqual({
      iss: 'one-window-dev',
      aud: 'one-window',
      sub: 'officer-1',
      roles: ['officer'],
      agency_id: 'SAMR-GZ',
      iat: NOW / 1000,
      exp: NOW / 1000 + 8 * 3600,
    });
  });

  it('signs RS256 with an RSA key and lets claims override iss and aud', () => {
    const token = mintToken(RSA_KEY.privateKeyPem, undefined, { sub: 's', roles: ['admin'], iss: 'idp', aud: ['a', 'b'] }, 60, NOW);
    const decoded = jwt.decode(token, { complete: true });
    expect(decoded?.header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(decoded?.payload).toMatchObject({ iss: 'idp', aud: ['a', 'b'], exp: NOW / 1000 + 60 });
  });
});

describe('ttlSeconds', () => {
  it.each([
    [90, 90],
    ['90', 90],
    ['90s', 90],
    ['15m', 900],
    ['8h', 28800],
    ['7d', 604800],
  ])('%j → %d s', (ttl, seconds) => {
    expect(ttlSeconds(ttl)).toBe(seconds);
  });

  it.each([0, -5, 1.5, '', '8 hours', '0h', '-1h'])('refuses %j', (ttl) => {
    expect(() => ttlSeconds(ttl)).toThrow(`Invalid ttl ${JSON.stringify(ttl)}`);
  });
});

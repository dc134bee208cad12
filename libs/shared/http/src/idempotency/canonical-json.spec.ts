import { canonicalJson, requestFingerprint } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('requestFingerprint', () => {
  const base = { method: 'post', path: '/applications', subject: 'u-1', body: { name: 'Acme', capital: 10 } };

  it('ignores key order and method case', () => {
    expect(requestFingerprint(base)).toBe(requestFingerprint({ ...base, method: 'POST', body: { capital: 10, name: 'Acme' } }));
    expect(requestFingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['body', { body: { name: 'Acme', capital: 11 } }],
    ['path', { path: '/applications/2' }],
    ['subject', { subject: 'u-2' }],
    ['method', { method: 'PUT' }],
  ])('changes with the %s', (_, change) => {
    expect(requestFingerprint({ ...base, ...change })).not.toBe(requestFingerprint(base));
  });
});

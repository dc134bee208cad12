import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { TokenVerifier } from '../token/token-verifier';
import { ensureDevKeyPair } from './dev-key-pair';
import { runMintTokenCli } from './mint-token-cli';

describe('mint-token CLI', () => {
  let dir: string;

  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'ow-cli-')), 'dev-keys');
  });

  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('mints a token that verifies with the dev public key, noting the generated pair once', () => {
    const first = runMintTokenCli(['--role', 'officer', '--agency', 'SAMR-GZ', '--sub', 'officer-1', '--ttl', '2h'], dir);
    expect(first.note).toContain(`Generated a dev key pair in ${dir}`);
    const keys = ensureDevKeyPair(dir);
    const verifier = new TokenVerifier({ publicKeys: { [keys.kid]: keys.publicKeyPem }, issuer: 'one-window-dev', audience: 'one-window' });
    expect(verifier.verify(first.token)).toEqual({ subject: 'officer-1', roles: ['officer'], agencyId: 'SAMR-GZ' });
    const payload = jwt.decode(first.token) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(7200);

    const second = runMintTokenCli(['--role', 'applicant,supervisor', '--role', 'court', '--sub', 'u-2', '--name', '张伟'], dir);
    expect(second.note).toBeUndefined();
    expect(verifier.verify(second.token)).toEqual({ subject: 'u-2', roles: ['applicant', 'supervisor', 'court'], name: '张伟' });
  });

  it('puts --district into the district claim', () => {
    const { token } = runMintTokenCli(['--role', 'hotline-agent', '--district', '440104', '--sub', 'district-agent-1'], dir);
    const keys = ensureDevKeyPair(dir);
    const verifier = new TokenVerifier({ publicKeys: { [keys.kid]: keys.publicKeyPem }, issuer: 'one-window-dev', audience: 'one-window' });
    expect(verifier.verify(token)).toEqual({ subject: 'district-agent-1', roles: ['hotline-agent'], district: '440104' });
  });

  it.each([
    [['--role', 'hotline-agent', '--sub', 'x', '--district', '4401'], '--district must be a GB/T 2260 district code'],
    [['--sub', 'x'], '--role is required'],
    [['--role', 'applicant'], '--sub is required'],
    [['--role', 'root', '--sub', 'x'], 'Unknown role(s): root'],
    [['--role', 'officer', '--sub', 'x'], 'An officer token needs --agency'],
    [['--role', 'applicant', '--sub', 'x', '--ttl', 'forever'], 'Invalid ttl "forever"'],
    [['--role', 'applicant', '--sub', 'x', '--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j', (argv, message) => {
    expect(() => runMintTokenCli(argv, dir)).toThrow(message);
  });
});

import { parseArgs } from 'node:util';
import { isRole, type Role } from '../roles';
import { DISTRICT_CODE } from '../token/principal-from-claims';
import { ensureDevKeyPair } from './dev-key-pair';
import { mintToken, type TokenClaims } from './mint-token';

export const MINT_TOKEN_USAGE =
  'Usage: mint-token --role <role>[,<role>] [--role <role>] --sub <subject> [--agency <agency-id>] [--district <gb2260-code>] [--name <name>] [--ttl 8h]';

export interface MintTokenCliResult {
  token: string;
  /** A note for stderr (key pair generated, how services verify it), or undefined. */
  note?: string;
}

/** The dev CLI without the process around it: parses `argv`, mints with the pair in `keysDir`. */
export function runMintTokenCli(argv: readonly string[], keysDir: string): MintTokenCliResult {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      agency: { type: 'string' },
      district: { type: 'string' },
      name: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
    strict: true,
  });
  const roles = (values.role ?? []).flatMap((value) => value.split(',')).map((role) => role.trim());
  if (roles.length === 0) throw new Error(`--role is required\n${MINT_TOKEN_USAGE}`);
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new Error(`Unknown role(s): ${unknown.join(', ')}`);
  if (!values.sub) throw new Error(`--sub is required\n${MINT_TOKEN_USAGE}`);
  if ((roles as Role[]).includes('officer') && !values.agency) throw new Error('An officer token needs --agency');
  if (values.district !== undefined && !DISTRICT_CODE.test(values.district)) throw new Error(`--district must be a GB/T 2260 district code (6 digits, e.g. 440104), not "${values.district}"`);

  const keys = ensureDevKeyPair(keysDir);
  const claims: TokenClaims = { sub: values.sub, roles };
  if (values.agency) claims.agency_id = values.agency;
  if (values.district) claims.district = values.district;
  if (values.name) claims.name = values.name;
  const token = mintToken(keys.privateKeyPem, keys.kid, claims, values.ttl);
  const note = keys.created
    ? `Generated a dev key pair in ${keysDir} (kid ${keys.kid}). Services verify it with AUTH_JWT_PUBLIC_KEY="$(cat ${keysDir}/public.pem)".`
    : undefined;
  return { token, note };
}

import { jwkThumbprint } from './algorithms';
import { DEFAULT_AUDIENCE, DEFAULT_CLOCK_TOLERANCE_SECONDS, DEV_ISSUER, type AuthOptions } from './auth-options';
import { parseVerificationKey } from './verification-key';

/** Environment variables read by loadAuthOptionsFromEnv. */
export const AUTH_ENV = {
  /** JSON object kid → PEM public key (rotation: list the old and the new key). */
  publicKeys: 'AUTH_JWT_PUBLIC_KEYS',
  /** One PEM public key; its kid is the key's RFC 7638 thumbprint. `\n` escapes are accepted. */
  publicKey: 'AUTH_JWT_PUBLIC_KEY',
  /** Accepted issuer(s), comma-separated. Default `one-window-dev`. */
  issuer: 'AUTH_JWT_ISSUER',
  /** Accepted audience(s), comma-separated. Default `one-window`. */
  audience: 'AUTH_JWT_AUDIENCE',
  /** Clock tolerance in whole seconds. Default 30. */
  clockTolerance: 'AUTH_JWT_CLOCK_TOLERANCE_SECONDS',
} as const;

/** A configuration error that names the offending environment variable. */
export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';

  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates AuthOptions from the environment; every key is parsed here, so bad PEMs fail at startup. */
export function loadAuthOptionsFromEnv(env: Env): AuthOptions {
  return {
    publicKeys: readPublicKeys(env),
    issuer: readList(env, AUTH_ENV.issuer, DEV_ISSUER),
    audience: readList(env, AUTH_ENV.audience, DEFAULT_AUDIENCE),
    clockToleranceSeconds: readTolerance(env),
  };
}

function readPublicKeys(env: Env): Record<string, string> {
  const map = value(env, AUTH_ENV.publicKeys);
  const single = value(env, AUTH_ENV.publicKey);
  if (map !== undefined && single !== undefined) {
    throw new AuthConfigError(AUTH_ENV.publicKey, `Set only one of ${AUTH_ENV.publicKeys} and ${AUTH_ENV.publicKey}`);
  }
  if (map !== undefined) return readKeyMap(map);
  if (single !== undefined) {
    const pem = single.replace(/\\n/g, '\n');
    const { key } = check(AUTH_ENV.publicKey, () => parseVerificationKey('', pem, AUTH_ENV.publicKey));
    return { [jwkThumbprint(key)]: pem };
  }
  throw new AuthConfigError(AUTH_ENV.publicKeys, `Set ${AUTH_ENV.publicKeys} (JSON kid → PEM) or ${AUTH_ENV.publicKey} (one PEM)`);
}

function readKeyMap(raw: string): Record<string, string> {
  const variable = AUTH_ENV.publicKeys;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new AuthConfigError(variable, `${variable} is not valid JSON (expected {"kid": "-----BEGIN PUBLIC KEY-----..."})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.keys(parsed).length === 0) {
    throw new AuthConfigError(variable, `${variable} must be a non-empty JSON object mapping kid to PEM`);
  }
  for (const [kid, pem] of Object.entries(parsed)) {
    const label = `${variable}[${JSON.stringify(kid)}]`;
    if (kid.length === 0) throw new AuthConfigError(variable, `${variable} has an empty kid`);
    check(variable, () => parseVerificationKey(kid, pem as string, label));
  }
  return parsed as Record<string, string>;
}

function readList(env: Env, variable: string, fallback: string): string[] {
  const raw = value(env, variable);
  if (raw === undefined) return [fallback];
  const list = raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (list.length === 0) throw new AuthConfigError(variable, `${variable} names no value`);
  return list;
}

function readTolerance(env: Env): number {
  const raw = value(env, AUTH_ENV.clockTolerance);
  if (raw === undefined) return DEFAULT_CLOCK_TOLERANCE_SECONDS;
  if (!/^\d+$/.test(raw)) {
    throw new AuthConfigError(AUTH_ENV.clockTolerance, `${AUTH_ENV.clockTolerance} must be a whole number of seconds, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

function value(env: Env, variable: string): string | undefined {
  const raw = env[variable]?.trim();
  return raw ? raw : undefined;
}

function check<T>(variable: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new AuthConfigError(variable, (error as Error).message);
  }
}

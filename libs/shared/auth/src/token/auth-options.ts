/** Issuer of the tokens minted by the dev CLI. */
export const DEV_ISSUER = 'one-window-dev';
/** Audience every One Window service expects by default. */
export const DEFAULT_AUDIENCE = 'one-window';
/** Seconds of clock skew tolerated on `exp` and `nbf`. */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

export interface AuthOptions {
  /** kid → PEM public key (RSA ≥ 2048 bits for RS256, EC P-256 for ES256). Several keys allow rotation. */
  publicKeys: Readonly<Record<string, string>>;
  /** Accepted `iss` value(s); required, never empty. */
  issuer: string | readonly string[];
  /** Accepted `aud` value(s); the token must name at least one. Required, never empty. */
  audience: string | readonly string[];
  /** Defaults to DEFAULT_CLOCK_TOLERANCE_SECONDS. */
  clockToleranceSeconds?: number;
  /** Clock in epoch milliseconds; tests inject one. Defaults to Date.now. */
  now?: () => number;
}

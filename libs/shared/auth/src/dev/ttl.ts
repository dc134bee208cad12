const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** A lifetime: seconds as a number, or `90`, `90s`, `15m`, `8h`, `7d`. */
export type Ttl = number | string;

/** The lifetime in whole seconds; throws if it is not a positive duration. */
export function ttlSeconds(ttl: Ttl): number {
  if (typeof ttl === 'number') {
    if (Number.isInteger(ttl) && ttl > 0) return ttl;
  } else {
    const match = /^(\d+)([smhd]?)$/.exec(ttl.trim());
    if (match) {
      const seconds = Number(match[1]) * UNIT_SECONDS[(match[2] || 's') as keyof typeof UNIT_SECONDS];
      if (seconds > 0) return seconds;
    }
  }
  throw new Error(`Invalid ttl ${JSON.stringify(ttl)}: use seconds or a duration like 90s, 15m, 8h, 7d`);
}

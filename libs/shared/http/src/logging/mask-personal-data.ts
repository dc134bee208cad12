// PRC resident identity number: 6-digit region, 8-digit birth date, 3-digit sequence, check char (0-9/X).
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
// Mainland mobile number, optionally +86/86-prefixed, optionally split 3-4-4 by spaces or dashes.
// Like the ID number, it must stand alone: digits touching a letter or digit belong to a larger token
// (a UUID request id such as `…-d13858823736`, a hash, a reference) and are not a phone number.
const MOBILE = /(?<![0-9A-Za-z])((?:\+?86[- ]?)?)(1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?![0-9A-Za-z])/g;

/** `440106199001011234` → `440106********1234` (keeps region and last 4; birth date hidden). Other input is returned as is. */
export function maskIdNumber(value: string): string {
  return value.replace(ID_NUMBER, '$1********$2');
}

/** `13812345678` → `138****5678`; a `+86` prefix is kept. Other input is returned as is. */
export function maskPhone(value: string): string {
  return value.replace(MOBILE, '$1$2****$3');
}

/** Masks every ID number and mobile number found anywhere in free text. */
export function maskText(value: string): string {
  return maskPhone(maskIdNumber(value));
}

const MAX_DEPTH = 8;

/**
 * Deep copy of `value` with ID numbers and mobile numbers masked in every string (and in 11-digit
 * numbers that look like mobiles). Errors become `{ name, message, stack }`; cycles become `[Circular]`.
 */
export function maskPersonalData(value: unknown): unknown {
  return mask(value, 0, new WeakSet());
}

function mask(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') {
    return maskText(value);
  }
  if (typeof value === 'number') {
    const masked = Number.isInteger(value) ? maskPhone(String(value)) : undefined;
    return masked !== undefined && masked !== String(value) ? masked : value;
  }
  if (typeof value === 'bigint') {
    return maskText(value.toString());
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (seen.has(value)) {
    return '[Circular]';
  }
  if (depth >= MAX_DEPTH) {
    return '[Truncated]';
  }
  seen.add(value);
  if (value instanceof Error) {
    const { name, message, stack } = value;
    const code = (value as { code?: unknown }).code;
    return mask(code === undefined ? { name, message, stack } : { name, message, code, stack }, depth, seen);
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    return value.map((item) => mask(item, depth + 1, seen));
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = mask(item, depth + 1, seen);
  }
  return out;
}

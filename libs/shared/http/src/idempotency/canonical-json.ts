import { createHash } from 'node:crypto';

/**
 * JSON text with object keys sorted at every level, so `{a,b}` and `{b,a}` give the same text.
 * Array order is kept; `undefined` members are dropped as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

export interface RequestFingerprintInput {
  method: string;
  path: string;
  subject?: string;
  body: unknown;
}

/** SHA-256 (hex) of method, path, caller subject and canonical body. */
export function requestFingerprint(input: RequestFingerprintInput): string {
  const text = canonicalJson([input.method.toUpperCase(), input.path, input.subject ?? null, input.body ?? null]);
  return createHash('sha256').update(text).digest('hex');
}

import type { Response } from 'express';

const ETAG_CHARS = /^[\x21\x23-\x7E]+$/;

export interface EtagOptions {
  /** Weak (`W/"7"`) instead of strong; a weak ETag never satisfies If-Match. Default strong. */
  weak?: boolean;
}

/**
 * Entity-tag for a resource version: `etagOf(7)` → `"7"`. Strong by default: the version changes
 * with every change of the resource, and If-Match (RFC 9110 §13.1.1) only accepts strong matches.
 */
export function etagOf(version: number | string, options: EtagOptions = {}): string {
  const opaque = String(version);
  if ((typeof version === 'number' && !Number.isFinite(version)) || !ETAG_CHARS.test(opaque)) {
    throw new TypeError(`Cannot build an ETag from version ${JSON.stringify(opaque)}`);
  }
  return `${options.weak ? 'W/' : ''}"${opaque}"`;
}

/** Sets the ETag response header for `version`. */
export function setETag(res: Pick<Response, 'setHeader'>, version: number | string, options?: EtagOptions): void {
  res.setHeader('ETag', etagOf(version, options));
}

export interface EntityTag {
  weak: boolean;
  opaque: string;
}

/**
 * Parses an If-Match / If-None-Match value: `'*'`, or the list of entity-tags, or undefined when
 * the value is not a valid list (e.g. an unquoted `7`).
 */
export function parseEntityTags(header: string): '*' | EntityTag[] | undefined {
  const value = header.trim();
  if (value === '*') {
    return '*';
  }
  const tags: EntityTag[] = [];
  const item = /\s*(W\/)?"([\x21\x23-\x7E]*)"\s*(,|$)/y;
  let match: RegExpExecArray | null;
  while (item.lastIndex < value.length && (match = item.exec(value)) !== null) {
    tags.push({ weak: match[1] !== undefined, opaque: match[2] });
    if (match[3] === '') {
      break;
    }
  }
  return tags.length > 0 && item.lastIndex === value.length ? tags : undefined;
}

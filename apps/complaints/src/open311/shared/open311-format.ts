import type { Response } from 'express';
/** GeoReport v2 formats: JSON (required by clients) and XML (the spec's mandatory one, same DTOs, Q12). */
export type Open311Format = 'json' | 'xml';

export const OPEN311_FORMATS: readonly Open311Format[] = ['json', 'xml'];

export const XML_CONTENT_TYPE = 'text/xml; charset=utf-8';

/** The format of a path suffix, or undefined when it is neither json nor xml. */
export function parseFormat(raw: string | undefined): Open311Format | undefined {
  const format = (raw ?? '').toLowerCase();
  return format === 'json' || format === 'xml' ? format : undefined;
}

/** The format a request path asks for (used by the error filter): `.xml` → xml, anything else json. */
export function formatOfPath(path: string): Open311Format {
  return /\.xml$/i.test(path.split('?')[0] ?? '') ? 'xml' : 'json';
}

/** Element names of array items in the GeoReport v2 XML documents. */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function element(name: string, value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  }
  return `<${name}>${escape(String(value))}</${name}>`;
}

/**
 * The XML document of a GeoReport v2 response: a list is `<root><item>…</item>…</root>`, an object
 * is `<root>…fields…</root>`. Nested arrays use the spec's item names (attributes/attribute,
 * values/value, endpoints/endpoint, formats/format). Absent fields are omitted, nulls are empty.
 */
export function toOpen311Xml(root: string, item: string, payload: unknown): string {
  const body = Array.isArray(payload) ? `<${root}>${payload.map((p) => element(item, p)).join('')}</${root}>` : element(root, payload);
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}`;
}

/** Root and item element names of each kind of response. */
export const XML_ROOTS = {
  discovery: ['discovery', 'discovery'],
  services: ['services', 'service'],
  definition: ['service_definition', 'service_definition'],
  requests: ['service_requests', 'request'],
  updates: ['service_request_updates', 'request_update'],
  errors: ['errors', 'error'],
} as const;

/** Returns the payload for Nest to send as JSON, or writes the content type and returns the XML text. */
export function render(res: Response, format: Open311Format, kind: keyof typeof XML_ROOTS, payload: unknown): unknown {
  if (format === 'json') return payload;
  const [root, item] = XML_ROOTS[kind];
  res.setHeader('Content-Type', XML_CONTENT_TYPE);
  return toOpen311Xml(root, item, payload);
}

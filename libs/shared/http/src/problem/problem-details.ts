/** RFC 9457 media type for error responses. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Every problem type of One Window lives under this base URI (RFC 9457 §3.1.1 `type`). */
export const PROBLEM_BASE_URI = 'https://one-window.gov.cn/problems/';

/** One bad input field of a validation problem. `field` uses dots and brackets: `shareholders[0].idNumber`. */
export interface Violation {
  field: string;
  reason: string;
}

/** What a thrower supplies: RFC 9457 members plus extensions; `type` may be a slug. */
export interface ProblemInit {
  type: string;
  title: string;
  status: number;
  detail?: string;
  violations?: Violation[];
  [extension: string]: unknown;
}

/** The JSON body of every error response (RFC 9457), with One Window's extension members. */
export interface ProblemDetails extends ProblemInit {
  /** The request path (without query string) of this occurrence. */
  instance?: string;
  /** X-Request-Id of the request. */
  requestId?: string;
}

/** Expands a slug (`validation-error`) to a full type URI; absolute URIs and `about:blank` pass through. */
export function problemTypeUri(typeOrSlug: string): string {
  if (typeOrSlug === 'about:blank' || /^[a-z][a-z0-9+.-]*:/i.test(typeOrSlug)) {
    return typeOrSlug;
  }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(typeOrSlug)) {
    throw new TypeError(`Problem type "${typeOrSlug}" must be an absolute URI or a kebab-case slug`);
  }
  return PROBLEM_BASE_URI + typeOrSlug;
}

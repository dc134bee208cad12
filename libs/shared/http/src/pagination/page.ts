import { encodeCursor } from './cursor';

/**
 * One page of a list. `nextPageToken` (and `next`, the ready-made link) are absent on the last page.
 * Lists must be sorted on a unique key (e.g. `ORDER BY created_at, id`) so pages never skip or repeat rows.
 */
export interface Page<T> {
  items: T[];
  nextPageToken?: string;
  next?: string;
}

export interface ToPageOptions<R> {
  pageSize: number;
  /** The keyset position of a row, e.g. `(row) => ({ createdAt: row.createdAt, id: row.id })`. */
  cursorOf: (row: R) => unknown;
  /** Builds the `next` link from the token, e.g. `(t) => nextPageLink(req.originalUrl, t)`. */
  linkTo?: (nextPageToken: string) => string;
}

/** Builds a page from rows fetched with `LIMIT pageSize + 1`: the extra row only tells that more exist. */
export function toPage<R>(rows: readonly R[], options: ToPageOptions<R>): Page<R> {
  if (rows.length <= options.pageSize) {
    return { items: [...rows] };
  }
  const items = rows.slice(0, options.pageSize);
  const nextPageToken = encodeCursor(options.cursorOf(items[items.length - 1]));
  return options.linkTo ? { items, nextPageToken, next: options.linkTo(nextPageToken) } : { items, nextPageToken };
}

/** Same page with each item mapped (e.g. entity → public view). */
export function mapPage<A, B>(page: Page<A>, fn: (item: A) => B): Page<B> {
  return { ...page, items: page.items.map(fn) };
}

/** The request URL (path and query) with `pageToken` set to `token`, other parameters kept. */
export function nextPageLink(originalUrl: string, token: string): string {
  const url = new URL(originalUrl, 'http://placeholder');
  url.searchParams.set('pageToken', token);
  return `${url.pathname}${url.search}`;
}

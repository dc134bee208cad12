import type { Request } from 'express';

/** Path of the request without its query string (which may hold personal data). */
export function requestPath(req: Pick<Request, 'originalUrl' | 'url'>): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0];
}

import type { Response } from 'express';
import { getRequestContext, PROBLEM_CONTENT_TYPE, problemTypeUri } from '@one-window/shared/http';

/** Writes an RFC 9457 problem from middleware that runs before Nest's exception filter. */
export function sendProblem(res: Response, status: number, slug: string, title: string, detail: string, instance: string, extra: Record<string, unknown> = {}): void {
  res
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ type: problemTypeUri(slug), title, status, detail, instance, requestId: getRequestContext()?.requestId, ...extra }));
}

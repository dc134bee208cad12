import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { REQUEST_ID_HEADER, runWithRequestContext } from './request-context';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** A caller-supplied id is kept only if it is 1-128 chars of [A-Za-z0-9._-] (no log or header injection). */
export function isSafeRequestId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_REQUEST_ID.test(value);
}

/**
 * Express middleware: takes `X-Request-Id` from the request when safe, else a new UUID; echoes it
 * on the response and runs the rest of the request inside a RequestContext carrying it.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  const candidate = Array.isArray(given) ? given[0] : given;
  const requestId = isSafeRequestId(candidate) ? candidate : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  runWithRequestContext({ requestId }, next);
}

import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { getRequestContext } from '../context/request-context';
import { requestPath } from '../context/request-path';

export interface AccessLogOptions {
  /** Paths not logged (probes would flood the log); default `/healthz` and `/readyz`. */
  ignorePaths?: string[];
}

/**
 * Express middleware writing one `http request` line per request once the response is over:
 * method, path (no query string), status, durationMs, requestId, and `aborted` if the client left early.
 * Install it after requestIdMiddleware.
 */
export function accessLogMiddleware(logger: LoggerService, options: AccessLogOptions = {}): RequestHandler {
  const ignored = new Set(options.ignorePaths ?? ['/healthz', '/readyz']);
  return function accessLog(req: Request, res: Response, next: NextFunction): void {
    const path = requestPath(req);
    if (ignored.has(path)) {
      next();
      return;
    }
    const started = process.hrtime.bigint();
    const requestId = getRequestContext()?.requestId;
    res.once('close', () => {
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      const fields = { msg: 'http request', method: req.method, path, status: res.statusCode, durationMs, requestId };
      logger.log(res.writableFinished ? fields : { ...fields, aborted: true }, 'HttpAccess');
    });
    next();
  };
}

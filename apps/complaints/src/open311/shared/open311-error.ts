import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Open311Error } from '@one-window/complaints/domain';
import { ProblemTypeRegistry, resolveProblem } from '@one-window/shared/http';
import { formatOfPath, parseFormat, toOpen311Xml, XML_CONTENT_TYPE, type Open311Format } from './open311-format';

/** HTTP statuses Open311 routes answer errors with (spec §7), plus 500 for server faults. */
export type Open311Status = 400 | 403 | 404 | 500;

/** An Open311 error list `[{code, description}]` with its HTTP status. */
export class Open311Exception extends HttpException {
  readonly errors: readonly Open311Error[];

  constructor(status: Open311Status, errors: string | readonly Open311Error[]) {
    const list = typeof errors === 'string' ? [{ code: status, description: errors }] : errors;
    super(list, status);
    this.errors = list;
    this.message = list.map((e) => e.description).join('; ');
  }
}

/** The format of a route's `.{format}` suffix; 400 when it is neither json nor xml. */
export function requireFormat(raw: string | undefined): Open311Format {
  const format = parseFormat(raw);
  if (!format) throw new Open311Exception(400, `Unsupported format ${JSON.stringify(raw ?? '')}: use .json or .xml`);
  return format;
}

/** The Open311 status for any other HTTP status: 401/403 → 403, 404 → 404, 5xx → 500, other 4xx → 400. */
export function open311StatusFor(status: number): Open311Status {
  if (status === 401 || status === 403) return 403;
  if (status === 404) return 404;
  if (status >= 500) return 500;
  return 400;
}

/**
 * Scoped to the Open311 controllers: every error leaves as the GeoReport v2 error list
 * `[{"code":400,"description":"…"}]` (XML `<errors><error>…` for `.xml` paths), with HTTP 400, 403
 * or 404 (500 for server faults, logged), never as problem+json. Other errors (validation, auth,
 * Idempotency-Key conflicts, domain errors) are resolved with the service's problem registry first.
 */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  constructor(private readonly registry: ProblemTypeRegistry) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    let status: Open311Status;
    let errors: readonly Open311Error[];
    if (exception instanceof Open311Exception) {
      status = open311StatusFor(exception.getStatus());
      errors = exception.errors;
    } else {
      const resolved = resolveProblem(exception, this.registry);
      status = open311StatusFor(resolved.problem.status);
      if (resolved.logAsError) this.logger.error({ msg: resolved.logMessage ?? resolved.problem.title, path: req.originalUrl, err: exception });
      errors = [{ code: status, description: resolved.problem.detail ?? resolved.problem.title }];
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status);
    if (formatOfPath(req.originalUrl ?? req.url) === 'xml') {
      res.setHeader('Content-Type', XML_CONTENT_TYPE);
      res.send(toOpen311Xml('errors', 'error', errors));
    } else {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.send(JSON.stringify(errors));
    }
  }
}

import { Catch, type ArgumentsHost, type ExceptionFilter, type LoggerService } from '@nestjs/common';
import type { Request, Response } from 'express';
import { getRequestContext, REQUEST_ID_HEADER } from '../context/request-context';
import { requestPath } from '../context/request-path';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details';
import type { ProblemTypeRegistry } from './problem-type-registry';
import { resolveProblem } from './resolve-problem';

/**
 * The one global exception filter: every error of an HTTP request leaves as
 * `application/problem+json` with `instance` (the path) and `requestId`.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    private readonly registry: ProblemTypeRegistry,
    private readonly logger: LoggerService,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      throw exception;
    }
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const resolved = resolveProblem(exception, this.registry);
    const requestId = getRequestContext()?.requestId ?? headerValue(res.getHeader(REQUEST_ID_HEADER));
    const problem: ProblemDetails = { ...resolved.problem, instance: requestPath(req), requestId };

    if (resolved.logAsError) {
      this.logger.error(
        { msg: resolved.logMessage ?? problem.title, status: problem.status, path: problem.instance, requestId, err: exception },
        'ProblemDetailsFilter',
      );
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    for (const [name, value] of Object.entries(resolved.headers)) {
      res.setHeader(name, value);
    }
    res.status(problem.status);
    res.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    res.send(JSON.stringify(problem));
  }
}

function headerValue(value: number | string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value === undefined ? undefined : String(value);
}

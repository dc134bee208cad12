import { HttpException } from '@nestjs/common';
import { problemTypeUri, type ProblemInit } from './problem-details';

export type { ProblemInit };

export interface ProblemExceptionOptions {
  /** Response headers to send with the problem (e.g. `Retry-After`, `ETag`). */
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * An HttpException whose response body is already a problem document.
 * `type` may be a slug (`precondition-failed`) and is expanded to a full URI.
 */
export class ProblemException extends HttpException {
  readonly problem: ProblemInit;
  readonly headers: Record<string, string>;

  constructor(problem: ProblemInit, options: ProblemExceptionOptions = {}) {
    const full: ProblemInit = { ...problem, type: problemTypeUri(problem.type) };
    super(full, problem.status, { cause: options.cause });
    this.problem = full;
    this.headers = options.headers ?? {};
  }
}

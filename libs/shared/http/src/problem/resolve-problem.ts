import { HttpException } from '@nestjs/common';
import { isTransientConflict } from '../retry/transient-conflict';
import { problemFromBodyParserError } from './body-parser-errors';
import { DomainError } from './domain-error';
import { problemTypeUri, type ProblemInit } from './problem-details';
import { ProblemException } from './problem.exception';
import type { ProblemTypeRegistry } from './problem-type-registry';
import { problemForStatus, ProblemTypes } from './problem-types';

export interface ResolvedProblem {
  problem: ProblemInit;
  headers: Record<string, string>;
  /** Set when the error is a server fault that must be logged with its cause. */
  logAsError: boolean;
  /** Why the problem is generic (for the log line), when it hides the real error. */
  logMessage?: string;
}

const GENERIC_DETAIL = 'An unexpected error occurred. Quote the request id when you contact support.';

function internalError(logMessage: string): ResolvedProblem {
  return {
    problem: { type: problemTypeUri(ProblemTypes.internalError), title: 'Internal server error', status: 500, detail: GENERIC_DETAIL },
    headers: {},
    logAsError: true,
    logMessage,
  };
}

function fromHttpException(exception: HttpException): ResolvedProblem {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const { type, title } = problemForStatus(status);
  let detail: string | undefined;
  if (typeof response === 'string') {
    detail = response;
  } else if (response && typeof response === 'object') {
    const message = (response as { message?: unknown }).message;
    detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
  }
  return { problem: { type: problemTypeUri(type), title, status, detail }, headers: {}, logAsError: status >= 500 };
}

/**
 * Maps anything thrown while handling a request to a problem document. The order matters:
 * ProblemException → body-parser error → other HttpException → registered DomainError → 500.
 * A 500 never carries the original message or stack; the caller logs them.
 */
export function resolveProblem(exception: unknown, registry: ProblemTypeRegistry): ResolvedProblem {
  if (exception instanceof ProblemException) {
    return { problem: exception.problem, headers: exception.headers, logAsError: exception.problem.status >= 500 };
  }
  const fromBodyParser = problemFromBodyParserError(exception);
  if (fromBodyParser) {
    return resolveProblem(fromBodyParser, registry);
  }
  if (exception instanceof HttpException) {
    return fromHttpException(exception);
  }
  const coded = codedError(exception);
  if (coded) {
    const mapping = registry.resolve(coded.code);
    if (mapping) {
      const problem: ProblemInit = { ...coded.details, ...mapping, detail: coded.message };
      return { problem, headers: {}, logAsError: mapping.status >= 500 };
    }
    if (exception instanceof DomainError) {
      return internalError(`No problem type registered for domain error code "${coded.code}"`);
    }
  }
  if (isUniqueViolation(exception)) {
    // Two requests raced to create the same thing and the database's unique index refused the second:
    // a conflict, not a server error (and never the driver's message, which names tables and values).
    const detail = 'The resource already exists or was created by a concurrent request; read it and retry if needed.';
    return { problem: { type: problemTypeUri('conflict'), title: 'Conflict', status: 409, detail }, headers: {}, logAsError: false };
  }
  if (isTransientConflict(exception)) {
    // A deadlock or serialization failure still there after the retries: busy, not broken.
    const detail = 'The request lost a race with concurrent work and was not applied; retry it.';
    return { problem: { type: problemTypeUri('service-unavailable'), title: 'Service unavailable', status: 503, detail }, headers: { 'Retry-After': '1' }, logAsError: false };
  }
  return internalError('Unhandled error');
}

/**
 * A DomainError, or any Error carrying a string `code` (and optional `details`): domain libraries
 * are plain TypeScript and cannot extend DomainError, so their typed errors are recognised by
 * shape. Only codes the app registered are mapped; others (e.g. a driver's SQLSTATE) stay a 500.
 */
function codedError(e: unknown): { code: string; message: string; details?: Record<string, unknown> } | undefined {
  if (!(e instanceof Error)) return undefined;
  const { code, details } = e as Error & { code?: unknown; details?: unknown };
  if (typeof code !== 'string') return undefined;
  return { code, message: e.message, details: details && typeof details === 'object' ? (details as Record<string, unknown>) : undefined };
}

/** PostgreSQL's unique_violation (SQLSTATE 23505), as the pg driver or TypeORM's QueryFailedError carry it. */
function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; driverError?: { code?: unknown } } | null;
  return err?.code === '23505' || err?.driverError?.code === '23505';
}

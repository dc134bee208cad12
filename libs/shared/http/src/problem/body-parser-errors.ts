import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from './problem.exception';
import { problemForStatus, ProblemTypes } from './problem-types';

/** Shape of the http-errors that body-parser (Express 5) passes to `next(err)`. */
interface BodyParserError {
  type: string;
  status: number;
  limit?: number;
  expose?: boolean;
  message: string;
}

function isBodyParserError(err: unknown): err is BodyParserError {
  const candidate = err as Partial<BodyParserError> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.type === 'string' &&
    /^(entity|request|encoding|charset|parameters|stream)\./.test(candidate.type) &&
    typeof candidate.status === 'number'
  );
}

/**
 * Turns a body-parser error into a ProblemException, or returns undefined for anything else.
 * `entity.parse.failed` → 400 malformed-json, `entity.too.large` → 413 payload-too-large,
 * other 4xx (unsupported charset, too many parameters, aborted request) → the status's generic problem.
 */
export function problemFromBodyParserError(err: unknown): ProblemException | undefined {
  if (!isBodyParserError(err)) {
    return undefined;
  }
  if (err.type === 'entity.parse.failed') {
    return new ProblemException(
      { type: ProblemTypes.malformedJson, title: 'Malformed JSON', status: 400, detail: 'The request body is not valid JSON.' },
      { cause: err },
    );
  }
  if (err.type === 'entity.too.large') {
    const limit = typeof err.limit === 'number' ? ` of ${err.limit} bytes` : '';
    return new ProblemException(
      { type: ProblemTypes.payloadTooLarge, title: 'Payload too large', status: 413, detail: `The request body exceeds the limit${limit}.` },
      { cause: err },
    );
  }
  if (err.status >= 400 && err.status < 500 && err.expose !== false) {
    return new ProblemException({ ...problemForStatus(err.status), status: err.status, detail: err.message }, { cause: err });
  }
  return undefined;
}

/**
 * Express error middleware placed right after the body parsers. Nest would otherwise turn a JSON
 * SyntaxError into a plain BadRequestException and lose body-parser's `type`.
 */
export function bodyParserErrorMapper(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  next(problemFromBodyParserError(err) ?? err);
}

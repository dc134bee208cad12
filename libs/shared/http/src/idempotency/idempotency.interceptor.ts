import {
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type LoggerService,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { defer, from, mergeMap, catchError, throwError, type Observable } from 'rxjs';
import { getRequestContext } from '../context/request-context';
import { requestFingerprint } from './canonical-json';
import { idempotencyKeyInFlight, idempotencyKeyReused, invalidIdempotencyKey } from './idempotency-problems';
import { DEFAULT_IDEMPOTENCY_TTL_SECONDS, type IdempotencyRecord, type IdempotencyStore } from './idempotency-store';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

const KEY_PATTERN = /^[\x21\x23-\x2B\x2D-\x5B\x5D-\x7E]{1,255}$/;

export interface IdempotencyOptions {
  store: IdempotencyStore;
  /** How long a key is remembered; default 24 h. */
  ttlSeconds?: number;
  /** Response headers kept and replayed; default Location, Content-Location, ETag. */
  replayHeaders?: string[];
  /** Caller identity; keys are scoped per subject. Default: `req.user.sub`, else the RequestContext subject. */
  subjectOf?: (req: Request) => string | undefined;
  /** Methods honouring the header; default POST only. */
  methods?: string[];
  logger?: LoggerService;
}

function defaultSubject(req: Request): string | undefined {
  const sub = (req as Request & { user?: { sub?: unknown } }).user?.sub;
  return typeof sub === 'string' ? sub : getRequestContext()?.subject;
}

/** The header value as a key (a quoted structured-field string is unquoted), or undefined if invalid. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(header) ? header.join(',') : header?.trim();
  const key = raw && /^".*"$/.test(raw) ? raw.slice(1, -1) : raw;
  return key !== undefined && KEY_PATTERN.test(key) ? key : undefined;
}

/**
 * Global interceptor for `Idempotency-Key` on POST (draft-ietf-httpapi-idempotency-key-header).
 * First request: the key is claimed, the handler runs, and a 2xx JSON response is stored with the
 * selected headers. Same key and same request (method, path, subject, canonical body): the stored
 * response is replayed with `Idempotent-Replayed: true` and the handler is not called. Same key,
 * other request: 422 `idempotency-key-reuse`. Key still in flight: 409 `idempotency-key-in-flight`.
 * A handler error releases the key, so the client can retry with it. Runs after guards, before pipes.
 * Not for handlers that write the response themselves (`@Res()` without passthrough) or stream files.
 */
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly ttlSeconds: number;
  private readonly replayHeaders: string[];
  private readonly subjectOf: (req: Request) => string | undefined;
  private readonly methods: Set<string>;

  constructor(private readonly options: IdempotencyOptions) {
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_IDEMPOTENCY_TTL_SECONDS;
    this.replayHeaders = (options.replayHeaders ?? ['Location', 'Content-Location', 'ETag']).map((h) => h.toLowerCase());
    this.subjectOf = options.subjectOf ?? defaultSubject;
    this.methods = new Set((options.methods ?? ['POST']).map((m) => m.toUpperCase()));
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') {
      return next.handle();
    }
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const header = req.headers['idempotency-key'];
    if (!this.methods.has(req.method) || header === undefined) {
      return next.handle();
    }
    const key = parseIdempotencyKey(header);
    if (key === undefined) {
      return throwError(invalidIdempotencyKey);
    }
    const subject = this.subjectOf(req);
    const scope = subject === undefined ? 'anonymous' : `sub:${subject}`;
    const fingerprint = requestFingerprint({ method: req.method, path: req.originalUrl, subject, body: req.body });
    const { store } = this.options;

    return defer(() => store.claim({ key, scope, fingerprint, ttlSeconds: this.ttlSeconds })).pipe(
      mergeMap((claim) => {
        if (!claim.claimed) {
          return [this.replay(claim.record, fingerprint, res)];
        }
        return next.handle().pipe(
          mergeMap((body) => this.remember(key, scope, res, body)),
          catchError((err: unknown) => from(this.release(key, scope)).pipe(mergeMap(() => throwError(() => err)))),
        );
      }),
    );
  }

  private replay(record: IdempotencyRecord, fingerprint: string, res: Response): unknown {
    if (record.fingerprint !== fingerprint) {
      throw idempotencyKeyReused();
    }
    if (!record.response) {
      throw idempotencyKeyInFlight();
    }
    res.status(record.response.status);
    for (const [name, value] of Object.entries(record.response.headers)) {
      res.setHeader(name, value);
    }
    res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return record.response.body;
  }

  private async remember(key: string, scope: string, res: Response, body: unknown): Promise<unknown> {
    if (body instanceof StreamableFile || Buffer.isBuffer(body) || res.statusCode >= 300) {
      await this.release(key, scope);
      return body;
    }
    const headers: Record<string, string> = {};
    for (const name of this.replayHeaders) {
      const value = res.getHeader(name);
      if (value !== undefined) {
        headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
      }
    }
    try {
      // Stored before the response is sent, so a retry after the response always finds it.
      await this.options.store.complete(key, scope, { status: res.statusCode, headers, body: jsonValue(body) });
    } catch (err) {
      this.options.logger?.error({ msg: 'Could not store idempotent response', err }, 'IdempotencyInterceptor');
    }
    return body;
  }

  private async release(key: string, scope: string): Promise<void> {
    try {
      await this.options.store.release(key, scope);
    } catch (err) {
      this.options.logger?.error({ msg: 'Could not release idempotency key', err }, 'IdempotencyInterceptor');
    }
  }
}

/** The body as it will be sent (class instances and Dates become plain JSON). */
function jsonValue(body: unknown): unknown {
  return body === undefined ? null : JSON.parse(JSON.stringify(body));
}

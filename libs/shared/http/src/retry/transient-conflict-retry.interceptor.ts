import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Observable, retry, timer } from 'rxjs';
import { isTransientConflict } from './transient-conflict';

export interface TransientConflictRetryOptions {
  /** Further attempts after the first (default 3). */
  retries?: number;
  /** First back-off in ms, doubled each time, plus up to as much again at random (default 20). */
  baseDelayMs?: number;
}

/**
 * Runs a request's handler again when its transaction was rolled back by a deadlock or a
 * serialization failure (see `isTransientConflict`), with exponential back-off and jitter; after the
 * last attempt the error goes on (the problem filter answers 503 with Retry-After). The handler is
 * re-invoked from the start, so it must do its writes in one transaction, as our handlers do.
 *
 * Register it as the innermost interceptor (after the audit interceptor), so the audit trail and
 * the idempotency record see one outcome per request, not one per attempt.
 */
@Injectable()
export class TransientConflictRetryInterceptor implements NestInterceptor {
  private readonly logger = new Logger(TransientConflictRetryInterceptor.name);
  private readonly retries: number;
  private readonly baseDelayMs: number;

  constructor(options: TransientConflictRetryOptions = {}) {
    this.retries = options.retries ?? 3;
    this.baseDelayMs = options.baseDelayMs ?? 20;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      retry({
        count: this.retries,
        delay: (error: unknown, attempt: number) => {
          if (!isTransientConflict(error)) throw error;
          const wait = this.baseDelayMs * 2 ** (attempt - 1);
          const delayMs = wait + Math.floor(Math.random() * wait);
          this.logger.warn(`${describe(context)}: transaction lost a race (${(error as Error).message}); attempt ${attempt + 1} in ${delayMs} ms`);
          return timer(delayMs);
        },
      }),
    );
  }
}

function describe(context: ExecutionContext): string {
  if (context.getType() !== 'http') return context.getClass().name;
  const req = context.switchToHttp().getRequest<{ method?: string; originalUrl?: string }>();
  return `${req.method ?? ''} ${req.originalUrl ?? ''}`.trim();
}

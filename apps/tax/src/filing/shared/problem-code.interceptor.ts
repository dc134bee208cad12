import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';

/**
 * Adds the domain error's stable `code` (e.g. `tax.return.duplicate`) to the problem document of
 * the filing API: the platform's registry spreads an error's `details` into the problem, so the
 * code goes there. Other errors pass untouched.
 */
@Injectable()
export class ProblemCodeInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (err instanceof Error) {
          const coded = err as Error & { code?: unknown; details?: Record<string, unknown> };
          if (typeof coded.code === 'string' && /^[a-z]+(\.[a-z_]+)+$/.test(coded.code)) {
            try {
              coded.details = { ...(coded.details ?? {}), code: coded.code };
            } catch {
              // a frozen error keeps its details
            }
          }
        }
        return throwError(() => err);
      }),
    );
  }
}

import { HttpException, Inject, Injectable, Logger, Optional, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, concatMap, from, throwError, type Observable } from 'rxjs';
import { principalOf } from '../nest/request-principal';
import { auditOutcome, type AuditEntry } from './audit-entry';
import { AuditSink } from './audit-sink';

/** Token for the function that tells the status an error will be answered with. */
export const AUDIT_STATUS_OF = Symbol('AUDIT_STATUS_OF');

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Records every state-changing HTTP request (not GET/HEAD/OPTIONS) with its status, once the
 * handler has finished and before the response is sent. A failing sink is logged, never turned
 * into a failed request: the action has already happened.
 *
 * Runs after the guards: requests refused with 401/403 never reach it.
 * Wire it with `{ provide: APP_INTERCEPTOR, useClass: AuditInterceptor }` and an AuditSink provider.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(
    private readonly sink: AuditSink,
    /** How the app's exception filter maps an error to a status (domain errors too); default: HttpException's, else 500. */
    @Optional() @Inject(AUDIT_STATUS_OF) private readonly resolveStatus?: (error: unknown) => number,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (READ_ONLY_METHODS.has(request.method)) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();

    let recorded = false;
    const record = async (status: number): Promise<void> => {
      if (recorded) return;
      recorded = true;
      try {
        await this.sink.record(entryFor(request, status));
      } catch (error) {
        this.logger.error(`audit entry lost for ${request.method} ${request.originalUrl}: ${(error as Error).message}`);
      }
    };

    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        await record(response.statusCode);
        return body;
      }),
      catchError((error: unknown) => from(record(this.resolveStatus?.(error) ?? statusOf(error))).pipe(concatMap(() => throwError(() => error)))),
    );
  }
}

function entryFor(request: Request, status: number): AuditEntry {
  const principal = principalOf(request);
  const path = request.originalUrl.split('?')[0];
  const route: unknown = (request.route as { path?: unknown } | undefined)?.path;
  const entry: AuditEntry = {
    at: new Date(),
    actor: principal
      ? { subject: principal.subject, roles: [...principal.roles], ...(principal.agencyId ? { agencyId: principal.agencyId } : {}) }
      : null,
    action: `${request.method} ${typeof route === 'string' ? route : path}`,
    resource: path,
    outcome: auditOutcome(status),
  };
  const requestId = requestIdOf(request);
  if (requestId) entry.requestId = requestId;
  return entry;
}

/** `request.id` if the HTTP layer set one, else the `x-request-id` header. */
function requestIdOf(request: Request): string | undefined {
  const id: unknown = (request as { id?: unknown }).id ?? request.headers['x-request-id'];
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

function statusOf(error: unknown): number {
  return error instanceof HttpException ? error.getStatus() : 500;
}

import { applyDecorators, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { setETag, type EtagOptions } from './etag';

/** Reads the version from the handler's result; return undefined to send no ETag. */
export type VersionSelector<T = never> = (body: T) => number | string | undefined;

/** Interceptor behind @ETagFrom: sets `ETag` from the returned body. */
export class ETagInterceptor implements NestInterceptor {
  constructor(
    private readonly selectVersion: VersionSelector<unknown>,
    private readonly options: EtagOptions = {},
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = body === undefined || body === null ? undefined : this.selectVersion(body);
        if (version !== undefined) {
          setETag(res, version, this.options);
        }
        return body;
      }),
    );
  }
}

/** `@ETagFrom((view: ApplicationView) => view.version)` sets `ETag: "<version>"` on the response. */
export function ETagFrom<T>(selectVersion: VersionSelector<T>, options?: EtagOptions): MethodDecorator & ClassDecorator {
  return applyDecorators(UseInterceptors(new ETagInterceptor(selectVersion as VersionSelector<unknown>, options)));
}

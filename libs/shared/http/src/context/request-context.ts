import { AsyncLocalStorage } from 'node:async_hooks';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What every log line and problem of one request can read. Mutable so the auth layer can add `subject`. */
export interface RequestContext {
  requestId: string;
  subject?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request being handled, or undefined outside one (startup, timers). */
export function getRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs `fn` with `context` as the current request context (HTTP middleware, message consumers, jobs). */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

import type { Downstream } from './service-registry';

export interface DownstreamHealth {
  status: 'up' | 'down';
  httpStatus?: number;
  latencyMs: number;
  error?: string;
}

/** Asks each downstream's /readyz, each with its own timeout; never hangs longer than that. */
export async function checkDownstreams(services: Downstream[], timeoutMs: number): Promise<Record<string, DownstreamHealth>> {
  const entries = await Promise.all(
    services.map(async (s): Promise<[string, DownstreamHealth]> => {
      const started = Date.now();
      try {
        const res = await fetch(new URL('/readyz', s.url), { signal: AbortSignal.timeout(timeoutMs) });
        await res.arrayBuffer();
        return [s.name, { status: res.ok ? 'up' : 'down', httpStatus: res.status, latencyMs: Date.now() - started }];
      } catch (e) {
        const error = (e as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : ((e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message);
        return [s.name, { status: 'down', latencyMs: Date.now() - started, error }];
      }
    }),
  );
  return Object.fromEntries(entries);
}

import type { InfraHandle } from './infra';

export default async function globalTeardown(): Promise<void> {
  const infra = (globalThis as Record<string, unknown>)['__ONE_WINDOW_INFRA__'] as InfraHandle | undefined;
  await infra?.stop();
}

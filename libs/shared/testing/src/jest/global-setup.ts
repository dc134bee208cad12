import { provideInfra } from './infra';

// Runs once per `jest` invocation, before the integration project's workers start; the
// variables set here are inherited by every worker (process.env is copied at fork).
export default async function globalSetup(): Promise<void> {
  const infra = await provideInfra((m) => process.stderr.write(`${m}\n`));
  Object.assign(process.env, infra.env);
  (globalThis as Record<string, unknown>)['__ONE_WINDOW_INFRA__'] = infra;
}

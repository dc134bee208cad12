import { ChildProcess, execFile, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const repoRoot = path.resolve(__dirname, '../../../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServiceProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** SIGTERM and wait for exit (graceful shutdown). */
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, as in a crash. */
  kill(): Promise<void>;
  output(): string;
}

/**
 * Runs an app of this repository (`apps/<app>/src/main.ts`) as a real separate process: its
 * migrations first (for services), then the app, then waits until `readyPath` answers 200.
 */
export async function startAppProcess(app: string, env: Record<string, string>, o: { migrate?: boolean; readyPath?: string; timeoutMs?: number } = {}): Promise<ServiceProcess> {
  const port = env['PORT'] ? Number(env['PORT']) : await freePort();
  // CALENDAR_FALLBACK as in startServiceUnderTest and `npm start` (a year with no holiday data counts Monday–Friday).
  const fullEnv = { CALENDAR_FALLBACK: 'weekends-only', ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) };
  if (o.migrate ?? true) {
    await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', path.join(repoRoot, `apps/${app}/src/migrate.ts`), 'migrate'], { env: fullEnv, cwd: repoRoot });
  }
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(repoRoot, `apps/${app}/src/main.ts`)], { env: fullEnv, cwd: repoRoot });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (o.timeoutMs ?? 45_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}${o.readyPath ?? '/readyz'}`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${app} not ready on ${url} in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, port, child, stop: () => end('SIGTERM'), kill: () => end('SIGKILL'), output: () => out };
}

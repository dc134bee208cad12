// Real Apache Kafka 4.x broker (KRaft, single node) from the official jars on Maven Central.
//
//   KAFKA_BROKERS set        -> use it, start nothing
//   a broker answers on port -> use it (e.g. started by an earlier `npm start` or `.ci/run`)
//   otherwise                -> resolve the jars once with Maven into .local/kafka/libs (Maven's own
//                               ~/.m2 cache makes later resolutions offline-fast), format the storage
//                               on first run, start `java kafka.Kafka` detached, wait until it serves
//                               metadata. Data and logs stay under .local/kafka (git-ignored).
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');

export const KAFKA_PORT = Number(process.env.ONE_WINDOW_KAFKA_PORT ?? 9092);

/** Files of one broker instance. `base` defaults to .local/kafka; tests may start extra brokers elsewhere. */
export function kafkaPaths(root = repoRoot, base = path.join(root, '.local', 'kafka')) {
  return {
    base,
    libs: path.join(root, '.local', 'kafka', 'libs'),
    data: path.join(base, 'data'),
    logs: path.join(base, 'logs'),
    config: path.join(base, 'server.properties'),
    pidFile: path.join(base, 'broker.pid'),
    stdout: path.join(base, 'logs', 'stdout.log'),
  };
}

export function portAnswers(port, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function resolveJars(p, log) {
  const marker = path.join(p.libs, '.resolved');
  const pom = path.join(here, 'kafka', 'pom.xml');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === fs.readFileSync(pom, 'utf8')) return;
  log(`kafka: resolving broker jars from Maven Central into ${path.relative(repoRoot, p.libs)} (once)`);
  fs.rmSync(p.libs, { recursive: true, force: true });
  fs.mkdirSync(p.libs, { recursive: true });
  const r = spawnSync(
    'mvn',
    ['-q', '-B', '-Dstyle.color=never', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${p.libs}`],
    // Maven's output goes to stderr: stdout of `infra.mjs up-json` is read as JSON by CI and Jest.
    { stdio: ['ignore', 2, 2] },
  );
  if (r.status !== 0) throw new Error(`kafka: Maven could not resolve the broker jars (exit ${r.status})`);
  fs.writeFileSync(marker, fs.readFileSync(pom, 'utf8'));
}

function writeConfig(p, port, controllerPort = port + 1) {
  const template = fs.readFileSync(path.join(here, 'kafka', 'server.properties.template'), 'utf8');
  const vars = { PORT: port, CONTROLLER_PORT: controllerPort, DATA_DIR: p.data };
  fs.writeFileSync(p.config, template.replace(/\$\{(\w+)\}/g, (_, k) => String(vars[k])));
}

function java(p, mainClass, args, extra = {}) {
  const jvm = [
    '-Xms256m',
    process.env.ONE_WINDOW_KAFKA_HEAP ?? '-Xmx768m',
    '-XX:+UseG1GC',
    '-Djava.awt.headless=true',
    `-Dkafka.logs.dir=${p.logs}`,
    `-Dlog4j2.configurationFile=${path.join(here, 'kafka', 'log4j2.properties')}`,
    '-cp',
    path.join(p.libs, '*'),
    mainClass,
    ...args,
  ];
  return extra.detached ? spawn('java', jvm, extra) : spawnSync('java', jvm, { encoding: 'utf8', ...extra });
}

function formatStorageOnce(p, log) {
  if (fs.existsSync(path.join(p.data, 'meta.properties'))) return;
  log('kafka: formatting KRaft storage (first run)');
  fs.mkdirSync(p.data, { recursive: true });
  const r = java(p, 'kafka.tools.StorageTool', ['format', '-t', randomUUID().replace(/-/g, '').slice(0, 22), '-c', p.config]);
  if (r.status !== 0) throw new Error(`kafka: storage format failed: ${r.stderr || r.stdout}`);
}

async function waitForBroker(port, child, p, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`kafka: broker exited with ${child.exitCode}; see ${p.stdout} and ${p.logs}/server.log`);
    }
    if (await portAnswers(port)) {
      // The port opens slightly before the broker registers; ask for metadata to be sure.
      if (await metadataAnswers(port)) return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`kafka: broker did not answer on ${port} within ${timeoutMs} ms; see ${p.logs}/server.log`);
}

async function metadataAnswers(port) {
  const { Kafka, logLevel } = await import('kafkajs');
  const admin = new Kafka({ brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * Makes sure a broker is reachable and returns `{ brokers, startedHere, stop }`.
 * `stop` is a no-op unless this call started the broker.
 */
export async function ensureKafka({ log = console.log, root = repoRoot, timeoutMs = 90_000, port = KAFKA_PORT, controllerPort, base, useEnv = true } = {}) {
  if (useEnv && process.env.KAFKA_BROKERS) {
    return { brokers: process.env.KAFKA_BROKERS, startedHere: false, stop: async () => undefined };
  }
  const brokers = `127.0.0.1:${port}`;
  const p = kafkaPaths(root, base);
  if (await portAnswers(port)) {
    await waitForBroker(port, null, p, timeoutMs);
    return { brokers, startedHere: false, stop: async () => undefined };
  }
  fs.mkdirSync(p.logs, { recursive: true });
  resolveJars(p, log);
  writeConfig(p, port, controllerPort);
  formatStorageOnce(p, log);
  log(`kafka: starting Apache Kafka (KRaft) on ${brokers}`);
  const out = fs.openSync(p.stdout, 'a');
  const child = java(p, 'kafka.Kafka', [p.config], { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  fs.writeFileSync(p.pidFile, String(child.pid));
  await waitForBroker(port, child, p, timeoutMs);
  log(`kafka: ready on ${brokers}`);
  return { brokers, startedHere: true, pid: child.pid, stop: () => stopKafka({ log, root, base }) };
}

/** Stops a broker started by ensureKafka (found through its pid file) and waits for it to exit. */
export async function stopKafka({ log = console.log, root = repoRoot, timeoutMs = 30_000, base } = {}) {
  const p = kafkaPaths(root, base);
  if (!fs.existsSync(p.pidFile)) return false;
  const pid = Number(fs.readFileSync(p.pidFile, 'utf8'));
  fs.rmSync(p.pidFile, { force: true });
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return false; // already gone
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      log('kafka: stopped');
      return true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(pid, 'SIGKILL');
  log('kafka: killed after timeout');
  return true;
}

/**
 * Where integration tests get their real PostgreSQL and real Kafka broker, in this order:
 *   1. DATABASE_URL and KAFKA_BROKERS set        -> use them (CI with services, a remote dev box)
 *   2. a Docker runtime answers (testcontainers) -> postgres:17 and apache/kafka:4.1.1 containers
 *      (skip with ONE_WINDOW_TESTCONTAINERS=off)
 *   3. otherwise the local launchers in deploy/local: a running or embedded PostgreSQL and the
 *      Apache Kafka broker started from its Maven Central jars.
 * Nothing here is an emulator: every path gives the real servers.
 */
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export interface InfraHandle {
  env: { DATABASE_URL: string; KAFKA_BROKERS: string };
  source: 'environment' | 'testcontainers' | 'local';
  stop(): Promise<void>;
}

const repoRoot = path.resolve(__dirname, '../../../../..');

export async function provideInfra(log: (m: string) => void = () => undefined): Promise<InfraHandle> {
  const { DATABASE_URL, KAFKA_BROKERS } = process.env;
  if (DATABASE_URL && KAFKA_BROKERS) {
    return { env: { DATABASE_URL, KAFKA_BROKERS }, source: 'environment', stop: async () => undefined };
  }
  if (process.env['ONE_WINDOW_TESTCONTAINERS'] !== 'off' && (await dockerAnswers())) {
    return startContainers(log);
  }
  return startLocal(log);
}

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

function startLocal(log: (m: string) => void): InfraHandle {
  const script = path.join(repoRoot, 'deploy/local/infra.mjs');
  const out = execFileSync(process.execPath, [script, 'up-json'], {
    encoding: 'utf8',
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { env, started } = JSON.parse(out.trim().split('\n').pop() as string) as {
    env: InfraHandle['env'];
    started: { postgres: boolean; kafka: boolean };
  };
  log(`test infra (local): ${env.DATABASE_URL.replace(/:[^:@/]+@/, ':***@')} ${env.KAFKA_BROKERS}`);
  const startedParts = Object.entries(started).filter(([, v]) => v).map(([k]) => k);
  return {
    env,
    source: 'local',
    stop: async () => {
      // Leave running what was running before; stop what this run started, unless asked to keep it.
      if (startedParts.length === 0 || process.env['ONE_WINDOW_KEEP_INFRA'] === '1') return;
      execFileSync(process.execPath, [script, 'down', ...startedParts], { stdio: 'inherit' });
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startContainers(log: (m: string) => void): Promise<InfraHandle> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const postgres = await new PostgreSqlContainer('postgres:17-alpine').withDatabase('postgres').start();
  // apache/kafka advertises the listener it is given, so the host port is chosen before start.
  const hostPort = await freePort();
  const kafka = await new GenericContainer('apache/kafka:4.1.1')
    .withExposedPorts({ container: 9092, host: hostPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://localhost:${hostPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_NUM_PARTITIONS: '3',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  const env = { DATABASE_URL: postgres.getConnectionUri(), KAFKA_BROKERS: `localhost:${hostPort}` };
  log(`test infra (testcontainers): ${env.KAFKA_BROKERS}`);
  return {
    env,
    source: 'testcontainers',
    stop: async () => {
      await kafka.stop();
      await postgres.stop();
    },
  };
}

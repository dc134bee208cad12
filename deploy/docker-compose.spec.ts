import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ConfigShape, databaseConfig, httpConfig, kafkaConfig } from '@one-window/shared/config';

/**
 * docker-compose.yml cannot run on machines without Docker (CI here), so this keeps it honest:
 * the services it runs, their ports and databases, and the variables each app requires at start
 * must match deploy/services.json and the config namespaces the code validates.
 */
const root = path.resolve(__dirname, '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { environment?: Record<string, string>; ports?: string[] }>;
};
const registry = JSON.parse(fs.readFileSync(path.join(root, 'deploy/services.json'), 'utf8')) as {
  gateway: { port: number };
  services: { name: string; port: number; database: string }[];
};

/** Variables a namespace requires (no default): an app would not start without them. */
const required = (shape: ConfigShape) =>
  Object.values(shape)
    .filter((v) => !v.parse(undefined).ok)
    .map((v) => v.variable);

describe('docker-compose.yml matches the code', () => {
  it('runs PostgreSQL, Kafka (KRaft, Apache 4.x), every service and the gateway', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['gateway', 'kafka', 'postgres', ...registry.services.map((s) => s.name)].sort());
    expect(compose.services['kafka'].environment?.['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
  });

  it.each(registry.services.map((s) => [s.name, s] as const))('%s has every required variable, its port and its own database', (name, s) => {
    const env = compose.services[name].environment ?? {};
    for (const variable of [...required(httpConfig.shape), ...required(databaseConfig.shape), ...required(kafkaConfig.shape), 'AUTH_JWT_PUBLIC_KEY', 'APP']) {
      expect(env).toHaveProperty([variable]);
    }
    expect(env['APP']).toBe(name);
    expect(env['PORT']).toBe(String(s.port));
    expect(new URL(env['DATABASE_URL']).pathname).toBe(`/${s.database}`);
    expect(env['KAFKA_BROKERS']).toBe('kafka:9092');
  });

  it('points the gateway at every service by its compose name and port', () => {
    const env = compose.services['gateway'].environment ?? {};
    expect(env['PORT']).toBe(String(registry.gateway.port));
    expect(env['SERVICE_URLS'].split(',')).toEqual(registry.services.map((s) => `${s.name}=http://${s.name}:${s.port}`));
    expect(compose.services['gateway'].ports).toEqual([`${registry.gateway.port}:${registry.gateway.port}`]);
  });

  it('names only apps that exist in the repository', () => {
    for (const name of [...registry.services.map((s) => s.name), 'gateway']) {
      expect(fs.existsSync(path.join(root, 'apps', name, 'src', 'main.ts'))).toBe(true);
    }
  });
});

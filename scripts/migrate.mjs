#!/usr/bin/env node
// `npm run migrate`            apply every service's pending migrations (databases created if missing)
// `npm run migrations:check`   fail if any service's entities need a schema change no migration makes,
//                              or its migrations differ from deploy/migrations.lock.json
// `npm run migrations:lock`    record new migrations in deploy/migrations.lock.json
// The server is the one `npm start` uses (DATABASE_URL's server, a local one, or embedded).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePostgres } from '../deploy/local/postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];
if (!['migrate', 'check', 'lock'].includes(command)) {
  console.error('usage: migrate.mjs migrate|check|lock');
  process.exit(2);
}
const { services } = JSON.parse(fs.readFileSync(path.join(root, 'deploy/services.json'), 'utf8'));
const postgres = await ensurePostgres();
let failed = 0;
for (const s of services) {
  const url = new URL(postgres.url);
  url.pathname = `/${s.database}`;
  const code = await new Promise((resolve) =>
    spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, `apps/${s.name}/src/migrate.ts`), command], {
      env: { ...process.env, DATABASE_URL: url.toString(), MIGRATIONS_LOCK: path.join(root, 'deploy/migrations.lock.json') },
      stdio: 'inherit',
    }).on('exit', resolve),
  );
  if (code !== 0) failed++;
}
await postgres.stop();
process.exit(failed ? 1 : 0);

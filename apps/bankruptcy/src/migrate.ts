import 'reflect-metadata';
import { runServiceMigrations } from '@one-window/shared/platform';
import { bankruptcyService } from './service';

// npm run migrate / npm run migrations:check run this for every service: migrate | check
runServiceMigrations(bankruptcyService, process.argv[2]).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);

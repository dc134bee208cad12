import 'reflect-metadata';
import { runService } from '@one-window/shared/platform';
import { AppModule } from './app.module';
import { taxService } from './service';

runService(taxService, AppModule).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

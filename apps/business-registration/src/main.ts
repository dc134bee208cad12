import 'reflect-metadata';
import { runService } from '@one-window/shared/platform';
import { AppModule } from './app.module';
import { businessRegistrationService } from './service';

runService(businessRegistrationService, AppModule).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createGateway } from './create-gateway';

async function main() {
  const { app, config } = await createGateway();
  const host = process.env['HOST'] ?? '127.0.0.1';
  await app.listen(config.port, host);
  new Logger('Bootstrap').log(`gateway listening on http://${host}:${config.port} (docs at /docs)`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

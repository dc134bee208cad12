import { Inject, Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigModule } from './config.module';
import { ConfigError, defineConfig, loadAll } from './define-config';
import { env } from './env-vars';

const server = defineConfig('server', {
  port: env.int('PORT', { min: 1, max: 65535 }),
  debug: env.bool('DEBUG', { default: false }),
  brokers: env.list('BROKERS'),
  db: env.url('DB_URL', { protocols: ['postgres'] }),
  mode: env.oneOf('MODE', ['a', 'b'] as const, { default: 'a' }),
});

describe('config: typed, validated namespaces', () => {
  const good = { PORT: '8080', BROKERS: 'k1:9092, k2:9092', DB_URL: 'postgres://u@h/db' };

  it('parses and types every variable, applying defaults', () => {
    expect(server.load(good)).toEqual({ port: 8080, debug: false, brokers: ['k1:9092', 'k2:9092'], db: 'postgres://u@h/db', mode: 'a' });
  });

  it('names every missing or bad variable in one error', () => {
    let error: unknown;
    try {
      server.load({ PORT: 'eighty', DB_URL: 'mysql://h/db', MODE: 'c', DEBUG: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => `${p.variable}: ${p.reason}`);
    expect(problems).toEqual([
      'PORT: must be an integer, got "eighty"',
      'DEBUG: must be true or false, got "maybe"',
      'BROKERS: is required',
      'DB_URL: must use postgres, got mysql:',
      'MODE: must be one of a, b, got "c"',
    ]);
    expect((error as Error).message).toContain('BROKERS is required (server.brokers)');
  });

  it('checks integer bounds at the boundary', () => {
    expect(server.load({ ...good, PORT: '65535' }).port).toBe(65535);
    expect(() => server.load({ ...good, PORT: '65536' })).toThrow('PORT must be <= 65535, got 65536');
    expect(() => server.load({ ...good, PORT: '0' })).toThrow('PORT must be >= 1, got 0');
  });

  it('loadAll reports problems of several namespaces together', () => {
    const other = defineConfig('other', { key: env.string('OTHER_KEY') });
    expect(() => loadAll([server, other], {})).toThrow(/PORT is required[\s\S]*OTHER_KEY is required/);
  });

  it('ConfigModule fails at start on bad config and injects the typed namespace on good config', async () => {
    expect(() => ConfigModule.forRoot([server], {})).toThrow(ConfigError);

    @Injectable()
    class UsesConfig {
      constructor(@Inject(server.token) readonly cfg: ReturnType<typeof server.load>) {}
    }
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot([server], good)],
      providers: [UsesConfig],
    }).compile();
    expect(moduleRef.get(UsesConfig).cfg.port).toBe(8080);
  });
});

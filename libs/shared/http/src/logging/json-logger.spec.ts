import { runWithRequestContext } from '../context/request-context';
import { JsonLogger } from './json-logger';

function capture(options: ConstructorParameters<typeof JsonLogger>[0] = {}) {
  const lines: string[] = [];
  const logger = new JsonLogger({ now: () => new Date('2025-03-01T08:00:00.000Z'), write: (l) => lines.push(l), ...options });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with time, level, msg and context', () => {
    const { logger, lines } = capture();
    logger.log('Mapped {/companies, POST} route', 'RouterExplorer');
    expect(lines).toEqual(['{"time":"2025-03-01T08:00:00.000Z","level":"info","msg":"Mapped {/companies, POST} route","context":"RouterExplorer"}']);
  });

  it('adds the request id of the current request context', () => {
    const { logger, parsed } = capture();
    runWithRequestContext({ requestId: 'r-1' }, () => logger.warn('slow', 'Db'));
    logger.warn('outside');
    expect(parsed()).toEqual([
      { time: '2025-03-01T08:00:00.000Z', level: 'warn', msg: 'slow', context: 'Db', requestId: 'r-1' },
      { time: '2025-03-01T08:00:00.000Z', level: 'warn', msg: 'outside' },
    ]);
  });

  it('merges structured fields and base fields, masked', () => {
    const { logger, parsed } = capture({ base: { service: 'tax' } });
    logger.log({ msg: 'applicant 440106199001011234 called', phone: '13812345678', attempts: 2 }, 'Calls');
    expect(parsed()[0]).toEqual({
      time: '2025-03-01T08:00:00.000Z',
      level: 'info',
      msg: 'applicant 440106********1234 called',
      context: 'Calls',
      service: 'tax',
      phone: '138****5678',
      attempts: 2,
    });
  });

  it('takes Nest’s error(message, stack, context) form', () => {
    const { logger, parsed } = capture();
    const stack = 'Error: boom\n    at Object.<anonymous> (/app/main.ts:1:1)';
    logger.error('boom', stack, 'ExceptionsHandler');
    expect(parsed()[0]).toMatchObject({ level: 'error', msg: 'boom', context: 'ExceptionsHandler', stack });
  });

  it('serializes an Error message with its stack', () => {
    const { logger, parsed } = capture();
    logger.error(new Error('db down'), 'Health');
    const line = parsed()[0] as { msg: string; err: { message: string; stack: string } };
    expect(line.msg).toBe('db down');
    expect(line.err.message).toBe('db down');
    expect(line.err.stack).toContain('json-logger.spec.ts');
  });

  it('drops levels below the configured one and honours setLogLevels', () => {
    const { logger, parsed } = capture({ level: 'warn' });
    logger.log('info dropped');
    logger.debug('debug dropped');
    logger.error('kept');
    logger.setLogLevels(['debug']);
    logger.debug('now kept');
    logger.error('now dropped');
    expect(parsed().map((l) => [l['level'], l['msg']])).toEqual([
      ['error', 'kept'],
      ['debug', 'now kept'],
    ]);
  });

  it('does not let fields overwrite time or level', () => {
    const { logger, parsed } = capture();
    logger.log({ msg: 'x', time: 'fake', level: 'fatal' });
    expect(parsed()[0]).toEqual({ time: '2025-03-01T08:00:00.000Z', level: 'info', msg: 'x' });
  });
});

import type { LoggerService, LogLevel } from '@nestjs/common';
import { getRequestContext } from '../context/request-context';
import { maskPersonalData, maskText } from './mask-personal-data';

const LEVEL_ORDER: readonly LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];
/** Nest's `log` level is written as `info`, the name log pipelines expect. */
const LEVEL_NAME: Record<LogLevel, string> = { verbose: 'verbose', debug: 'debug', log: 'info', warn: 'warn', error: 'error', fatal: 'fatal' };
const STACK_TRACE = /^.*\n\s+at .+/s;

export interface JsonLoggerOptions {
  /** Lowest level written; default `log` (so `debug`/`verbose` are dropped). */
  level?: LogLevel;
  /** Fields added to every line, e.g. `{ service: 'business-registration' }`. */
  base?: Record<string, unknown>;
  /** Receives each line (a JSON text without newline); default writes it to stdout. */
  write?: (line: string) => void;
  /** Clock for tests. */
  now?: () => Date;
}

/**
 * Nest LoggerService writing one JSON object per line:
 * `{ time, level, msg, context, requestId, ...fields }`. The request id comes from the current
 * RequestContext; every string in `msg` and in the fields goes through maskPersonalData.
 *
 * Accepts Nest's calling conventions (`log(msg, context)`, `error(msg, stack, context)`) and
 * structured ones: `log({ msg: 'submitted', applicationId }, 'Applications')`, `error(err, 'Ctx')`.
 */
export class JsonLogger implements LoggerService {
  private enabled: Set<LogLevel>;
  private readonly base: Record<string, unknown>;
  private readonly write: (line: string) => void;
  private readonly now: () => Date;

  constructor(options: JsonLoggerOptions = {}) {
    this.enabled = new Set(LEVEL_ORDER.slice(LEVEL_ORDER.indexOf(options.level ?? 'log')));
    this.base = options.base ?? {};
    this.write = options.write ?? ((line) => process.stdout.write(`${line}\n`));
    this.now = options.now ?? (() => new Date());
  }

  log(message: unknown, ...params: unknown[]): void {
    this.emit('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.emit('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.emit('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.emit('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.emit('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.emit('fatal', message, params);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.enabled = new Set(levels);
  }

  isLevelEnabled(level: LogLevel): boolean {
    return this.enabled.has(level);
  }

  private emit(level: LogLevel, message: unknown, params: unknown[]): void {
    if (!this.enabled.has(level)) {
      return;
    }
    const { msg, context, fields } = parseArguments(message, params);
    const requestId = getRequestContext()?.requestId;
    const line = {
      time: this.now().toISOString(),
      level: LEVEL_NAME[level],
      msg: maskText(msg),
      ...(context === undefined ? {} : { context }),
      ...(requestId === undefined ? {} : { requestId }),
      ...(maskPersonalData({ ...this.base, ...fields }) as Record<string, unknown>),
    };
    this.write(JSON.stringify(line));
  }
}

interface ParsedArguments {
  msg: string;
  context?: string;
  fields: Record<string, unknown>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Error);
}

function parseArguments(message: unknown, rawParams: unknown[]): ParsedArguments {
  const params = [...rawParams];
  let context: string | undefined;
  const last = params[params.length - 1];
  if (typeof last === 'string' && !STACK_TRACE.test(last)) {
    context = last;
    params.pop();
  }
  const fields: Record<string, unknown> = {};
  let msg: string;
  if (message instanceof Error) {
    msg = message.message;
    fields['err'] = message;
  } else if (isPlainObject(message)) {
    const { msg: m, message: mm, ...rest } = message;
    msg = typeof m === 'string' ? m : typeof mm === 'string' ? mm : '';
    Object.assign(fields, rest);
  } else {
    msg = typeof message === 'string' ? message : JSON.stringify(message) ?? String(message);
  }
  const extra: unknown[] = [];
  for (const param of params) {
    if (typeof param === 'string' && STACK_TRACE.test(param)) {
      fields['stack'] = param;
    } else if (param instanceof Error) {
      fields['err'] = param;
    } else if (isPlainObject(param)) {
      Object.assign(fields, param);
    } else if (param !== undefined) {
      extra.push(param);
    }
  }
  if (extra.length > 0) {
    fields['args'] = extra;
  }
  delete fields['time'];
  delete fields['level'];
  return { msg, context, fields };
}

/**
 * Settings of the complaints benchmark: `BENCH_<NAME>` environment variables, overridden by
 * `--<name>=<value>` arguments (`--clients=8` is `BENCH_CLIENTS=8`). See bench/README.md.
 */
import { readSettings, servers, type Servers } from '../shared/settings';

const DEFAULTS: Record<string, string> = {
  CLIENTS: '16',
  PATHS: '480',
  WARMUP: '16',
  BASELINE_S: '10',
  INTAKE_S: '10',
  TIMERS: '10000',
  TIMER_SPREAD_S: '20',
  TIMER_LEAD_S: '3',
  TIMER_WAIT_S: '60',
  BUDGET_S: '300',
  LABEL: '',
};

const ALIASES: Record<string, string> = {
  BASELINE: 'BASELINE_S',
  INTAKE: 'INTAKE_S',
  TIMER_SPREAD: 'TIMER_SPREAD_S',
  TIMER_LEAD: 'TIMER_LEAD_S',
  TIMER_WAIT: 'TIMER_WAIT_S',
  BUDGET: 'BUDGET_S',
};

export interface BenchConfig extends Servers {
  /** Concurrent closed-loop clients. */
  clients: number;
  /** Tickets taken through the whole path (online intake → … → rated, closed) in the measured phase. */
  paths: number;
  /** Paths run first, not counted, so the processes are warm. */
  warmup: number;
  /** Seconds of the baseline phase (a trivial authenticated GET through the gateway; 0: none). */
  baselineS: number;
  /** Seconds of the intake phase (online and phone submissions alternately; 0: none). */
  intakeS: number;
  /** Pending timers inserted for the timer-lag phase (0: none). */
  timers: number;
  /** Their due times are spread evenly over this many seconds… */
  timerSpreadS: number;
  /** …starting this many seconds after the insert. */
  timerLeadS: number;
  /** After the last due time, how long to wait for the last timer to fire. */
  timerWaitS: number;
  budgetS: number;
  label: string;
}

export function loadConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const { values, int } = readSettings(DEFAULTS, ALIASES, argv, env);
  return {
    clients: int('CLIENTS', 1, 500),
    paths: int('PATHS', 0, 100_000),
    warmup: int('WARMUP', 0, 10_000),
    baselineS: int('BASELINE_S', 0, 600),
    intakeS: int('INTAKE_S', 0, 600),
    timers: int('TIMERS', 0, 1_000_000),
    timerSpreadS: int('TIMER_SPREAD_S', 1, 3600),
    timerLeadS: int('TIMER_LEAD_S', 1, 600),
    timerWaitS: int('TIMER_WAIT_S', 1, 3600),
    budgetS: int('BUDGET_S', 60, 7200),
    label: values['LABEL'],
    ...servers(env),
  };
}

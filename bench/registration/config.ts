/**
 * Settings of the company-setup benchmark: `BENCH_<NAME>` environment variables, overridden by
 * `--<name>=<value>` arguments (`--clients=10` is `BENCH_CLIENTS=10`). See bench/README.md.
 */
import { readSettings, servers, type Servers } from '../shared/settings';
import { NAME_CAPACITY } from './fixtures';

const DEFAULTS: Record<string, string> = {
  CLIENTS: '20',
  COMPANIES: '400',
  WARMUP: '20',
  BASELINE_S: '10',
  INDUSTRIES: '1',
  LICENCE_SAMPLE: '20',
  TAXPAYER_WAIT_S: '30',
  BUDGET_S: '240',
  LABEL: '',
};

const ALIASES: Record<string, string> = { BASELINE: 'BASELINE_S', TAXPAYER_WAIT: 'TAXPAYER_WAIT_S', BUDGET: 'BUDGET_S' };

export interface BenchConfig extends Servers {
  /** Concurrent closed-loop clients (each: reserve a name, then submit the form, then the next company). */
  clients: number;
  /** Companies registered in the measured phase. */
  companies: number;
  /** Companies registered before it (same flow, not counted), so the processes are warm. */
  warmup: number;
  /** Seconds of the baseline phase (a trivial authenticated GET at the same concurrency). */
  baselineS: number;
  /** How many industry words the names cycle through (1: every name in one industry, the heaviest name check). */
  industries: number;
  /** Companies whose licence is fetched and verified after the load. */
  licenceSample: number;
  /** After the last submission, how long to wait for the last `tax.taxpayer.registered`. */
  taxpayerWaitS: number;
  budgetS: number;
  label: string;
}

export function loadConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const { values, int } = readSettings(DEFAULTS, ALIASES, argv, env);
  const c: BenchConfig = {
    clients: int('CLIENTS', 1, 500),
    companies: int('COMPANIES', 1, NAME_CAPACITY),
    warmup: int('WARMUP', 0, 1000),
    baselineS: int('BASELINE_S', 0, 600),
    industries: int('INDUSTRIES', 1, 8),
    licenceSample: int('LICENCE_SAMPLE', 0, NAME_CAPACITY),
    taxpayerWaitS: int('TAXPAYER_WAIT_S', 1, 600),
    budgetS: int('BUDGET_S', 60, 3600),
    label: values['LABEL'],
    ...servers(env),
  };
  if (c.companies + c.warmup > NAME_CAPACITY) throw new Error(`COMPANIES + WARMUP = ${c.companies + c.warmup}: at most ${NAME_CAPACITY} distinct trade names`);
  return c;
}

import { Controller, Get, Inject, Logger } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { ProblemException } from '../problem/problem.exception';
import { ProblemTypes } from '../problem/problem-types';
import { runReadinessChecks, type CheckResult, type HealthCheck } from './readiness';

export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');

export interface HealthOptions {
  /** Readiness checks by name, e.g. `{ database: () => dataSource.query('SELECT 1').then(() => undefined) }`. */
  checks: Record<string, HealthCheck>;
  /** Time allowed to each check; default 2000 ms. */
  timeoutMs?: number;
}

type PublicCheck = Omit<CheckResult, 'error'>;

/** `/healthz` (liveness) and `/readyz` (readiness); public, and left out of the OpenAPI document. */
@ApiExcludeController()
@Controller()
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(@Inject(HEALTH_OPTIONS) private readonly options: HealthOptions) {}

  /** The process is up and serving HTTP; no dependency is checked (a restart would not fix them). */
  @Public()
  @Get('healthz')
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when every check passes in time; otherwise 503 problem listing the failing checks. */
  @Public()
  @Get('readyz')
  async readiness(): Promise<{ status: 'ok'; checks: Record<string, PublicCheck> }> {
    const report = await runReadinessChecks(this.options.checks, this.options.timeoutMs ?? 2000);
    const checks: Record<string, PublicCheck> = {};
    for (const [name, { error, ...result }] of Object.entries(report.checks)) {
      checks[name] = result;
      if (result.status === 'down') {
        this.logger.warn({ msg: 'Readiness check down', check: name, reason: result.reason, err: error });
      }
    }
    if (!report.ready) {
      const failing = Object.keys(checks).filter((name) => checks[name].status === 'down');
      throw new ProblemException({
        type: ProblemTypes.notReady,
        title: 'Service not ready',
        status: 503,
        detail: `Failing checks: ${failing.join(', ')}.`,
        failing,
        checks,
      });
    }
    return { status: 'ok', checks };
  }
}

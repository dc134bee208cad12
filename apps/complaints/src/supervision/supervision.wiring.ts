import { LongRunningIssueRepository, SupervisionCaseRepository } from '@one-window/complaints/data-access';
import type { ServiceDefinition } from '@one-window/shared/platform';
import { LongRunningIssuesController, SupervisionCasesController } from './supervision.controller';
import { LongRunningIssuesHandler, SupervisionCasesHandler } from './supervision.handler';
import { SupervisionDesk, SUPERVISION_TIMERS } from './supervision-desk';
import { SupervisionTimersHandler } from './supervision-timers.handler';

/** Durable timers of supervision cases and long-running issues. */
export const SUPERVISION_TIMER_HANDLERS: NonNullable<ServiceDefinition['timers']> = (get) => ({
  [SUPERVISION_TIMERS.caseOverdue]: (timer, tx) => get(SupervisionTimersHandler).caseOverdue(timer, tx),
  [SUPERVISION_TIMERS.planOverdue]: (timer, tx) => get(SupervisionTimersHandler).planOverdue(timer, tx),
  [SUPERVISION_TIMERS.progressMonthEnd]: (timer, tx) => get(SupervisionTimersHandler).progressMonthEnd(timer, tx),
  [SUPERVISION_TIMERS.finalOverdue]: (timer, tx) => get(SupervisionTimersHandler).finalOverdue(timer, tx),
});

export const SUPERVISION_CONTROLLERS = [SupervisionCasesController, LongRunningIssuesController];
export const SUPERVISION_PROVIDERS = [SupervisionCaseRepository, LongRunningIssueRepository, SupervisionDesk, SupervisionCasesHandler, LongRunningIssuesHandler, SupervisionTimersHandler];

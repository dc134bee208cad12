import { KnowledgeFeedbackRepository, KnowledgePointRepository, OutageNoticeRepository } from '@one-window/complaints/data-access';
import type { ServiceDefinition } from '@one-window/shared/platform';
import { KnowledgeDesk, KNOWLEDGE_TIMERS } from './knowledge-desk';
import { KnowledgeFeedbackController } from './knowledge-feedback.controller';
import { KnowledgeFeedbackHandler } from './knowledge-feedback.handler';
import { KnowledgePointsController } from './knowledge-points.controller';
import { KnowledgePointsHandler } from './knowledge-points.handler';
import { KnowledgeTimersHandler } from './knowledge-timers.handler';
import { OutageNoticesController } from './outage-notices.controller';
import { OutageNoticesHandler, OUTAGE_TIMERS } from './outage-notices.handler';

/** Durable timers of the knowledge base. */
export const KNOWLEDGE_TIMER_HANDLERS: NonNullable<ServiceDefinition['timers']> = (get) => ({
  [KNOWLEDGE_TIMERS.expiryReminder]: (timer, tx) => get(KnowledgeTimersHandler).expiryReminder(timer, tx),
  [KNOWLEDGE_TIMERS.expire]: (timer, tx) => get(KnowledgeTimersHandler).expire(timer, tx),
  [KNOWLEDGE_TIMERS.feedbackOverdue]: (timer, tx) => get(KnowledgeTimersHandler).feedbackOverdue(timer, tx),
  [OUTAGE_TIMERS.scriptOverdue]: (timer, tx) => get(OutageNoticesHandler).scriptOverdue(timer, tx),
  [OUTAGE_TIMERS.updateReminder]: (timer, tx) => get(OutageNoticesHandler).updateReminder(timer, tx),
});

export const KNOWLEDGE_CONTROLLERS = [KnowledgePointsController, KnowledgeFeedbackController, OutageNoticesController];
export const KNOWLEDGE_PROVIDERS = [KnowledgePointRepository, KnowledgeFeedbackRepository, KnowledgeDesk, KnowledgePointsHandler, KnowledgeFeedbackHandler, KnowledgeTimersHandler, OutageNoticeRepository, OutageNoticesHandler];

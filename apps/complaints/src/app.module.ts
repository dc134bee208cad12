import { Module } from '@nestjs/common';
import {
  CallerRepository,
  COMPLAINTS_REFERENCE_DATA,
  DEV_REFERENCE_DATA,
  EscalationRepository,
  ReminderRepository,
  SubmissionRepository,
  TicketRepository,
} from '@one-window/complaints/data-access';
import { ComplaintsEvents } from './shared/complaints-events';
import { Dispatcher } from './shared/dispatcher';
import { SubmissionDesk } from './shared/submission-desk';
import { TicketClocks } from './shared/ticket-clocks';
import { TicketDesk } from './shared/ticket-desk';
import { ReceiveSubmissionController } from './receive-submission/receive-submission.controller';
import { ReceiveSubmissionHandler } from './receive-submission/receive-submission.handler';
import { GetSubmissionController } from './get-submission/get-submission.controller';
import { GetSubmissionHandler } from './get-submission/get-submission.handler';
import { RequestSupplementController } from './request-supplement/request-supplement.controller';
import { RequestSupplementHandler } from './request-supplement/request-supplement.handler';
import { RecordSupplementCallController } from './record-supplement-call/record-supplement-call.controller';
import { RecordSupplementCallHandler } from './record-supplement-call/record-supplement-call.handler';
import { SupplySupplementController } from './supply-supplement/supply-supplement.controller';
import { SupplySupplementHandler } from './supply-supplement/supply-supplement.handler';
import { CloseSubmissionController } from './close-submission/close-submission.controller';
import { CloseSubmissionHandler } from './close-submission/close-submission.handler';
import { RegisterSubmissionController } from './register-submission/register-submission.controller';
import { RegisterSubmissionHandler } from './register-submission/register-submission.handler';
import { GetTicketController } from './get-ticket/get-ticket.controller';
import { GetTicketHandler } from './get-ticket/get-ticket.handler';
import { ListTicketsController } from './list-tickets/list-tickets.controller';
import { ListTicketsHandler } from './list-tickets/list-tickets.handler';
import { AnswerFromKnowledgeBaseController } from './answer-from-knowledge-base/answer-from-knowledge-base.controller';
import { AnswerFromKnowledgeBaseHandler } from './answer-from-knowledge-base/answer-from-knowledge-base.handler';
import { GuideCallerController } from './guide-caller/guide-caller.controller';
import { GuideCallerHandler } from './guide-caller/guide-caller.handler';
import { DispatchTicketController } from './dispatch-ticket/dispatch-ticket.controller';
import { DispatchTicketHandler } from './dispatch-ticket/dispatch-ticket.handler';
import { AcceptTicketController } from './accept-ticket/accept-ticket.controller';
import { AcceptTicketHandler } from './accept-ticket/accept-ticket.handler';
import { RequestReturnController } from './request-return/request-return.controller';
import { RequestReturnHandler } from './request-return/request-return.handler';
import { DecideReturnController } from './decide-return/decide-return.controller';
import { DecideReturnHandler } from './decide-return/decide-return.handler';
import { RequestGuidanceController } from './request-guidance/request-guidance.controller';
import { RequestGuidanceHandler } from './request-guidance/request-guidance.handler';
import { GiveGuidanceController } from './give-guidance/give-guidance.controller';
import { GiveGuidanceHandler } from './give-guidance/give-guidance.handler';
import { DecideUnitController } from './decide-unit/decide-unit.controller';
import { DecideUnitHandler } from './decide-unit/decide-unit.handler';
import { AssignCoHandlersController } from './assign-co-handlers/assign-co-handlers.controller';
import { AssignCoHandlersHandler } from './assign-co-handlers/assign-co-handlers.handler';
import { AssignSubOfficeController } from './assign-sub-office/assign-sub-office.controller';
import { AssignSubOfficeHandler } from './assign-sub-office/assign-sub-office.handler';
import { ExtendDeadlineController } from './extend-deadline/extend-deadline.controller';
import { ExtendDeadlineHandler } from './extend-deadline/extend-deadline.handler';
import { AddFactsController } from './add-facts/add-facts.controller';
import { AddFactsHandler } from './add-facts/add-facts.handler';
import { AssessFactsController } from './assess-facts/assess-facts.controller';
import { AssessFactsHandler } from './assess-facts/assess-facts.handler';
import { RecordVerificationAttemptController } from './record-verification-attempt/record-verification-attempt.controller';
import { RecordVerificationAttemptHandler } from './record-verification-attempt/record-verification-attempt.handler';
import { RecordReplyController } from './record-reply/record-reply.controller';
import { RecordReplyHandler } from './record-reply/record-reply.handler';
import { SubmitReportController } from './submit-report/submit-report.controller';
import { SubmitReportHandler } from './submit-report/submit-report.handler';
import { AuditReportController } from './audit-report/audit-report.controller';
import { AuditReportHandler } from './audit-report/audit-report.handler';
import { RateHandlingController } from './rate-handling/rate-handling.controller';
import { RateHandlingHandler } from './rate-handling/rate-handling.handler';
import { ReopenForRehandlingController } from './reopen-for-rehandling/reopen-for-rehandling.controller';
import { ReopenForRehandlingHandler } from './reopen-for-rehandling/reopen-for-rehandling.handler';
import { CloseWithoutRehandlingController } from './close-without-rehandling/close-without-rehandling.controller';
import { CloseWithoutRehandlingHandler } from './close-without-rehandling/close-without-rehandling.handler';
import { RecordCallbackController } from './record-callback/record-callback.controller';
import { RecordCallbackHandler } from './record-callback/record-callback.handler';
import { FileDutyOpinionController } from './file-duty-opinion/file-duty-opinion.controller';
import { FileDutyOpinionHandler } from './file-duty-opinion/file-duty-opinion.handler';
import { WithdrawTicketController } from './withdraw-ticket/withdraw-ticket.controller';
import { WithdrawTicketHandler } from './withdraw-ticket/withdraw-ticket.handler';
import { MarkReadController } from './mark-read/mark-read.controller';
import { MarkReadHandler } from './mark-read/mark-read.handler';
import { MergeTicketController } from './merge-ticket/merge-ticket.controller';
import { MergeTicketHandler } from './merge-ticket/merge-ticket.handler';
import { FireTicketClockHandler } from './fire-ticket-clock/fire-ticket-clock.handler';
import { LapseSupplementHandler } from './lapse-supplement/lapse-supplement.handler';
import { OPEN311_CONTROLLERS, OPEN311_PROVIDERS } from './open311';
import { KNOWLEDGE_CONTROLLERS, KNOWLEDGE_PROVIDERS } from './knowledge/knowledge.wiring';
import { LINKING_CONTROLLERS, LINKING_PROVIDERS } from './linking/linking.wiring';
import { REPORTING_CONTROLLERS, REPORTING_PROVIDERS } from './reporting/reporting.wiring';
import { MARKET_ENTITY_PROVIDERS } from './market-entities/market-entities.wiring';
import { SUPERVISION_CONTROLLERS, SUPERVISION_PROVIDERS } from './supervision/supervision.wiring';

/** The complaints service's own controllers and use cases; the platform supplies the rest. */
@Module({
  controllers: [
    ReceiveSubmissionController,
    GetSubmissionController,
    RequestSupplementController,
    RecordSupplementCallController,
    SupplySupplementController,
    CloseSubmissionController,
    RegisterSubmissionController,
    GetTicketController,
    ListTicketsController,
    AnswerFromKnowledgeBaseController,
    GuideCallerController,
    DispatchTicketController,
    AcceptTicketController,
    RequestReturnController,
    DecideReturnController,
    RequestGuidanceController,
    GiveGuidanceController,
    DecideUnitController,
    AssignCoHandlersController,
    AssignSubOfficeController,
    ExtendDeadlineController,
    AddFactsController,
    AssessFactsController,
    RecordVerificationAttemptController,
    RecordReplyController,
    SubmitReportController,
    AuditReportController,
    RateHandlingController,
    ReopenForRehandlingController,
    CloseWithoutRehandlingController,
    RecordCallbackController,
    FileDutyOpinionController,
    WithdrawTicketController,
    MarkReadController,
    MergeTicketController,
    ...OPEN311_CONTROLLERS,
    ...KNOWLEDGE_CONTROLLERS,
    ...LINKING_CONTROLLERS,
    ...REPORTING_CONTROLLERS,
    ...SUPERVISION_CONTROLLERS,
  ],
  providers: [
    { provide: COMPLAINTS_REFERENCE_DATA, useValue: DEV_REFERENCE_DATA },
    SubmissionRepository,
    TicketRepository,
    CallerRepository,
    ReminderRepository,
    EscalationRepository,
    ComplaintsEvents,
    TicketClocks,
    TicketDesk,
    SubmissionDesk,
    Dispatcher,
    ReceiveSubmissionHandler,
    GetSubmissionHandler,
    RequestSupplementHandler,
    RecordSupplementCallHandler,
    SupplySupplementHandler,
    CloseSubmissionHandler,
    RegisterSubmissionHandler,
    GetTicketHandler,
    ListTicketsHandler,
    AnswerFromKnowledgeBaseHandler,
    GuideCallerHandler,
    DispatchTicketHandler,
    AcceptTicketHandler,
    RequestReturnHandler,
    DecideReturnHandler,
    RequestGuidanceHandler,
    GiveGuidanceHandler,
    DecideUnitHandler,
    AssignCoHandlersHandler,
    AssignSubOfficeHandler,
    ExtendDeadlineHandler,
    AddFactsHandler,
    AssessFactsHandler,
    RecordVerificationAttemptHandler,
    RecordReplyHandler,
    SubmitReportHandler,
    AuditReportHandler,
    RateHandlingHandler,
    ReopenForRehandlingHandler,
    CloseWithoutRehandlingHandler,
    RecordCallbackHandler,
    FileDutyOpinionHandler,
    WithdrawTicketHandler,
    MarkReadHandler,
    MergeTicketHandler,
    FireTicketClockHandler,
    LapseSupplementHandler,
    ...OPEN311_PROVIDERS,
    ...KNOWLEDGE_PROVIDERS,
    ...LINKING_PROVIDERS,
    ...REPORTING_PROVIDERS,
    ...MARKET_ENTITY_PROVIDERS,
    ...SUPERVISION_PROVIDERS,
  ],
})
export class AppModule {}

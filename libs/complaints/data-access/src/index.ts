export * from './tables';
export { COMPLAINTS_MIGRATIONS } from './migrations';
export { CallerRepository, EscalationRepository, ReminderRepository, SubmissionRepository, TicketRepository, type CallerRecord } from './repositories';
export * from './reference-data';
export * from './knowledge';
export * from './linking';
export * from './reporting';
export * from './open311';
export * from './supervision';

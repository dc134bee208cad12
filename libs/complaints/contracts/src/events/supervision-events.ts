import { defineEvent, type EventDefinition } from '@one-window/shared/messaging';
import { COMPLAINTS_TOPIC } from '../topic';
import { ID, INSTANT, NULLABLE_INSTANT } from './schema-parts';
import { EVENT_AUDIENCE } from './ticket-events';

const ACTOR = { type: 'object', required: ['role'], properties: { role: { type: 'string' } } };

export interface SupervisionEventContract {
  caseId: string;
  kind: string;
  ticketId: string;
  submissionId: string;
  unitId: string;
  jurisdictionId: string;
  state: string;
  dueAt: string | null;
  autoProposed: boolean;
  occurredAt: string;
  actor: { role: string };
  version: number;
  issueId?: string;
  onTime?: boolean;
  reasons?: string[];
}

function supervisionEvent(verb: string, summary: string, example: Partial<SupervisionEventContract> = {}): EventDefinition<SupervisionEventContract> {
  const name = `complaints.supervision.${verb}`;
  EVENT_AUDIENCE.set(name, 'internal');
  return defineEvent<SupervisionEventContract>({
    name,
    version: 1,
    topic: COMPLAINTS_TOPIC,
    summary: `[N] ${summary} Keyed by the case id; subject = case id.`,
    schema: {
      type: 'object',
      required: ['caseId', 'kind', 'ticketId', 'submissionId', 'unitId', 'jurisdictionId', 'state', 'dueAt', 'autoProposed', 'occurredAt', 'actor', 'version'],
      properties: {
        caseId: ID,
        kind: { type: 'string', enum: ['OVERDUE_UNJUSTIFIED', 'FEEDBACK_NONCOMPLIANT', 'LONG_RUNNING', 'DUTY_OPINION_OBJECTION'] },
        ticketId: ID,
        submissionId: ID,
        unitId: ID,
        jurisdictionId: ID,
        state: { type: 'string', enum: ['OPEN', 'RESPONDED', 'CLOSED'] },
        dueAt: NULLABLE_INSTANT,
        autoProposed: { type: 'boolean' },
        occurredAt: INSTANT,
        actor: ACTOR,
        version: { type: 'integer', minimum: 1 },
        issueId: ID,
        onTime: { type: 'boolean' },
        reasons: { type: 'array', items: { type: 'string' } },
      },
    },
    example: {
      caseId: 'sv-5b1e7c20',
      kind: 'OVERDUE_UNJUSTIFIED',
      ticketId: 'tk-8f2d4a10',
      submissionId: 'sb-1c9e3b77',
      unitId: 'GZ-YX-HOUSING',
      jurisdictionId: 'CN-44-01',
      state: 'OPEN',
      dueAt: '2026-10-09T16:00:00.000Z',
      autoProposed: false,
      occurredAt: '2026-09-30T02:00:00.000Z',
      actor: { role: 'hotline_agent' },
      version: 1,
      ...example,
    },
  });
}

export const SupervisionOpened = supervisionEvent('opened', 'A supervision case (督办) was opened on a ticket with requirements and a deadline from the unit\u2019s receipt (002 L1610–1620); autoProposed when the service opened OVERDUE_UNJUSTIFIED for an overdue ticket.');
export const SupervisionResponded = supervisionEvent('responded', 'The supervised unit (or the guidance unit) responded to the case.', { state: 'RESPONDED', version: 2, onTime: true, actor: { role: 'handling_unit' } });
export const SupervisionAuditFailed = supervisionEvent('audit_failed', 'The centre failed the response: back to the unit, same deadline (design).', { state: 'OPEN', version: 3, reasons: ['no explanation of the delay'] });
export const SupervisionClosed = supervisionEvent('closed', 'The centre passed the response; the case is closed (002 L1610).', { state: 'CLOSED', version: 3 });
export const SupervisionOverdue = supervisionEvent('overdue', 'The case\u2019s deadline passed with no response; sent once.', { version: 2, actor: { role: 'timer' } });

export interface IssueEventContract {
  issueId: string;
  unitId: string;
  jurisdictionId: string;
  state: string;
  linkedTicketIds: string[];
  nextUpdateDueAt: string | null;
  occurredAt: string;
  actor: { role: string };
  version: number;
  month?: string;
  onTime?: boolean;
  ticketId?: string;
}

function issueEvent(verb: string, summary: string, example: Partial<IssueEventContract> = {}): EventDefinition<IssueEventContract> {
  const name = `complaints.issue.${verb}`;
  EVENT_AUDIENCE.set(name, 'internal');
  return defineEvent<IssueEventContract>({
    name,
    version: 1,
    topic: COMPLAINTS_TOPIC,
    summary: `[N] ${summary} Keyed by the issue id; subject = issue id.`,
    schema: {
      type: 'object',
      required: ['issueId', 'unitId', 'jurisdictionId', 'state', 'linkedTicketIds', 'nextUpdateDueAt', 'occurredAt', 'actor', 'version'],
      properties: {
        issueId: ID,
        unitId: ID,
        jurisdictionId: ID,
        state: { type: 'string', enum: ['FLAGGED', 'PLAN_DUE', 'ACTIVE', 'PROCEDURE_ENDED', 'CLOSED'] },
        linkedTicketIds: { type: 'array', items: ID },
        nextUpdateDueAt: NULLABLE_INSTANT,
        occurredAt: INSTANT,
        actor: ACTOR,
        version: { type: 'integer', minimum: 1 },
        month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
        onTime: { type: 'boolean' },
        ticketId: ID,
      },
    },
    example: {
      issueId: 'lr-0d3c9a51',
      unitId: 'GZ-YX-HOUSING',
      jurisdictionId: 'CN-44-01',
      state: 'FLAGGED',
      linkedTicketIds: ['tk-8f2d4a10'],
      nextUpdateDueAt: null,
      occurredAt: '2026-09-30T02:00:00.000Z',
      actor: { role: 'hotline_agent' },
      version: 1,
      ...example,
    },
  });
}

export const IssueFlagged = issueEvent('flagged', 'A long-running issue (长期未解决问题) many callers raise was flagged (002 L1622).');
export const IssueUnitNotified = issueEvent('unit_notified', 'The unit was notified; its plan is due within 10 working days (002 L1624).', { state: 'PLAN_DUE', version: 2, nextUpdateDueAt: '2026-10-20T16:00:00.000Z' });
export const IssueTicketLinked = issueEvent('ticket_linked', 'A ticket on the same issue was linked (SAME_ISSUE, 002 L1624).', { state: 'ACTIVE', version: 4, ticketId: 'tk-2a7b9e01', linkedTicketIds: ['tk-8f2d4a10', 'tk-2a7b9e01'] });
export const IssuePlanFiled = issueEvent('plan_filed', 'The unit filed its plan (002 L1624); progress is then due at least monthly.', { state: 'ACTIVE', version: 3, onTime: true, actor: { role: 'handling_unit' }, nextUpdateDueAt: '2026-10-31T16:00:00.000Z' });
export const IssuePlanOverdue = issueEvent('plan_overdue', 'The plan was not filed within 10 working days; sent once.', { state: 'PLAN_DUE', version: 3, actor: { role: 'timer' } });
export const IssueProgressReported = issueEvent('progress_reported', 'Progress was told to the callers with a stage report to the centre (002 L1624–1626).', { state: 'ACTIVE', version: 4, actor: { role: 'handling_unit' } });
export const IssueProgressDue = issueEvent('progress_due', 'Month end: no progress was reported in that month (at most one month between updates, 002 L1624); sent once per month.', { state: 'ACTIVE', version: 5, month: '2026-10', actor: { role: 'timer' } });
export const IssueProcedureEnded = issueEvent('procedure_ended', 'The procedure ended; the final position is due to the guidance department within 3 working days (002 L1626).', { state: 'PROCEDURE_ENDED', version: 6, actor: { role: 'handling_unit' } });
export const IssueFinalPositionOverdue = issueEvent('final_position_overdue', 'The final position was not sent within 3 working days; sent once.', { state: 'PROCEDURE_ENDED', version: 7, actor: { role: 'timer' } });
export const IssueFinalised = issueEvent('finalised', 'The final position went to the guidance department and the callers and centre were told; the issue is closed (002 L1626).', { state: 'CLOSED', version: 7, onTime: true, actor: { role: 'handling_unit' } });

export const SUPERVISION_AND_ISSUE_EVENTS: EventDefinition<unknown>[] = [
  SupervisionOpened,
  SupervisionResponded,
  SupervisionAuditFailed,
  SupervisionClosed,
  SupervisionOverdue,
  IssueFlagged,
  IssueUnitNotified,
  IssueTicketLinked,
  IssuePlanFiled,
  IssuePlanOverdue,
  IssueProgressReported,
  IssueProgressDue,
  IssueProcedureEnded,
  IssueFinalPositionOverdue,
  IssueFinalised,
] as EventDefinition<unknown>[];

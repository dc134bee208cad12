import { COMPLAINTS_EVENTS, COMPLAINTS_EVENTS_BY_NAME, TicketWithdrawn } from '@one-window/complaints/contracts';
import { ISSUE_EVENT_TYPES, OUTAGE_EVENT_TYPES, Submission, SUPERVISION_EVENT_TYPES, Ticket, TICKET_EVENT_TYPES } from '@one-window/complaints/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { EventCatalogue } from '@one-window/shared/messaging';
import { publishedData } from './complaints-events';

const calendar = WorkingCalendar.chinaMainland();
const at = new Date('2026-09-30T01:00:00.000Z');
const SUBMISSION_EVENT_TYPES = ['complaints.submission.received', 'complaints.submission.supplement_requested', 'complaints.submission.supplemented', 'complaints.submission.closed'];

describe('complaints events: the domain events and their published contracts (§8)', () => {
  const catalogue = new EventCatalogue(COMPLAINTS_EVENTS);

  it('every domain event type has a contract of the same name, and no contract lacks a domain event', () => {
    // knowledge base (§4), links and merges (§5), the quarterly report (§6): checked against real events in knowledge/knowledge-events.spec.ts
    const otherTypes = COMPLAINTS_EVENTS.map((e) => e.name).filter((n) => /^complaints\.(knowledge|merge|report)\./.test(n) || n === 'complaints.ticket.linked');
    const domainTypes = [...TICKET_EVENT_TYPES, ...SUBMISSION_EVENT_TYPES, ...SUPERVISION_EVENT_TYPES, ...ISSUE_EVENT_TYPES, ...OUTAGE_EVENT_TYPES, ...otherTypes];
    expect(domainTypes.filter((t) => !COMPLAINTS_EVENTS_BY_NAME.has(t))).toEqual([]);
    expect(COMPLAINTS_EVENTS.map((e) => e.name).filter((n) => !domainTypes.includes(n as never))).toEqual([]);
  });

  it('real domain events validate against their contracts; withdrawn is published without its internal-only field', () => {
    const received = Submission.receive({ id: 's-1', jurisdictionId: 'CN-44-01', channel: 'PHONE', callerKey: 'ck_1', actor: 'hotline_agent', at });
    const registered = received.aggregate.register({ at, agentId: 'agent-1', calendar, items: [{ ticketId: 't-1', type: 'REPORT', scenarioCode: 'MARKET.CONSUMER' }] });
    const dispatched = registered.tickets[0].dispatch({ at, actor: 'hotline_agent', by: 'agent-1', unitId: 'GZ-AMR', calendar });
    const withdrawn = dispatched.aggregate.withdraw({ at, actor: 'hotline_agent', callerKey: 'ck_1', by: 'agent-1' });
    const events = [...received.events, ...registered.events, ...dispatched.events, ...withdrawn.events];
    for (const e of events) {
      const def = COMPLAINTS_EVENTS_BY_NAME.get(e.type);
      expect([e.type, def && catalogue.validate(def.type, publishedData(e))]).toEqual([e.type, []]);
      expect(e.partitionKey).toBe('s-1');
    }
    const domainWithdrawn = withdrawn.events.find((e) => e.type === TicketWithdrawn.name);
    expect(domainWithdrawn?.data).toMatchObject({ investigationContinues: true });
    expect(publishedData(domainWithdrawn as (typeof events)[number])).not.toHaveProperty('investigationContinues');
    expect(JSON.stringify(events.map(publishedData))).not.toContain('ck_1');
  });

  it('a ticket holds no caller data in its events even when the caller was loaded', () => {
    const t = Ticket.register({ id: 't-2', submissionId: 's-2', jurisdictionId: 'CN-44-01', type: 'COMPLAINT', scenarioCode: 'X', channel: 'PHONE', callerKey: 'ck_2', at, agentId: 'a', calendar, caller: { name: '张三', phone: '13800000000' } });
    expect(JSON.stringify(t.events.map(publishedData))).not.toMatch(/张三|13800000000|ck_2/);
  });
});

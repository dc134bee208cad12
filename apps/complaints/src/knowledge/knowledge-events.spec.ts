import { COMPLAINTS_EVENTS, COMPLAINTS_EVENTS_BY_NAME } from '@one-window/complaints/contracts';
import { KnowledgeFeedback, KnowledgePoint, linkTickets, OutageNotice, planMerge, Ticket, type DomainEvent } from '@one-window/complaints/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { EventCatalogue } from '@one-window/shared/messaging';
import { publishedData } from '../shared/complaints-events';
import { ticketLinkedEvent } from '../linking/ticket-linked';

const calendar = WorkingCalendar.chinaMainland();
const at = new Date('2026-09-30T01:00:00.000Z');
const later = (days: number) => new Date(at.getTime() + days * 86_400_000);
const CONTENT = { title: 't', body: 'b', basis: ['law'], scope: 's', applicableSubjects: 'a', conditions: 'c', relations: [], faqs: [] };

describe('knowledge and link events: the real domain events validate against their contracts (§8)', () => {
  const catalogue = new EventCatalogue(COMPLAINTS_EVENTS);
  const valid = (events: readonly DomainEvent[]) => {
    for (const e of events) {
      const def = COMPLAINTS_EVENTS_BY_NAME.get(e.type);
      expect([e.type, def && catalogue.validate(def.type, publishedData(e))]).toEqual([e.type, []]);
    }
  };

  it('published, expiring, confirmed, expired, retired; feedback raised, overdue, resolved', () => {
    const reviewed = KnowledgePoint.draft({ id: 'kp-1', jurisdictionId: 'CN-44-01', unitId: 'U', category: 'SERVICE_GUIDE', content: CONTENT }).submitForReview({ at, unitId: 'U' });
    const published = reviewed.publish({ at, unitId: 'U', validUntil: later(200), calendar });
    const expiring = published.aggregate.remindExpiry({ at: later(171), calendar });
    const confirmed = expiring.aggregate.confirmValidity({ at: later(172), unitId: 'U', validUntil: later(300), calendar });
    const expired = confirmed.aggregate.expire({ at: later(300) });
    const retired = published.aggregate.retire({ at: later(1), unitId: 'U', reason: 'obsolete' });
    valid([...published.events, ...expiring.events, ...confirmed.events, ...expired.events, ...retired.events]);
    expect(expiring.events[0].data).toMatchObject({ daysBefore: 30 });

    const raised = KnowledgeFeedback.raise({ id: 'f-1', jurisdictionId: 'CN-44-01', unitId: 'U', pointId: 'kp-1', kind: 'ERROR', description: 'wrong', at, agentId: 'a', calendar });
    const overdue = raised.aggregate.markOverdue({ at: later(10) });
    const resolved = overdue.aggregate.resolveNoAction({ at: later(11), unitId: 'U', answer: 'correct as is' });
    const newPoint = KnowledgeFeedback.raise({ id: 'f-2', jurisdictionId: 'CN-44-01', unitId: 'U', kind: 'NEW_POINT', urgent: true, description: 'hot issue', at, agentId: 'a', calendar });
    valid([...raised.events, ...overdue.events, ...resolved.events, ...newPoint.events]);
  });

  it('outage: declared, script published, script overdue, updated, update due, recovered', () => {
    const declared = OutageNotice.declare({ id: 'on-1', jurisdictionId: 'CN-44-01', unitId: 'U', cause: 'Database failure', startedAt: at, services: ['s'], publishedOn: ['homepage'], at, calendar });
    const overdue = declared.aggregate.markScriptOverdue({ at: later(3) });
    const scripted = overdue.aggregate.publishScript({ at: later(3), unitId: 'U', text: 'Script' });
    const due = scripted.aggregate.remindUpdate({ at: later(3) });
    const updated = due.aggregate.postUpdate({ at: later(3.1), unitId: 'U', progress: 'p', scriptUpdated: true });
    const recovered = updated.aggregate.recover({ at: later(4), unitId: 'U' });
    const events = [...declared.events, ...overdue.events, ...scripted.events, ...due.events, ...updated.events, ...recovered.events];
    expect(events.map((e) => e.type)).toEqual(['complaints.outage.declared', 'complaints.outage.script_overdue', 'complaints.outage.script_published', 'complaints.outage.update_due', 'complaints.outage.updated', 'complaints.outage.recovered']);
    valid(events);
  });

  it('ticket.linked for both ends of a merge link', () => {
    const t = (id: string) => Ticket.register({ id, submissionId: `s-${id}`, jurisdictionId: 'CN-44-01', type: 'COMPLAINT', scenarioCode: 'X', channel: 'PHONE', callerKey: `ck-${id}`, at, agentId: 'a', calendar }).aggregate.state;
    const plan = planMerge({ id: 'm', primary: t('p'), secondary: t('s'), at, actor: 'hotline_agent', agentId: 'a', reason: 'same' });
    valid([ticketLinkedEvent(t('s'), plan.link, at), ticketLinkedEvent(t('p'), plan.link, at)]);
    const related = linkTickets({ type: 'RELATED', from: t('a'), to: t('b'), at, by: 'agent' });
    expect(publishedData(ticketLinkedEvent(t('b'), related, at))).toMatchObject({ linkType: 'RELATED', linkedTicketId: 'a', direction: 'BOTH' });
  });
});

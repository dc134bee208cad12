import { event, linksOf, type DomainEvent, type TicketLink, type TicketState } from '@one-window/complaints/domain';

/** `complaints.ticket.linked` for one end of a link (§8), with the ticket's common data and the link read from it. */
export function ticketLinkedEvent(s: TicketState, link: TicketLink, at: Date): DomainEvent {
  const [read] = linksOf(s.id, [link]);
  return event('complaints.ticket.linked', s.id, s.submissionId, at, {
    ticketId: s.id,
    submissionId: s.submissionId,
    jurisdictionId: s.jurisdictionId,
    ticketType: s.type,
    scenarioCode: s.scenarioCode,
    state: s.state,
    round: s.round,
    unitId: s.unitId ?? null,
    occurredAt: at.toISOString(),
    actor: { role: link.createdBy === 'system' ? 'system' : 'hotline_agent' },
    version: s.version,
    linkType: link.type,
    linkedTicketId: read.otherTicketId,
    direction: read.direction,
  });
}

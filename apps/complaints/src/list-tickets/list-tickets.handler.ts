import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Ticket } from '@one-window/complaints/domain';
import { TicketRepository } from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { TicketClocks } from '../shared/ticket-clocks';
import { perspectiveOf, ticketListScope } from '../shared/ticket-desk';
import { ticketView } from '../shared/ticket-view';
import type { ListTicketsQueryDto } from './list-tickets.dto';

/**
 * Tickets in the caller's scope (`ticketListScope`), oldest first, cursor-paged (`next` = the last id):
 * the centre and supervisors all (optionally one unit), a district hotline body its district's, an
 * officer its own unit's, an applicant its own. Each item
 * is the ticket as that perspective may see it, without the caller's identity.
 */
@Injectable()
export class ListTicketsHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly tickets: TicketRepository,
    private readonly clocks: TicketClocks,
  ) {}

  async execute(query: ListTicketsQueryDto, who: Principal) {
    const limit = query.limit ?? 50;
    const where: Record<string, string> = { ...ticketListScope(who, query.unitId), ...(query.state ? { state: query.state } : {}) };
    const rows = await this.tickets.list(this.ds.manager, where, { limit: limit + 1, ...(query.after ? { afterId: query.after } : {}) });
    const now = new Date();
    const items = rows.slice(0, limit).map((s) => {
      const ticket = Ticket.restore(s.doc);
      const perspective = perspectiveOf(who, s.doc) ?? 'caller';
      return ticketView(ticket, s.version, perspective === 'agent' || perspective === 'district' ? 'oversight' : perspective, this.clocks.clocks(ticket, now));
    });
    return { items, ...(rows.length > limit ? { next: items[items.length - 1].id } : {}) };
  }
}


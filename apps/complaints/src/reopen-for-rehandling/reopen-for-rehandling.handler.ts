import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type ReopenForRehandlingDto } from './reopen-for-rehandling.dto';

/** Row #23: after the first dissatisfied rating and its callback the centre reopens once (重办): same limit, no return, no extension (002 L1640–1642). */
@Injectable()
export class ReopenForRehandlingHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: ReopenForRehandlingDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['agent'], (ticket, ctx) => ticket.reopenForRehandling({ at: ctx.at, agentId: ctx.who.subject, callback: { channel: body.callback.channel, reason: body.callback.reason }, calendar: ctx.calendar, limits: ctx.limits }));
  }
}

import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type RecordCallbackDto } from './record-callback.dto';

/** Row #26: the callback after the second dissatisfaction; the unit\'s duty-fulfilled opinion is due in 5 working days (002 L1662–1664). */
@Injectable()
export class RecordCallbackHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: RecordCallbackDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['agent'], (ticket, ctx) => ticket.recordCallback({ at: ctx.at, agentId: ctx.who.subject, channel: body.channel, reason: body.reason, calendar: ctx.calendar, limits: ctx.limits }));
  }
}

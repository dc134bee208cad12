import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type CloseWithoutRehandlingDto } from './close-without-rehandling.dto';

/** Row #24: after the first dissatisfied rating the centre closes without re-handling (excluded outcome, or not reopened), with the reason. */
@Injectable()
export class CloseWithoutRehandlingHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: CloseWithoutRehandlingDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['agent'], (ticket, ctx) => ticket.closeWithoutRehandling({ at: ctx.at, agentId: ctx.who.subject, callback: { channel: body.callback.channel, reason: body.callback.reason }, reason: body.reason }));
  }
}

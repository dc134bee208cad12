import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { unitIdOf } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';

/** Row #5: the assigned unit accepts (签收) within 2 working days of receipt; IN_PROGRESS. */
@Injectable()
export class AcceptTicketHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['unit'], (ticket, ctx) => ticket.accept({ at: ctx.at, unitId: unitIdOf(ctx.who) }));
  }
}

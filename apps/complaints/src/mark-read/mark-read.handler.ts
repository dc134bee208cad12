import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { unitIdOf } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';

/** Row #29: the unit reads a PRAISE ticket and it closes (002 L1604). */
@Injectable()
export class MarkReadHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['unit'], (ticket, ctx) => ticket.markRead({ at: ctx.at, unitId: unitIdOf(ctx.who) }));
  }
}

import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { unitIdOf } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type AssignCoHandlersDto } from './assign-co-handlers.dto';

/** Row #8: the lead unit names and notifies its co-handlers and their items within 2 working days (002 L1556). */
@Injectable()
export class AssignCoHandlersHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: AssignCoHandlersDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['unit'], (ticket, ctx) => ticket.assignCoHandlers({ at: ctx.at, unitId: unitIdOf(ctx.who), coHandlers: body.coHandlers }));
  }
}

import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type DecideUnitDto } from './decide-unit.dto';

/** Row #12: the data administration decides the unit once every opinion is in or due; new clock; that unit may not return the ticket. */
@Injectable()
export class DecideUnitHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: DecideUnitDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['oversight'], (ticket, ctx) => ticket.decideUnit({ at: ctx.at, supervisorId: ctx.who.subject, unitId: body.unitId, ...(body.coHandlerUnitIds ? { coHandlerUnitIds: body.coHandlerUnitIds } : {}), calendar: ctx.calendar, limits: ctx.limits }));
  }
}

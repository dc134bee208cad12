import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { unitIdOf } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type AssignSubOfficeDto } from './assign-sub-office.dto';

/** The unit delegates to a sub-office (经办机构) and stays accountable (002 L1473). */
@Injectable()
export class AssignSubOfficeHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: AssignSubOfficeDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['unit'], (ticket, ctx) => ticket.assignSubOffice({ at: ctx.at, unitId: unitIdOf(ctx.who), subOfficeId: body.subOfficeId }));
  }
}

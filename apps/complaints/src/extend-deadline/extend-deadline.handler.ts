import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { unitIdOf } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type ExtendDeadlineDto } from './extend-deadline.dto';

/** Row #13: the unit extends (延期) before the deadline, at most twice, each at most the original limit; the new deadline chains from the previous one (002 L1570). */
@Injectable()
export class ExtendDeadlineHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: ExtendDeadlineDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['unit'], (ticket, ctx) => ticket.extend({ at: ctx.at, unitId: unitIdOf(ctx.who), workingDays: body.workingDays, reason: body.reason, publicReason: body.publicReason, calendar: ctx.calendar }));
  }
}

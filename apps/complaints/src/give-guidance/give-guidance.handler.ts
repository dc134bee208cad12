import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { unitIdOf } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type GiveGuidanceDto } from './give-guidance.dto';

/** Row #11: the requested guidance body gives its opinion. */
@Injectable()
export class GiveGuidanceHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: GiveGuidanceDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['guidance'], (ticket, ctx) => ticket.giveGuidance({ at: ctx.at, guidanceBodyId: unitIdOf(ctx.who), requestId: body.requestId, opinion: body.opinion }));
  }
}

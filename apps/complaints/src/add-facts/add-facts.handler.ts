import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { callerActing } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type AddFactsDto } from './add-facts.dto';

/** Rows #14/#15: the caller adds facts before submission, online or through the hotline, from the same phone or account (002 L1495, L1572). */
@Injectable()
export class AddFactsHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: AddFactsDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['caller', 'agent'], (ticket, ctx) => ticket.addFacts({ ...callerActing(ctx.who, body.callerPhone), at: ctx.at, summary: body.summary }));
  }
}

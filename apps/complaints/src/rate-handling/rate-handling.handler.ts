import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { callerActing } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type RateHandlingDto } from './rate-handling.dto';

/** Rows #21/#22: the caller rates the handling within 5 natural days: satisfied grades close the ticket, dissatisfied ones go to the callback (002 L1636–1638). */
@Injectable()
export class RateHandlingHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: RateHandlingDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['caller'], (ticket, ctx) => ticket.rate({ at: ctx.at, callerKey: callerActing(ctx.who).callerKey, answer: body.grade, actor: 'caller' }));
  }
}

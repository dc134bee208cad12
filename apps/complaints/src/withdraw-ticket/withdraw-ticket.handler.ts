import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { callerActing } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type WithdrawTicketDto } from './withdraw-ticket.dto';

/** Row #28: the caller withdraws (撤回), online or through the hotline, from the same phone or account; never rated (002 L1495, L1606). */
@Injectable()
export class WithdrawTicketHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: WithdrawTicketDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['caller', 'agent'], (ticket, ctx) => ticket.withdraw({ ...callerActing(ctx.who, body.callerPhone), at: ctx.at }));
  }
}

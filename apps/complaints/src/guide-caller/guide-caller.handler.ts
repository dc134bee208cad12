import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type GuideCallerDto } from './guide-caller.dto';

/** Row #3: the content calls for guidance only; the guidance text is recorded and the ticket closes GUIDED (002 L1513). */
@Injectable()
export class GuideCallerHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: GuideCallerDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['agent'], (ticket, ctx) => ticket.guide({ at: ctx.at, agentId: ctx.who.subject, guidanceText: body.guidanceText }));
  }
}

import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { randomUUID } from 'node:crypto';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type RequestGuidanceDto } from './request-guidance.dto';

/** Row #11: in coordination the data administration asks a guidance body for its opinion: 2 WD inter-district, 5 WD duty split or law application (002 L1562–1566). */
@Injectable()
export class RequestGuidanceHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: RequestGuidanceDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['oversight'], (ticket, ctx) => ticket.requestGuidance({ at: ctx.at, supervisorId: ctx.who.subject, requestId: randomUUID(), kind: body.kind, guidanceBodyId: body.guidanceBodyId, calendar: ctx.calendar, limits: ctx.limits }));
  }
}

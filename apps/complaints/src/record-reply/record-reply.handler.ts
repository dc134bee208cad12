import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { unitIdOf } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type RecordReplyDto } from './record-reply.dto';

/** Row #17: the reply (答复) by phone, SMS or letter; or the caller wants none; or 3 attempts ≥15 min apart failed; evidence kept (002 L1578). */
@Injectable()
export class RecordReplyHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: RecordReplyDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['unit'], (ticket, ctx) => ticket.recordReply({ at: ctx.at, unitId: unitIdOf(ctx.who), outcome: body.outcome, ...(body.method ? { method: body.method } : {}), attempts: (body.attempts ?? []).map((a) => new Date(a)), evidenceRef: body.evidenceRef }));
  }
}

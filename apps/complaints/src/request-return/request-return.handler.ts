import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { unitIdOf } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type RequestReturnDto } from './request-return.dto';

/** Row #6: the unit asks to return (退单) within 2 working days, with reasons and the evidence of its dispute type; the clock keeps running. */
@Injectable()
export class RequestReturnHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: RequestReturnDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['unit'], (ticket, ctx) => ticket.requestReturn({ at: ctx.at, unitId: unitIdOf(ctx.who), disputeType: body.disputeType, reasons: body.reasons, evidence: body.evidence, ...(body.suggestedUnitId ? { suggestedUnitId: body.suggestedUnitId } : {}) }));
  }
}

import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { unitIdOf } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type FileDutyOpinionDto } from './file-duty-opinion.dto';

/** Row #27: the unit files its duty-fulfilled opinion (履职尽责意见) within 5 working days; the ticket closes (002 L1664). */
@Injectable()
export class FileDutyOpinionHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: FileDutyOpinionDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['unit'], (ticket, ctx) => ticket.fileDutyOpinion({ at: ctx.at, unitId: unitIdOf(ctx.who), opinion: body.opinion }));
  }
}

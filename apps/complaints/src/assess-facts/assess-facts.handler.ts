import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { unitIdOf } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type AssessFactsDto } from './assess-facts.dto';

/** Rows #14/#15: the unit decides whether added facts affect handling: the clock restarts from their receipt (002 L1574) or continues (002 L1576). */
@Injectable()
export class AssessFactsHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: AssessFactsDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['unit'], (ticket, ctx) => ticket.assessFacts({ at: ctx.at, unitId: unitIdOf(ctx.who), factsNo: body.factsNo, affectsHandling: body.affectsHandling, note: body.note, calendar: ctx.calendar, limits: ctx.limits }));
  }
}

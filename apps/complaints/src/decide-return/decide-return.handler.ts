import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import type { Outcome, Ticket } from '@one-window/complaints/domain';
import { Dispatcher } from '../shared/dispatcher';
import { TicketDesk, type CommandContext, type VersionedTicketView } from '../shared/ticket-desk';
import type { DecideReturnDto } from './decide-return.dto';

/** Rows #7–#10: the centre approves a return (re-dispatch to the new unit, the clock restarts; joint handling with co-handlers; coordination after 3 distinct units) or rejects it (the clock continues). */
@Injectable()
export class DecideReturnHandler {
  constructor(private readonly desk: TicketDesk, private readonly dispatcher: Dispatcher) {}

  execute(id: string, body: DecideReturnDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['agent'], async (ticket, ctx) => body.decision === 'APPROVE' ? this.approve(ticket, ctx, body) : ticket.rejectReturn({ at: ctx.at, agentId: ctx.who.subject, reason: body.reason ?? '' }));
  }

  /** Approval: the new unit is the one named, else the catalogue's (or the unit the request suggested); the coordination branch needs none. */
  private async approve(ticket: Ticket, ctx: CommandContext, body: DecideReturnDto): Promise<Outcome<Ticket>> {
    const request = ticket.state.returnRequests[ticket.state.returnRequests.length - 1];
    // The domain sends the ticket to coordination when this approval makes 3 distinct units (002 L1558): no new unit then.
    const toCoordination = new Set([...ticket.approvedReturnUnits(), ...(request ? [request.unitId] : [])]).size >= 3;
    const named = body.newUnitId ?? request?.suggestedUnitId;
    const unitId = toCoordination ? undefined : (await this.dispatcher.choose(ctx.tx, ticket, { ...(named ? { unitId: named } : {}), overrideReason: body.reason ?? `return #${request?.no ?? 0} approved` })).unitId;
    return ticket.approveReturn({
      at: ctx.at,
      agentId: ctx.who.subject,
      ...(unitId ? { newUnitId: unitId } : {}),
      ...(body.coHandlerUnitIds ? { coHandlerUnitIds: body.coHandlerUnitIds } : {}),
      calendar: ctx.calendar,
      limits: ctx.limits,
    });
  }
}

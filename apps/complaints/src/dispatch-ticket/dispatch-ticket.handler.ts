import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { Dispatcher } from '../shared/dispatcher';
import { DispatchChoiceDto } from '../shared/dispatch-choice.dto';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';

/**
 * Row #4: dispatch (派单) to the unit of the dispatch catalogue (scenario × area), or another unit with a reason; the handling clock starts at 00:00 of the next working day.
 * The centre any ticket; a district hotline body the tickets of its district, to its district's units only.
 */
@Injectable()
export class DispatchTicketHandler {
  constructor(private readonly desk: TicketDesk, private readonly dispatcher: Dispatcher) {}

  execute(id: string, body: DispatchChoiceDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['agent', 'district'], async (ticket, ctx) => this.dispatcher.dispatch(ctx, ticket, body));
  }
}

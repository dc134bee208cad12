import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';

/** One ticket in the caller's scope (a unit sees only its own tickets, through viewForHandlingUnit). */
@Injectable()
export class GetTicketHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, who: Principal): Promise<VersionedTicketView> {
    return this.desk.read(id, who);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { LinkingDesk } from '../linking/linking-desk';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type MergeTicketDto } from './merge-ticket.dto';

/**
 * Row #30: merge (并单) this ticket into a primary ticket (§5), through the merge plan: the ticket
 * closes MERGED and is kept, a DUPLICATE link and a merge record are written, its caller joins the
 * primary, callers and units are informed. Answers with this (secondary) ticket; the merge record
 * is at `GET /tickets/{id}/links`.
 */
@Injectable()
export class MergeTicketHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: TicketDesk,
    private readonly linking: LinkingDesk,
  ) {}

  async execute(id: string, body: MergeTicketDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    const reason = body.reason ?? 'Same matter as the primary ticket (并单)';
    const done = await this.linking.merge({ primaryId: body.primaryTicketId, secondaryId: id, reason, ...(body.score !== undefined ? { score: body.score } : {}) }, who, ifMatch);
    return this.desk.view(this.ds.manager, done.secondary.ticket, done.secondary.version, 'agent', new Date());
  }
}

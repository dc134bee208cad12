import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { unitIdOf } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type RecordVerificationAttemptDto } from './record-verification-attempt.dto';

/** Row #16: a verification call to the caller; 3 unanswered ≥15 min apart, or a refusal, allow CALLER_UNREACHABLE (002 L1519). */
@Injectable()
export class RecordVerificationAttemptHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: RecordVerificationAttemptDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['unit'], (ticket, ctx) => ticket.recordVerificationAttempt({ at: body.at ? new Date(body.at) : ctx.at, unitId: unitIdOf(ctx.who), ...(body.refused !== undefined ? { refused: body.refused } : {}) }));
  }
}

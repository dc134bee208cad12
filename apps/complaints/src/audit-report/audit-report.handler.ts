import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import type { Outcome, Ticket } from '@one-window/complaints/domain';
import { agentActor } from '../shared/acting';
import { TicketDesk, type CommandContext, type VersionedTicketView } from '../shared/ticket-desk';
import { type AuditReportDto } from './audit-report.dto';

/** Rows #19/#20: the centre (or the district hotline body, for its district's tickets) audits the report: PASS fixes onTime and the rating request goes out at once (5 ND window); FAIL sends it back, the clock resumes (002 L1454, L1539, L1634). */
@Injectable()
export class AuditReportHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: AuditReportDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['agent', 'district'], (ticket, ctx) => body.result === 'PASS' ? passAndRequestRating(ticket, ctx) : ticket.auditFail({ at: ctx.at, actor: agentActor(ctx.who), by: ctx.who.subject, reasons: body.reasons ?? [] }));
  }
}

/** Audit pass, then the rating request at once through the system channel (within 24 h, 002 L1634): the 5 ND window opens. */
function passAndRequestRating(ticket: Ticket, ctx: CommandContext): Outcome<Ticket> {
  const passed = ticket.auditPass({ at: ctx.at, actor: agentActor(ctx.who), by: ctx.who.subject, calendar: ctx.calendar, limits: ctx.limits });
  const requested = passed.aggregate.sendRatingRequest({ at: ctx.at, actor: 'system', calendar: ctx.calendar, limits: ctx.limits });
  return { aggregate: requested.aggregate, events: [...passed.events, ...requested.events] };
}

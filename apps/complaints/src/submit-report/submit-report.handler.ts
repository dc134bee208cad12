import { Injectable } from '@nestjs/common';
import type { Principal } from '@one-window/shared/auth';
import { unitIdOf } from '../shared/acting';
import { TicketDesk, type VersionedTicketView } from '../shared/ticket-desk';
import { type SubmitReportDto, toReport } from './submit-report.dto';

/** Rows #18/#25: the unit submits its handling report (办理情况报告) with the outcome code; the clock stops provisionally (002 L1539, L1580–1600). */
@Injectable()
export class SubmitReportHandler {
  constructor(private readonly desk: TicketDesk) {}

  execute(id: string, body: SubmitReportDto, who: Principal, ifMatch?: string): Promise<VersionedTicketView> {
    return this.desk.command(id, who, ifMatch, ['unit'], (ticket, ctx) => ticket.submit({ at: ctx.at, unitId: unitIdOf(ctx.who), outcomeCode: body.outcomeCode, report: toReport(body.report) }));
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { marketEntityTags, type Outcome, type Ticket } from '@one-window/complaints/domain';
import { MarketEntityDirectory } from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Dispatcher } from '../shared/dispatcher';
import { SubmissionDesk, submissionView } from '../shared/submission-desk';
import { TicketDesk } from '../shared/ticket-desk';
import type { RegisterSubmissionDto } from './register-submission.dto';

/**
 * Registration (登记, spec §3.3): the submission is REGISTERED and creates one ticket per item
 * (`ticket.registered` each, dispatch due in 1 WD), tagged with what the market-entity directory
 * says of the submission's credit code (`marketEntityTags`); items with `dispatch` go to their unit at once
 * (`ticket.dispatched`, handling clock). Timers are set for each ticket in the same transaction.
 */
@Injectable()
export class RegisterSubmissionHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly submissions: SubmissionDesk,
    private readonly tickets: TicketDesk,
    private readonly dispatcher: Dispatcher,
    private readonly calendar: WorkingCalendar,
    private readonly directory: MarketEntityDirectory,
  ) {}

  execute(id: string, body: RegisterSubmissionDto, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.submissions.load(tx, id, who, ['agent'], ifMatch);
      const at = new Date();
      const limits = this.tickets.limitsFor(loaded.record.jurisdictionId);
      // A submission about a market entity: the register's facts (from registration's events) tag every ticket (spec §5).
      const uscc = loaded.submission.state.uscc;
      const entity = uscc ? await this.directory.get(tx, uscc) : undefined;
      const tagsOf = (given?: readonly string[]) => marketEntityTags({ ...(uscc ? { uscc } : {}), ...(entity ? { entity } : {}), ...(given ? { given } : {}) });
      const registered = loaded.submission.register({
        at,
        agentId: who.subject,
        calendar: this.calendar,
        limits,
        ...(loaded.record.intake.area ? { area: loaded.record.intake.area } : {}),
        items: body.items.map((item) => ({
          ticketId: randomUUID(),
          type: item.type,
          scenarioCode: item.scenarioCode,
          ...(item.assignedDeadline ? { assignedDeadline: new Date(item.assignedDeadline) } : {}),
          ...(item.priority ? { priority: item.priority } : {}),
          marketEntityTags: tagsOf(item.marketEntityTags),
        })),
      });
      const saved = await this.submissions.save(tx, loaded, { aggregate: registered.aggregate, events: [] });
      const views = [];
      for (const [i, ticket] of registered.tickets.entries()) {
        const own = registered.events.filter((e) => (e.data as { ticketId?: string }).ticketId === ticket.state.id);
        let outcome: Outcome<Ticket> = { aggregate: ticket, events: own };
        const choice = body.items[i].dispatch;
        if (choice) {
          const dispatched = await this.dispatcher.dispatch({ at, calendar: this.calendar, limits, who, tx }, ticket, choice);
          outcome = { aggregate: dispatched.aggregate, events: [...own, ...dispatched.events] };
        }
        const version = await this.tickets.insert(tx, outcome, at);
        views.push(await this.tickets.view(tx, outcome.aggregate, version, 'agent', at));
      }
      return { submission: submissionView(saved.record, saved.version, 'agent'), tickets: views };
    });
  }
}

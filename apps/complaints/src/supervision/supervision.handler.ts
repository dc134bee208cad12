import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InvalidArgumentError, LongRunningIssue, SupervisionCase, type Outcome } from '@one-window/complaints/domain';
import type { Principal } from '@one-window/shared/auth';
import { assertIfMatch } from '@one-window/shared/http';
import type { WorkingCalendar } from '@one-window/shared/calendar';
import { LinkingDesk } from '../linking/linking-desk';
import { DistrictNotAllowedError, NotFoundError } from '../shared/errors';
import { districtOf, perspectiveOf } from '../shared/ticket-desk';
import type {
  AuditSupervisionCaseDto,
  FinaliseIssueDto,
  FlagIssueDto,
  IssueTextDto,
  LinkIssueTicketDto,
  ListIssuesQueryDto,
  ListSupervisionCasesQueryDto,
  NotifyIssueUnitDto,
  OpenSupervisionCaseDto,
  RespondSupervisionCaseDto,
} from './supervision.dto';
import { oversightActor, seesAll, SupervisionDesk, type CaseView, type IssueView } from './supervision-desk';

function pastOrNow(value: string | undefined, now: Date, field: string): Date {
  if (!value) return now;
  const at = new Date(value);
  if (at.getTime() > now.getTime()) throw new InvalidArgumentError(`${field} is not in the future`, { [field]: value });
  return at;
}

/** Supervision cases (督办, §3.7): open, respond, audit, read, list. */
@Injectable()
export class SupervisionCasesHandler {
  constructor(private readonly desk: SupervisionDesk) {}

  open(body: OpenSupervisionCaseDto, who: Principal): Promise<CaseView> {
    return this.desk.ds.transaction(async (tx) => {
      const ticket = await this.desk.tickets.get(tx, body.ticketId);
      // A district hotline body opens cases on its district's tickets only (spec §1); others: 404.
      if (!ticket || (districtOf(who) && perspectiveOf(who, ticket.doc) !== 'district')) throw new NotFoundError('Ticket', body.ticketId);
      const now = new Date();
      const at = pastOrNow(body.openedAt, now, 'openedAt');
      const { view } = await this.desk.openCase(tx, ticket.doc, {
        id: randomUUID(),
        kind: body.kind,
        requirements: body.requirements,
        actor: oversightActor(who),
        by: who.subject,
        at,
        ...(body.guidanceBodyId ? { guidanceBodyId: body.guidanceBodyId } : {}),
      });
      return view;
    });
  }

  respond(id: string, body: RespondSupervisionCaseDto, who: Principal, ifMatch?: string): Promise<CaseView> {
    return this.command(id, who, ifMatch, false, (c, at) => c.respond({ at, agencyId: who.agencyId ?? '', text: body.response }));
  }

  audit(id: string, body: AuditSupervisionCaseDto, who: Principal, ifMatch?: string): Promise<CaseView> {
    return this.command(id, who, ifMatch, true, (c, at) => c.audit({ at, actor: oversightActor(who), by: who.subject, passed: body.passed, ...(body.reasons ? { reasons: body.reasons } : {}) }));
  }

  async read(id: string, who: Principal): Promise<CaseView> {
    const tx = this.desk.ds.manager;
    const stored = await this.desk.cases.get(tx, id);
    if (!stored || !(this.desk.canSeeCase(who, stored.doc) || (await this.desk.districtCase(tx, who, stored.doc)))) throw new NotFoundError('Supervision case', id);
    return this.desk.caseView(stored.doc, stored.version);
  }

  /** Oversight: all cases (filters: status, ticketId, unitId); a district hotline body: its district's tickets' cases; an officer: its unit's. Oldest first, cursor-paged. */
  async list(query: ListSupervisionCasesQueryDto, who: Principal) {
    const district = districtOf(who);
    if (district && !seesAll(who)) return this.listInDistrict(district, query);
    const unitId = seesAll(who) ? query.unitId : who.agencyId;
    if (!unitId && !seesAll(who)) return { items: [] };
    const limit = query.limit ?? 50;
    const where: Record<string, string> = { ...(unitId ? { unit_id: unitId } : {}), ...(query.status ? { status: query.status } : {}), ...(query.ticketId ? { ticket_id: query.ticketId } : {}) };
    const rows = await this.desk.cases.list(this.desk.ds.manager, where, { limit: limit + 1, ...(query.after ? { afterId: query.after } : {}) });
    const now = new Date();
    const items = rows.slice(0, limit).map((r) => this.desk.caseView(r.doc, r.version, now));
    return { items, ...(rows.length > limit ? { next: items[items.length - 1].id } : {}) };
  }

  private async listInDistrict(district: string, query: ListSupervisionCasesQueryDto) {
    const limit = query.limit ?? 50;
    const where: Record<string, string> = { ...(query.unitId ? { unit_id: query.unitId } : {}), ...(query.status ? { status: query.status } : {}), ...(query.ticketId ? { ticket_id: query.ticketId } : {}) };
    const rows = await this.desk.cases.listInTicketDistrict(this.desk.ds.manager, district, where, { limit: limit + 1, ...(query.after ? { afterId: query.after } : {}) });
    const now = new Date();
    const items = rows.slice(0, limit).map((r) => this.desk.caseView(r.doc, r.version, now));
    return { items, ...(rows.length > limit ? { next: items[items.length - 1].id } : {}) };
  }

  private command(id: string, who: Principal, ifMatch: string | undefined, oversight: boolean, run: (c: SupervisionCase, at: Date) => Outcome<SupervisionCase>): Promise<CaseView> {
    return this.desk.ds.transaction(async (tx) => {
      const stored = await this.desk.cases.get(tx, id, { lock: true });
      const inDistrict = stored ? await this.desk.districtCase(tx, who, stored.doc) : false;
      if (!stored || !(this.desk.canSeeCase(who, stored.doc) || inDistrict) || (oversight && !seesAll(who) && !inDistrict)) throw new NotFoundError('Supervision case', id);
      assertIfMatch({ headers: { 'if-match': ifMatch } }, stored.version, { required: false });
      const at = new Date();
      const outcome = run(SupervisionCase.restore(stored.doc), at);
      const version = await this.desk.saveCase(tx, stored, outcome);
      return this.desk.caseView(outcome.aggregate.state, version, at);
    });
  }
}

/**
 * Long-running issues (§3.8): flag, notify the unit, link tickets, plan, progress, end, finalise,
 * read, list. Every ticket added to an issue is linked SAME_ISSUE to the issue's first ticket
 * (`ticket.linked`, 002 L1624).
 */
@Injectable()
export class LongRunningIssuesHandler {
  constructor(
    private readonly desk: SupervisionDesk,
    private readonly linking: LinkingDesk,
  ) {}

  flag(body: FlagIssueDto, who: Principal): Promise<IssueView> {
    const district = districtOf(who);
    if (district && !seesAll(who)) throw new DistrictNotAllowedError(district, 'flag a long-running issue');
    return this.desk.ds.transaction(async (tx) => {
      const ticketIds = [...new Set(body.ticketIds ?? [])];
      let jurisdictionId: string | undefined;
      for (const id of ticketIds) {
        const t = await this.desk.tickets.get(tx, id);
        if (!t) throw new NotFoundError('Ticket', id);
        jurisdictionId ??= t.doc.jurisdictionId;
      }
      const at = new Date();
      const outcome = LongRunningIssue.flag({ id: randomUUID(), jurisdictionId: jurisdictionId ?? 'CN-44-01', unitId: body.unitId, title: body.title, ticketIds, at, actor: oversightActor(who), by: who.subject });
      const version = await this.desk.saveIssue(tx, undefined, outcome, at);
      await this.desk.joinIssue(tx, outcome.aggregate.state.id, ticketIds);
      for (const other of ticketIds.slice(1)) await this.linking.linkSameIssue(tx, outcome.aggregate.state.id, other, ticketIds[0], who.subject, at);
      return this.desk.issueView(outcome.aggregate.state, version, at);
    });
  }

  notify(id: string, body: NotifyIssueUnitDto, who: Principal, ifMatch?: string): Promise<IssueView> {
    return this.command(id, who, ifMatch, true, (i, now, calendar) => i.notifyUnit({ at: pastOrNow(body.notifiedAt, now, 'notifiedAt'), actor: oversightActor(who), calendar }));
  }

  linkTicket(id: string, body: LinkIssueTicketDto, who: Principal, ifMatch?: string): Promise<IssueView> {
    return this.desk.ds.transaction(async (tx) => {
      if (!(await this.desk.tickets.get(tx, body.ticketId))) throw new NotFoundError('Ticket', body.ticketId);
      const view = await this.run(tx, id, who, ifMatch, true, (i, at) => i.linkTicket({ at, ticketId: body.ticketId }));
      await this.desk.joinIssue(tx, id, [body.ticketId]);
      if (view.ticketIds.length > 1) await this.linking.linkSameIssue(tx, id, body.ticketId, view.ticketIds[0], who.subject, new Date());
      return view;
    });
  }

  plan(id: string, body: IssueTextDto, who: Principal, ifMatch?: string): Promise<IssueView> {
    return this.command(id, who, ifMatch, false, (i, at) => i.filePlan({ at, unitId: who.agencyId ?? '', plan: body.text }));
  }

  progress(id: string, body: IssueTextDto, who: Principal, ifMatch?: string): Promise<IssueView> {
    return this.command(id, who, ifMatch, false, (i, at) => i.reportProgress({ at, unitId: who.agencyId ?? '', text: body.text }));
  }

  end(id: string, who: Principal, ifMatch?: string): Promise<IssueView> {
    return this.command(id, who, ifMatch, false, (i, at, calendar) => i.endProcedure({ at, unitId: who.agencyId ?? '', calendar }));
  }

  finalise(id: string, body: FinaliseIssueDto, who: Principal, ifMatch?: string): Promise<IssueView> {
    return this.command(id, who, ifMatch, false, (i, at) => i.finalise({ at, unitId: who.agencyId ?? '', position: body.position, guidanceBodyId: body.guidanceBodyId }));
  }

  async read(id: string, who: Principal): Promise<IssueView> {
    const stored = await this.desk.issues.get(this.desk.ds.manager, id);
    if (!stored || !this.desk.canSeeIssue(who, stored.doc)) throw new NotFoundError('Long-running issue', id);
    return this.desk.issueView(stored.doc, stored.version);
  }

  async list(query: ListIssuesQueryDto, who: Principal) {
    const unitId = seesAll(who) ? query.unitId : who.agencyId;
    if (!unitId && !seesAll(who)) return { items: [] };
    const limit = query.limit ?? 50;
    const where: Record<string, string> = { ...(unitId ? { unit_id: unitId } : {}), ...(query.status ? { status: query.status } : {}) };
    const rows = await this.desk.issues.list(this.desk.ds.manager, where, { limit: limit + 1, ...(query.after ? { afterId: query.after } : {}) });
    const now = new Date();
    const items = rows.slice(0, limit).map((r) => this.desk.issueView(r.doc, r.version, now));
    return { items, ...(rows.length > limit ? { next: items[items.length - 1].id } : {}) };
  }

  private command(id: string, who: Principal, ifMatch: string | undefined, oversight: boolean, run: (i: LongRunningIssue, at: Date, calendar: WorkingCalendar) => Outcome<LongRunningIssue>): Promise<IssueView> {
    return this.desk.ds.transaction((tx) => this.run(tx, id, who, ifMatch, oversight, run));
  }

  private async run(
    tx: Parameters<SupervisionDesk['saveIssue']>[0],
    id: string,
    who: Principal,
    ifMatch: string | undefined,
    oversight: boolean,
    run: (i: LongRunningIssue, at: Date, calendar: WorkingCalendar) => Outcome<LongRunningIssue>,
  ): Promise<IssueView> {
    const stored = await this.desk.issues.get(tx, id, { lock: true });
    if (!stored || !this.desk.canSeeIssue(who, stored.doc) || (oversight && !seesAll(who))) throw new NotFoundError('Long-running issue', id);
    assertIfMatch({ headers: { 'if-match': ifMatch } }, stored.version, { required: false });
    const at = new Date();
    const outcome = run(LongRunningIssue.restore(stored.doc), at, this.desk.calendar);
    const version = await this.desk.saveIssue(tx, stored, outcome, at);
    return this.desk.issueView(outcome.aggregate.state, version, at);
  }
}

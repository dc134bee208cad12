import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';
import { CreditRepairDueHandler } from '../src/credit-repair/credit-repair-due.handler';
import { CREDIT_REPAIR_DUE_TIMER } from '../src/shared/credit-repair-desk';
import {
  BANKRUPTCY_SOURCE,
  BANKRUPTCY_TOPIC,
  CaseAccepted,
  CaseClosed,
  CreditRepairRequested,
  ReorganisationPlanApproved,
  type CaseAcceptedData,
  type CaseClosedData,
  type CreditRepairRequestedData,
  type ReorganisationPlanApprovedData,
} from '@one-window/bankruptcy/contracts';
import { usccCheckChar } from '@one-window/business-registration/domain';
import { buildEvent, type CloudEvent } from '@one-window/shared/messaging';
import { waitFor } from '@one-window/shared/testing';
import { BANKRUPTCY_FOLLOW_GROUP } from '../src/service';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';
const PROBLEM = 'https://one-window.gov.cn/problems/';
const INVESTORS = ['p-a', 'p-b'];
const COURT_ID = 'COURT-440100-IPC';

/**
 * Business registration follows the bankruptcy cases (§11 consumed from bankruptcy, §8 "After court
 * liquidation or bankruptcy", bankruptcy.md B11) from `bankruptcy.events` on the real broker, into
 * the real database: acceptance flags the company and closes the simplified route to it; an approved
 * reorganisation plan is recorded and published on the public record; a completed
 * liquidation opens the court-route deregistration with the termination ruling; another outcome
 * clears the flag; redelivery and unknown debtors have no effect beyond the inbox.
 */
describe('business registration: bankruptcy case events (e2e)', () => {
  const r = registrationUnderTest({ topics: [BANKRUPTCY_TOPIC], source: BANKRUPTCY_SOURCE });
  const { tokens, http, as, payloads, handled } = r;
  let ds: DataSource;
  let app: NestExpressApplication;

  const founder = tokens.token({ sub: 'bk-founder-1', roles: ['applicant'] });
  const officerYx = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: YX });
  const officerTh = tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: 'GZ-TH-AMR' });

  beforeAll(async () => ({ ds, app } = await r.start()), 90_000);
  afterAll(() => r.close());

  const apply = (uscc: string, body: object, token = founder) => http().post(`${PREFIX}/companies/${uscc}/deregistrations`).set(as(token)).send(body);
  const simplified = (uscc: string) => apply(uscc, { route: 'SIMPLIFIED', commitmentSigned: true, committedInvestorRefs: INVESTORS });
  const companyRow = async (uscc: string): Promise<{ status: string; flags: Record<string, boolean>; bankruptcy: Record<string, unknown> | null; version: number }> =>
    (await ds.query(`SELECT status, data->'flags' AS flags, data->'bankruptcy' AS bankruptcy, version FROM company WHERE uscc = $1`, [uscc]))[0];
  const deregistrations = async (uscc: string): Promise<{ id: string; route: string; status: string; requested_by: { subject: string; role: string } }[]> =>
    ds.query(`SELECT id, route, status, data->'requestedBy' AS requested_by FROM deregistration WHERE uscc = $1 ORDER BY created_at`, [uscc]);
  const allHandled = (...events: CloudEvent<unknown>[]) => waitFor(async () => ((await Promise.all(events.map((e) => handled(BANKRUPTCY_FOLLOW_GROUP, e.id)))).every(Boolean) ? true : undefined), 30_000);
  const send = async (e: CloudEvent<unknown>) => {
    await r.publisher.send(BANKRUPTCY_TOPIC, e);
  };

  const accepted = (caseId: string, uscc: string): CloudEvent<CaseAcceptedData> =>
    buildEvent(CaseAccepted, BANKRUPTCY_SOURCE, {
      aggregateId: caseId,
      data: { caseId, courtId: COURT_ID, courtName: '广州市中级人民法院', rulingNo: `(2027)粤01破申${caseId}号`, caseRef: `(2027)粤01破${caseId}号`, debtor: { uscc }, acceptedOn: '2027-03-01' },
    });
  const closed = (caseId: string, uscc: string, outcome: CaseClosedData['outcome'], procedureType: CaseClosedData['procedureType']): CloudEvent<CaseClosedData> =>
    buildEvent(CaseClosed, BANKRUPTCY_SOURCE, {
      aggregateId: caseId,
      data: {
        caseId,
        courtId: COURT_ID,
        caseRef: `(2027)粤01破${caseId}号`,
        debtor: { uscc },
        procedureType,
        closingDate: '2027-09-30',
        outcome,
        rulingRef: `(2027)粤01破${caseId}号之五`,
        administratorId: 'admin-firm-7',
        administratorName: '广东示例律师事务所',
      },
    });

  const planApproved = (caseId: string, uscc: string, rulingRef = `(2027)粤01破${caseId}号之三`): CloudEvent<ReorganisationPlanApprovedData> =>
    buildEvent(ReorganisationPlanApproved, BANKRUPTCY_SOURCE, {
      aggregateId: caseId,
      data: {
        caseId,
        courtId: COURT_ID,
        courtName: '广州市中级人民法院',
        caseRef: `(2027)粤01破${caseId}号`,
        debtor: { uscc },
        procedureType: 'REORGANISATION',
        approvedOn: '2027-06-15',
        rulingRef,
        executionDeadline: '2029-06-14',
        administratorId: 'admin-firm-7',
        administratorName: '广东示例律师事务所',
      },
    });
  const publicView = async (uscc: string) => {
    const res = await http().get(`${PREFIX}/public/companies/${uscc}`);
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  };

  const register = (tradeName: string) => r.register(tradeName, founder);

  let liquidated: string; // accepted, then closed with the liquidation completed
  let reorganised: string; // accepted, then closed with the reorganisation completed
  let ordinaryFirst: string; // accepted, applies for ordinary deregistration, then the liquidation closes

  beforeAll(async () => {
    liquidated = await register('破晓');
    reorganised = await register('重光');
    ordinaryFirst = await register('清流');
  }, 60_000);

  describe('bankruptcy.case.accepted', () => {
    it('flags the company under bankruptcy with the case; a redelivery changes nothing', async () => {
      const events = [accepted('101', liquidated), accepted('102', reorganised), accepted('103', ordinaryFirst)];
      for (const e of events) await send(e);
      await allHandled(...events);
      expect(await companyRow(liquidated)).toMatchObject({
        status: 'ACTIVE',
        flags: { underBankruptcy: true, underDeregistration: false },
        bankruptcy: { caseId: '101', courtId: COURT_ID, courtName: '广州市中级人民法院', caseRef: '(2027)粤01破101号', rulingNo: '(2027)粤01破申101号', acceptedOn: '2027-03-01', eventId: events[0].id },
      });
      expect((await companyRow(reorganised)).flags.underBankruptcy).toBe(true);

      // The same event again, then another one keyed by the same case (same partition, handled after it).
      const before = await companyRow(liquidated);
      await send(events[0]);
      const marker = closed('101', '91440104MA0000000X', 'WITHDRAWN', 'LIQUIDATION'); // case 101 but an unknown debtor: nothing for liquidated
      await send(marker);
      await allHandled(marker);
      expect(await companyRow(liquidated)).toEqual(before);
    });

    it('bars simplified deregistration (422 problem+json naming UNDER_BANKRUPTCY); the ordinary route stays open', async () => {
      const refused = await simplified(liquidated);
      expect(refused.status).toBe(422);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ type: `${PROBLEM}registration-simplified-excluded`, reasons: ['UNDER_BANKRUPTCY'] });
      expect(await payloads('registration.deregistration.requested.v1', liquidated)).toEqual([]);

      const ordinary = await apply(ordinaryFirst, { route: 'ORDINARY', liquidationReportRef: 'LIQ-2027-0103' });
      expect(ordinary.status).toBe(201);
      expect(ordinary.body).toMatchObject({ route: 'ORDINARY', status: 'CLEARING' });
    });
  });

  describe('bankruptcy.reorganisation_plan.approved', () => {
    it('the public record shows proceedings under way from acceptance: court, case, date; never the administrator', async () => {
      const view = await publicView(liquidated);
      expect(view['bankruptcy']).toEqual({ stage: 'PROCEEDINGS', courtName: '广州市中级人民法院', caseRef: '(2027)粤01破101号', acceptedOn: '2027-03-01' });
      expect(JSON.stringify(view)).not.toMatch(/admin-firm|founder/);
    });

    it('records the plan and publishes it (公示): stage PLAN_EXECUTING with the approving ruling; the flag stays, so the simplified route stays closed', async () => {
      const e = planApproved('102', reorganised);
      await send(e);
      await allHandled(e);
      expect(await companyRow(reorganised)).toMatchObject({
        status: 'ACTIVE',
        flags: { underBankruptcy: true },
        bankruptcy: {
          caseId: '102',
          acceptedOn: '2027-03-01',
          plan: { procedureType: 'REORGANISATION', approvedOn: '2027-06-15', rulingRef: '(2027)粤01破102号之三', executionDeadline: '2029-06-14', eventId: e.id },
        },
      });
      const view = await publicView(reorganised);
      expect(view['bankruptcy']).toEqual({
        stage: 'PLAN_EXECUTING',
        courtName: '广州市中级人民法院',
        caseRef: '(2027)粤01破102号',
        acceptedOn: '2027-03-01',
        plan: { procedureType: 'REORGANISATION', approvedOn: '2027-06-15', rulingRef: '(2027)粤01破102号之三', executionDeadline: '2029-06-14' },
      });
      expect(JSON.stringify(view)).not.toMatch(/admin-firm|eventId/);
      // The search results carry the same public record.
      const found = await http().get(`${PREFIX}/public/companies`).query({ name: '重光' });
      expect(found.status).toBe(200);
      expect(found.body.items).toEqual([expect.objectContaining({ uscc: reorganised, bankruptcy: view['bankruptcy'] })]);

      const refused = await simplified(reorganised);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ reasons: ['UNDER_BANKRUPTCY'] });
    });

    it('the same approving ruling again (redelivered, or re-sent with a new id) changes nothing; a plan for another case is not applied', async () => {
      const before = await companyRow(reorganised);
      const again = planApproved('102', reorganised);
      const otherCase = planApproved('777', reorganised);
      await send(again);
      await send(otherCase);
      await allHandled(again, otherCase);
      expect(await companyRow(reorganised)).toEqual(before);
      expect((await ds.query(`SELECT count(*)::int AS n FROM messaging_dead_letter`))[0].n).toBe(0);
    });
  });

  describe('bankruptcy.credit_repair.requested (信用修复: the publicity-system update, 5 working days)', () => {
    const creditRepair = (requestId: string, uscc: string, targets: CreditRepairRequestedData['targets'], requestedAt = new Date()): CloudEvent<CreditRepairRequestedData> =>
      buildEvent(CreditRepairRequested, BANKRUPTCY_SOURCE, {
        aggregateId: '102',
        data: { requestId, caseId: '102', debtor: { uscc }, targets, planRulingRef: '(2027)粤01破102号之三', requestedAt: requestedAt.toISOString(), administratorId: 'admin-firm-7' },
      });
    const queue = (token = officerYx) => http().get(`${PREFIX}/credit-repair-updates`).set(as(token));
    const confirm = (id: string, token = officerYx, body: object = {}) => http().post(`${PREFIX}/credit-repair-updates/${id}/confirmation`).set(as(token)).send(body);
    const published = async (type: string, uscc: string) =>
      (await ds.query(`SELECT payload FROM messaging_outbox WHERE type = $1 AND aggregate_id = $2 ORDER BY sequence`, [type, uscc])).map((r: { payload: string }) => JSON.parse(r.payload));
    const timer = async (key: string) => (await app.get(Timers).pending({ kind: CREDIT_REPAIR_DUE_TIMER })).find((t) => t.key === key);

    it("opens one update for the company's authority, due 5 working days after the request day, with a durable timer; other targets alone open nothing; a repeat of the request changes nothing", async () => {
      const requestedAt = new Date();
      const events = [
        creditRepair('cr-102-1', reorganised, ['CREDIT_GUANGZHOU', 'ENTERPRISE_CREDIT_PUBLICITY', 'FINANCIAL_CREDIT_DATABASE'], requestedAt),
        creditRepair('cr-102-1', reorganised, ['ENTERPRISE_CREDIT_PUBLICITY'], requestedAt), // the same request, re-sent under a new event id
        creditRepair('cr-102-2', reorganised, ['CREDIT_GUANGZHOU']),
      ];
      for (const e of events) await send(e);
      await allHandled(...events);
      const due = app.get(WorkingCalendar).deadlineWorkingDays(requestedAt, 5);
      const res = await queue();
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({ id: 'cr-102-1', uscc: reorganised, caseId: '102', status: 'PENDING', authorityCode: YX, requestedAt: requestedAt.toISOString(), dueAt: due.toISOString() }),
      ]);
      expect((await queue(officerTh)).body.items).toEqual([]);
      expect((await timer('cr-102-1'))?.dueAt.toISOString()).toBe(due.toISOString());
      expect(await timer('cr-102-2')).toBeUndefined();
    });

    it('marks it overdue at the due instant, not one minute before, once; confirmed late it is UPDATED with late: true and the public record shows the repair', async () => {
      const t = await timer('cr-102-1');
      if (!t) throw new Error('no due timer');
      const fire = (at: Date) => ds.transaction((tx) => app.get(CreditRepairDueHandler).execute(t, tx, at));
      await fire(new Date(t.dueAt.getTime() - 60_000));
      expect(await published('registration.credit_repair.overdue.v1', reorganised)).toEqual([]);
      await fire(t.dueAt);
      await fire(new Date(t.dueAt.getTime() + 60_000));
      expect(await published('registration.credit_repair.overdue.v1', reorganised)).toEqual([
        { requestId: 'cr-102-1', caseId: '102', uscc: reorganised, target: 'ENTERPRISE_CREDIT_PUBLICITY', dueAt: t.dueAt.toISOString() },
      ]);
      expect((await queue()).body.items).toEqual([expect.objectContaining({ id: 'cr-102-1', status: 'OVERDUE' })]);

      expect((await confirm('cr-102-1', officerTh)).status).toBe(404);
      expect((await confirm('cr-102-1', founder)).status).toBe(403);
      const bad = await confirm('cr-102-1', officerYx, { note: '' });
      expect(bad.status).toBe(400);
      const done = await confirm('cr-102-1', officerYx, { note: '已公示重整计划' });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ id: 'cr-102-1', status: 'UPDATED', late: true, updatedBy: 'officer-yx', note: '已公示重整计划' });
      expect(await published('registration.credit_repair.updated.v1', reorganised)).toEqual([
        { requestId: 'cr-102-1', caseId: '102', uscc: reorganised, target: 'ENTERPRISE_CREDIT_PUBLICITY', dueAt: t.dueAt.toISOString(), updatedAt: done.body.updatedAt, late: true },
      ]);
      const again = await confirm('cr-102-1');
      expect(again.status).toBe(409);
      expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await queue()).body.items).toEqual([]);
      expect((await publicView(reorganised))['bankruptcy']).toMatchObject({ stage: 'PLAN_EXECUTING', creditRepairUpdatedAt: done.body.updatedAt });
    });

    it('confirmed before its due time: late false, its timer cancelled', async () => {
      const e = creditRepair('cr-102-3', reorganised, ['ENTERPRISE_CREDIT_PUBLICITY']);
      await send(e);
      await allHandled(e);
      expect(await timer('cr-102-3')).toBeDefined();
      const done = await confirm('cr-102-3');
      expect(done.body).toMatchObject({ status: 'UPDATED', late: false });
      expect(await timer('cr-102-3')).toBeUndefined();
      expect((await ds.query(`SELECT count(*)::int AS n FROM messaging_dead_letter`))[0].n).toBe(0);
    });
  });

  describe('bankruptcy.case.closed', () => {
    it('liquidation completed: the court-route deregistration opens, UNDER_REVIEW with the ruling, requested by the bankruptcy service; delivered twice, one case', async () => {
      const e = closed('101', liquidated, 'LIQUIDATION_COMPLETED', 'LIQUIDATION');
      await send(e);
      await send(e);
      // Another closing event for the same case (a new id, so past the inbox): the case is open already.
      const again = closed('101', liquidated, 'LIQUIDATION_COMPLETED', 'LIQUIDATION');
      await send(again);
      await allHandled(e, again);

      const cases = await deregistrations(liquidated);
      expect(cases).toEqual([{ id: expect.any(String), route: 'COURT', status: 'UNDER_REVIEW', requested_by: { subject: 'bankruptcy-service', role: 'bankruptcy_service' } }]);
      const id = cases[0].id;
      const view = await http().get(`${PREFIX}/companies/${liquidated}/deregistrations/${id}`).set(as(officerYx));
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({
        uscc: liquidated,
        route: 'COURT',
        status: 'UNDER_REVIEW',
        courtRulingRef: '(2027)粤01破101号之五',
        bankruptcyCase: { caseId: '101', courtId: COURT_ID, caseRef: '(2027)粤01破101号', closingDate: '2027-09-30', outcome: 'LIQUIDATION_COMPLETED' },
      });
      expect(await payloads('registration.deregistration.requested.v1', liquidated)).toEqual([
        {
          uscc: liquidated,
          deregistrationId: id,
          route: 'COURT',
          requestedAt: view.body.requestedAt,
          courtRulingRef: '(2027)粤01破101号之五',
          bankruptcyCase: { caseId: '101', closingDate: '2027-09-30' },
        },
      ]);
      expect(await companyRow(liquidated)).toMatchObject({
        status: 'ACTIVE',
        flags: { underBankruptcy: true, underDeregistration: true },
        bankruptcy: { caseId: '101', closed: { closingDate: '2027-09-30', outcome: 'LIQUIDATION_COMPLETED', rulingRef: '(2027)粤01破101号之五', eventId: e.id } },
      });

      // The officer decides as on any court-route case: the company ends, the ruling carried.
      const approved = await http().post(`${PREFIX}/companies/${liquidated}/deregistrations/${id}/decision`).set(as(officerYx)).send({ outcome: 'APPROVE' });
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('DEREGISTERED');
      expect(await payloads('registration.company.deregistered.v1', liquidated)).toEqual([
        { uscc: liquidated, route: 'COURT', effectiveOn: expect.any(String), courtRulingRef: '(2027)粤01破101号之五' },
      ]);

      // A closing event for a deregistered company: nothing.
      const late = closed('101', liquidated, 'LIQUIDATION_COMPLETED', 'LIQUIDATION');
      await send(late);
      await allHandled(late);
      expect(await deregistrations(liquidated)).toHaveLength(1);
      expect((await ds.query(`SELECT count(*)::int AS n FROM messaging_dead_letter`))[0].n).toBe(0);
    });

    it('liquidation completed while an ordinary deregistration is open: nothing changes', async () => {
      const before = await companyRow(ordinaryFirst);
      const e = closed('103', ordinaryFirst, 'LIQUIDATION_COMPLETED', 'LIQUIDATION');
      await send(e);
      await allHandled(e);
      expect((await deregistrations(ordinaryFirst)).map((d) => [d.route, d.status])).toEqual([['ORDINARY', 'CLEARING']]);
      expect(await companyRow(ordinaryFirst)).toEqual(before);
      expect((await payloads('registration.deregistration.requested.v1', ordinaryFirst)).map((p) => p['route'])).toEqual(['ORDINARY']);
    });

    it('reorganisation completed: the flag is cleared, no deregistration; the simplified route opens again', async () => {
      const e = closed('102', reorganised, 'REORGANISATION_COMPLETED', 'REORGANISATION');
      await send(e);
      await allHandled(e);
      const row = await companyRow(reorganised);
      expect(row).toMatchObject({
        status: 'ACTIVE',
        flags: { underBankruptcy: false, underDeregistration: false },
        bankruptcy: { caseId: '102', closed: { closingDate: '2027-09-30', outcome: 'REORGANISATION_COMPLETED', rulingRef: '(2027)粤01破102号之五', eventId: e.id } },
      });
      expect(await publicView(reorganised)).not.toHaveProperty('bankruptcy');
      // Late events of the closed case (a plan approval, an acceptance, the closing again) do not put the company back under bankruptcy.
      const late = [planApproved('102', reorganised, '(2027)粤01破102号之九'), accepted('102', reorganised), closed('102', reorganised, 'REORGANISATION_COMPLETED', 'REORGANISATION')];
      for (const l of late) await send(l);
      await allHandled(...late);
      expect(await companyRow(reorganised)).toEqual(row);
      expect(await deregistrations(reorganised)).toEqual([]);
      expect(await payloads('registration.deregistration.requested.v1', reorganised)).toEqual([]);

      const res = await simplified(reorganised);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ route: 'SIMPLIFIED', status: 'NOTICE_PUBLISHED' });
    });
  });

  it('events for a company registration does not know are handled (inbox rows) and change nothing', async () => {
    const body = '91440104MA0BK0001';
    const unknown = `${body}${usccCheckChar(body)}`;
    const before = {
      companies: (await ds.query(`SELECT count(*)::int AS n FROM company`))[0].n,
      deregistrations: (await ds.query(`SELECT count(*)::int AS n FROM deregistration`))[0].n,
      outbox: (await ds.query(`SELECT count(*)::int AS n FROM messaging_outbox`))[0].n,
    };
    const events = [accepted('909', unknown), closed('909', unknown, 'LIQUIDATION_COMPLETED', 'LIQUIDATION')];
    for (const e of events) await send(e);
    await allHandled(...events);
    expect(await companyRow(unknown)).toBeUndefined();
    expect({
      companies: (await ds.query(`SELECT count(*)::int AS n FROM company`))[0].n,
      deregistrations: (await ds.query(`SELECT count(*)::int AS n FROM deregistration`))[0].n,
      outbox: (await ds.query(`SELECT count(*)::int AS n FROM messaging_outbox`))[0].n,
    }).toEqual(before);
    expect((await ds.query(`SELECT count(*)::int AS n FROM messaging_dead_letter`))[0].n).toBe(0);
  });
});

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { ClearanceExempted, ClearanceIssued, TAX_TOPIC } from '@one-window/tax/contracts';
import { buildEvent, type CloudEvent } from '@one-window/shared/messaging';
import { Timers, type Timer } from '@one-window/shared/scheduling';
import { waitFor } from '@one-window/shared/testing';
import { EndDeregistrationNoticeHandler } from '../src/end-deregistration-notice/end-deregistration-notice.handler';
import { LapseDeregistrationHandler } from '../src/lapse-deregistration/lapse-deregistration.handler';
import { TAX_CLEARANCE_GROUP } from '../src/service';
import { DEREGISTRATION_APPLY_WINDOW_TIMER, DEREGISTRATION_NOTICE_TIMER } from '../src/shared/deregistration-desk';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';
const PROBLEM = 'https://one-window.gov.cn/problems/';
const INVESTORS = ['p-a', 'p-b'];

/**
 * Deregistration (注销, §8, §10.4) end to end, against the real database and broker: the ordinary
 * route waits for tax clearance (`tax.clearance.issued` on the broker, answering
 * `registration.deregistration.requested`) and social insurance before an officer may approve; the
 * simplified route's public notice, objections, switch to ordinary, notice and apply-window timers
 * (run with a controlled clock); the court route; scoping and bad input.
 */
describe('business registration: deregistration 注销 (e2e)', () => {
  const r = registrationUnderTest({ topics: [TAX_TOPIC], source: '/one-window/tax' });
  const { tokens, http, as, outbox, payloads } = r;
  let app: NestExpressApplication;
  let ds: DataSource;

  const founder = tokens.token({ sub: 'dr-founder-1', roles: ['applicant'] });
  const stranger = tokens.token({ sub: 'dr-founder-2', roles: ['applicant'] });
  const creditor = tokens.token({ sub: 'creditor-1', roles: ['applicant'] });
  const officerYx = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: YX });
  const officerTh = tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: 'GZ-TH-AMR' });
  const socialInsurance = tokens.token({ sub: 'si-system', roles: ['integrator'], agency_id: 'GZ-SI' });
  const housingFund = tokens.token({ sub: 'hf-system', roles: ['integrator'], agency_id: 'GZ-HF' });
  const court = tokens.token({ sub: 'gz-intermediate-court', roles: ['court'] });

  beforeAll(async () => ({ app, ds } = await r.start()), 90_000);
  afterAll(() => r.close());

  const apply = (uscc: string, body: object, token = founder) => http().post(`${PREFIX}/companies/${uscc}/deregistrations`).set(as(token)).send(body);
  const act = (uscc: string, id: string, path: string, token: string, body: object = {}) => http().post(`${PREFIX}/companies/${uscc}/deregistrations/${id}/${path}`).set(as(token)).send(body);
  const getCase = (uscc: string, id: string, token = founder) => http().get(`${PREFIX}/companies/${uscc}/deregistrations/${id}`).set(as(token));
  const companyRow = async (uscc: string) => (await ds.query(`SELECT status, data->'flags' AS flags FROM company WHERE uscc = $1`, [uscc]))[0];
  const timerOf = async (kind: string, key: string): Promise<Timer | undefined> => (await app.get(Timers).pending({ kind, key }))[0];
  const sendTax = async (e: CloudEvent<unknown>) => {
    await r.publisher.send(TAX_TOPIC, e);
  };
  const handled = (eventId: string) => r.handled(TAX_CLEARANCE_GROUP, eventId);

  let seq = 0;
  const register = async (tradeName: string): Promise<string> => {
    const uscc = await r.register(tradeName, founder);
    seq += 1;
    return uscc;
  };

  let ordinary: string; // ordinary route, tax clearance from the broker
  let objected: string; // simplified, objected, switched to ordinary
  let noticed: string; // simplified, notice ended by the timer, submitted, deregistered by the system
  let lapsed: string; // simplified, notice ended, apply window lapsed
  let ruled: string; // court route

  beforeAll(async () => {
    ordinary = await register('晨曦');
    objected = await register('碧波');
    noticed = await register('远航');
    lapsed = await register('松柏');
    ruled = await register('鸿雁');
    expect(seq).toBe(5);
  }, 60_000);

  describe('ordinary route: waits for tax clearance from the tax service', () => {
    let id: string;
    let requestedEventId: string;

    it('applies: CLEARING, registration.deregistration.requested in the outbox, the company flagged', async () => {
      const res = await apply(ordinary, { route: 'ORDINARY', liquidationReportRef: 'LIQ-2027-0001' });
      expect(res.status).toBe(201);
      expect(res.headers['etag']).toBe(`"${res.body.version}"`);
      expect(res.body).toMatchObject({ uscc: ordinary, route: 'ORDINARY', status: 'CLEARING', missingClearances: ['TAX', 'SOCIAL_INSURANCE'], liquidationReportRef: 'LIQ-2027-0001' });
      id = res.body.id;

      const requested = await outbox('registration.deregistration.requested.v1', ordinary);
      expect(requested).toHaveLength(1);
      expect(requested[0].payload).toEqual({ uscc: ordinary, deregistrationId: id, route: 'ORDINARY', requestedAt: res.body.requestedAt });
      requestedEventId = requested[0].id;
      expect(await companyRow(ordinary)).toMatchObject({ status: 'ACTIVE', flags: { underDeregistration: true } });

      const again = await apply(ordinary, { route: 'ORDINARY', liquidationReportRef: 'LIQ-2027-0002' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ type: `${PROBLEM}registration-deregistration-already-open`, deregistrationId: id });
    });

    it('shows the case to its applicant and the authority’s officers only', async () => {
      expect((await getCase(ordinary, id)).status).toBe(200);
      expect((await getCase(ordinary, id, officerYx)).status).toBe(200);
      expect((await getCase(ordinary, id, officerTh)).status).toBe(404);
      expect((await getCase(ordinary, id, stranger)).status).toBe(404);
      expect((await getCase(objected, id)).status).toBe(404); // another company's path
      expect((await getCase(ordinary, id, socialInsurance)).status).toBe(403);
      expect((await http().get(`${PREFIX}/companies/${ordinary}/deregistrations/${id}`)).status).toBe(401);
      // Ordinary cases have no public notice.
      expect((await http().get(`${PREFIX}/public/companies/${ordinary}/deregistration-notice`)).status).toBe(404);
    });

    it('refuses approval while clearances are missing, naming them (409 problem+json)', async () => {
      const refused = await act(ordinary, id, 'decision', officerYx, { outcome: 'APPROVE' });
      expect(refused.status).toBe(409);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ type: `${PROBLEM}registration-clearance-missing`, missingClearances: ['TAX', 'SOCIAL_INSURANCE'] });
      expect((await act(ordinary, id, 'decision', officerTh, { outcome: 'APPROVE' })).status).toBe(404);

      // Social insurance: the competent agency only; then only tax is missing.
      expect((await act(ordinary, id, 'clearances/social-insurance', housingFund, { outcome: 'CLEARED' })).status).toBe(404);
      const si = await act(ordinary, id, 'clearances/social-insurance', socialInsurance, { outcome: 'CLEARED', reference: 'SI-GZ-2027-1' });
      expect(si.status).toBe(200);
      expect(si.body).toEqual({ id, uscc: ordinary, status: 'CLEARING', clearances: { SOCIAL_INSURANCE: 'CLEARED' }, missingClearances: ['TAX'] });
      const stillRefused = await act(ordinary, id, 'decision', officerYx, { outcome: 'APPROVE' });
      expect(stillRefused.status).toBe(409);
      expect(stillRefused.body.missingClearances).toEqual(['TAX']);
      expect(await payloads('registration.company.deregistered.v1', ordinary)).toEqual([]);
    });

    it('records tax.clearance.issued from the broker (answering the requested event): review starts; a repeat changes nothing', async () => {
      const issued = buildEvent(ClearanceIssued, '/one-window/tax', {
        aggregateId: ordinary,
        data: { caseId: 'clr-1', taxpayerId: ordinary, route: 'ON_THE_SPOT', certificateNo: 'QS440104202703020001', origin: 'REGISTRATION', sourceEventId: requestedEventId } as never,
      });
      await sendTax(issued);
      const review = await waitFor(async () => {
        const res = await getCase(ordinary, id);
        return res.body.status === 'UNDER_REVIEW' ? res.body : undefined;
      }, 30_000);
      expect(review).toMatchObject({
        clearances: { TAX: 'CERTIFICATE', SOCIAL_INSURANCE: 'CLEARED' },
        taxClearance: { outcome: 'CERTIFICATE', caseId: 'clr-1', taxRoute: 'ON_THE_SPOT', certificateNo: 'QS440104202703020001' },
      });
      expect(review.missingClearances).toBeUndefined();

      // The same event again (redelivery), and another clearance event for the company: nothing changes.
      await sendTax(issued);
      const exempted = buildEvent(ClearanceExempted, '/one-window/tax', {
        aggregateId: ordinary,
        data: { caseId: 'clr-2', taxpayerId: ordinary, route: 'EXEMPT', sourceEventId: requestedEventId } as never,
      });
      await sendTax(exempted);
      await waitFor(async () => ((await handled(exempted.id)) ? true : undefined), 30_000);
      const after = await getCase(ordinary, id);
      expect(after.body.version).toBe(review.version);
      expect(after.body.taxClearance).toEqual(review.taxClearance);
      expect((await ds.query(`SELECT count(*)::int AS n FROM messaging_dead_letter`))[0].n).toBe(0);
    });

    it('approves: DEREGISTERED, the company DEREGISTERED with its licence revoked, registration.company.deregistered published', async () => {
      const approved = await act(ordinary, id, 'decision', officerYx, { outcome: 'APPROVE' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'DEREGISTERED', route: 'ORDINARY' });
      const effectiveOn = approved.body.decidedAt && new Date(new Date(approved.body.decidedAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      expect(await payloads('registration.company.deregistered.v1', ordinary)).toEqual([{ uscc: ordinary, route: 'ORDINARY', effectiveOn }]);
      expect(await companyRow(ordinary)).toMatchObject({ status: 'DEREGISTERED', flags: { underDeregistration: false } });
      expect(await ds.query(`SELECT status FROM licence WHERE uscc = $1 ORDER BY licence_version`, [ordinary])).toEqual([{ status: 'REVOKED' }]);
      const publicCompany = await http().get(`${PREFIX}/public/companies/${ordinary}`);
      expect(publicCompany.body.status).toBe('DEREGISTERED');

      expect((await act(ordinary, id, 'decision', officerYx, { outcome: 'APPROVE' })).status).toBe(409);
      const reopen = await apply(ordinary, { route: 'ORDINARY', liquidationReportRef: 'LIQ-2027-0003' });
      expect(reopen.status).toBe(409);
      expect(reopen.body.type).toBe(`${PROBLEM}registration-company-not-deregistrable`);
    });
  });

  describe('simplified route', () => {
    it('bad input is 400 naming the fields; another applicant 404; an officer 403; a court route by an applicant 403', async () => {
      const bad = await apply(objected, { route: 'FAST', colour: 'red' });
      expect(bad.status).toBe(400);
      expect([...new Set(bad.body.violations.map((v: { field: string }) => v.field))].sort()).toEqual(['colour', 'route']);
      const incomplete = await apply(objected, { route: 'SIMPLIFIED' });
      expect(incomplete.status).toBe(400);
      expect([...new Set(incomplete.body.violations.map((v: { field: string }) => v.field))].sort()).toEqual(['commitmentSigned', 'committedInvestorRefs']);
      const noReport = await apply(objected, { route: 'ORDINARY' });
      expect([...new Set(noReport.body.violations.map((v: { field: string }) => v.field))]).toEqual(['liquidationReportRef']);

      expect((await apply(objected, { route: 'ORDINARY', liquidationReportRef: 'LIQ-1' }, stranger)).status).toBe(404);
      expect((await apply(objected, { route: 'ORDINARY', liquidationReportRef: 'LIQ-1' }, officerYx)).status).toBe(403);
      const courtByApplicant = await apply(objected, { route: 'COURT', courtRulingRef: '(2027)粤01破1号' });
      expect(courtByApplicant.status).toBe(403);
      expect(courtByApplicant.body.type).toBe(`${PROBLEM}registration-deregistration-route-not-allowed`);
      expect((await apply('91440104MA00009X0X', { route: 'ORDINARY', liquidationReportRef: 'LIQ-1' })).status).toBe(404);
      expect(await payloads('registration.deregistration.requested.v1', objected)).toEqual([]);
    });

    it('exclusions: investors not all committed, abnormal list (422 naming the reasons)', async () => {
      const partial = await apply(objected, { route: 'SIMPLIFIED', commitmentSigned: true, committedInvestorRefs: ['p-a'] });
      expect(partial.status).toBe(422);
      expect(partial.body).toMatchObject({ type: `${PROBLEM}registration-simplified-excluded`, reasons: ['INVESTORS_NOT_ALL_COMMITTED'] });

      await ds.query(`UPDATE company SET data = jsonb_set(data, '{flags,abnormalListed}', 'true') WHERE uscc = $1`, [objected]);
      const listed = await apply(objected, { route: 'SIMPLIFIED', commitmentSigned: true, committedInvestorRefs: INVESTORS });
      expect(listed.status).toBe(422);
      expect(listed.body.reasons).toEqual(['ABNORMAL_LISTED']);
      await ds.query(`UPDATE company SET data = jsonb_set(data, '{flags,abnormalListed}', 'false') WHERE uscc = $1`, [objected]);
    });

    it('publishes the notice (requested + notice_published, a timer at the notice end); a creditor objects: OBJECTED, the timer gone; the applicant switches to ordinary', async () => {
      const res = await apply(objected, { route: 'SIMPLIFIED', commitmentSigned: true, committedInvestorRefs: INVESTORS });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ route: 'SIMPLIFIED', status: 'NOTICE_PUBLISHED', noticeEndsOn: expect.any(String), noticeEndsAt: expect.any(String) });
      const id: string = res.body.id;
      expect(await payloads('registration.deregistration.requested.v1', objected)).toEqual([
        { uscc: objected, deregistrationId: id, route: 'SIMPLIFIED', requestedAt: res.body.requestedAt, noticeEndsOn: res.body.noticeEndsOn },
      ]);
      expect(await payloads('registration.deregistration.notice_published.v1', objected)).toEqual([
        { uscc: objected, deregistrationId: id, route: 'SIMPLIFIED', noticeEndsOn: res.body.noticeEndsOn, noticeEndsAt: res.body.noticeEndsAt },
      ]);
      expect((await timerOf(DEREGISTRATION_NOTICE_TIMER, id))?.dueAt.toISOString()).toBe(res.body.noticeEndsAt);

      const notice = await http().get(`${PREFIX}/public/companies/${objected}/deregistration-notice`);
      expect(notice.status).toBe(200);
      expect(notice.body).toMatchObject({ deregistrationId: id, uscc: objected, noticeEndsOn: res.body.noticeEndsOn, objected: false, status: 'NOTICE_PUBLISHED' });

      expect((await http().post(`${PREFIX}/companies/${objected}/deregistrations/${id}/objections`).send({ reason: 'x' })).status).toBe(401);
      const noReason = await act(objected, id, 'objections', creditor, { capacity: 'NEIGHBOUR' });
      expect(noReason.status).toBe(400);
      expect([...new Set(noReason.body.violations.map((v: { field: string }) => v.field))].sort()).toEqual(['capacity', 'reason']);

      const objection = await act(objected, id, 'objections', creditor, { reason: 'Invoice 2026-118 is unpaid' });
      expect(objection.status).toBe(201);
      expect(objection.body).toMatchObject({ status: 'OBJECTED', objected: true, objectionCount: 1 });
      expect(JSON.stringify(objection.body)).not.toContain('Invoice');
      expect(await payloads('registration.deregistration.objected.v1', objected)).toEqual([
        { uscc: objected, deregistrationId: id, route: 'SIMPLIFIED', objectedAt: expect.any(String), objector: 'CREDITOR', reason: 'Invoice 2026-118 is unpaid' },
      ]);
      expect(await timerOf(DEREGISTRATION_NOTICE_TIMER, id)).toBeUndefined();
      expect((await act(objected, id, 'objections', officerTh, { reason: 'again' })).status).toBe(409);
      expect((await act(objected, id, 'decision', officerYx, { outcome: 'APPROVE' })).status).toBe(409);
      expect((await getCase(objected, id)).body.objections).toEqual([{ at: expect.any(String), by: 'CREDITOR', reason: 'Invoice 2026-118 is unpaid' }]);

      expect((await act(objected, id, 'switch-to-ordinary', stranger, { liquidationReportRef: 'LIQ-9' })).status).toBe(404);
      const switched = await act(objected, id, 'switch-to-ordinary', founder, { liquidationReportRef: 'LIQ-2027-0009' });
      expect(switched.status).toBe(200);
      expect(switched.body).toMatchObject({ route: 'ORDINARY', status: 'CLEARING', missingClearances: ['TAX', 'SOCIAL_INSURANCE'] });
      const requested = await payloads('registration.deregistration.requested.v1', objected);
      expect(requested[1]).toEqual({ uscc: objected, deregistrationId: id, route: 'ORDINARY', requestedAt: expect.any(String), switchedFrom: 'SIMPLIFIED' });

      // A clearance answering another case's request (sourceEventId not this case's) is not recorded.
      const foreign = buildEvent(ClearanceIssued, '/one-window/tax', {
        aggregateId: objected,
        data: { caseId: 'clr-9', taxpayerId: objected, route: 'STANDARD', certificateNo: 'QS9', sourceEventId: 'someone-elses-request' } as never,
      });
      await sendTax(foreign);
      await waitFor(async () => ((await handled(foreign.id)) ? true : undefined), 30_000);
      expect((await getCase(objected, id)).body).toMatchObject({ status: 'CLEARING', clearances: {}, missingClearances: ['TAX', 'SOCIAL_INSURANCE'] });
    });

    it('the notice timer ends the notice at its instant (controlled clock), opening the apply window; the applicant submits and the system deregisters', async () => {
      const res = await apply(noticed, { route: 'SIMPLIFIED', commitmentSigned: true, committedInvestorRefs: INVESTORS });
      const id: string = res.body.id;
      expect((await submitAs(noticed, id)).status).toBe(409); // the notice is still running
      const timer = await timerOf(DEREGISTRATION_NOTICE_TIMER, id);
      if (!timer) throw new Error('no notice timer');
      const handler = app.get(EndDeregistrationNoticeHandler);

      await ds.transaction((tx) => handler.execute(timer, tx, new Date(timer.dueAt.getTime() - 60_000)));
      expect((await getCase(noticed, id)).body.status).toBe('NOTICE_PUBLISHED');

      await ds.transaction((tx) => handler.execute(timer, tx, timer.dueAt));
      const ended = (await getCase(noticed, id)).body;
      expect(ended).toMatchObject({ status: 'NOTICE_ENDED', applyBy: new Date(timer.dueAt.getTime() + 20 * 86_400_000).toISOString() });
      expect((await timerOf(DEREGISTRATION_APPLY_WINDOW_TIMER, id))?.dueAt.toISOString()).toBe(ended.applyBy);
      expect((await act(noticed, id, 'objections', creditor, { reason: 'too late' })).status).toBe(409);

      expect((await submitAs(noticed, id, stranger)).status).toBe(404);
      const submitted = await submitAs(noticed, id);
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ status: 'DEREGISTERED', route: 'SIMPLIFIED' });
      expect(await payloads('registration.company.deregistered.v1', noticed)).toEqual([{ uscc: noticed, route: 'SIMPLIFIED', effectiveOn: expect.any(String) }]);
      expect(await companyRow(noticed)).toMatchObject({ status: 'DEREGISTERED' });
      expect(await timerOf(DEREGISTRATION_APPLY_WINDOW_TIMER, id)).toBeUndefined();
      expect((await http().get(`${PREFIX}/public/companies/${noticed}/deregistration-notice`)).body).toMatchObject({ status: 'DEREGISTERED', objected: false });
    });

    it('the apply window lapses when the applicant does not submit: LAPSED, the company’s flag cleared', async () => {
      const id: string = (await apply(lapsed, { route: 'SIMPLIFIED', commitmentSigned: true, committedInvestorRefs: INVESTORS })).body.id;
      const notice = await timerOf(DEREGISTRATION_NOTICE_TIMER, id);
      if (!notice) throw new Error('no notice timer');
      await ds.transaction((tx) => app.get(EndDeregistrationNoticeHandler).execute(notice, tx, notice.dueAt));
      const window = await timerOf(DEREGISTRATION_APPLY_WINDOW_TIMER, id);
      if (!window) throw new Error('no apply-window timer');
      await ds.transaction((tx) => app.get(LapseDeregistrationHandler).execute(window, tx, new Date(window.dueAt.getTime() - 60_000)));
      expect((await getCase(lapsed, id)).body.status).toBe('NOTICE_ENDED');
      await ds.transaction((tx) => app.get(LapseDeregistrationHandler).execute(window, tx, window.dueAt));
      expect((await getCase(lapsed, id)).body.status).toBe('LAPSED');
      expect(await companyRow(lapsed)).toMatchObject({ status: 'ACTIVE', flags: { underDeregistration: false } });
      // A new case may be opened.
      expect((await apply(lapsed, { route: 'ORDINARY', liquidationReportRef: 'LIQ-2027-0010' })).status).toBe(201);
    });
  });

  describe('court route', () => {
    it('a court applies with the ruling: UNDER_REVIEW at once, requested (COURT, ruling); the officer approves, the ruling carried', async () => {
      const res = await apply(ruled, { route: 'COURT', courtRulingRef: '(2027)粤01破12号' }, court);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ route: 'COURT', status: 'UNDER_REVIEW', courtRulingRef: '(2027)粤01破12号' });
      expect(await payloads('registration.deregistration.requested.v1', ruled)).toEqual([
        { uscc: ruled, deregistrationId: res.body.id, route: 'COURT', requestedAt: res.body.requestedAt, courtRulingRef: '(2027)粤01破12号' },
      ]);
      const noReasons = await act(ruled, res.body.id, 'decision', officerYx, { outcome: 'REFUSE' });
      expect(noReasons.status).toBe(400);
      expect([...new Set(noReasons.body.violations.map((v: { field: string }) => v.field))]).toEqual(['reasons']);
      const approved = await act(ruled, res.body.id, 'decision', officerYx, { outcome: 'APPROVE' });
      expect(approved.body.status).toBe('DEREGISTERED');
      expect(await payloads('registration.company.deregistered.v1', ruled)).toEqual([
        { uscc: ruled, route: 'COURT', effectiveOn: expect.any(String), courtRulingRef: '(2027)粤01破12号' },
      ]);
    });
  });

  const submitAs = (uscc: string, id: string, token = founder) => act(uscc, id, 'submission', token);
});

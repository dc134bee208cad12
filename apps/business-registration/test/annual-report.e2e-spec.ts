import type { NestExpressApplication } from '@nestjs/platform-express';
import type request from 'supertest';
import type { DataSource } from 'typeorm';
import { ReturnFiled, TAX_TOPIC } from '@one-window/tax/contracts';
import { buildEvent, type CloudEvent } from '@one-window/shared/messaging';
import { Timers, type Timer } from '@one-window/shared/scheduling';
import { waitFor } from '@one-window/shared/testing';
import { ANNUAL_REPORT_DEADLINE_TIMER, AnnualReportDeadlineHandler } from '../src/annual-report-deadline/annual-report-deadline.handler';
import { TAX_FILINGS_GROUP } from '../src/service';
import { Clock } from '../src/shared/clock';
import { PERSON_B_ID } from './establishment-form';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';
const PROBLEM = 'https://one-window.gov.cn/problems/';

/**
 * Annual report (年报, 多报合一), the abnormal-operations list (经营异常名录), credit repair and
 * forced-exit candidates (§7, §8) end to end, against the real database and broker. The companies
 * are registered today, so their first report year is this year; the service's Clock is moved to
 * the next year's window, the deadline timer is run directly at its instant, and tax returns arrive
 * on the broker as `tax.return.filed` with controlled times.
 */
describe('business registration: annual report, abnormal list, forced exit (e2e)', () => {
  const r = registrationUnderTest({ topics: [TAX_TOPIC], source: '/one-window/tax' });
  const { tokens, http, as, payloads } = r;
  let app: NestExpressApplication;
  let ds: DataSource;
  let clock: jest.SpyInstance<Date, []>;

  const founder = tokens.token({ sub: 'ar-founder-1', roles: ['applicant'] });
  const stranger = tokens.token({ sub: 'ar-founder-2', roles: ['applicant'] });
  const officerYx = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: YX });
  const officerTh = tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: 'GZ-TH-AMR' });

  beforeAll(async () => {
    ({ app, ds } = await r.start());
    clock = jest.spyOn(app.get(Clock), 'now');
  }, 90_000);

  afterAll(async () => {
    clock?.mockRestore();
    await r.close();
  });

  const setNow = (iso: string) => clock.mockReturnValue(new Date(iso));
  const fields = (res: request.Response) => [...new Set(res.body.violations.map((v: { field: string }) => v.field))].sort();
  const flags = async (uscc: string) => (await ds.query(`SELECT data->'flags' AS flags FROM company WHERE uscc = $1`, [uscc]))[0].flags;
  const timerOf = async (key: string): Promise<Timer | undefined> => (await app.get(Timers).pending({ kind: ANNUAL_REPORT_DEADLINE_TIMER, key }))[0];
  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  const fileReport = (uscc: string, body: object, token = founder) => http().post(`${PREFIX}/companies/${uscc}/annual-reports`).set(as(token)).send(body);
  const correctReport = (uscc: string, year: number, body: object, token = founder) => http().put(`${PREFIX}/companies/${uscc}/annual-reports/${year}`).set(as(token)).send(body);
  const listings = (uscc: string, token = founder) => http().get(`${PREFIX}/companies/${uscc}/abnormal-listings`).set(as(token));
  const onListing = (uscc: string, id: string, path: string, token: string, body: object) => http().post(`${PREFIX}/companies/${uscc}/abnormal-listings/${id}/${path}`).set(as(token)).send(body);
  const candidates = (query: string, token = officerYx) => http().get(`${PREFIX}/forced-exit-candidates${query}`).set(as(token));

  const content = (over: object = {}) => ({
    basicInfo: { operatingStatus: 'OPERATING', employeeCount: 12, contactPhone: '020-12345678', email: 'office@example.cn', postalAddress: '广州市越秀区示例路1号' },
    operations: {
      totalAssets: '2500000.00',
      totalLiabilities: '800000.00',
      ownersEquity: '1700000.00',
      revenue: '3200000.00',
      mainBusinessRevenue: '3000000.00',
      totalProfit: '260000.00',
      netProfit: '195000.00',
      taxPaid: '120000.00',
      publishFinancials: false,
    },
    socialSecurity: { insured: { pension: 12, unemployment: 12, medical: 12, workInjury: 12, maternity: 12 } },
    ...over,
  });

  const register = (tradeName: string) => r.register(tradeName, founder);

  let year: number; // the companies' first report year (the year they were established)
  let filer: string; // files in the window
  let laggard: string; // misses it, listed, files late, removed
  let taxed: string; // misses it, listed, files a tax return: no forced-exit candidate
  let silent: string; // misses it, listed, no tax: a forced-exit candidate after 2 full years

  beforeAll(async () => {
    filer = await register('晨光');
    laggard = await register('迟到');
    taxed = await register('纳税');
    silent = await register('沉默');
    year = Number((await http().get(`${PREFIX}/public/companies/${filer}`)).body.establishedOn.slice(0, 4));
  }, 60_000);

  describe('filing the annual report (多报合一)', () => {
    it('before the window opens, or for a year before establishment: 422 not due', async () => {
      setNow(`${year}-12-20T02:00:00Z`);
      const early = await fileReport(filer, { year, ...content() });
      expect(early.status).toBe(422);
      expect(early.body).toMatchObject({ type: `${PROBLEM}registration-annual-report-not-due`, year });
      setNow(`${year + 1}-03-02T02:00:00Z`);
      expect((await fileReport(filer, { year: year - 1, ...content() })).body.type).toBe(`${PROBLEM}registration-annual-report-not-due`);
    });

    it('bad input is 400 naming each field; social security is required with employees', async () => {
      const bad = await fileReport(filer, {
        year: 1999,
        basicInfo: { operatingStatus: 'PARTYING', employeeCount: 3, contactPhone: 'call me', postalAddress: '广州' },
        operations: { ...content().operations, totalAssets: '-5' },
        colour: 'red',
      });
      expect(bad.status).toBe(400);
      expect(fields(bad)).toEqual(['basicInfo.contactPhone', 'basicInfo.operatingStatus', 'colour', 'operations.totalAssets', 'socialSecurity', 'year']);
      expect(await payloads('registration.annual_report.filed.v1', filer)).toEqual([]);
    });

    it('files in the window: revision 1, on time; one event for tax, social insurance and customs, without personal data', async () => {
      setNow(`${year + 1}-03-02T02:00:00Z`);
      const res = await fileReport(filer, { year, ...content({ customs: { customsRegistrationNo: '4401960ABC', importExport: true } }) });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: `${filer}:${year}`,
        uscc: filer,
        year,
        revision: 1,
        firstFiledOn: `${year + 1}-03-02`,
        late: false,
        sections: ['MARKET_REGULATION', 'SOCIAL_INSURANCE', 'CUSTOMS', 'TAX'],
        basicInfo: { contactPhone: '020-12345678' },
      });
      const events = await payloads('registration.annual_report.filed.v1', filer);
      expect(events).toEqual([
        expect.objectContaining({
          uscc: filer,
          year,
          reportId: `${filer}:${year}`,
          revision: 1,
          filedOn: `${year + 1}-03-02`,
          late: false,
          sections: ['MARKET_REGULATION', 'SOCIAL_INSURANCE', 'CUSTOMS', 'TAX'],
          employeeCount: 12,
          financials: expect.objectContaining({ revenue: '3200000.00', taxPaid: '120000.00' }),
          financialsPublic: false,
          socialInsurance: { insured: { pension: 12, unemployment: 12, medical: 12, workInjury: 12, maternity: 12 } },
          customs: { customsRegistrationNo: '4401960ABC', importExport: true, crossBorderEcommerce: false },
        }),
      ]);
      const text = JSON.stringify(events);
      for (const personal of ['020-12345678', 'office@example.cn', '示例路', 'ar-founder-1', 'p-a', 'personRef']) expect(text).not.toContain(personal);

      const again = await fileReport(filer, { year, ...content() });
      expect(again.status).toBe(409);
      expect(again.body.type).toBe(`${PROBLEM}registration-annual-report-already-filed`);
    });

    it('corrects it while the window is open: revision 2 published; the report is seen by its company and its authority only', async () => {
      setNow(`${year + 1}-04-10T02:00:00Z`);
      const corrected = await correctReport(filer, year, content({ basicInfo: { ...content().basicInfo, employeeCount: 14 } }));
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ revision: 2, firstFiledOn: `${year + 1}-03-02`, basicInfo: { employeeCount: 14 }, revisions: [{ revision: 1 }, { revision: 2, filedOn: `${year + 1}-04-10` }] });
      expect(corrected.body.sections).toEqual(['MARKET_REGULATION', 'SOCIAL_INSURANCE', 'TAX']);
      expect((await payloads('registration.annual_report.filed.v1', filer)).map((e) => [e['revision'], e['employeeCount']])).toEqual([
        [1, 12],
        [2, 14],
      ]);

      expect((await http().get(`${PREFIX}/companies/${filer}/annual-reports/${year}`).set(as(officerYx))).body.revision).toBe(2);
      expect((await http().get(`${PREFIX}/companies/${filer}/annual-reports/${year}`).set(as(officerTh))).status).toBe(404);
      expect((await http().get(`${PREFIX}/companies/${filer}/annual-reports/${year}`).set(as(stranger))).status).toBe(404);
      expect((await fileReport(laggard, { year, ...content() }, stranger)).status).toBe(404);
      expect((await correctReport(filer, year, content(), stranger)).status).toBe(404);
      expect((await fileReport(laggard, { year, ...content() }, officerYx)).status).toBe(403);
      expect((await http().post(`${PREFIX}/companies/${laggard}/annual-reports`).send({ year, ...content() })).status).toBe(401);
    });
  });

  describe('the deadline: the abnormal list', () => {
    it('the deadline timer lists every company without a report the day after the window (reason, listing date), not the filer; idempotent', async () => {
      const timer = await timerOf(String(year));
      if (!timer) throw new Error('no deadline timer');
      expect(timer.dueAt.toISOString()).toBe(`${year + 1}-06-30T16:00:00.000Z`); // 1 July 00:00 Asia/Shanghai
      const handler = app.get(AnnualReportDeadlineHandler);

      expect(await ds.transaction((tx) => handler.execute(timer, tx, new Date(timer.dueAt.getTime() - 60_000)))).toEqual({ listed: [] });
      const { listed } = await ds.transaction((tx) => handler.execute(timer, tx, timer.dueAt));
      expect([...listed].sort()).toEqual([laggard, taxed, silent].sort());
      expect(await payloads('registration.company.abnormal_listed.v1', laggard)).toEqual([
        { uscc: laggard, listingId: expect.any(String), reasonCode: 'ANNUAL_REPORT_OVERDUE', listedOn: `${year + 1}-07-01`, reportYear: year },
      ]);
      expect(await payloads('registration.company.abnormal_listed.v1', filer)).toEqual([]);
      expect(await flags(laggard)).toMatchObject({ abnormalListed: true });
      expect(await flags(filer)).toMatchObject({ abnormalListed: false });
      expect((await timerOf(String(year + 1)))?.dueAt.toISOString()).toBe(`${year + 2}-06-30T16:00:00.000Z`);

      expect((await ds.transaction((tx) => handler.execute(timer, tx, timer.dueAt))).listed).toEqual([]);
      expect(await payloads('registration.company.abnormal_listed.v1', laggard)).toHaveLength(1);
    });

    it('the flag bars the automatic approval of a change: queued for an officer (202) naming ABNORMAL_LISTED', async () => {
      const res = await http().post(`${PREFIX}/companies/${laggard}/changes`).set(as(founder)).send({ resolutionOn: today(), capital: { amount: '2000000.00', currency: 'CNY' } });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ status: 'PENDING_REVIEW', failedChecks: ['ABNORMAL_LISTED'] });
      const refused = await http().post(`${PREFIX}/change-requests/${res.body.id}/decision`).set(as(officerYx)).send({ outcome: 'REFUSE', reasons: ['File the missing annual report first'] });
      expect(refused.body).toMatchObject({ status: 'REFUSED' });
    });

    it('public: the abnormal list (reason, listing date) and the name search, without personal data; no token', async () => {
      const list = await http().get(`${PREFIX}/public/abnormal-list?pageSize=2`);
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      expect(list.body.items).toHaveLength(2);
      const one = await http().get(`${PREFIX}/public/abnormal-list?uscc=${laggard}`);
      expect(one.body.items).toEqual([
        { listingId: expect.any(String), uscc: laggard, name: '广州市迟到科技有限公司', reasonCode: 'ANNUAL_REPORT_OVERDUE', listedOn: `${year + 1}-07-01`, reportYear: year, authorityCode: YX },
      ]);
      expect((await http().get(`${PREFIX}/public/abnormal-list?uscc=${filer}`)).body).toMatchObject({ total: 0, items: [] });
      expect((await http().get(`${PREFIX}/public/abnormal-list?pageSize=500&uscc=x`)).status).toBe(400);

      const search = await http().get(`${PREFIX}/public/companies?name=${encodeURIComponent('迟到')}`);
      expect(search.status).toBe(200);
      expect(search.body).toMatchObject({ total: 1, items: [{ uscc: laggard, name: '广州市迟到科技有限公司', status: 'ACTIVE', legalRepresentative: 'p**', abnormalListed: true }] });
      expect((await http().get(`${PREFIX}/public/companies?name=${encodeURIComponent('科技')}`)).body.total).toBe(4);
      expect((await http().get(`${PREFIX}/public/companies?name=${encodeURIComponent('%')}`)).status).toBe(400);
      expect((await http().get(`${PREFIX}/public/companies?name=${encodeURIComponent('%_')}`)).body.total).toBe(0);
      expect((await http().get(`${PREFIX}/public/companies/${laggard}`)).body).toMatchObject({ abnormalListed: true });

      const text = JSON.stringify([list.body, one.body, search.body]);
      for (const personal of ['ar-founder-1', 'ownerId', '"p-a"', 'legalRepRef', '11010519491231002X', PERSON_B_ID, 'system', 'findingRef']) expect(text).not.toContain(personal);
    });
  });

  describe('removal on correction (信用修复)', () => {
    let listingId: string;

    it('the report must be filed first; filed late (补报) it cures the cause; the company asks, an officer of the authority removes', async () => {
      setNow(`${year + 1}-07-20T02:00:00Z`);
      const entries = await listings(laggard);
      expect(entries.body).toMatchObject({ abnormalListed: true, items: [{ reasonCode: 'ANNUAL_REPORT_OVERDUE', status: 'LISTED', reportYear: year, listedBy: 'system' }] });
      listingId = entries.body.items[0].id;
      expect((await listings(laggard, stranger)).status).toBe(404);
      expect((await listings(laggard, officerTh)).status).toBe(404);

      const uncured = await onListing(laggard, listingId, 'removal-request', founder, { correctionRef: 'nothing-yet' });
      expect(uncured.status).toBe(409);
      expect(uncured.body.type).toBe(`${PROBLEM}registration-abnormal-cause-not-cured`);
      expect((await onListing(laggard, listingId, 'decision', officerYx, { outcome: 'REMOVE' })).body.type).toBe(`${PROBLEM}registration-abnormal-cause-not-cured`);

      const late = await fileReport(laggard, { year, ...content() });
      expect(late.status).toBe(201);
      expect(late.body).toMatchObject({ late: true, firstFiledOn: `${year + 1}-07-20` });
      expect((await payloads('registration.annual_report.filed.v1', laggard))[0]).toMatchObject({ late: true, revision: 1 });
      expect((await correctReport(laggard, year, content())).body.type).toBe(`${PROBLEM}registration-annual-report-correction-closed`);

      expect((await onListing(laggard, listingId, 'removal-request', stranger, { correctionRef: `${laggard}:${year}` })).status).toBe(404);
      const asked = await onListing(laggard, listingId, 'removal-request', founder, { correctionRef: `${laggard}:${year}` });
      expect(asked.status).toBe(200);
      expect(asked.body).toMatchObject({ status: 'LISTED', removalRequest: { correctionRef: `${laggard}:${year}` } });
      expect((await onListing(laggard, listingId, 'removal-request', founder, { correctionRef: `${laggard}:${year}` })).status).toBe(409);
      expect(await flags(laggard)).toMatchObject({ abnormalListed: true });

      setNow(`${year + 1}-07-23T02:00:00Z`);
      expect((await onListing(laggard, listingId, 'decision', officerTh, { outcome: 'REMOVE' })).status).toBe(404);
      expect((await onListing(laggard, listingId, 'decision', founder, { outcome: 'REMOVE' })).status).toBe(403);
      const removed = await onListing(laggard, listingId, 'decision', officerYx, { outcome: 'REMOVE' });
      expect(removed.status).toBe(200);
      expect(removed.body).toMatchObject({ status: 'REMOVED', removedOn: `${year + 1}-07-23`, correctionRef: `${laggard}:${year}` });
      expect(removed.body.removalRequest).toBeUndefined();
      expect(await payloads('registration.company.abnormal_removed.v1', laggard)).toEqual([
        { uscc: laggard, listingId, reasonCode: 'ANNUAL_REPORT_OVERDUE', listedOn: `${year + 1}-07-01`, reportYear: year, removedOn: `${year + 1}-07-23` },
      ]);
      expect(await flags(laggard)).toMatchObject({ abnormalListed: false });
      expect((await http().get(`${PREFIX}/public/abnormal-list?uscc=${laggard}`)).body.total).toBe(0);
      expect((await onListing(laggard, listingId, 'decision', officerYx, { outcome: 'REMOVE' })).status).toBe(409);

      const change = await http().post(`${PREFIX}/companies/${laggard}/changes`).set(as(founder)).send({ resolutionOn: today(), capital: { amount: '2000000.00', currency: 'CNY' } });
      expect(change.status).toBe(201);
    });

    it('an officer lists for another cause (unreachable at the address); rejects a request with what is missing, then removes', async () => {
      setNow(`${year + 1}-09-01T02:00:00Z`);
      const listAs = (token: string, body: object) => http().post(`${PREFIX}/companies/${filer}/abnormal-listings`).set(as(token)).send(body);
      expect((await listAs(officerTh, { reasonCode: 'UNREACHABLE_AT_ADDRESS', findingRef: 'VISIT-1' })).status).toBe(404);
      expect((await listAs(founder, { reasonCode: 'UNREACHABLE_AT_ADDRESS', findingRef: 'VISIT-1' })).status).toBe(403);
      const bad = await listAs(officerYx, { reasonCode: 'ANNUAL_REPORT_OVERDUE' });
      expect(bad.status).toBe(400);
      expect(fields(bad)).toEqual(['findingRef', 'reasonCode']);

      const listed = await listAs(officerYx, { reasonCode: 'UNREACHABLE_AT_ADDRESS', findingRef: 'VISIT-2027-0031' });
      expect(listed.status).toBe(201);
      expect(listed.body).toMatchObject({ status: 'LISTED', reasonCode: 'UNREACHABLE_AT_ADDRESS', listedOn: `${year + 1}-09-01`, listedBy: 'officer' });
      const id: string = listed.body.id;
      expect(await payloads('registration.company.abnormal_listed.v1', filer)).toEqual([{ uscc: filer, listingId: id, reasonCode: 'UNREACHABLE_AT_ADDRESS', listedOn: `${year + 1}-09-01` }]);
      expect((await listAs(officerYx, { reasonCode: 'UNREACHABLE_AT_ADDRESS', findingRef: 'VISIT-2' })).body.type).toBe(`${PROBLEM}registration-abnormal-already-listed`);
      expect(await flags(filer)).toMatchObject({ abnormalListed: true });
      expect(JSON.stringify((await http().get(`${PREFIX}/public/abnormal-list?uscc=${filer}`)).body)).not.toContain('VISIT');

      expect((await onListing(filer, id, 'decision', officerYx, { outcome: 'REJECT', reason: 'no request' })).status).toBe(409);
      expect(fields(await onListing(filer, id, 'decision', officerYx, { outcome: 'REJECT' }))).toEqual(['reason']);
      expect((await onListing(filer, id, 'removal-request', founder, { correctionRef: 'LEASE-1', statement: 'Back at the registered address' })).status).toBe(200);
      const rejected = await onListing(filer, id, 'decision', officerYx, { outcome: 'REJECT', reason: 'The lease is unsigned' });
      expect(rejected.body).toMatchObject({ status: 'LISTED', rejections: [{ reason: 'The lease is unsigned' }] });
      expect(rejected.body.removalRequest).toBeUndefined();
      expect((await onListing(filer, id, 'removal-request', founder, { correctionRef: 'LEASE-2' })).status).toBe(200);
      const removed = await onListing(filer, id, 'decision', officerYx, { outcome: 'REMOVE' });
      expect(removed.body).toMatchObject({ status: 'REMOVED', correctionRef: 'LEASE-2', removedOn: `${year + 1}-09-01` });
      expect(await flags(filer)).toMatchObject({ abnormalListed: false });
    });
  });

  describe('forced-exit candidates (2 full years listed, no tax filed)', () => {
    const sendTax = async (e: CloudEvent<unknown>) => {
      await r.publisher.send(TAX_TOPIC, e);
    };
    const handled = (eventId: string) => r.handled(TAX_FILINGS_GROUP, eventId);
    const returnFiled = (taxpayerId: string, time: string, returnId: string) =>
      buildEvent(ReturnFiled, '/one-window/tax', { aggregateId: taxpayerId, time: new Date(time), data: { ...ReturnFiled.example, returnId } });

    it('records tax.return.filed from the broker per company (a repeat once; an unknown taxpayer skipped)', async () => {
      const filed = returnFiled(taxed, `${year + 2}-03-10T02:00:00Z`, 'ret-taxed-1');
      await sendTax(filed);
      await sendTax(filed);
      const unknown = returnFiled('91440104MA00009X0X', `${year + 2}-03-10T02:00:00Z`, 'ret-unknown');
      await sendTax(unknown);
      await waitFor(async () => ((await handled(filed.id)) && (await handled(unknown.id)) ? true : undefined), 30_000);
      expect(await ds.query(`SELECT return_id, uscc, filed_on::text AS filed_on FROM tax_return_filing ORDER BY return_id`)).toEqual([
        { return_id: 'ret-taxed-1', uscc: taxed, filed_on: `${year + 2}-03-10` },
      ]);
      expect((await ds.query(`SELECT count(*)::int AS n FROM messaging_dead_letter`))[0].n).toBe(0);
    });

    it('at 2 years to the day: none; the day after: the silent company only, not the one that filed tax; own authority only', async () => {
      const listedOn = `${year + 1}-07-01`;
      const before = await candidates(`?asOf=${year + 3}-07-01`);
      expect(before.status).toBe(200);
      expect(before.body).toEqual({ asOf: `${year + 3}-07-01`, items: [] });

      const after = await candidates(`?asOf=${year + 3}-07-02`);
      expect(after.body).toEqual({
        asOf: `${year + 3}-07-02`,
        items: [{ uscc: silent, name: '广州市沉默科技有限公司', status: 'ACTIVE', listedOn, reasonCodes: ['ANNUAL_REPORT_OVERDUE'], fullPeriodFrom: `${year + 3}-07-02` }],
      });
      // Keyset pages by credit code: the non-candidate is skipped, the page is filled, the next one is empty.
      const first = await candidates(`?asOf=${year + 3}-07-02&limit=1`);
      expect(first.body).toMatchObject({ items: [{ uscc: silent }], next: silent });
      expect((await candidates(`?asOf=${year + 3}-07-02&limit=1&after=${silent}`)).body.items).toEqual([]);

      expect((await candidates(`?asOf=${year + 3}-07-02`, officerTh)).body.items).toEqual([]);
      expect((await candidates(`?asOf=${year + 3}-07-02`, founder)).status).toBe(403);
      const bad = await candidates('?asOf=2029-13-01&limit=0');
      expect(bad.status).toBe(400);
      expect(fields(bad)).toEqual(['asOf', 'limit']);
    });
  });
});

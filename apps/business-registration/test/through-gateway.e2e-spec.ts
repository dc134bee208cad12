import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ServiceUnderTest, startServiceUnderTest } from '@one-window/shared/platform';
import { Timers, type Timer } from '@one-window/shared/scheduling';
import { createTestDatabase, ServiceProcess, startAppProcess, TestDatabase, testInfra, testTokens, uniqueName, waitFor } from '@one-window/shared/testing';
import { ANNUAL_REPORT_DEADLINE_TIMER, AnnualReportDeadlineHandler } from '../src/annual-report-deadline/annual-report-deadline.handler';
import { AppModule } from '../src/app.module';
import { EndDeregistrationNoticeHandler } from '../src/end-deregistration-notice/end-deregistration-notice.handler';
import { SealDeliveryOverdueHandler } from '../src/seal-delivery-overdue/seal-delivery-overdue.handler';
import { businessRegistrationService } from '../src/service';
import { Clock } from '../src/shared/clock';
import { DEREGISTRATION_NOTICE_TIMER } from '../src/shared/deregistration-desk';
import { SEAL_DELIVERY_TIMER } from '../src/shared/setup-bundle-desk';
import { establishmentForm } from './establishment-form';

const BR = '/api/v1/business-registration';
const TAX = '/api/v1/tax';
const YX = 'GZ-YX-AMR';
const ALL_OPTIONS = { seals: true, bank: { bankCode: 'ICBC', branchCode: 'GZ-001' }, socialInsurance: true, housingFund: true, tax: { invoices: true, ukey: true } };
const INVESTORS = ['p-a', 'p-b'];

interface PartView {
  part: string;
  state: string;
  done: boolean;
  sealClock?: { makerId: string; dueAt: string; late: boolean };
}

/**
 * The "must show", end to end through the gateway only, against the real database and
 * broker: business registration runs in this process (so its timers can be fired with a controlled
 * clock), tax and the gateway as their own processes, all under one topic prefix. Instant approval;
 * officer review with the correction loop; refusal; each change type reaching tax as an event; the
 * setup bundle completed by every agency (and a late seal delivery showing); annual report and the
 * abnormal list; simplified and ordinary deregistration.
 */
describe('one window through the gateway: registration, review, changes, bundle, annual report, exit (e2e)', () => {
  const tokens = testTokens();
  const env = { KAFKA_TOPIC_PREFIX: `${uniqueName('gw', '-')}.`, ...tokens.env };
  let registration: ServiceUnderTest;
  let ds: DataSource;
  let taxDb: TestDatabase;
  let tax: ServiceProcess;
  let gateway: ServiceProcess;
  let clock: jest.SpyInstance<Date, []> | undefined;

  const founder = tokens.token({ sub: 'gw-founder-1', roles: ['applicant'] });
  const founder2 = tokens.token({ sub: 'gw-founder-2', roles: ['applicant'] });
  const officerYx = tokens.token({ sub: 'gw-officer-yx', roles: ['officer'], agency_id: YX });
  const makers: Record<string, string> = {
    'SM-GZ-001': tokens.token({ sub: 'seal-system-1', roles: ['integrator'], agency_id: 'SM-GZ-001' }),
    'SM-GZ-002': tokens.token({ sub: 'seal-system-2', roles: ['integrator'], agency_id: 'SM-GZ-002' }),
  };
  const icbc = tokens.token({ sub: 'icbc-gateway', roles: ['integrator'], agency_id: 'ICBC' });
  const socialInsurance = tokens.token({ sub: 'si-system', roles: ['integrator'], agency_id: 'GZ-SI' });
  const housingFund = tokens.token({ sub: 'hf-clerk', roles: ['officer'], agency_id: 'GZ-HF' });

  beforeAll(async () => {
    registration = await startServiceUnderTest(businessRegistrationService, AppModule, { tokens, env });
    ds = registration.dataSource;
    await registration.app.listen(0, '127.0.0.1');
    const registrationUrl = `http://127.0.0.1:${(registration.app.getHttpServer().address() as AddressInfo).port}`;
    taxDb = await createTestDatabase('e2e_tax_gw');
    tax = await startAppProcess('tax', { DATABASE_URL: taxDb.url, KAFKA_BROKERS: testInfra().kafkaBrokers.join(','), ...env });
    gateway = await startAppProcess(
      'gateway',
      { SERVICE_URLS: `business-registration=${registrationUrl},tax=${tax.url}`, GATEWAY_RATE_LIMIT: '100000', ...env },
      { migrate: false, readyPath: '/livez' },
    );
  }, 120_000);

  afterAll(async () => {
    clock?.mockRestore();
    await gateway?.stop();
    await tax?.stop();
    await taxDb?.drop();
    await registration?.close();
    tokens.cleanup();
  });

  const http = () => request(gateway.url);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const daysAgo = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);
  const timerOf = async (kind: string, key: string): Promise<Timer> => {
    const timer = (await registration.app.get(Timers).pending({ kind, key }))[0];
    if (!timer) throw new Error(`no ${kind} timer for ${key}`);
    return timer;
  };

  const reserve = async (name: string, token = founder): Promise<string> => {
    const res = await http().post(`${BR}/names/reservations`).set(as(token)).send({ name, entityType: 'LLC', authorityCode: YX, domicileDivisionCode: '440104', commitmentSigned: true });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const submit = async (name: string, over: object = {}, token = founder) => http().post(`${BR}/applications`).set(as(token)).send(establishmentForm(await reserve(name, token), over));
  const registerInstantly = async (name: string, over: object = {}, token = founder): Promise<string> => {
    const res = await submit(name, over, token);
    expect(res.body).toMatchObject({ status: 'REGISTERED', route: 'AUTO' });
    return res.body.uscc;
  };
  const taxpayer = (uscc: string, token = founder) => http().get(`${TAX}/taxpayers/${uscc}`).set(as(token));
  const taxpayerWhen = (uscc: string, ready: (body: Record<string, unknown>) => boolean, token = founder) =>
    waitFor(async () => {
      const res = await taxpayer(uscc, token);
      return res.status === 200 && ready(res.body) ? res.body : undefined;
    }, 30_000);
  const onApplication = (id: string, path: string, token: string, body: object = {}) => http().post(`${BR}/applications/${id}/${path}`).set(as(token)).send(body);
  const bundleOf = (uscc: string, token = founder) => http().get(`${BR}/companies/${uscc}/bundle`).set(as(token));
  const onBundle = (uscc: string, path: string, token: string, body: object = {}) => http().post(`${BR}/companies/${uscc}/bundle/${path}`).set(as(token)).send(body);
  const change = (uscc: string, body: object) => http().post(`${BR}/companies/${uscc}/changes`).set(as(founder)).send(body);
  const onDeregistration = (uscc: string, id: string, path: string, token: string, body: object = {}) =>
    http().post(`${BR}/companies/${uscc}/deregistrations/${id}/${path}`).set(as(token)).send(body);
  const deregistration = (uscc: string, id: string) => http().get(`${BR}/companies/${uscc}/deregistrations/${id}`).set(as(founder));

  let a: string; // instant approval, every bundle part: changes, bundle completed, annual report filed
  let b: string; // officer review with the correction loop: late seals, then the abnormal list

  it('instant approval (秒批): REGISTERED at once, the taxpayer appears in tax by itself', async () => {
    a = await registerInstantly('广州市星河科技有限公司', { bundleOptions: ALL_OPTIONS });
    expect(await taxpayerWhen(a, () => true)).toMatchObject({ taxpayerId: a, name: '广州市星河科技有限公司', status: 'ACTIVE', capital: { amount: '1000000.50', currency: 'CNY' } });
  });

  it('officer review with the correction loop: accept, one supplement notice, resubmit, approve → REGISTERED', async () => {
    const pending = await submit('广州市晨曦贸易有限公司', { articles: { kind: 'UPLOADED', documentRef: 'doc-1' } }, founder2);
    expect(pending.body).toMatchObject({ status: 'PENDING_ACCEPTANCE', route: 'OFFICER', failedChecks: ['ARTICLES'] });
    const id: string = pending.body.id;
    const queue = await http().get(`${BR}/applications?status=PENDING_ACCEPTANCE`).set(as(officerYx));
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);

    expect((await onApplication(id, 'acceptance', officerYx)).body.status).toBe('UNDER_REVIEW');
    const supplement = await onApplication(id, 'supplement-requests', officerYx, {
      items: [
        { field: 'articles.documentRef', reason: 'The uploaded articles are not signed by every investor' },
        { field: 'domicile.proofRef', reason: 'The lease of the domicile is missing', code: 'MISSING' },
      ],
    });
    expect(supplement.body.status).toBe('SUPPLEMENT_REQUESTED');
    expect((await http().get(`${BR}/applications/${id}`).set(as(founder2))).body.status).toBe('SUPPLEMENT_REQUESTED');
    const resubmitted = await onApplication(id, 'resubmission', founder2, { newMaterial: ['articles.documentRef', 'domicile.proofRef'] });
    expect(resubmitted.body.status).toBe('UNDER_REVIEW');
    const approved = await onApplication(id, 'decision', officerYx, { outcome: 'APPROVE' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'REGISTERED', decision: { outcome: 'REGISTERED', approvalMode: 'OFFICER' } });
    b = approved.body.uscc;
    await taxpayerWhen(b, () => true, founder2);
  });

  it('rejection: the officer refuses with reasons (REFUSED); no company, nothing for tax', async () => {
    const pending = await submit('广州市落叶贸易有限公司', { articles: { kind: 'UPLOADED', documentRef: 'doc-2' } }, founder2);
    expect(pending.body.status).toBe('PENDING_ACCEPTANCE');
    await onApplication(pending.body.id, 'acceptance', officerYx);
    const refused = await onApplication(pending.body.id, 'decision', officerYx, { outcome: 'REFUSE', reasons: ['The domicile is not usable for business'], reasonCode: 'DOMICILE_NOT_USABLE' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'REFUSED', decision: { outcome: 'REFUSED', reasons: ['The domicile is not usable for business'] } });
    expect(refused.body.uscc).toBeUndefined();
    expect((await http().get(`${BR}/applications/${pending.body.id}`).set(as(founder2))).body.status).toBe('REFUSED');
  });

  it('each change type reaches tax as an event: capital, scope, legal representative, name at once; a domicile outside the district after the officer’s approval', async () => {
    const ids: string[] = [];
    for (const body of [
      { capital: { amount: '3000000.00', currency: 'CNY' } },
      { scopeCodes: ['I6513', 'F5191'] },
      { legalRepRef: 'p-b' },
      { nameReservationId: await reserve('广州市星辰科技有限公司') },
    ]) {
      const res = await change(a, { resolutionOn: today(), ...body });
      expect(res.status).toBe(201);
      ids.push(res.body.changeId);
    }

    // the domicile moves to another district: the officer route (202), one pending request at a time
    const moved = await change(a, { resolutionOn: daysAgo(2), domicile: { standardAddressId: 'GZ-ADDR-0004' } });
    expect(moved.status).toBe(202);
    expect(moved.body).toMatchObject({ status: 'PENDING_REVIEW', failedChecks: ['ADDRESS_OTHER_AUTHORITY'] });
    expect((await change(a, { resolutionOn: today(), capital: { amount: '4000000.00', currency: 'CNY' } })).status).toBe(409);
    const queue = await http().get(`${BR}/change-requests?status=PENDING_REVIEW`).set(as(officerYx));
    expect(queue.body.items).toEqual([expect.objectContaining({ id: moved.body.id, uscc: a })]);
    const approved = await http().post(`${BR}/change-requests/${moved.body.id}/decision`).set(as(officerYx)).send({ outcome: 'APPROVE' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', changes: [{ field: 'domicile', after: { standardAddressId: 'GZ-ADDR-0004' } }] });
    expect((await http().get(`${BR}/companies/${a}/change-requests/${moved.body.id}`).set(as(founder))).body.status).toBe('APPROVED');
    ids.push(approved.body.decision.changeId);

    const synced = await taxpayerWhen(a, (t) => Array.isArray(t.changes) && t.changes.length === 5);
    expect((synced.changes as { changeId: string; fieldsChanged: string[] }[]).map((c) => [c.changeId, c.fieldsChanged])).toEqual([
      [ids[0], ['capital']],
      [ids[1], ['scope']],
      [ids[2], ['legalRep']],
      [ids[3], ['name']],
      [ids[4], ['domicile']],
    ]);
    expect(synced).toMatchObject({ name: '广州市星辰科技有限公司', capital: { amount: '3000000.00', currency: 'CNY' } });
    expect((synced.scope as { code: string }[]).map((i) => i.code)).toEqual(['I6513', 'F5191']);
    expect(JSON.stringify(synced.domicile)).toContain('GZ-ADDR-0004');
  });

  it('the bundle completes with every agency task done: seals delivered by the assigned maker and handed over, bank preset and activated, social insurance, housing fund, tax by its own event', async () => {
    const opened = await bundleOf(a);
    expect(opened.status).toBe(200);
    const seals: PartView = opened.body.parts.find((p: PartView) => p.part === 'SEALS');
    const maker = seals.sealClock?.makerId ?? '';
    expect(Object.keys(makers)).toContain(maker);

    expect((await onBundle(a, 'seals/delivery', makers[maker])).body.part).toMatchObject({ part: 'SEALS', state: 'DELIVERED' });
    expect((await onBundle(a, 'seals/hand-over', officerYx)).body.part).toMatchObject({ state: 'HANDED_OVER', done: true });
    expect((await onBundle(a, 'bank/account', icbc, { accountNumber: '6222021001123456' })).body.part).toMatchObject({ part: 'BANK', state: 'NUMBER_PRESET', done: true });
    expect((await onBundle(a, 'bank/due-diligence', icbc, { outcome: 'ACTIVATED' })).body.part).toMatchObject({ state: 'ACTIVATED', done: true });
    expect((await onBundle(a, 'social-insurance/result', socialInsurance, { outcome: 'DONE' })).body.part).toMatchObject({ part: 'SOCIAL_INSURANCE', done: true });
    expect((await onBundle(a, 'housing-fund/result', housingFund, { outcome: 'DONE' })).body.part).toMatchObject({ part: 'HOUSING_FUND', done: true });

    const done = await waitFor(async () => {
      const res = await bundleOf(a);
      return res.body.status === 'OPEN' ? undefined : res.body;
    }, 30_000);
    expect(done.status).toMatch(/^COMPLETED/);
    expect(done.parts.map((p: PartView) => [p.part, p.done])).toEqual(
      ['LICENCE', 'SEALS', 'TAX', 'SOCIAL_INSURANCE', 'HOUSING_FUND', 'BANK'].map((part) => [part, true]),
    );
    expect(done.parts.find((p: PartView) => p.part === 'TAX').state).toBe('DONE');
  });

  it('a late seal delivery is visible in the bundle status (the 1-hour timer run with a controlled clock)', async () => {
    const timer = await timerOf(SEAL_DELIVERY_TIMER, b);
    const handler = registration.app.get(SealDeliveryOverdueHandler);
    await ds.transaction((tx) => handler.execute(timer, tx, new Date(timer.dueAt.getTime() + 60_000)));

    const status = await bundleOf(b, founder2);
    expect(status.status).toBe(200);
    expect(status.body.status).toBe('OPEN');
    expect(status.body.parts.find((p: PartView) => p.part === 'SEALS')).toMatchObject({ state: 'DISPATCHED', done: false, sealClock: { late: true } });
    expect((await bundleOf(b, officerYx)).body.parts.find((p: PartView) => p.part === 'SEALS').sealClock.late).toBe(true);
  });

  it('simplified deregistration: notice, the notice timer run at its instant, submission → DEREGISTERED; tax closes the taxpayer', async () => {
    const c = await registerInstantly('广州市简易科技有限公司');
    await taxpayerWhen(c, () => true);
    const applied = await http().post(`${BR}/companies/${c}/deregistrations`).set(as(founder)).send({ route: 'SIMPLIFIED', commitmentSigned: true, committedInvestorRefs: INVESTORS });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ route: 'SIMPLIFIED', status: 'NOTICE_PUBLISHED' });
    const id: string = applied.body.id;
    expect((await http().get(`${BR}/public/companies/${c}/deregistration-notice`)).status).toBe(200); // public, no token
    expect((await onDeregistration(c, id, 'submission', founder)).status).toBe(409); // the notice still runs

    const timer = await timerOf(DEREGISTRATION_NOTICE_TIMER, id);
    await ds.transaction((tx) => registration.app.get(EndDeregistrationNoticeHandler).execute(timer, tx, timer.dueAt));
    expect((await deregistration(c, id)).body.status).toBe('NOTICE_ENDED');
    const submitted = await onDeregistration(c, id, 'submission', founder);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'DEREGISTERED', route: 'SIMPLIFIED' });
    expect((await http().get(`${BR}/public/companies/${c}`)).body.status).toBe('DEREGISTERED');
    await taxpayerWhen(c, (t) => t.status === 'DEREGISTERED');
  });

  it('ordinary deregistration: tax clears by itself through the real tax service, social insurance reports, the officer approves', async () => {
    const d = await registerInstantly('广州市清算科技有限公司');
    await taxpayerWhen(d, () => true);
    const applied = await http().post(`${BR}/companies/${d}/deregistrations`).set(as(founder)).send({ route: 'ORDINARY', liquidationReportRef: 'LIQ-GW-1' });
    expect(applied.status).toBe(201);
    expect(applied.body.status).toBe('CLEARING');
    const id: string = applied.body.id;
    expect((await onDeregistration(d, id, 'decision', officerYx, { outcome: 'APPROVE' })).status).toBe(409); // clearances missing
    expect((await onDeregistration(d, id, 'clearances/social-insurance', socialInsurance, { outcome: 'CLEARED', reference: 'SI-GW-1' })).status).toBe(200);
    const cleared = await waitFor(async () => {
      const res = await deregistration(d, id);
      return res.body.status === 'UNDER_REVIEW' ? res.body : undefined;
    }, 30_000);
    expect(cleared.clearances).toEqual({ TAX: 'WAIVER', SOCIAL_INSURANCE: 'CLEARED' });
    const approved = await onDeregistration(d, id, 'decision', officerYx, { outcome: 'APPROVE' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'DEREGISTERED' });
    await taxpayerWhen(d, (t) => t.status === 'DEREGISTERED');
  });

  it('annual report filed in the window; the deadline timer (controlled clock) lists the company that missed it on the public abnormal list', async () => {
    const year = Number((await http().get(`${BR}/public/companies/${a}`)).body.establishedOn.slice(0, 4));
    clock = jest.spyOn(registration.app.get(Clock), 'now').mockReturnValue(new Date(`${year + 1}-03-02T02:00:00Z`));
    const filed = await http()
      .post(`${BR}/companies/${a}/annual-reports`)
      .set(as(founder))
      .send({
        year,
        basicInfo: { operatingStatus: 'OPERATING', employeeCount: 12, contactPhone: '020-12345678', email: 'office@example.cn', postalAddress: '广州市天河区示例路4号' },
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
      });
    expect(filed.status).toBe(201);
    expect((await http().get(`${BR}/companies/${a}/annual-reports/${year}`).set(as(founder))).status).toBe(200);

    const timer = await timerOf(ANNUAL_REPORT_DEADLINE_TIMER, String(year));
    const { listed } = await ds.transaction((tx) => registration.app.get(AnnualReportDeadlineHandler).execute(timer, tx, timer.dueAt));
    expect(listed).toEqual([b]); // the filer is not listed; the deregistered companies report no more

    const list = await http().get(`${BR}/public/abnormal-list?uscc=${b}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ uscc: b, name: '广州市晨曦贸易有限公司', reasonCode: 'ANNUAL_REPORT_OVERDUE', listedOn: `${year + 1}-07-01`, reportYear: year })]);
    expect((await http().get(`${BR}/public/abnormal-list?uscc=${a}`)).body).toMatchObject({ total: 0, items: [] });
    expect((await http().get(`${BR}/public/companies/${b}`)).body).toMatchObject({ abnormalListed: true });
  });
});

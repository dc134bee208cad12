import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompanyRegistered, ForcedExitCandidateFound, type CompanyRegisteredData } from '@one-window/business-registration/contracts';
import { TaxpayerRegistered } from '@one-window/tax/contracts';
import { periodKeyFor, periodsOverlapping, type TaxPeriod } from '@one-window/tax/domain';
import { LocalDate, WorkingCalendar } from '@one-window/shared/calendar';
import { buildEvent, type EventDefinition } from '@one-window/shared/messaging';
import type { ServiceUnderTest } from '@one-window/shared/platform';
import { testTokens, waitFor } from '@one-window/shared/testing';
import { TaxpayerRegisteredHandler } from '../src/filing/schedule-obligations/taxpayer-registered.handler';
import { startTaxUnderTest, type TaxUnderTest } from './tax-under-test';

const PREFIX = '/api/v1/tax';
const PROBLEMS = 'https://one-window.gov.cn/problems/';
const COMPANY = '91440104MA00001B3B'; // an LLC in Yuexiu, Guangzhou: bureau TAX-440104
const TRADER = '92441900MA5G000003'; // an individual business in Dongguan: bureau TAX-441900, reliefs of 粤办函〔2023〕12号
const VAT_TYPES = ['VAT', 'URBAN_MAINTENANCE_CONSTRUCTION_TAX', 'EDUCATION_SURCHARGE', 'LOCAL_EDUCATION_SURCHARGE'];

/** The quarter containing today (Asia/Shanghai) and the next one, as the consumer schedules them. */
function upcomingQuarters(): TaxPeriod[] {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const [current] = periodsOverlapping('QUARTER', today, today);
  const next = LocalDate.parse(current.end).plusDays(1).toString();
  return [current, periodsOverlapping('QUARTER', next, next)[0]];
}

/**
 * Filing end to end (tax.md §6, §7), against the real database and broker: taxpayers come into
 * being from `registration.company.registered` on the broker, their obligations follow from the
 * service's own `tax.taxpayer.registered` with no call; returns, amendments, liabilities with the
 * relief rule versions of their period, payments and the overdue timer go through the API and
 * the poller. The calendar falls back to weekends-only for years without data (2023, 2027).
 */
describe('tax: obligations, returns, liabilities and payments (e2e)', () => {
  const tokens = testTokens();
  let t: TaxUnderTest;
  let svc: ServiceUnderTest;
  let app: NestExpressApplication;
  let ds: DataSource;

  const owner = tokens.token({ sub: 'founder-1', roles: ['applicant'] });
  const trader = tokens.token({ sub: 'trader-1', roles: ['applicant'] });
  const stranger = tokens.token({ sub: 'founder-2', roles: ['applicant'] });
  const bureauOfficer = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: 'TAX-440104' });
  const traderBureauOfficer = tokens.token({ sub: 'officer-dg', roles: ['officer'], agency_id: 'TAX-441900' });
  const otherBureauOfficer = tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: 'TAX-440106' });
  const treasury = tokens.token({ sub: 'treasury-gd', roles: ['integrator'] });
  const admin = tokens.token({ sub: 'ops', roles: ['admin'] });

  const [q0, q1] = upcomingQuarters();
  const vatKey = (p: TaxPeriod) => periodKeyFor({ kind: 'VAT' }, p);
  const mtcKey = (p: TaxPeriod) => periodKeyFor({ kind: 'COMBINED' }, p);

  beforeAll(async () => {
    t = await startTaxUnderTest({ CALENDAR_FALLBACK: 'weekends-only' }, { tokens });
    ({ svc } = t);
    ({ app, dataSource: ds } = svc);
  }, 90_000);

  afterAll(() => t?.close());

  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const publish = <T>(def: EventDefinition<T>, source: string, aggregateId: string, data: T): Promise<string> => t.publish(def, aggregateId, data, undefined, source);
  const outbox = async (aggregateId: string, type: string): Promise<Record<string, unknown>[]> =>
    (await ds.query(`SELECT payload FROM messaging_outbox WHERE aggregate_id = $1 AND type = $2 ORDER BY sequence`, [aggregateId, type])).map(
      (r: { payload: string }) => JSON.parse(r.payload),
    );
  const timer = async (taxpayerId: string, periodKey: string) =>
    (await ds.query(`SELECT fired_at, cancelled_at FROM scheduling_timer WHERE kind = 'tax.obligation.overdue' AND key = $1`, [`${taxpayerId}:${periodKey}`])) as {
      fired_at: Date | null;
      cancelled_at: Date | null;
    }[];
  const obligations = (taxpayerId: string, token: string, query = '') => http().get(`${PREFIX}/taxpayers/${taxpayerId}/obligations${query}`).set(as(token));
  const file = (taxpayerId: string, token: string, body: object, key?: string) => {
    const req = http().post(`${PREFIX}/taxpayers/${taxpayerId}/returns`).set(as(token));
    return key ? req.set('Idempotency-Key', key).send(body) : req.send(body);
  };
  const liabilities = async (taxpayerId: string, query = '') =>
    (await http().get(`${PREFIX}/taxpayers/${taxpayerId}/liabilities${query}`).set(as(admin))).body.liabilities as {
      liabilityId: string;
      periodKey: string;
      taxType: string;
      amount: string;
      outstanding: string;
      status: string;
      ruleVersions: string[];
      payments: unknown[];
    }[];
  const byType = (rows: { taxType: string; amount: string }[]) => Object.fromEntries(rows.map((l) => [l.taxType, l.amount]));

  const company: CompanyRegisteredData = {
    ...CompanyRegistered.example,
    uscc: COMPANY,
    applicantId: 'founder-1',
    domicile: { standardAddressId: 'GZ-ADDR-0001', divisionCode: '440104', text: '广州市越秀区示例路1号' },
  };
  const individualBusiness: CompanyRegisteredData = {
    ...CompanyRegistered.example,
    uscc: TRADER,
    name: '东莞市示例百货店',
    entityType: 'INDIVIDUAL_BUSINESS',
    applicantId: 'trader-1',
    domicile: { standardAddressId: 'DG-ADDR-0001', divisionCode: '441900', text: '东莞市示例路2号' },
  };

  it('a registered taxpayer gets its obligations (VAT and the combined return) with no call, each with an overdue timer', async () => {
    await publish(CompanyRegistered, '/one-window/business-registration', COMPANY, company);
    await publish(CompanyRegistered, '/one-window/business-registration', TRADER, individualBusiness);
    const listed = await waitFor(async () => {
      const res = await obligations(COMPANY, owner);
      return res.status === 200 && res.body.obligations.length === 4 ? res.body.obligations : undefined;
    }, 60_000);
    expect(listed.map((o: { periodKey: string }) => o.periodKey)).toEqual([mtcKey(q0), vatKey(q0), mtcKey(q1), vatKey(q1)]);
    expect(listed[1]).toEqual({
      periodKey: vatKey(q0),
      start: q0.start,
      end: q0.end,
      due: expect.stringMatching(new RegExp(`^${LocalDate.parse(q0.end).plusDays(1).toString().slice(0, 8)}1[5-7]$`)),
      status: 'O',
      taxTypes: VAT_TYPES,
      combinedGroup: null,
      combinable: false,
      overdue: false,
    });
    expect(listed[0]).toMatchObject({ taxTypes: ['CORPORATE_INCOME_TAX', 'STAMP_DUTY'], combinedGroup: 'PROPERTY_BEHAVIOUR_CIT', combinable: true, status: 'O' });
    const created = await outbox(COMPANY, 'tax.obligation.created.v1');
    expect(created.map((e) => e['periodKey']).sort()).toEqual([mtcKey(q0), vatKey(q0), mtcKey(q1), vatKey(q1)].sort());
    for (const key of [mtcKey(q0), vatKey(q0), mtcKey(q1), vatKey(q1)]) expect(await timer(COMPANY, key)).toEqual([{ fired_at: null, cancelled_at: null }]);

    // an individual business files VAT only here (no CIT)
    const traderObligations = await waitFor(async () => {
      const res = await obligations(TRADER, trader);
      return res.body.obligations?.length === 2 ? res.body.obligations : undefined;
    }, 60_000);
    expect(traderObligations.map((o: { periodKey: string }) => o.periodKey)).toEqual([vatKey(q0), vatKey(q1)]);
  }, 120_000);

  it('the registration event again (a replay under a new id) opens nothing twice; neither does the admin schedule of the same periods', async () => {
    // the handler as the consumer runs it, in a transaction of its own (the broker path is the test above)
    const handler = app.get(TaxpayerRegisteredHandler);
    const replay = buildEvent(TaxpayerRegistered, '/one-window/tax', { aggregateId: COMPANY, data: { ...TaxpayerRegistered.example, taxpayerId: COMPANY } });
    await ds.transaction((tx) => handler.execute(replay, tx));
    await ds.transaction((tx) => handler.execute({ ...replay, id: `${replay.id}-again` }, tx));
    expect(await outbox(COMPANY, 'tax.obligation.created.v1')).toHaveLength(4);
    expect((await obligations(COMPANY, owner)).body.obligations).toHaveLength(4);

    const again = await http().post(`${PREFIX}/admin/obligation-schedules`).set(as(admin)).send({ taxpayerId: COMPANY, from: q0.start, to: q1.end });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ created: [], existing: [vatKey(q0), vatKey(q1), mtcKey(q0), mtcKey(q1)] });
    expect(await outbox(COMPANY, 'tax.obligation.created.v1')).toHaveLength(4);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM scheduling_timer WHERE kind = 'tax.obligation.overdue' AND key LIKE $1`, [`${COMPANY}:%`]);
    expect(n).toBe(4);
  });

  it('lists obligations with status and date filters, and names each bad filter', async () => {
    expect((await obligations(COMPANY, owner, '?status=O')).body.obligations).toHaveLength(4);
    expect((await obligations(COMPANY, owner, '?status=F')).body.obligations).toEqual([]);
    const later = await obligations(COMPANY, bureauOfficer, `?from=${q1.start}`);
    expect(later.body.obligations.map((o: { periodKey: string }) => o.periodKey)).toEqual([mtcKey(q1), vatKey(q1)]);
    const earlier = await obligations(COMPANY, owner, `?to=${q0.end}`);
    expect(earlier.body.obligations.map((o: { periodKey: string }) => o.periodKey)).toEqual([mtcKey(q0), vatKey(q0)]);

    const bad = await obligations(COMPANY, owner, '?status=X&from=2026-13-45');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.violations.map((v: { field: string }) => v.field).sort()).toEqual(['from', 'status']);
    const reversed = await obligations(COMPANY, owner, '?from=2026-12-01&to=2026-11-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.violations).toEqual([{ field: 'to', reason: 'must not be before from' }]);
  });

  const combinedReturn = () => ({
    periodKey: mtcKey(q0),
    finalised: true,
    lines: [
      { taxType: 'CORPORATE_INCOME_TAX', taxableBase: '250000.00', taxPayable: '12500.00' },
      { taxType: 'STAMP_DUTY', taxableBase: '500000.00', taxPayable: '150.00' },
    ],
  });
  let filedReturnId: string;
  let filedReceiptId: string;

  it('files the combined return once: Idempotency-Key required, not finalised 422, 201 with Receipt-Id, a replay gets the same receipt, a second return 409', async () => {
    const noKey = await file(COMPANY, owner, combinedReturn());
    expect(noKey.status).toBe(400);
    expect(noKey.body).toMatchObject({ type: `${PROBLEMS}idempotency-key-required`, violations: [{ field: 'Idempotency-Key', reason: 'header is required' }] });

    const draft = await file(COMPANY, owner, { ...combinedReturn(), finalised: false }, 'draft-1');
    expect(draft.status).toBe(422);
    expect(draft.body).toMatchObject({ type: `${PROBLEMS}return-not-finalised`, code: 'tax.return.not_finalised' });

    const missingLine = await file(COMPANY, owner, { ...combinedReturn(), lines: combinedReturn().lines.slice(0, 1) }, 'partial-1');
    expect(missingLine.status).toBe(422);
    expect(missingLine.body).toMatchObject({ type: `${PROBLEMS}invalid-return`, problems: ['no line for STAMP_DUTY'] });

    const badBody = await file(COMPANY, owner, { ...combinedReturn(), lines: [{ taxType: 'SALT_TAX', taxableBase: 'x', taxPayable: '1.234' }] }, 'bad-1');
    expect(badBody.status).toBe(400);
    expect(badBody.body.violations.map((v: { field: string }) => v.field).sort()).toEqual(['lines[0].taxPayable', 'lines[0].taxType', 'lines[0].taxableBase']);

    const filed = await file(COMPANY, owner, combinedReturn(), 'file-mtc-1');
    expect(filed.status).toBe(201);
    expect(filed.body).toEqual({
      receiptId: expect.any(String),
      formBundleNo: expect.stringMatching(/^\d{12}$/),
      processedAt: expect.any(String),
      returnId: expect.any(String),
      periodKey: mtcKey(q0),
      version: 1,
    });
    expect(filed.headers['receipt-id']).toBe(filed.body.receiptId);
    expect(filed.headers['location']).toBe(`${PREFIX}/taxpayers/${COMPANY}/returns/${filed.body.returnId}`);
    filedReturnId = filed.body.returnId;
    filedReceiptId = filed.body.receiptId;

    const replay = await file(COMPANY, owner, combinedReturn(), 'file-mtc-1');
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers['receipt-id']).toBe(filedReceiptId);
    expect(replay.body).toEqual(filed.body);

    const duplicate = await file(COMPANY, owner, combinedReturn(), 'file-mtc-2');
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({
      type: `${PROBLEMS}duplicate-return`,
      code: 'tax.return.duplicate',
      legacyCode: 'DUPLICATE_RETURN',
      existingReturnId: filedReturnId,
      taxTypes: ['CORPORATE_INCOME_TAX', 'STAMP_DUTY'],
    });

    const fulfilled = await obligations(COMPANY, owner, '?status=F');
    expect(fulfilled.body.obligations).toEqual([expect.objectContaining({ periodKey: mtcKey(q0), status: 'F', receiptId: filedReceiptId, overdue: false })]);
    expect(await timer(COMPANY, mtcKey(q0))).toEqual([{ fired_at: null, cancelled_at: expect.any(Date) }]);
    expect((await outbox(COMPANY, 'tax.return.filed.v1')).map((e) => e['receiptId'])).toEqual([filedReceiptId]);
    expect(await outbox(COMPANY, 'tax.liability.assessed.v1')).toHaveLength(2);

    const got = await http().get(`${PREFIX}/taxpayers/${COMPANY}/returns/${filedReturnId}`).set(as(bureauOfficer));
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ returnId: filedReturnId, version: 1, finalised: true, receiptId: filedReceiptId, lines: [{ taxType: 'CORPORATE_INCOME_TAX', taxPayable: '12500.00' }, { taxType: 'STAMP_DUTY' }] });
  });

  it('an amendment makes a new version with a new receipt and the liability delta; the old version cannot be amended again', async () => {
    const amendment = { finalised: true, lines: [{ ...combinedReturn().lines[0], taxPayable: '12000.00' }, combinedReturn().lines[1]] };
    const amend = (returnId: string, key: string) =>
      http().post(`${PREFIX}/taxpayers/${COMPANY}/returns/${returnId}/amendments`).set(as(owner)).set('Idempotency-Key', key).send(amendment);
    const amended = await amend(filedReturnId, 'amend-mtc-1');
    expect(amended.status).toBe(201);
    expect(amended.headers['receipt-id']).toBe(amended.body.receiptId);
    expect(amended.body.receiptId).not.toBe(filedReceiptId);
    expect(amended.body).toMatchObject({
      version: 2,
      amendsReturnId: filedReturnId,
      deltas: [{ taxType: 'CORPORATE_INCOME_TAX', previousAmount: '12500.00', amount: '12000.00', delta: '-500.00', outstanding: '12000.00', overpaid: '0.00' }],
    });
    const cit = (await liabilities(COMPANY)).find((l) => l.periodKey === mtcKey(q0) && l.taxType === 'CORPORATE_INCOME_TAX');
    expect(cit).toMatchObject({ amount: '12000.00', outstanding: '12000.00' });
    expect((await outbox(COMPANY, 'tax.return.amended.v1')).map((e) => e['version'])).toEqual([2]);
    expect((await outbox(COMPANY, 'tax.liability.assessed.v1')).slice(-1)).toEqual([expect.objectContaining({ delta: '-500.00', previousAmount: '12500.00' })]);

    const stale = await amend(filedReturnId, 'amend-mtc-2');
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: `${PROBLEMS}return-not-latest`, code: 'tax.return.not_latest' });
  });

  let traderQ2ReturnId: string;

  it('relief rules of the period apply (E1, E3): a 2023 quarter of 300,000.00 is exempt, 300,000.01 is taxed at 1%, 2024 has no exemption', async () => {
    const schedule = (from: string, to: string) =>
      http().post(`${PREFIX}/admin/obligation-schedules`).set(as(admin)).send({ taxpayerId: TRADER, from, to });
    const scheduled = await schedule('2023-01-01', '2023-06-30');
    expect(scheduled.status).toBe(201);
    expect(scheduled.body).toEqual({ taxpayerId: TRADER, from: '2023-01-01', to: '2023-06-30', created: ['23Q1-VAT', '23Q2-VAT'], existing: [] });
    expect((await schedule('2023-01-01', '2023-06-30')).body).toMatchObject({ created: [], existing: ['23Q1-VAT', '23Q2-VAT'] });
    expect((await schedule('2024-01-01', '2024-03-31')).body.created).toEqual(['24Q1-VAT']);
    expect((await http().post(`${PREFIX}/admin/obligation-schedules`).set(as(owner)).send({ taxpayerId: TRADER, from: '2023-01-01', to: '2023-03-31' })).status).toBe(403);

    const sales = (periodKey: string, amount: string, key: string) =>
      file(TRADER, trader, { periodKey, finalised: true, sales: [{ levyRate: '0.03', amount }] }, key);
    const linesOnly = await file(TRADER, trader, { periodKey: '23Q1-VAT', finalised: true, lines: VAT_TYPES.map((taxType) => ({ taxType, taxableBase: '0', taxPayable: '0' })) }, 'ib-lines');
    expect(linesOnly.status).toBe(422);
    expect(linesOnly.body.problems).toEqual(['sales are required on a small-scale VAT return (its lines are assessed from them)']);

    expect((await sales('23Q1-VAT', '300000.00', 'ib-23q1')).status).toBe(201);
    const q2Filed = await sales('23Q2-VAT', '300000.01', 'ib-23q2');
    expect(q2Filed.status).toBe(201);
    traderQ2ReturnId = q2Filed.body.returnId;
    expect((await sales('24Q1-VAT', '300000.00', 'ib-24q1')).status).toBe(201);

    const in2023 = await liabilities(TRADER, '?from=2023-01-01&to=2023-12-31');
    expect(in2023).toHaveLength(8);
    const q1 = in2023.filter((l) => l.periodKey === '23Q1-VAT');
    expect(byType(q1)).toEqual({ VAT: '0.00', URBAN_MAINTENANCE_CONSTRUCTION_TAX: '0.00', EDUCATION_SURCHARGE: '0.00', LOCAL_EDUCATION_SURCHARGE: '0.00' });
    expect(q1.find((l) => l.taxType === 'VAT')).toMatchObject({ ruleVersions: ['SSVAT-EXEMPT@1'], status: 'PAID' });
    const q2 = in2023.filter((l) => l.periodKey === '23Q2-VAT');
    expect(byType(q2)).toEqual({ VAT: '3000.00', URBAN_MAINTENANCE_CONSTRUCTION_TAX: '105.00', EDUCATION_SURCHARGE: '45.00', LOCAL_EDUCATION_SURCHARGE: '30.00' });
    expect(q2.find((l) => l.taxType === 'VAT')?.ruleVersions).toEqual(['SSVAT-1PCT@1']);
    expect(q2.find((l) => l.taxType === 'URBAN_MAINTENANCE_CONSTRUCTION_TAX')?.ruleVersions).toEqual(['SIX-TAX-TWO-FEE@1']);

    const in2024 = await liabilities(TRADER, '?from=2024-01-01&to=2024-03-31');
    expect(byType(in2024)).toEqual({ VAT: '9000.00', URBAN_MAINTENANCE_CONSTRUCTION_TAX: '315.00', EDUCATION_SURCHARGE: '135.00', LOCAL_EDUCATION_SURCHARGE: '90.00' });
    expect(in2024.find((l) => l.taxType === 'VAT')?.ruleVersions).toEqual([]);

    // the return stores the lines with the versions, for replay
    const filed = (await obligations(TRADER, trader, '?from=2023-04-01&to=2023-06-30')).body.obligations[0];
    expect(filed).toMatchObject({ periodKey: '23Q2-VAT', status: 'F' });
    const assessed = await outbox(TRADER, 'tax.liability.assessed.v1');
    expect(assessed.filter((e) => e['periodKey'] === '23Q2-VAT' && e['taxType'] === 'VAT')).toEqual([expect.objectContaining({ amount: '3000.00', ruleVersions: ['SSVAT-1PCT@1'] })]);
  });

  it('payments reduce what is outstanding until PAID; the same payment twice counts once; more than outstanding is refused', async () => {
    const vat = (await liabilities(TRADER, '?from=2023-04-01&to=2023-06-30')).find((l) => l.taxType === 'VAT');
    if (!vat) throw new Error('no VAT liability');
    const pay = (token: string, paymentId: string, amount: string) =>
      http()
        .post(`${PREFIX}/taxpayers/${TRADER}/payments`)
        .set(as(token))
        .send({ paymentId, liabilityId: vat.liabilityId, amount, channel: 'DIGITAL_RMB', treasuryAt: new Date().toISOString() });

    const first = await pay(treasury, 'TRE-0001', '1000.00');
    expect(first.status).toBe(201);
    expect(first.body.liability).toMatchObject({ outstanding: '2000.00', status: 'OPEN' });
    expect((await pay(treasury, 'TRE-0001', '1000.00')).body.liability).toMatchObject({ outstanding: '2000.00' });
    const conflict = await pay(treasury, 'TRE-0001', '999.00');
    expect(conflict.status).toBe(409);
    expect(conflict.body.type).toBe(`${PROBLEMS}payment-conflict`);
    const excess = await pay(treasury, 'TRE-0002', '2000.01');
    expect(excess.status).toBe(409);
    expect(excess.body).toMatchObject({ type: `${PROBLEMS}payment-exceeds-outstanding`, outstanding: '2000.00' });
    expect((await pay(otherBureauOfficer, 'TRE-0003', '2000.00')).status).toBe(404);
    expect((await pay(trader, 'TRE-0003', '2000.00')).status).toBe(403);
    const counter = await pay(traderBureauOfficer, 'TRE-0003', '2000.00');
    expect(counter.status).toBe(201);
    expect(counter.body.liability).toMatchObject({ outstanding: '0.00', status: 'PAID' });

    const after = (await liabilities(TRADER, '?from=2023-04-01&to=2023-06-30')).find((l) => l.taxType === 'VAT');
    expect(after).toMatchObject({ outstanding: '0.00', status: 'PAID', payments: [expect.objectContaining({ paymentId: 'TRE-0001' }), expect.objectContaining({ paymentId: 'TRE-0003' })] });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const listed = await http().get(`${PREFIX}/taxpayers/${TRADER}/payments?from=${today}&to=${today}`).set(as(trader));
    expect(listed.body.payments.map((p: { paymentId: string; amount: string }) => [p.paymentId, p.amount])).toEqual([
      ['TRE-0001', '1000.00'],
      ['TRE-0003', '2000.00'],
    ]);
    expect((await http().get(`${PREFIX}/taxpayers/${TRADER}/payments?to=2020-01-01`).set(as(trader))).body.payments).toEqual([]);
    expect((await outbox(TRADER, 'tax.payment.received.v1')).map((e) => e['outstanding'])).toEqual(['2000.00', '0.00']);

    // corrected sales of 300,000.00 fall under the exemption: what was paid stays paid and is owed back
    const amended = await http()
      .post(`${PREFIX}/taxpayers/${TRADER}/returns/${traderQ2ReturnId}/amendments`)
      .set(as(trader))
      .set('Idempotency-Key', 'ib-23q2-amend')
      .send({ finalised: true, sales: [{ levyRate: '0.03', amount: '300000.00' }] });
    expect(amended.status).toBe(201);
    expect(amended.body.deltas).toEqual(
      expect.arrayContaining([{ taxType: 'VAT', liabilityId: vat.liabilityId, previousAmount: '3000.00', amount: '0.00', delta: '-3000.00', outstanding: '0.00', overpaid: '3000.00' }]),
    );
    const reassessed = (await liabilities(TRADER, '?from=2023-04-01&to=2023-06-30')).find((l) => l.taxType === 'VAT');
    expect(reassessed).toMatchObject({ amount: '0.00', overpaid: '3000.00', ruleVersions: ['SSVAT-EXEMPT@1'], payments: [expect.anything(), expect.anything()] });
  });

  it('two returns racing for one period: one receipt, the other 409', async () => {
    const body = { ...combinedReturn(), periodKey: mtcKey(q1) };
    const results = await Promise.all([file(COMPANY, owner, body, 'race-a'), file(COMPANY, owner, body, 'race-b')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('tax.return.duplicate');
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM tax_return WHERE taxpayer_id = $1 AND period_key = $2`, [COMPANY, mtcKey(q1)]);
    expect(n).toBe(1);
  });

  it('the overdue timer fires once for an obligation past due + 1 day, and never for a filed one', async () => {
    const scheduled = await http().post(`${PREFIX}/admin/obligation-schedules`).set(as(admin)).send({ taxpayerId: COMPANY, from: '2022-10-01', to: '2022-12-31' });
    expect(scheduled.body.created).toEqual(['22Q4-VAT', '22Q4-MTC']);
    const overdue = await waitFor(async () => {
      const res = await obligations(COMPANY, owner, '?from=2022-10-01&to=2022-12-31');
      return res.body.obligations.every((o: { overdue: boolean }) => o.overdue) ? res.body.obligations : undefined;
    }, 60_000);
    expect(overdue).toEqual([expect.objectContaining({ periodKey: '22Q4-MTC', status: 'O', due: '2023-01-16' }), expect.objectContaining({ periodKey: '22Q4-VAT', status: 'O' })]);
    // Once, without sleeping: each timer's one row is fired (in the transaction that flagged the obligation), so nothing is left pending to fire again.
    expect(await timer(COMPANY, '22Q4-MTC')).toEqual([{ fired_at: expect.any(Date), cancelled_at: null }]);
    expect(await timer(COMPANY, '22Q4-VAT')).toEqual([{ fired_at: expect.any(Date), cancelled_at: null }]);
    const events = await outbox(COMPANY, 'tax.obligation.overdue.v1');
    expect(events.map((e) => e['periodKey']).sort()).toEqual(['22Q4-MTC', '22Q4-VAT']);

    // a late return is still accepted; the filed current obligation was never flagged
    expect((await file(COMPANY, owner, { ...combinedReturn(), periodKey: '22Q4-MTC' }, 'late-mtc')).status).toBe(201);
    expect(events.some((e) => e['periodKey'] === mtcKey(q0))).toBe(false);
    expect(await timer(COMPANY, mtcKey(q0))).toEqual([{ fired_at: null, cancelled_at: expect.any(Date) }]);
  }, 120_000);

  it('abnormal account (非正常户, §4): a bureau officer designates it with a reason; lifting waits until the overdue returns are filed', async () => {
    const designate = (token: string, body: object) => http().post(`${PREFIX}/taxpayers/${COMPANY}/abnormal-designation`).set(as(token)).send(body);
    const lift = (token = bureauOfficer) => http().post(`${PREFIX}/taxpayers/${COMPANY}/abnormal-lifting`).set(as(token)).send({});
    expect((await designate(bureauOfficer, {})).status).toBe(400);
    expect((await designate(otherBureauOfficer, { reason: '逾期未申报' })).status).toBe(404);
    expect((await designate(owner, { reason: '逾期未申报' })).status).toBe(403);
    const designated = await designate(bureauOfficer, { reason: '逾期未申报且无法联系' });
    expect(designated.status).toBe(200);
    expect(designated.body).toMatchObject({ taxpayerId: COMPANY, status: 'ABNORMAL', flags: { abnormal: true } });
    expect(await outbox(COMPANY, 'tax.taxpayer.abnormal_designated.v1')).toEqual([{ taxpayerId: COMPANY, reason: '逾期未申报且无法联系' }]);
    expect((await designate(bureauOfficer, { reason: 'again' })).status).toBe(409);

    // 22Q4-VAT is still overdue and open (the test before filed only 22Q4-MTC late)
    const refused = await lift();
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: `${PROBLEMS}tax-overdue-returns-open`, periodKeys: ['22Q4-VAT'] });
    expect((await file(COMPANY, owner, { periodKey: '22Q4-VAT', finalised: true, sales: [{ levyRate: '0.03', amount: '1000.00' }] }, 'late-vat')).status).toBe(201);
    const lifted = await lift();
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ taxpayerId: COMPANY, status: 'ACTIVE', flags: { abnormal: false } });
    expect(await outbox(COMPANY, 'tax.taxpayer.abnormal_lifted.v1')).toEqual([{ taxpayerId: COMPANY }]);
    expect((await lift()).status).toBe(409);
  });

  it('scoping: another applicant and an officer of another bureau get 404; the bureau reads; only the taxpayer files', async () => {
    expect((await obligations(COMPANY, stranger)).status).toBe(404);
    expect((await obligations(COMPANY, otherBureauOfficer)).status).toBe(404);
    expect((await obligations(COMPANY, bureauOfficer)).status).toBe(200);
    expect((await obligations(COMPANY, traderBureauOfficer)).status).toBe(404);
    expect((await http().get(`${PREFIX}/taxpayers/${COMPANY}/liabilities`).set(as(stranger))).status).toBe(404);
    expect((await http().get(`${PREFIX}/taxpayers/${COMPANY}/payments`).set(as(otherBureauOfficer))).status).toBe(404);
    expect((await http().get(`${PREFIX}/taxpayers/${COMPANY}/returns/${filedReturnId}`).set(as(stranger))).status).toBe(404);
    expect((await http().get(`${PREFIX}/taxpayers/${TRADER}/returns/${filedReturnId}`).set(as(trader))).status).toBe(404);
    const foreign = await file(COMPANY, stranger, { ...combinedReturn(), periodKey: mtcKey(q1) }, 'foreign-1');
    expect(foreign.status).toBe(404);
    expect((await file(COMPANY, bureauOfficer, { ...combinedReturn(), periodKey: mtcKey(q1) }, 'officer-1')).status).toBe(403);
    expect((await file(COMPANY, owner, { ...combinedReturn(), periodKey: '99Q1-MTC' }, 'nope-1')).body).toMatchObject({ status: 404, code: 'tax.obligation.not_found' });
  });

  it('integrators read the obligations snapshot', async () => {
    const res = await http().get(`${PREFIX}/snapshots/obligations`).set(as(treasury));
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ taxpayerId: COMPANY, periodKey: mtcKey(q0), status: 'F' })]));
  });

  it('every return and amendment filed here got its own form bundle number: the filing day (Asia/Shanghai, YYMMDD), then a serial from the sequence', async () => {
    const rows: { n: string; filed_at: string }[] = await ds.query(`SELECT data->>'formBundleNo' AS n, data->>'filedAt' AS filed_at FROM tax_return`);
    expect(rows.length).toBeGreaterThanOrEqual(5); // returns of both taxpayers, the racing pair's winner and the amendments
    expect(new Set(rows.map((r) => r.n)).size).toBe(rows.length);
    for (const r of rows) {
      const day = new Date(new Date(r.filed_at).getTime() + 8 * 3600_000).toISOString().slice(2, 10).replace(/-/g, '');
      expect(r.n).toMatch(new RegExp(`^${day}\\d{6}$`));
    }
  });

  it("answers registration's forced-exit query from its returns (R4.7): filed while listed, nothing filed since registration, or an unknown taxpayer", async () => {
    const QUIET = '91440104MA00011A1B'; // registered here, never files
    await publish(CompanyRegistered, '/one-window/business-registration', QUIET, { ...company, uscc: QUIET, applicantId: 'quiet-1' });
    await waitFor(async () => ((await ds.query(`SELECT 1 FROM taxpayer WHERE id = $1`, [QUIET])).length > 0 ? true : undefined), 30_000);
    const calendar = app.get(WorkingCalendar);
    const today = calendar.localDateOf(new Date()).toString();
    const query = (uscc: string, listedOn: string, asOf = today) =>
      publish(ForcedExitCandidateFound, '/one-window/business-registration', uscc, { uscc, authorityCode: 'GZ-YX-AMR', asOf, listedOn, fullPeriodFrom: asOf, reasonCodes: ['ANNUAL_REPORT_OVERDUE'] });
    const answers = async (uscc: string) =>
      waitFor(async () => {
        const found = await outbox(uscc, 'tax.non_filing.confirmed.v1');
        return found.length > 0 ? found : undefined;
      }, 30_000);

    // COMPANY filed today: listed since yesterday, it filed while listed; asked about yesterday, today's returns do not count.
    const yesterday = LocalDate.parse(today).plusDays(-1).toString();
    const filedWhileListed = await query(COMPANY, yesterday);
    expect(await answers(COMPANY)).toEqual([
      { taxpayerId: COMPANY, asOf: today, listedOn: yesterday, taxpayerKnown: true, nonFiling: false, noReturnSince: today, lastReturnFiledOn: today, queryEventId: filedWhileListed },
    ]);
    const [{ at: registeredAt }] = await ds.query(`SELECT data->>'registeredAt' AS at FROM taxpayer WHERE id = $1`, [QUIET]);
    const registeredOn = calendar.localDateOf(new Date(registeredAt)).toString();
    const quiet = await query(QUIET, '2024-01-01');
    expect(await answers(QUIET)).toEqual([{ taxpayerId: QUIET, asOf: today, listedOn: '2024-01-01', taxpayerKnown: true, nonFiling: true, noReturnSince: registeredOn, queryEventId: quiet }]);
    const UNKNOWN = '91440104MA00012B25';
    const unknown = await query(UNKNOWN, '2024-01-01');
    expect(await answers(UNKNOWN)).toEqual([{ taxpayerId: UNKNOWN, asOf: today, listedOn: '2024-01-01', taxpayerKnown: false, nonFiling: true, queryEventId: unknown }]);
    const earlier = await query(COMPANY, '2024-01-01', yesterday);
    await waitFor(async () => ((await outbox(COMPANY, 'tax.non_filing.confirmed.v1')).length === 2 ? true : undefined), 30_000);
    expect((await outbox(COMPANY, 'tax.non_filing.confirmed.v1'))[1]).toMatchObject({ asOf: yesterday, nonFiling: true, queryEventId: earlier });
  });
});

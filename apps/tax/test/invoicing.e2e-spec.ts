import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompanyRegistered, type CompanyRegisteredData } from '@one-window/business-registration/contracts';
import type { ServiceUnderTest } from '@one-window/shared/platform';
import { testTokens, waitFor } from '@one-window/shared/testing';
import { isInvoiceTaxpayerId } from '@one-window/tax/domain';
import { startTaxUnderTest, type TaxUnderTest } from './tax-under-test';

const PREFIX = '/api/v1/tax';
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A credit code with a valid check character (the invoice domain checks it). */
function uscc(body17: string): string {
  for (const c of ALPHABET) if (isInvoiceTaxpayerId(body17 + c)) return body17 + c;
  throw new Error(body17);
}
const SELLER = uscc('91440104MA5EKKK01');
const BUYER = uscc('91440104MA5EKKK02');
const QUOTA_ISSUER = uscc('91440104MA5EKKK03');

/**
 * The invoicing part of the tax service against the real database and broker: taxpayers come from
 * `registration.company.registered` on the broker (as in production), then invoices are issued,
 * delivered into the buyer's digital tax account, verified, reversed; the UKey is ordered,
 * dispatched, delivered and activated.
 */
describe('tax: fully digital e-invoices and the UKey (e2e)', () => {
  const tokens = testTokens();
  let t: TaxUnderTest;
  let svc: ServiceUnderTest;
  let app: NestExpressApplication;
  let ds: DataSource;

  const seller = tokens.token({ sub: 'seller-owner', roles: ['applicant'] });
  const buyer = tokens.token({ sub: 'buyer-owner', roles: ['applicant'] });
  const quotaOwner = tokens.token({ sub: 'quota-owner', roles: ['applicant'] });
  const stranger = tokens.token({ sub: 'stranger', roles: ['applicant'] });
  const bureauOfficer = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: 'TAX-440104' });
  const otherBureauOfficer = tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: 'TAX-440106' });

  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const outboxTypes = async (aggregateId: string): Promise<string[]> =>
    (await ds.query(`SELECT type FROM messaging_outbox WHERE aggregate_id = $1 ORDER BY sequence`, [aggregateId])).map((r: { type: string }) => r.type);
  const count = async (sql: string, params: unknown[] = []): Promise<number> => (await ds.query(sql, params))[0].n;

  async function register(id: string, owner: string, name: string): Promise<void> {
    const data: CompanyRegisteredData = {
      ...CompanyRegistered.example,
      uscc: id,
      name,
      applicantId: owner,
      domicile: { standardAddressId: 'GZ-ADDR-0001', divisionCode: '440104', text: '广州市越秀区示例路1号' },
    };
    await t.publish(CompanyRegistered, id, data);
  }

  beforeAll(async () => {
    t = await startTaxUnderTest({}, { tokens });
    ({ svc } = t);
    ({ app, dataSource: ds } = svc);
    await register(SELLER, 'seller-owner', '广州示例科技有限公司');
    await register(BUYER, 'buyer-owner', '广州采购贸易有限公司');
    await register(QUOTA_ISSUER, 'quota-owner', '广州额度测试有限公司');
    await waitFor(async () => ((await count(`SELECT count(*)::int AS n FROM taxpayer`)) === 3 ? true : undefined), 60_000);
  }, 120_000);

  afterAll(() => t?.close());

  const lines = [
    { description: '*信息技术服务*软件开发', taxCategoryCode: '3040201000000000000', quantity: '1', unitPrice: '10000.00', rate: 6 },
    { description: '*计算机配套产品*键盘', quantity: '3', unitPrice: '33.333', rate: 13 },
  ];
  const toBuyer = { kind: 'DIGITAL_ORDINARY', buyer: { taxpayerId: BUYER, name: '广州采购贸易有限公司' }, lines };
  const issue = (body: object, token = seller, taxpayerId = SELLER) => http().post(`${PREFIX}/taxpayers/${taxpayerId}/invoices`).set(as(token)).send(body);
  let first: { invoiceNo: string; checkCode: string; issuedOn: string; total: string };

  it('issues an invoice with the amounts and tax computed exactly, numbered, signed, chained and delivered to the buyer', async () => {
    const res = await issue(toBuyer);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'DIGITAL_ORDINARY',
      status: 'DELIVERED',
      issuerId: SELLER,
      seller: { taxpayerId: SELLER, name: '广州示例科技有限公司' },
      buyer: { taxpayerId: BUYER, name: '广州采购贸易有限公司' },
      amount: '10100.00',
      tax: '613.00',
      total: '10713.00',
      chainSequence: 1,
      prevHash: '0'.repeat(64),
      delivery: { channel: 'DIGITAL_ACCOUNT', late: false },
    });
    expect(res.body.lines.map((l: { amount: string; tax: string }) => [l.amount, l.tax])).toEqual([
      ['10000.00', '600.00'],
      ['100.00', '13.00'], // 3 × 33.333 = 99.999 → 100.00 half up
    ]);
    expect(res.body.invoiceNo).toMatch(/^\d{2}441\d{15}$/);
    expect(res.body.checkCode).toMatch(/^\d{20}$/);
    expect(res.body.hash).toMatch(/^[0-9a-f]{64}$/);
    first = res.body;
    // the invoice, its issued and delivered events, one transaction
    expect(await outboxTypes(first.invoiceNo)).toEqual(['tax.invoice.issued.v1', 'tax.invoice.delivered.v1']);
    const [issued] = await ds.query(`SELECT payload::jsonb AS data FROM messaging_outbox WHERE aggregate_id = $1 ORDER BY sequence LIMIT 1`, [first.invoiceNo]);
    expect(issued.data).toMatchObject({ issuerId: SELLER, buyerId: BUYER, amount: { amount: '10100.00' }, tax: { amount: '613.00' }, hash: res.body.hash });
    // the next one links to it
    const second = await issue(toBuyer);
    expect(second.body).toMatchObject({ chainSequence: 2, prevHash: res.body.hash });
  });

  it('honours Idempotency-Key: the same request again replays the same invoice', async () => {
    const a = await issue(toBuyer).set('Idempotency-Key', 'inv-key-1');
    const b = await issue(toBuyer).set('Idempotency-Key', 'inv-key-1');
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.invoiceNo).toBe(a.body.invoiceNo);
    expect(b.headers['idempotent-replayed']).toBe('true');
  });

  it("the invoice lands in the buyer's digital tax account by itself", async () => {
    const res = await http().get(`${PREFIX}/taxpayers/${BUYER}/account/invoices?limit=200`).set(as(buyer));
    expect(res.status).toBe(200);
    expect(res.body.items.find((e: { invoiceNo: string }) => e.invoiceNo === first.invoiceNo)).toMatchObject({
      issuerId: SELLER,
      total: '10713.00',
      status: 'AVAILABLE',
    });
    expect((await http().get(`${PREFIX}/taxpayers/${BUYER}/account/invoices`).set(as(bureauOfficer))).status).toBe(200);
    expect((await http().get(`${PREFIX}/taxpayers/${BUYER}/account/invoices`).set(as(seller))).status).toBe(404);
  });

  it('the quota: a total equal to what is left is issued, one fen more is refused with nothing half-written', async () => {
    const oneLine = (unitPrice: string, rate: number) => ({ kind: 'DIGITAL_ORDINARY', buyer: { name: '张三', email: 'zhang@example.cn' }, lines: [{ description: '咨询服务', quantity: '1', unitPrice, rate }] });
    const serials = async () => (await ds.query(`SELECT coalesce(sum(last_serial), 0)::text AS s FROM invoice_serial`))[0].s;
    const before = { serials: await serials(), outbox: await count(`SELECT count(*)::int AS n FROM messaging_outbox`) };

    // 94339.63 + 6% (5660.38) = 100000.01: one fen over the month's 100000.00
    const over = await issue(oneLine('94339.63', 6), quotaOwner, QUOTA_ISSUER);
    expect(over.status).toBe(422);
    expect(over.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(over.body).toMatchObject({ type: expect.stringMatching(/tax-invoice-quota-exceeded$/), remaining: '100000.00', requested: '100000.01' });
    expect(await count(`SELECT count(*)::int AS n FROM invoice WHERE issuer_id = $1`, [QUOTA_ISSUER])).toBe(0);
    expect(await serials()).toBe(before.serials);
    expect(await count(`SELECT count(*)::int AS n FROM messaging_outbox`)).toBe(before.outbox);

    // 94339.62 + 5660.38 = 100000.00: exactly the quota
    const equal = await issue(oneLine('94339.62', 6), quotaOwner, QUOTA_ISSUER);
    expect(equal.status).toBe(201);
    expect(equal.body).toMatchObject({ total: '100000.00', status: 'DELIVERED', delivery: { channel: 'EMAIL' } });

    const fen = await issue(oneLine('0.01', 0), quotaOwner, QUOTA_ISSUER);
    expect(fen.status).toBe(422);
    expect(fen.body).toMatchObject({ remaining: '0.00', requested: '0.01' });
    expect(await count(`SELECT count(*)::int AS n FROM invoice WHERE issuer_id = $1`, [QUOTA_ISSUER])).toBe(1);
  });

  it('verification: valid by check code or amount, mismatch naming the field only, not found; each one recorded', async () => {
    const verify = (body: object) => http().post(`${PREFIX}/public/invoice-verifications`).send(body);
    const byCode = await verify({ invoiceNo: first.invoiceNo, issuedOn: first.issuedOn, checkCode: first.checkCode });
    expect(byCode.status).toBe(200);
    expect(byCode.body).toEqual({
      status: 'valid',
      invoiceNo: first.invoiceNo,
      kind: 'DIGITAL_ORDINARY',
      invoiceStatus: 'DELIVERED',
      sellerName: '广州示例科技有限公司',
      buyerName: '广州采购贸易有限公司',
      amount: '10100.00',
      tax: '613.00',
      total: '10713.00',
      issuedOn: first.issuedOn,
      originalInvoiceNo: null,
      reversedBy: null,
    });
    expect((await verify({ invoiceNo: first.invoiceNo, issuedOn: first.issuedOn, amount: '10713.00' })).body.status).toBe('valid');
    const wrongCode = first.checkCode.replace(/.$/, (d) => String((Number(d) + 1) % 10));
    const mismatch = await verify({ invoiceNo: first.invoiceNo, issuedOn: first.issuedOn, checkCode: wrongCode });
    expect(mismatch.body).toEqual({ status: 'mismatch', invoiceNo: first.invoiceNo, mismatched: ['checkCode'] });
    const missing = await verify({ invoiceNo: '26449999999999999999', issuedOn: first.issuedOn, amount: '1.00' });
    expect(missing.body).toEqual({ status: 'not_found', invoiceNo: '26449999999999999999' });
    const bad = await verify({ invoiceNo: '123', issuedOn: first.issuedOn });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.violations.map((v: { field: string }) => v.field))].sort()).toEqual(['checkCode', 'invoiceNo']);
    const audit = await ds.query(`SELECT outcome FROM invoice_verification ORDER BY created_at`);
    expect(audit.map((r: { outcome: string }) => r.outcome)).toEqual(['VALID', 'VALID', 'MISMATCH', 'NOT_FOUND']);
  });

  it('red letter without buyer use: the issuer reverses in full; a second one is refused', async () => {
    const original = (await issue(toBuyer)).body;
    const res = await http()
      .post(`${PREFIX}/taxpayers/${SELLER}/invoices/${original.invoiceNo}/red-letter`)
      .set(as(seller))
      .send({ reason: 'ISSUED_IN_ERROR', scope: 'FULL' });
    expect(res.status).toBe(201);
    expect(res.body.original).toMatchObject({ status: 'REVERSED', reversal: { scope: 'FULL', buyerConfirmed: false, amount: '-10100.00', tax: '-613.00' } });
    expect(res.body.creditNote).toMatchObject({ status: 'DELIVERED', amount: '-10100.00', tax: '-613.00', total: '-10713.00', redLetter: { originalInvoiceNo: original.invoiceNo } });
    expect(await outboxTypes(original.invoiceNo)).toEqual(['tax.invoice.issued.v1', 'tax.invoice.delivered.v1', 'tax.invoice.reversed.v1']);
    expect(await outboxTypes(res.body.creditNote.invoiceNo)).toEqual(['tax.invoice.issued.v1', 'tax.invoice.delivered.v1']);
    const account = (await http().get(`${PREFIX}/taxpayers/${BUYER}/account/invoices?limit=200`).set(as(buyer))).body.items;
    expect(account.find((e: { invoiceNo: string }) => e.invoiceNo === original.invoiceNo)).toMatchObject({ status: 'REVERSED' });
    expect(account.find((e: { invoiceNo: string }) => e.invoiceNo === res.body.creditNote.invoiceNo)).toMatchObject({ total: '-10713.00' });

    const again = await http()
      .post(`${PREFIX}/taxpayers/${SELLER}/invoices/${original.invoiceNo}/red-letter`)
      .set(as(seller))
      .send({ reason: 'GOODS_RETURNED', scope: 'PARTIAL', lines: [{ lineNo: 1, quantity: '1' }] });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/tax-invoice-red-letter-exists$/);
    expect(await outboxTypes(original.invoiceNo)).toHaveLength(3);
  });

  it('red letter after the buyer booked the invoice needs its confirmation first', async () => {
    const original = (await issue(toBuyer)).body;
    const used = await http().post(`${PREFIX}/taxpayers/${BUYER}/account/invoices/${original.invoiceNo}/uses`).set(as(buyer)).send({ use: 'BOOKING', reference: 'VOUCHER-2026-001' });
    expect(used.status).toBe(200);
    expect(used.body).toMatchObject({ status: 'CONSUMED', consumption: { use: 'BOOKING' } });
    const twice = await http().post(`${PREFIX}/taxpayers/${BUYER}/account/invoices/${original.invoiceNo}/uses`).set(as(buyer)).send({ use: 'REIMBURSEMENT', reference: 'R-1' });
    expect(twice.status).toBe(409);

    const partial = { reason: 'GOODS_RETURNED', scope: 'PARTIAL', lines: [{ lineNo: 2, quantity: '1' }] };
    const refused = await http().post(`${PREFIX}/taxpayers/${SELLER}/invoices/${original.invoiceNo}/red-letter`).set(as(seller)).send(partial);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/tax-invoice-buyer-confirmation-required$/);
    expect((await http().get(`${PREFIX}/taxpayers/${SELLER}/invoices/${original.invoiceNo}`).set(as(seller))).body.status).toBe('DELIVERED');

    // only the buyer confirms
    expect((await http().post(`${PREFIX}/taxpayers/${SELLER}/invoices/${original.invoiceNo}/red-letter-confirmations`).set(as(seller))).status).toBe(404);
    const confirmed = await http().post(`${PREFIX}/taxpayers/${BUYER}/invoices/${original.invoiceNo}/red-letter-confirmations`).set(as(buyer));
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ invoiceNo: original.invoiceNo, confirmedBy: BUYER });

    const res = await http().post(`${PREFIX}/taxpayers/${SELLER}/invoices/${original.invoiceNo}/red-letter`).set(as(seller)).send(partial);
    expect(res.status).toBe(201);
    expect(res.body.original.reversal).toMatchObject({ scope: 'PARTIAL', buyerConfirmed: true, amount: '-33.33', tax: '-4.33' });
    expect(res.body.creditNote).toMatchObject({ amount: '-33.33', tax: '-4.33', total: '-37.66' });
    const [reversed] = await ds.query(`SELECT payload::jsonb AS data FROM messaging_outbox WHERE aggregate_id = $1 AND type = 'tax.invoice.reversed.v1'`, [original.invoiceNo]);
    expect(reversed.data).toMatchObject({ buyerConfirmed: true, scope: 'PARTIAL', creditNoteNo: res.body.creditNote.invoiceNo });
  });

  it('scoping: the issuer and its bureau read; another applicant and another bureau get 404; officers cannot issue', async () => {
    const own = await http().get(`${PREFIX}/taxpayers/${SELLER}/invoices?limit=2`).set(as(seller));
    expect(own.status).toBe(200);
    expect(own.body.items).toHaveLength(2);
    expect(own.body.next).toBe(own.body.items[1].invoiceNo);
    expect((await http().get(`${PREFIX}/taxpayers/${SELLER}/invoices/${first.invoiceNo}`).set(as(bureauOfficer))).status).toBe(200);
    expect((await http().get(`${PREFIX}/taxpayers/${SELLER}/invoices`).set(as(stranger))).status).toBe(404);
    expect((await http().get(`${PREFIX}/taxpayers/${SELLER}/invoices/${first.invoiceNo}`).set(as(otherBureauOfficer))).status).toBe(404);
    expect((await http().get(`${PREFIX}/taxpayers/${BUYER}/invoices/${first.invoiceNo}`).set(as(buyer))).status).toBe(404); // not its issuer
    expect((await issue(toBuyer, stranger)).status).toBe(404);
    expect((await issue(toBuyer, bureauOfficer)).status).toBe(403);
    expect((await http().post(`${PREFIX}/taxpayers/${SELLER}/invoices`).send(toBuyer)).status).toBe(401);
  });

  it('bad input is a 400 problem naming every bad field, and writes nothing', async () => {
    const invoices = await count(`SELECT count(*)::int AS n FROM invoice`);
    const res = await issue({
      kind: 'PAPER',
      buyer: { taxpayerId: 'nope' },
      lines: [{ description: '', quantity: '-1', unitPrice: '1.123456789', rate: 17 }],
      colour: 'red',
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = new Set(res.body.violations.map((v: { field: string }) => v.field));
    expect([...fields].sort()).toEqual(
      ['buyer.name', 'buyer.taxpayerId', 'colour', 'kind', 'lines[0].description', 'lines[0].quantity', 'lines[0].rate', 'lines[0].unitPrice'].sort(),
    );
    // well-formed but against a rule: the domain names the field (422)
    const self = await issue({ ...toBuyer, buyer: { taxpayerId: SELLER, name: '自己' } });
    expect(self.status).toBe(422);
    expect(self.body.issues).toEqual([expect.objectContaining({ field: 'buyer.taxpayerId', problem: 'NOT_ALLOWED' })]);
    expect(await count(`SELECT count(*)::int AS n FROM invoice`)).toBe(invoices);
  });

  it('UKey: ordered free by mail, dispatched with tracking by the bureau, delivered, activated', async () => {
    const base = `${PREFIX}/taxpayers/${SELLER}/ukey-orders`;
    const noAddress = await http().post(base).set(as(seller)).send({ pickup: 'MAIL' });
    expect(noAddress.status).toBe(400);
    expect(new Set(noAddress.body.violations.map((v: { field: string }) => v.field))).toEqual(new Set(['mailingAddress']));
    const ordered = await http().post(base).set(as(seller)).send({ pickup: 'MAIL', mailingAddress: '广州市越秀区示例路1号' });
    expect(ordered.status).toBe(201);
    expect(ordered.body).toMatchObject({ status: 'REQUESTED', free: true, freeMailing: true, pickup: 'MAIL', dispatchClock: { limitWorkingDays: 1, running: true, overdue: false } });
    const id = ordered.body.orderId;
    expect((await http().post(base).set(as(seller)).send({ pickup: 'COUNTER', counterOfficeId: 'YX-01' })).status).toBe(409); // one open order
    expect(await count(`SELECT count(*)::int AS n FROM scheduling_timer WHERE kind = 'tax.ukey.dispatch_due' AND key = $1 AND fired_at IS NULL AND cancelled_at IS NULL`, [id])).toBe(1);

    expect((await http().post(`${base}/${id}/dispatch`).set(as(otherBureauOfficer)).send({ trackingNo: 'SF1234567890' })).status).toBe(404);
    expect((await http().post(`${base}/${id}/dispatch`).set(as(seller)).send({ trackingNo: 'SF1234567890' })).status).toBe(403);
    const dispatched = await http().post(`${base}/${id}/dispatch`).set(as(bureauOfficer)).send({ trackingNo: 'SF1234567890', carrier: 'SF Express' });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body).toMatchObject({ status: 'DISPATCHED', trackingNo: 'SF1234567890', dispatchClock: { running: false, overdue: false } });
    expect(await count(`SELECT count(*)::int AS n FROM scheduling_timer WHERE key = $1 AND cancelled_at IS NOT NULL`, [id])).toBe(1);

    const activateEarly = await http().post(`${base}/${id}/activation`).set(as(seller)).send({ deviceNo: 'UK-44-000123' });
    expect(activateEarly.status).toBe(409);
    expect((await http().post(`${base}/${id}/delivery-confirmation`).set(as(seller))).body.status).toBe('DELIVERED');
    const activated = await http().post(`${base}/${id}/activation`).set(as(seller)).send({ deviceNo: 'UK-44-000123' });
    expect(activated.body).toMatchObject({ status: 'ACTIVATED', deviceNo: 'UK-44-000123' });
    const got = await http().get(`${base}/${id}`).set(as(bureauOfficer));
    expect(got.body.history.map((h: { to: string }) => h.to)).toEqual(['REQUESTED', 'DISPATCHED', 'DELIVERED', 'ACTIVATED']);
    expect((await http().get(`${base}/${id}`).set(as(stranger))).status).toBe(404);
    expect((await outboxTypes(SELLER)).filter((t) => t.startsWith('tax.ukey'))).toEqual(['tax.ukey.dispatched.v1', 'tax.ukey.activated.v1']);
    const [event] = await ds.query(`SELECT payload::jsonb AS data FROM messaging_outbox WHERE aggregate_id = $1 AND type = 'tax.ukey.dispatched.v1'`, [SELLER]);
    expect(event.data).toMatchObject({ trackingNo: 'SF1234567890', free: true, onTime: true });
  });

  it('UKey: a dispatch not done by the limit is flagged late by the durable timer', async () => {
    const base = `${PREFIX}/taxpayers/${BUYER}/ukey-orders`;
    const ordered = await http().post(base).set(as(buyer)).send({ pickup: 'COUNTER', counterOfficeId: 'YX-01' });
    expect(ordered.status).toBe(201);
    const id = ordered.body.orderId;
    // the limit is a working day away: move the order's limit and its timer to now, as the clock would
    await ds.query(`UPDATE ukey_issuance SET data = jsonb_set(data, '{dispatchDueAt}', to_jsonb(now())) WHERE id = $1`, [id]);
    await ds.query(`UPDATE scheduling_timer SET due_at = now(), next_attempt_at = now() WHERE kind = 'tax.ukey.dispatch_due' AND key = $1`, [id]);
    const flagged = await waitFor(async () => {
      const res = await http().get(`${base}/${id}`).set(as(buyer));
      return res.body.dispatchClock?.flaggedLateAt ? res.body : undefined;
    }, 20_000);
    expect(flagged).toMatchObject({ status: 'REQUESTED', dispatchClock: { overdue: true } });
    const ready = await http().post(`${base}/${id}/ready`).set(as(bureauOfficer));
    expect(ready.body).toMatchObject({ status: 'READY', dispatchClock: { overdue: true, flaggedLateAt: flagged.dispatchClock.flaggedLateAt } });
  });
});

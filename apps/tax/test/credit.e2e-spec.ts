import request from 'supertest';
import { waitFor } from '@one-window/shared/testing';
import { startTaxUnderTest, type TaxUnderTest } from './tax-under-test';

const PREFIX = '/api/v1/tax';
const USCC = '91440104MA00003D7Y';

/** Credit + risk gating of refunds (R8.4–R8.6) and the refund review (§9), against the real database and broker. */
describe('tax: risk cases, refund claims blocked by risk and reviewed (e2e)', () => {
  let t: TaxUnderTest;
  let owner: string, stranger: string, officer: string, otherOfficer: string, treasury: string;

  beforeAll(async () => {
    t = await startTaxUnderTest();
    owner = t.tokens.token({ sub: 'founder-1', roles: ['applicant'] });
    stranger = t.tokens.token({ sub: 'founder-2', roles: ['applicant'] });
    officer = t.tokens.token({ sub: 'risk-officer', roles: ['officer'], agency_id: 'TAX-440104' });
    otherOfficer = t.tokens.token({ sub: 'other-officer', roles: ['officer'], agency_id: 'TAX-440106' });
    treasury = t.tokens.token({ sub: 'treasury-system', roles: ['integrator'] });
    await t.register(USCC, 'founder-1');
    await waitFor(async () => ((await http().get(`${PREFIX}/taxpayers/${USCC}`).set(as(owner))).status === 200 ? true : undefined));
    // The new taxpayer's obligations are opened by another consumer (tax.filing-obligations), in one transaction:
    // wait for them, so that "nothing written" below counts only what the requests themselves write.
    await waitFor(async () => ((await outboxTypes()).includes('tax.obligation.created.v1') ? true : undefined), 30_000);
  }, 90_000);
  afterAll(() => t?.close());

  const http = () => request(t.svc.app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const claim = (body: object = {}, token = owner) =>
    http()
      .post(`${PREFIX}/taxpayers/${USCC}/refund-claims`)
      .set(as(token))
      .send({ kind: 'VAT_CREDIT', industryCode: 'C3011', amount: { amount: '12000.00', currency: 'CNY' }, ...body });
  const outboxTypes = async () =>
    (await t.svc.dataSource.query(`SELECT type FROM messaging_outbox WHERE aggregate_id = $1 ORDER BY sequence`, [USCC])).map((r: { type: string }) => r.type);

  let reviewedClaimId: string;
  let blockedClaimId: string;
  let riskCaseId: string;

  it('a claim from a key industry goes to review with its 10-working-day clock', async () => {
    const res = await claim();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'UNDER_REVIEW', keyIndustry: expect.any(String), gate: { decision: 'normal' } });
    expect(Date.parse(res.body.reviewDueAt)).toBeGreaterThan(Date.now());
    reviewedClaimId = res.body.claimId;
  });

  it('bad input is a 400 naming each field; an industry outside the 13 is a 422; nothing written', async () => {
    const before = (await outboxTypes()).length;
    const bad = await claim({ kind: 'PLEASE', amount: { amount: '-5', currency: 'USD' }, colour: 'red' });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.violations.map((v: { field: string }) => v.field))].sort()).toEqual(['amount.amount', 'amount.currency', 'colour', 'kind']);
    const finance = await claim({ industryCode: 'J6620' });
    expect(finance.status).toBe(422);
    expect(finance.body.type).toBe('https://one-window.gov.cn/problems/tax-refund-not-eligible');
    expect((await outboxTypes()).length).toBe(before);
  });

  it('a refund-fraud list hit opens a risk case whose reminder goes out by itself', async () => {
    expect((await http().post(`${PREFIX}/taxpayers/${USCC}/risk-cases`).set(as(otherOfficer)).send({ listHit: { list: 'REFUND_FRAUD', origin: 'STA', date: '2026-11-30' } })).status).toBe(404);
    const res = await http()
      .post(`${PREFIX}/taxpayers/${USCC}/risk-cases`)
      .set(as(officer))
      .send({ listHit: { list: 'REFUND_FRAUD', origin: '国家税务总局湖南省税务局', date: '2026-11-30' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'DETECTED', level: 'high' });
    riskCaseId = res.body.caseId;
    const reminded = await waitFor(async () => {
      const list = await http().get(`${PREFIX}/taxpayers/${USCC}/risk-cases`).set(as(owner));
      return list.body.items?.[0]?.status === 'REMINDED' ? list.body.items[0] : undefined;
    });
    expect(Date.parse(reminded.stepDueAt)).toBeGreaterThan(Date.now());
  });

  it('while the risk is high a new claim is blocked: 403 naming the rule and how to lift it; the claim waits as BLOCKED', async () => {
    const res = await claim({ amount: { amount: '5000.00', currency: 'CNY' } });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'https://one-window.gov.cn/problems/tax-operation-blocked',
      operation: 'REFUND_CLAIM',
      reasonCode: 'LIST_HIT_REFUND_FRAUD',
      rule: expect.stringMatching(/^R8\.5@/),
      howToLift: expect.any(String),
      status: 403,
      claimStatus: 'BLOCKED',
      claimId: expect.any(String),
    });
    blockedClaimId = res.body.claimId;
    expect((await http().get(`${PREFIX}/refund-claims/${blockedClaimId}`).set(as(owner))).body.status).toBe('BLOCKED');
    expect(await outboxTypes()).toEqual(expect.arrayContaining(['tax.risk.detected.v1', 'tax.operation.blocked.v1', 'tax.refund.blocked.v1']));
  });

  it('self-check by the taxpayer, verification by the bureau: the risk is resolved and the blocked claim goes to review', async () => {
    expect((await http().post(`${PREFIX}/risk-cases/${riskCaseId}/self-check`).set(as(stranger))).status).toBe(404);
    expect((await http().post(`${PREFIX}/risk-cases/${riskCaseId}/self-check`).set(as(owner))).body.status).toBe('SELF_CORRECTING');
    expect((await http().post(`${PREFIX}/risk-cases/${riskCaseId}/verification`).set(as(otherOfficer))).status).toBe(404);
    const stale = await http().post(`${PREFIX}/risk-cases/${riskCaseId}/verification`).set(as(officer)).set('If-Match', '"1"');
    expect(stale.status).toBe(412);
    const verified = await http().post(`${PREFIX}/risk-cases/${riskCaseId}/verification`).set(as(officer));
    expect(verified.body).toMatchObject({ status: 'RESOLVED' });
    expect((await http().get(`${PREFIX}/refund-claims/${blockedClaimId}`).set(as(owner))).body.status).toBe('UNDER_REVIEW');
    expect(await outboxTypes()).toEqual(expect.arrayContaining(['tax.risk.resolved.v1', 'tax.refund.unblocked.v1']));
  });

  it('review: information requested (clock stops) and supplied, approved, paid by the treasury', async () => {
    const asked = await http().post(`${PREFIX}/refund-claims/${reviewedClaimId}/info-requests`).set(as(officer)).send({ items: ['Purchase invoices for 2026-10'] });
    expect(asked.body).toMatchObject({ status: 'INFO_REQUESTED', infoRequests: [{ items: ['Purchase invoices for 2026-10'] }] });
    expect((await http().post(`${PREFIX}/refund-claims/${reviewedClaimId}/decision`).set(as(officer)).send({ outcome: 'APPROVE' })).status).toBe(409);
    expect((await http().post(`${PREFIX}/refund-claims/${reviewedClaimId}/info`).set(as(owner))).body.status).toBe('UNDER_REVIEW');
    const approved = await http().post(`${PREFIX}/refund-claims/${reviewedClaimId}/decision`).set(as(officer)).send({ outcome: 'APPROVE' });
    expect(approved.body).toMatchObject({ status: 'APPROVED', decision: { outcome: 'APPROVED' } });
    expect(Date.parse(approved.body.paymentDueAt)).toBeGreaterThan(Date.now());
    expect((await http().post(`${PREFIX}/refund-claims/${reviewedClaimId}/payment`).set(as(owner)).send({ treasuryRef: 'TRE-1' })).status).toBe(403);
    const paid = await http().post(`${PREFIX}/refund-claims/${reviewedClaimId}/payment`).set(as(treasury)).send({ treasuryRef: 'TRE-20261210-0001' });
    expect(paid.body).toMatchObject({ status: 'PAID', payment: { treasuryRef: 'TRE-20261210-0001', late: false } });
  });

  it('a rejection needs reasons; the taxpayer and its bureau see the claims, nobody else', async () => {
    const noReasons = await http().post(`${PREFIX}/refund-claims/${blockedClaimId}/decision`).set(as(officer)).send({ outcome: 'REJECT' });
    expect(noReasons.status).toBe(422);
    const rejected = await http().post(`${PREFIX}/refund-claims/${blockedClaimId}/decision`).set(as(officer)).send({ outcome: 'REJECT', reasons: ['Input VAT not supported by invoices'] });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', decision: { reasons: ['Input VAT not supported by invoices'] } });
    expect((await http().get(`${PREFIX}/refund-claims/${blockedClaimId}`).set(as(stranger))).status).toBe(404);
    expect((await http().get(`${PREFIX}/refund-claims/${blockedClaimId}`).set(as(otherOfficer))).status).toBe(404);
    const list = await http().get(`${PREFIX}/taxpayers/${USCC}/refund-claims`).set(as(officer));
    expect(list.body.items.map((c: { status: string }) => c.status).sort()).toEqual(['PAID', 'REJECTED']);
    expect((await http().get(`${PREFIX}/taxpayers/${USCC}/refund-claims`).set(as(stranger))).status).toBe(404);
  });
});

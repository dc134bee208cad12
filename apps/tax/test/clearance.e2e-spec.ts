import request from 'supertest';
import { waitFor } from '@one-window/shared/testing';
import { startTaxUnderTest, type TaxUnderTest } from './tax-under-test';

const PREFIX = '/api/v1/tax';
/** Valid credit codes (GB 32100 check characters): invoices check them. */
const FRESH = '91440104MA00011A1B';
const TRADER = '91440104MA00012B25';
const RISKY = '91440104MA00013C3Y';

/** Tax clearance for deregistration (清税, §10) by route, against the real database and broker. */
describe('tax: clearance by route — exempt, on the spot, standard with blockers (e2e)', () => {
  let t: TaxUnderTest;
  let fresh: string, trader: string, risky: string, officer: string, otherOfficer: string;

  beforeAll(async () => {
    t = await startTaxUnderTest();
    fresh = t.tokens.token({ sub: 'fresh-owner', roles: ['applicant'] });
    trader = t.tokens.token({ sub: 'trader-owner', roles: ['applicant'] });
    risky = t.tokens.token({ sub: 'risky-owner', roles: ['applicant'] });
    officer = t.tokens.token({ sub: 'service-officer', roles: ['officer'], agency_id: 'TAX-440104' });
    otherOfficer = t.tokens.token({ sub: 'other-officer', roles: ['officer'], agency_id: 'TAX-440106' });
    await t.register(FRESH, 'fresh-owner');
    await t.register(TRADER, 'trader-owner');
    await t.register(RISKY, 'risky-owner');
    for (const [id, token] of [[FRESH, fresh], [TRADER, trader], [RISKY, risky]]) {
      await waitFor(async () => ((await http().get(`${PREFIX}/taxpayers/${id}`).set(as(token))).status === 200 ? true : undefined), 60_000);
    }
  }, 120_000);
  afterAll(() => t?.close());

  const http = () => request(t.svc.app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const clear = (id: string, token: string, body: object = {}) => http().post(`${PREFIX}/taxpayers/${id}/clearance-requests`).set(as(token)).send(body);
  const taxpayerStatus = async (id: string, token: string) => (await http().get(`${PREFIX}/taxpayers/${id}`).set(as(token))).body.status;
  const outboxTypes = async (id: string) =>
    (await t.svc.dataSource.query(`SELECT type FROM messaging_outbox WHERE aggregate_id = $1 ORDER BY sequence`, [id])).map((r: { type: string }) => r.type);

  it('a taxpayer that never had tax matters is exempt: no certificate needed, taxpayer CLEARED', async () => {
    expect((await clear(FRESH, trader)).status).toBe(404);
    const res = await clear(FRESH, fresh);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'EXEMPTED', route: 'EXEMPT', blockers: [], certificateNo: null });
    expect(await taxpayerStatus(FRESH, fresh)).toBe('CLEARED');
    expect(await outboxTypes(FRESH)).toEqual(expect.arrayContaining(['tax.clearance.requested.v1', 'tax.clearance.exempted.v1']));
    expect((await clear(FRESH, fresh)).status).toBe(409); // CLEARED: nothing more to clear
  });

  it('a taxpayer with tax matters and nothing outstanding gets its certificate on the spot', async () => {
    const invoice = await http()
      .post(`${PREFIX}/taxpayers/${TRADER}/invoices`)
      .set(as(trader))
      .send({ kind: 'DIGITAL_ORDINARY', buyer: { name: '张三', email: 'zhang@example.cn' }, lines: [{ description: '咨询服务', quantity: '1', unitPrice: '100.00', rate: 6 }] });
    expect(invoice.status).toBe(201);
    const res = await clear(TRADER, trader);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'ISSUED', route: 'ON_THE_SPOT', blockers: [], certificateNo: expect.stringMatching(/^QS440104\d{8}\d{4}$/) });
    expect(await taxpayerStatus(TRADER, trader)).toBe('CLEARED');
    const [row] = await t.svc.dataSource.query(`SELECT payload FROM messaging_outbox WHERE type = 'tax.clearance.issued.v1' AND aggregate_id = $1`, [TRADER]);
    expect(JSON.parse(row.payload)).toMatchObject({ taxpayerId: TRADER, route: 'ON_THE_SPOT', certificateNo: res.body.certificateNo });
  });

  it('a taxpayer under enforcement goes the standard route with every blocker listed; the officer cannot issue until settled', async () => {
    const caseRes = await http().post(`${PREFIX}/taxpayers/${RISKY}/risk-cases`).set(as(officer)).send({ listHit: { list: 'FALSE_INVOICING', origin: 'STA', date: '2026-11-30' } });
    const riskCaseId = caseRes.body.caseId;
    await waitFor(async () => ((await http().get(`${PREFIX}/taxpayers/${RISKY}/risk-cases`).set(as(risky))).body.items[0].status === 'REMINDED' ? true : undefined));
    expect((await http().post(`${PREFIX}/risk-cases/${riskCaseId}/escalation`).set(as(officer)).send({ reason: 'CORRECTION_REFUSED' })).body.status).toBe('ENFORCEMENT');

    const res = await clear(RISKY, risky, { missingMaterials: ['清税申报表'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'CLASSIFIED', route: 'STANDARD', certificateNo: null });
    expect(res.body.blockers.map((b: { code: string }) => b.code).sort()).toEqual(['MATERIALS_INCOMPLETE', 'UNDER_INSPECTION']);
    expect(Date.parse(res.body.dueAt)).toBeGreaterThan(Date.now());
    expect(await taxpayerStatus(RISKY, risky)).toBe('CLEARING');

    expect((await clear(RISKY, risky)).status).toBe(409); // one open case at a time
    expect((await http().post(`${PREFIX}/clearance-cases/${res.body.caseId}/issue`).set(as(otherOfficer))).status).toBe(404);
    const refused = await http().post(`${PREFIX}/clearance-cases/${res.body.caseId}/issue`).set(as(officer));
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('https://one-window.gov.cn/problems/tax-clearance-blockers-outstanding');
    expect(refused.body.blockers.map((b: { code: string }) => b.code)).toEqual(['UNDER_INSPECTION']);
    expect((await http().get(`${PREFIX}/clearance-cases/${res.body.caseId}`).set(as(risky))).body.status).toBe('CLASSIFIED');
    expect((await http().get(`${PREFIX}/taxpayers/${RISKY}/clearance-cases`).set(as(trader))).status).toBe(404);
  });
});

import request from 'supertest';
import { CompanyRegistered, type CompanyRegisteredData } from '@one-window/business-registration/contracts';
import { waitFor } from '@one-window/shared/testing';
import { startTaxUnderTest, type TaxUnderTest } from './tax-under-test';

const PREFIX = '/api/v1/tax';
const PROBLEMS = 'https://one-window.gov.cn/problems/';
const TRADER = '92441900MA5G000003'; // an individual business in Dongguan: reliefs of 粤办函〔2023〕12号 (CN-44)
const COMPANY = '91440104MA00003D7Y'; // an LLC in Yuexiu, Guangzhou, claiming VAT credit refunds

/**
 * Admin publication of tax rule data with two people (tax.md §2 Admin, E2, R8.3, R8.5), against the
 * real database and broker: a relief-rule version takes effect only when a second admin approves
 * it, and then applies to the periods in its range only; overlaps, self-approval and non-admins are
 * refused; a high-risk list entry published the same way blocks a refund claim.
 */
describe('tax: admin rule publications with two people (e2e)', () => {
  let t: TaxUnderTest;
  let adminA: string, adminB: string, officer: string, supervisor: string, trader: string, owner: string;

  const http = () => request(t.svc.app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => t.svc.dataSource.query(sql, params);
  const propose = (path: string, body: object, token = adminA) => http().post(`${PREFIX}/admin/rule-publications/${path}`).set(as(token)).send(body);
  const approve = (id: string, token: string) => http().post(`${PREFIX}/admin/rule-publications/${id}/approval`).set(as(token));
  const fileSales = (periodKey: string, amount: string) =>
    http()
      .post(`${PREFIX}/taxpayers/${TRADER}/returns`)
      .set(as(trader))
      .set('Idempotency-Key', `rp-${periodKey}`)
      .send({ periodKey, finalised: true, sales: [{ levyRate: '0.03', amount }] });
  const vatLiability = async (from: string, to: string) =>
    ((await http().get(`${PREFIX}/taxpayers/${TRADER}/liabilities?from=${from}&to=${to}`).set(as(adminA))).body.liabilities as { taxType: string; amount: string; ruleVersions: string[] }[]).find(
      (l) => l.taxType === 'VAT',
    );
  const claim = () =>
    http()
      .post(`${PREFIX}/taxpayers/${COMPANY}/refund-claims`)
      .set(as(owner))
      .send({ kind: 'VAT_CREDIT', industryCode: 'C3011', amount: { amount: '5000.00', currency: 'CNY' } });

  const exemption2024 = {
    ruleId: 'SSVAT-EXEMPT',
    version: 2,
    scope: { jurisdiction: 'CN-44', subjects: ['INDIVIDUAL_BUSINESS'] },
    params: { monthlyLimit: '100000.00', quarterlyLimit: '300000.00' },
    effectiveFrom: '2024-01-01',
    effectiveTo: '2027-12-31',
    sourceDoc: '财政部 税务总局公告2023年第19号',
    sourceLine: '[ext] 2024–2027 extension',
    note: 'Small-scale exemption extended to 2027',
  };

  beforeAll(async () => {
    t = await startTaxUnderTest({ CALENDAR_FALLBACK: 'weekends-only' });
    adminA = t.tokens.token({ sub: 'admin-a', roles: ['admin'] });
    adminB = t.tokens.token({ sub: 'admin-b', roles: ['admin'] });
    officer = t.tokens.token({ sub: 'officer-dg', roles: ['officer'], agency_id: 'TAX-441900' });
    supervisor = t.tokens.token({ sub: 'supervisor-1', roles: ['supervisor'] });
    trader = t.tokens.token({ sub: 'trader-1', roles: ['applicant'] });
    owner = t.tokens.token({ sub: 'founder-1', roles: ['applicant'] });
    const individualBusiness: CompanyRegisteredData = {
      ...CompanyRegistered.example,
      uscc: TRADER,
      name: '东莞市示例百货店',
      entityType: 'INDIVIDUAL_BUSINESS',
      applicantId: 'trader-1',
      domicile: { standardAddressId: 'DG-ADDR-0001', divisionCode: '441900', text: '东莞市示例路2号' },
    };
    await t.publish(CompanyRegistered, TRADER, individualBusiness);
    await t.register(COMPANY, 'founder-1');
    for (const [id, token] of [
      [TRADER, trader],
      [COMPANY, owner],
    ] as const) {
      await waitFor(async () => ((await http().get(`${PREFIX}/taxpayers/${id}`).set(as(token))).status === 200 ? true : undefined), 60_000);
    }
    const scheduled = await http().post(`${PREFIX}/admin/obligation-schedules`).set(as(adminA)).send({ taxpayerId: TRADER, from: '2023-10-01', to: '2024-06-30' });
    expect(scheduled.body.created).toEqual(['23Q4-VAT', '24Q1-VAT', '24Q2-VAT']);
  }, 120_000);

  afterAll(() => t?.close());

  it('the shipped relief rules are the seeded first versions; officers and supervisors read them, applicants may not, only admins propose', async () => {
    const listed = await http().get(`${PREFIX}/relief-rules`).set(as(officer));
    expect(listed.status).toBe(200);
    expect(listed.body.versions.map((v: { ref: string }) => v.ref).sort()).toEqual(
      ['CADRE-3Y@1', 'KEY-GROUP-14400@1', 'SIX-TAX-TWO-FEE@1', 'SSVAT-1PCT@1', 'SSVAT-EXEMPT@1', 'VAT-MISC@1', 'VETERAN-14400@1'].sort(),
    );
    expect(listed.body.versions.find((v: { ref: string }) => v.ref === 'VAT-MISC@1')).toMatchObject({ effectiveTo: null, openEnded: 'national', live: true, publishedBy: 'seed', publicationId: null });
    expect((await http().get(`${PREFIX}/relief-rules/SSVAT-EXEMPT@1`).set(as(supervisor))).body).toMatchObject({ effectiveFrom: '2023-01-01', effectiveTo: '2023-12-31', live: true, supersededBy: null });
    expect((await http().get(`${PREFIX}/relief-rules`).set(as(trader))).status).toBe(403);

    for (const token of [officer, supervisor, trader]) {
      const refused = await propose('relief-rules', exemption2024, token);
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await http().get(`${PREFIX}/admin/rule-publications`).set(as(officer))).status).toBe(403);
    expect(await q(`SELECT id FROM rule_publication`)).toEqual([]);
  });

  let draftId: string;

  it('admin A proposes a new version: a draft that changes nothing; A cannot approve it (403 saying why), admin B can, once', async () => {
    const proposed = await propose('relief-rules', exemption2024);
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ kind: 'RELIEF_RULE_VERSION', subject: 'SSVAT-EXEMPT@2', status: 'PROPOSED', proposedBy: 'admin-a', approvedBy: null });
    draftId = proposed.body.publicationId;

    // not in force while proposed: a 2024 quarter filed now is taxed in full
    expect((await fileSales('24Q2-VAT', '300000.00')).status).toBe(201);
    expect(await vatLiability('2024-04-01', '2024-06-30')).toMatchObject({ amount: '9000.00', ruleVersions: [] });

    const own = await approve(draftId, adminA);
    expect(own.status).toBe(403);
    expect(own.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(own.body).toMatchObject({ type: `${PROBLEMS}tax-publication-self-approval`, code: 'tax.publication.self_approval', rule: 'FOUR_EYES', publicationId: draftId });
    expect(own.body.detail).toMatch(/different admin must approve/);
    expect((await http().get(`${PREFIX}/admin/rule-publications/${draftId}`).set(as(adminB))).body.status).toBe('PROPOSED');
    expect(await q(`SELECT id FROM relief_rule_version WHERE id = 'SSVAT-EXEMPT@2'`)).toEqual([]);

    const approved = await approve(draftId, adminB);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', proposedBy: 'admin-a', approvedBy: 'admin-b' });
    const again = await approve(draftId, adminB);
    expect(again.status).toBe(409);
    expect(again.body.type).toBe(`${PROBLEMS}tax-publication-not-pending`);

    expect((await http().get(`${PREFIX}/relief-rules/SSVAT-EXEMPT@2`).set(as(officer))).body).toMatchObject({
      effectiveFrom: '2024-01-01',
      effectiveTo: '2027-12-31',
      publishedBy: 'admin-b',
      publicationId: draftId,
    });

    // every step in the audit trail: the draft, the refused self-approval, the approval
    const audit = await q<{ actor_subject: string; action: string; resource: string; status: number }>(
      `SELECT actor_subject, action, resource, status FROM audit_log WHERE resource LIKE $1 ORDER BY at, action`,
      [`%${draftId}%`],
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor_subject: 'admin-a', action: 'tax.rule-publication.propose', resource: expect.stringContaining('#SSVAT-EXEMPT@2') }),
        expect.objectContaining({ actor_subject: 'admin-a', action: 'POST /api/v1/tax/admin/rule-publications/:publicationId/approval', status: 403 }),
        expect.objectContaining({ actor_subject: 'admin-b', action: 'tax.rule-publication.approve', status: 200 }),
      ]),
    );
  });

  it('a period in its range computes under the new version; a period before it under the old one (E1)', async () => {
    expect((await fileSales('24Q1-VAT', '300000.00')).status).toBe(201);
    expect(await vatLiability('2024-01-01', '2024-03-31')).toMatchObject({ amount: '0.00', ruleVersions: ['SSVAT-EXEMPT@2'] });
    expect((await fileSales('23Q4-VAT', '300000.00')).status).toBe(201);
    expect(await vatLiability('2023-10-01', '2023-12-31')).toMatchObject({ amount: '0.00', ruleVersions: ['SSVAT-EXEMPT@1'] });
    // what was filed before the approval stays as assessed
    expect(await vatLiability('2024-04-01', '2024-06-30')).toMatchObject({ amount: '9000.00', ruleVersions: [] });
  });

  it('an overlapping version is refused with 422 naming the field; malformed input is a 400 naming each field; nothing written', async () => {
    const before = await q(`SELECT id FROM rule_publication`);
    const overlap = await propose('relief-rules', { ...exemption2024, version: 3, effectiveFrom: '2027-12-01', effectiveTo: '2028-12-31' });
    expect(overlap.status).toBe(422);
    expect(overlap.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(overlap.body).toMatchObject({ type: `${PROBLEMS}tax-publication-invalid`, violations: [{ field: 'effectiveFrom', reason: expect.stringContaining('SSVAT-EXEMPT@2') }] });
    // the day after the live version ends is fine as far as overlap goes (here the draft is then rejected)
    const adjacent = await propose('relief-rules', { ...exemption2024, version: 3, effectiveFrom: '2028-01-01', effectiveTo: '2028-12-31' });
    expect(adjacent.status).toBe(201);
    const rejected = await http().post(`${PREFIX}/admin/rule-publications/${adjacent.body.publicationId}/rejection`).set(as(adminB)).send({ reason: 'Not announced yet' });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectedBy: 'admin-b', rejectionReason: 'Not announced yet' });
    expect((await approve(adjacent.body.publicationId, adminB)).status).toBe(409);
    expect(await q(`SELECT id FROM relief_rule_version WHERE id = 'SSVAT-EXEMPT@3'`)).toEqual([]); // a rejected draft never takes effect

    const malformed = await propose('relief-rules', { ...exemption2024, version: 'three', effectiveFrom: '2028-13-01', scope: { jurisdiction: 'CN-44', subjects: ['ALIENS'] }, colour: 'red' });
    expect(malformed.status).toBe(400);
    expect([...new Set(malformed.body.violations.map((v: { field: string }) => v.field))].sort()).toEqual(['colour', 'effectiveFrom', 'scope.subjects', 'version'].sort());
    const badContent = await propose('relief-rules', { ...exemption2024, version: 3, effectiveFrom: '2028-01-15', effectiveTo: '2028-12-31', params: { monthlyLimit: 'lots' } });
    expect(badContent.status).toBe(422);
    expect(badContent.body.violations.map((v: { field: string }) => v.field)).toEqual(['effectiveFrom', 'params.monthlyLimit', 'params.quarterlyLimit']);
    expect((await q(`SELECT id FROM rule_publication`)).length).toBe(before.length + 1);
  });

  it('a refund-fraud entry published with two people blocks the refund claim; not before the second admin approves', async () => {
    const change = { action: 'ADD', entries: [{ taxpayerId: COMPANY, list: 'REFUND_FRAUD', origin: '国家税务总局湖南省税务局', date: '2024-11-30' }] };
    const proposed = await propose('high-risk-list-changes', change, adminB);
    expect(proposed.status).toBe(201);
    const allowed = await claim();
    expect(allowed.status).toBe(201);
    expect(allowed.body.status).toBe('UNDER_REVIEW');

    expect((await approve(proposed.body.publicationId, adminB)).status).toBe(403);
    expect((await approve(proposed.body.publicationId, adminA)).body.status).toBe('APPROVED');
    const entries = await http().get(`${PREFIX}/high-risk-list-entries?taxpayerId=${COMPANY}`).set(as(officer));
    expect(entries.body.items).toEqual([expect.objectContaining({ list: 'REFUND_FRAUD', origin: '国家税务总局湖南省税务局', date: '2024-11-30', active: true, addedBy: proposed.body.publicationId })]);

    const blocked = await claim();
    expect(blocked.status).toBe(403);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(blocked.body).toMatchObject({
      type: `${PROBLEMS}tax-operation-blocked`,
      operation: 'REFUND_CLAIM',
      reasonCode: 'LIST_HIT_REFUND_FRAUD',
      rule: expect.stringMatching(/^R8\.5@/),
      claimStatus: 'BLOCKED',
    });

    // adding the same entry again is refused naming it
    const twice = await propose('high-risk-list-changes', change, adminB);
    expect(twice.status).toBe(422);
    expect(twice.body.violations).toEqual([{ field: 'entries[0]', reason: expect.stringContaining('already on the REFUND_FRAUD list') }]);
  });

  it('a key-operation list version published with two people is the one in force from its date', async () => {
    const proposed = await propose('key-operation-lists', {
      version: '2099.1',
      effectiveFrom: '2099-01-01',
      operations: [{ operation: 'REFUND_CLAIM', category: 'refund' }],
    });
    expect(proposed.status).toBe(201);
    expect((await approve(proposed.body.publicationId, adminB)).body.status).toBe('APPROVED');
    const lists = await http().get(`${PREFIX}/key-operation-lists`).set(as(supervisor));
    expect(lists.body.inForce).toBe('2026.1');
    expect(lists.body.versions.map((v: { version: string }) => v.version)).toEqual(['2026.1', '2099.1']);
    const stale = await propose('key-operation-lists', { version: '2098.1', effectiveFrom: '2098-01-01', operations: [{ operation: 'REFUND_CLAIM', category: 'refund' }] });
    expect(stale.status).toBe(422);
    expect(stale.body.violations).toEqual([{ field: 'effectiveFrom', reason: 'must be after 2099-01-01, when the latest published version takes effect' }]);
  });
});

import request from 'supertest';
import {
  AdministratorAppointed,
  CaseAccepted,
  DebtorInfoAccessGranted,
  DebtorInfoAccessRevoked,
  type AdministratorAppointedData,
  type CaseAcceptedData,
  type DebtorInfoAccessGrantedData,
  type DebtorInfoAccessRevokedData,
} from '@one-window/bankruptcy/contracts';
import { CompanyRegistered, type CompanyRegisteredData } from '@one-window/business-registration/contracts';
import { waitFor } from '@one-window/shared/testing';
import { BankruptcyClock } from '../src/bankruptcy/shared/clock';
import { startTaxUnderTest, type TaxUnderTest } from './tax-under-test';

const PREFIX = '/api/v1/tax';
/** The debtor (check character computed with usccCheckChar). */
const DEBTOR = '91440104MA00042B1P';
/** A new taxpayer established 2026-03-01: eligible for re-rating in March and September 2027 (R8.7). */
const NEWCOMER = '91440104MA00043C1E';
const CASE_ID = `BK-E2E-${Date.now()}`;
const COURT = 'COURT-440100-IPC';

/**
 * Bankruptcy tax cooperation (tax.md §11) with the bankruptcy service's events on the real broker,
 * and the new-taxpayer re-rating (R8.7) with the part's clock moved into the windows.
 */
describe('tax: bankruptcy cases, debtor information for administrators, tax claims; credit re-rating (e2e)', () => {
  let t: TaxUnderTest;
  let owner: string, officer: string, otherOfficer: string, administrator: string, otherAdministrator: string, court: string, otherCourt: string;
  let newcomer: string, stranger: string;

  beforeAll(async () => {
    t = await startTaxUnderTest();
    owner = t.tokens.token({ sub: 'debtor-owner', roles: ['applicant'] });
    newcomer = t.tokens.token({ sub: 'newcomer-owner', roles: ['applicant'] });
    stranger = t.tokens.token({ sub: 'someone-else', roles: ['applicant'] });
    officer = t.tokens.token({ sub: 'tax-officer', roles: ['officer'], agency_id: 'TAX-440104' });
    otherOfficer = t.tokens.token({ sub: 'other-officer', roles: ['officer'], agency_id: 'TAX-440106' });
    administrator = t.tokens.token({ sub: 'admin-firm-7', roles: ['administrator'] });
    otherAdministrator = t.tokens.token({ sub: 'admin-firm-8', roles: ['administrator'] });
    court = t.tokens.token({ sub: 'judge-1', roles: ['court'], agency_id: COURT });
    otherCourt = t.tokens.token({ sub: 'judge-2', roles: ['court'], agency_id: 'COURT-440300-IPC' });
    await t.register(DEBTOR, 'debtor-owner');
    await t.publish<CompanyRegisteredData>(CompanyRegistered, NEWCOMER, {
      ...CompanyRegistered.example,
      uscc: NEWCOMER,
      applicantId: 'newcomer-owner',
      establishedOn: '2026-03-01',
      domicile: { standardAddressId: 'GZ-ADDR-0002', divisionCode: '440104', text: '广州市示例路2号' },
    });
    for (const [id, token] of [
      [DEBTOR, owner],
      [NEWCOMER, newcomer],
    ] as const) {
      await waitFor(async () => ((await http().get(`${PREFIX}/taxpayers/${id}`).set(as(token))).status === 200 ? true : undefined));
      // its obligations come from another consumer (tax.filing-obligations): wait, so later "nothing written" checks count only the requests' own writes
      await waitFor(async () => ((await outbox(id)).some((e) => e.type === 'tax.obligation.created.v1') ? true : undefined), 30_000);
    }
  }, 90_000);
  afterAll(() => t?.close());

  const http = () => request(t.svc.app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const debtorInfo = (token: string) => http().get(`${PREFIX}/bankruptcy-cases/${CASE_ID}/debtor-tax-info`).set(as(token));
  const claims = (token: string) => http().get(`${PREFIX}/bankruptcy-cases/${CASE_ID}/tax-claims`).set(as(token));
  const outbox = async (aggregateId: string): Promise<{ type: string; data: Record<string, unknown> }[]> =>
    (await t.svc.dataSource.query(`SELECT type, payload FROM messaging_outbox WHERE aggregate_id = $1 ORDER BY sequence`, [aggregateId])).map(
      (r: { type: string; payload: string }) => {
        const parsed = JSON.parse(r.payload) as { data?: unknown };
        return { type: r.type, data: (parsed.data ?? parsed) as Record<string, unknown> };
      },
    );

  describe('bankruptcy cooperation (§11)', () => {
    const grantedAt = new Date(Date.now() - 60_000).toISOString();

    it('a case accepted flags the debtor inBankruptcy; appointment and grant let the administrator read the debtor information', async () => {
      await t.publish<CaseAcceptedData>(CaseAccepted, CASE_ID, { ...CaseAccepted.example, caseId: CASE_ID, courtId: COURT, debtor: { uscc: DEBTOR } });
      await t.publish<AdministratorAppointedData>(AdministratorAppointed, CASE_ID, { ...AdministratorAppointed.example, caseId: CASE_ID, administratorId: 'admin-firm-7' });
      await t.publish<DebtorInfoAccessGrantedData>(DebtorInfoAccessGranted, CASE_ID, {
        ...DebtorInfoAccessGranted.example,
        grantId: `${CASE_ID}-g1`,
        caseId: CASE_ID,
        debtorUscc: DEBTOR,
        administratorId: 'admin-firm-7',
        agencies: ['tax', 'land'],
        identityVerifiedAt: grantedAt,
        grantedAt,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      const flagged = await waitFor(async () => {
        const res = await http().get(`${PREFIX}/taxpayers/${DEBTOR}`).set(as(owner));
        return res.body.flags?.inBankruptcy === true ? res.body : undefined;
      });
      expect(flagged).toMatchObject({ status: 'ACTIVE', flags: { inBankruptcy: true, abnormal: false } });

      const res = await waitFor(async () => {
        const r = await debtorInfo(administrator);
        return r.status === 200 ? r : undefined;
      });
      expect(res.body).toMatchObject({
        caseId: CASE_ID,
        queryId: expect.any(String),
        grantId: `${CASE_ID}-g1`,
        registration: { taxpayerId: DEBTOR, kind: 'ENTERPRISE', status: 'ACTIVE', taxBureau: 'TAX-440104', flags: { inBankruptcy: true } },
        arrears: { byTaxType: [], total: { amount: '0.00', currency: 'CNY' } },
        unfiledPeriods: expect.any(Array),
        pendingRefunds: [],
        invoicing: { unusedPaperInvoices: 0, ukeysToCancel: 0 },
        preservationMeasures: [],
        case: { caseId: CASE_ID, fileStatus: 'OPENED' },
      });
      // no personal data: no legal representative, investor, owner account or address text
      const body = JSON.stringify(res.body);
      for (const personal of ['person-7f3a', 'debtor-owner', '广州市示例路1号', 'legalRep', 'ownerId']) expect(body).not.toContain(personal);

      // recorded: the event (case + query id, no content) and the audit trail
      const provided = (await outbox(DEBTOR)).filter((e) => e.type === 'tax.debtor_info.provided.v1');
      expect(provided).toHaveLength(1);
      expect(provided[0].data).toMatchObject({ caseId: CASE_ID, queryId: res.body.queryId, grantId: `${CASE_ID}-g1`, taxpayerId: DEBTOR });
      expect(Object.keys(provided[0].data).sort()).toEqual(['caseId', 'grantId', 'providedAt', 'queryId', 'sections', 'taxpayerId']);
      const audit = await t.svc.dataSource.query(`SELECT action, resource, status FROM audit_log WHERE actor_subject = 'admin-firm-7' AND status = 200`);
      expect(audit).toEqual([expect.objectContaining({ action: 'GET /bankruptcy-cases/:caseId/debtor-tax-info', status: 200 })]);
      expect(audit[0].resource).toContain(res.body.queryId);
    });

    it('anyone else gets 404 (another administrator, no hint) or 403 (a role that never reads it)', async () => {
      const other = await debtorInfo(otherAdministrator);
      expect(other.status).toBe(404);
      expect(JSON.stringify(other.body)).not.toContain(DEBTOR);
      expect((await http().get(`${PREFIX}/bankruptcy-cases/BK-NOPE/debtor-tax-info`).set(as(administrator))).status).toBe(404);
      expect((await debtorInfo(officer)).status).toBe(403);
      expect((await debtorInfo(court)).status).toBe(403);
      // refused queries are audited as well
      const refused = await t.svc.dataSource.query(`SELECT result FROM audit_log WHERE actor_subject = 'admin-firm-8' AND status = 404`);
      expect(refused).toEqual([{ result: 'rejected' }]);
    });

    let claimId: string;

    it("an officer of the debtor's bureau drafts a claim with principal, late fees and fines as separate classes; bad input is a 400 naming fields", async () => {
      const draft = (body: object, token = officer) => http().post(`${PREFIX}/bankruptcy-cases/${CASE_ID}/tax-claims`).set(as(token)).send(body);
      const before = (await outbox(DEBTOR)).length;
      const bad = await draft({ principalFromLiabilities: 'yes', lines: [{ class: 'BRIBE', amount: { amount: '-1', currency: 'USD' } }], colour: 'red' });
      expect(bad.status).toBe(400);
      const fields = [...new Set(bad.body.violations.map((v: { field: string }) => v.field))].sort();
      expect(fields).toEqual(['colour', 'lines[0].amount.amount', 'lines[0].amount.currency', 'lines[0].class', 'principalFromLiabilities']);
      expect((await draft({ principalFromLiabilities: false })).body).toMatchObject({ status: 422, type: 'https://one-window.gov.cn/problems/tax-bankruptcy-claim-empty' });
      expect((await draft({ lines: [{ class: 'FINE', amount: { amount: '1.00', currency: 'CNY' } }] }, otherOfficer)).status).toBe(404);

      const res = await draft({
        lines: [
          { class: 'PRINCIPAL', taxType: 'VAT', periodKey: '26Q3', amount: { amount: '5200', currency: 'CNY' } },
          { class: 'LATE_FEE', amount: { amount: '131.04', currency: 'CNY' } },
          { class: 'FINE', amount: { amount: '500.00', currency: 'CNY' } },
        ],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        caseId: CASE_ID,
        taxpayerId: DEBTOR,
        status: 'DRAFTED',
        totals: { PRINCIPAL: { amount: '5200.00' }, LATE_FEE: { amount: '131.04' }, FINE: { amount: '500.00' }, all: { amount: '5831.04' } },
      });
      claimId = res.body.claimId;
      expect((await outbox(DEBTOR)).length).toBe(before);
      // drafts are the bureau's: the administrator and the court see none yet
      expect((await claims(administrator)).body.items).toEqual([]);
      expect((await claims(court)).body.items).toEqual([]);
      expect((await claims(officer)).body.items).toHaveLength(1);
    });

    it('filing it publishes tax.bankruptcy_claim.filed; the administrator (with grant) and the case court read it, nobody else', async () => {
      const file = (token = officer) => http().post(`${PREFIX}/bankruptcy-cases/${CASE_ID}/tax-claims/${claimId}/filing`).set(as(token));
      expect((await file(otherOfficer)).status).toBe(404);
      const res = await file();
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'FILED', filedAt: expect.any(String) });
      expect((await file()).status).toBe(409);
      const filed = (await outbox(DEBTOR)).filter((e) => e.type === 'tax.bankruptcy_claim.filed.v1');
      expect(filed).toHaveLength(1);
      expect(filed[0].data).toMatchObject({
        caseId: CASE_ID,
        claimId,
        taxpayerId: DEBTOR,
        claims: [
          { class: 'PRINCIPAL', taxType: 'VAT', amount: { amount: '5200.00', currency: 'CNY' } },
          { class: 'LATE_FEE', amount: { amount: '131.04', currency: 'CNY' } },
          { class: 'FINE', amount: { amount: '500.00', currency: 'CNY' } },
        ],
        total: { amount: '5831.04', currency: 'CNY' },
      });
      for (const token of [administrator, court]) {
        const list = await claims(token);
        expect(list.status).toBe(200);
        expect(list.body.items).toEqual([expect.objectContaining({ claimId, status: 'FILED' })]);
      }
      expect((await claims(otherAdministrator)).status).toBe(404);
      expect((await claims(otherCourt)).status).toBe(404);
      expect((await claims(stranger)).status).toBe(403);
    });

    it('a redelivered acceptance changes nothing; after revocation the administrator gets 404', async () => {
      await t.publish<CaseAcceptedData>(CaseAccepted, CASE_ID, { ...CaseAccepted.example, caseId: CASE_ID, courtId: COURT, debtor: { uscc: DEBTOR } });
      await t.publish<DebtorInfoAccessRevokedData>(DebtorInfoAccessRevoked, CASE_ID, {
        grantId: `${CASE_ID}-g1`,
        caseId: CASE_ID,
        administratorId: 'admin-firm-7',
        reason: 'ADMINISTRATOR_REPLACED',
        revokedAt: new Date().toISOString(),
      });
      await waitFor(async () => ((await debtorInfo(administrator)).status === 404 ? true : undefined));
      expect((await claims(administrator)).status).toBe(404);
      expect((await claims(court)).status).toBe(200);
      const files = await t.svc.dataSource.query(`SELECT status FROM bankruptcy_tax_file WHERE id = $1`, [CASE_ID]);
      expect(files).toEqual([{ status: 'CLAIM_FILED' }]);
    });
  });

  describe('new-taxpayer credit re-rating (R8.7)', () => {
    let clock: jest.SpyInstance<Date, []>;
    const at = (iso: string) => clock.mockReturnValue(new Date(iso));
    const apply = (token = newcomer) => http().post(`${PREFIX}/taxpayers/${NEWCOMER}/credit-re-ratings`).set(as(token));
    let applicationId: string;

    beforeAll(() => {
      clock = jest.spyOn(t.svc.app.get(BankruptcyClock), 'now');
    });
    afterAll(() => clock.mockRestore());

    it('outside an application window the application is a 422 naming the windows', async () => {
      at('2026-12-10T02:00:00Z');
      const res = await apply();
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ type: 'https://one-window.gov.cn/problems/tax-credit-rerating-outside-window' });
    });

    it("the taxpayer's own account applies in March → APPLIED, once per window; nobody else may", async () => {
      at('2027-03-10T02:00:00Z');
      expect((await apply(stranger)).status).toBe(404);
      expect((await apply(officer)).status).toBe(403);
      const res = await apply();
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'APPLIED', year: 2027, applicationMonth: 3, decisionMonth: 4, monthsInManagement: 12, basisFrom: '2026-04-01', basisTo: '2027-03-31' });
      applicationId = res.body.applicationId;
      expect((await apply()).status).toBe(409);
    });

    it('the bureau rates in April only; the rating is published by itself, the grade updated and open to self-query', async () => {
      const rate = (token = officer, grade = 'B') => http().post(`${PREFIX}/credit-re-ratings/${applicationId}/rating`).set(as(token)).send({ grade });
      expect((await rate(officer, 'Z')).status).toBe(400);
      expect((await rate()).body).toMatchObject({ status: 409, type: 'https://one-window.gov.cn/problems/tax-credit-rerating-outside-decision-month' });
      at('2027-04-08T02:00:00Z');
      expect((await rate(otherOfficer)).status).toBe(404);
      const rated = await rate();
      expect(rated.status).toBe(200);
      expect(rated.body).toMatchObject({ status: 'RATED', grade: 'B' });
      const published = await waitFor(async () => {
        const res = await http().get(`${PREFIX}/taxpayers/${NEWCOMER}/credit-re-ratings`).set(as(newcomer));
        return res.body.items?.[0]?.status === 'PUBLISHED' ? res.body : undefined;
      });
      expect(published).toMatchObject({ creditGrade: 'B', items: [{ applicationId, status: 'PUBLISHED', grade: 'B' }] });
      expect((await http().get(`${PREFIX}/taxpayers/${NEWCOMER}`).set(as(newcomer))).body.creditGrade).toBe('B');
      expect((await http().get(`${PREFIX}/taxpayers/${NEWCOMER}/credit-re-ratings`).set(as(stranger))).status).toBe(404);
      const events = (await outbox(NEWCOMER)).filter((e) => e.type === 'tax.credit.re_rated.v1');
      expect(events).toEqual([{ type: 'tax.credit.re_rated.v1', data: expect.objectContaining({ taxpayerId: NEWCOMER, applicationId, grade: 'B', year: 2027, kind: 're-rating' }) }]);
    });
  });
});

import request from 'supertest';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { waitFor } from '@one-window/shared/testing';
import { startTaxUnderTest, type TaxUnderTest } from './tax-under-test';

const PREFIX = '/api/v1/tax';
const USCC = '91440104MA00042B1P';
const PROBLEMS = 'https://one-window.gov.cn/problems/';

/** Tax-dispute mediation (税费争议调解, tax.md §13) over HTTP against the real database; events through the outbox. */
describe('tax: dispute mediation (e2e)', () => {
  let t: TaxUnderTest;
  let owner: string, stranger: string, officer: string, otherOfficer: string;

  beforeAll(async () => {
    t = await startTaxUnderTest();
    owner = t.tokens.token({ sub: 'dispute-owner', roles: ['applicant'] });
    stranger = t.tokens.token({ sub: 'someone-else', roles: ['applicant'] });
    officer = t.tokens.token({ sub: 'dispute-team-1', roles: ['officer'], agency_id: 'TAX-440104' });
    otherOfficer = t.tokens.token({ sub: 'other-officer', roles: ['officer'], agency_id: 'TAX-440106' });
    await t.register(USCC, 'dispute-owner');
    await waitFor(async () => ((await http().get(`${PREFIX}/taxpayers/${USCC}`).set(as(owner))).status === 200 ? true : undefined));
  }, 90_000);
  afterAll(() => t?.close());

  const http = () => request(t.svc.app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const open = (body: object, token = owner) => http().post(`${PREFIX}/taxpayers/${USCC}/disputes`).set(as(token)).send(body);
  const step = (id: string, path: string, token = officer, body: object = {}) => http().post(`${PREFIX}/disputes/${id}/${path}`).set(as(token)).send(body);
  const events = async (type: string): Promise<Record<string, unknown>[]> =>
    (await t.svc.dataSource.query(`SELECT payload FROM messaging_outbox WHERE aggregate_id = $1 AND type = $2 ORDER BY sequence`, [USCC, type])).map((r: { payload: string }) => {
      const parsed = JSON.parse(r.payload) as { data?: Record<string, unknown> };
      return parsed.data ?? (parsed as Record<string, unknown>);
    });

  it('the taxpayer brings a dispute online: RECEIVED, acceptance due in 2 working days (tax.dispute.opened); others see nothing; bad input names its fields', async () => {
    const bad = await open({ subject: '', channel: 'FAX', colour: 'red' });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.violations.map((v: { field: string }) => v.field))].sort()).toEqual(['channel', 'colour', 'subject']);
    expect((await open({ subject: '滞纳金' }, stranger)).status).toBe(404);
    expect((await open({ subject: '滞纳金' }, otherOfficer)).status).toBe(404);

    const res = await open({ subject: '对滞纳金计算有异议' });
    expect(res.status).toBe(201);
    const calendar = t.svc.app.get(WorkingCalendar);
    expect(res.body).toMatchObject({
      taxpayerId: USCC,
      channel: 'ONLINE',
      status: 'RECEIVED',
      acceptanceDueAt: calendar.deadlineWorkingDays(new Date(res.body.receivedAt), 2).toISOString(),
      overdue: { acceptance: false, mediation: false },
    });
    expect((await events('tax.dispute.opened.v1')).at(-1)).toEqual({ disputeId: res.body.disputeId, taxpayerId: USCC, channel: 'ONLINE', acceptanceDueAt: res.body.acceptanceDueAt });
    expect((await http().get(`${PREFIX}/disputes/${res.body.disputeId}`).set(as(stranger))).status).toBe(404);
    expect((await http().get(`${PREFIX}/disputes/${res.body.disputeId}`).set(as(officer))).body.status).toBe('RECEIVED');
  });

  it('the bureau accepts, mediates (due in 20 working days) and records the agreement: tax.dispute.settled; the taxpayer cannot accept, an ended dispute takes nothing more', async () => {
    const { disputeId } = (await open({ subject: '对滞纳金计算有异议' })).body;
    expect((await step(disputeId, 'acceptance', owner)).status).toBe(403);
    expect((await step(disputeId, 'acceptance', otherOfficer)).status).toBe(404);
    const accepted = await step(disputeId, 'acceptance');
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED', acceptedLate: false });
    const mediating = await step(disputeId, 'mediation');
    expect(mediating.body.status).toBe('MEDIATING');
    expect(mediating.body.mediationDueAt).toBe(t.svc.app.get(WorkingCalendar).deadlineWorkingDays(new Date(mediating.body.mediationStartedAt), 20).toISOString());
    expect((await step(disputeId, 'settlement', officer, { agreementRef: ' bad ref' })).status).toBe(400);
    const settled = await step(disputeId, 'settlement', officer, { agreementRef: 'MED-2026-001' });
    expect(settled.status).toBe(200);
    expect(settled.body).toMatchObject({ status: 'SETTLED', agreementRef: 'MED-2026-001', closedLate: false });
    expect((await events('tax.dispute.settled.v1')).at(-1)).toEqual({ disputeId, taxpayerId: USCC, agreementRef: 'MED-2026-001', late: false });
    const again = await step(disputeId, 'withdrawal', owner);
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('a failed mediation closes with the notice of legal remedies; a withdrawal closes without; the dispute team records a hall request', async () => {
    const failed = (await open({ subject: '发票抵扣争议' })).body.disputeId as string;
    await step(failed, 'acceptance');
    await step(failed, 'mediation');
    expect((await step(failed, 'non-settlement', officer, {})).status).toBe(400);
    const closed = await step(failed, 'non-settlement', officer, { reason: '双方未达成一致' });
    expect(closed.body).toMatchObject({ status: 'NOT_SETTLED', remedies: ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'] });

    const hall = await open({ subject: '大厅现场调解申请', channel: 'HALL' }, officer);
    expect(hall.body).toMatchObject({ channel: 'HALL', status: 'RECEIVED' });
    const withdrawn = await step(hall.body.disputeId, 'withdrawal', owner);
    expect(withdrawn.body.status).toBe('WITHDRAWN');
    expect((await events('tax.dispute.closed.v1')).slice(-2)).toEqual([
      { disputeId: failed, taxpayerId: USCC, outcome: 'NOT_SETTLED', remedies: ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'] },
      { disputeId: hall.body.disputeId, taxpayerId: USCC, outcome: 'WITHDRAWN' },
    ]);
    expect((await step(hall.body.disputeId, 'acceptance')).body).toMatchObject({ type: `${PROBLEMS}tax-transition-not-allowed` });
  });
});

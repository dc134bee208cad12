import type { ServiceUnderTest } from '@one-window/shared/platform';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';

/** Change registration (变更登记, §6) online, against the real database; the event goes through the outbox. */
describe('business registration: change registration', () => {
  const r = registrationUnderTest();
  const { tokens, http, as } = r;
  let svc: ServiceUnderTest;
  const founder = tokens.token({ sub: 'founder-1', roles: ['applicant'] });
  const stranger = tokens.token({ sub: 'founder-2', roles: ['applicant'] });
  const officer = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: YX });
  const otherOfficer = tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: 'GZ-TH-AMR' });

  beforeAll(async () => ({ svc } = await r.start()));
  afterAll(() => r.close());

  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const daysAgo = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);
  const reserve = (name: string) =>
    http().post(`${PREFIX}/names/reservations`).set(as(founder)).send({ name, entityType: 'LLC', authorityCode: YX, domicileDivisionCode: '440104', commitmentSigned: true });
  const change = (body: object, token = founder) => http().post(`${PREFIX}/companies/${uscc}/changes`).set(as(token)).send(body);
  const changedEvents = async () =>
    (await svc.dataSource.query(`SELECT payload FROM messaging_outbox WHERE type = 'registration.company.changed.v1' ORDER BY sequence`)).map(
      (r: { payload: string }) => JSON.parse(r.payload),
    );

  let uscc: string;

  beforeAll(async () => {
    uscc = await r.register('星河', founder);
  });

  it('registers a change of capital and scope at once and publishes each field before and after', async () => {
    const res = await change({ resolutionOn: today(), capital: { amount: '2000000.00', currency: 'CNY' }, scopeCodes: ['I6513', 'F5191'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      uscc,
      changes: [
        { field: 'capital', before: { amount: '1000000.50', currency: 'CNY' }, after: { amount: '2000000.00', currency: 'CNY' } },
        { field: 'scope', before: ['I6513', 'H6210'], after: ['I6513', 'F5191'] },
      ],
      companyVersion: 2,
    });
    expect(res.body.licenceVersion).toBeUndefined(); // the licence shows neither
    const events = await changedEvents();
    expect(events).toEqual([expect.objectContaining({ uscc, changeId: res.body.changeId })]);
  });

  it('a new name comes from the applicant’s own reservation, which is consumed; the licence gets a new version', async () => {
    const v1 = (await http().get(`${PREFIX}/companies/${uscc}/licence`).set(as(founder))).body.token;
    const reservation = await reserve('广州市星辰科技有限公司');
    expect(reservation.status).toBe(201);
    const res = await change({ resolutionOn: daysAgo(30), nameReservationId: reservation.body.id, legalRepRef: 'p-b' });
    expect(res.status).toBe(201);
    expect(res.body.changes.map((c: { field: string }) => c.field)).toEqual(['name', 'legalRep']);
    expect(res.body.changes[0]).toEqual({ field: 'name', before: '广州市星河科技有限公司', after: '广州市星辰科技有限公司' });
    expect(res.body.licenceVersion).toBe(2);
    expect((await http().get(`${PREFIX}/names/reservations/${reservation.body.id}`).set(as(founder))).body.status).toBe('CONSUMED');
    const licence = await http().get(`${PREFIX}/companies/${uscc}/licence`).set(as(founder));
    expect(licence.body).toMatchObject({ version: 2, status: 'VALID' });
    const verified = async (token: string) => (await http().post(`${PREFIX}/public/licence-verifications`).send({ token })).body;
    expect(await verified(v1)).toMatchObject({ status: 'superseded' });
    expect(await verified(licence.body.token)).toMatchObject({ status: 'valid', licence: { name: '广州市星辰科技有限公司', version: 2 } });
    const rows = await svc.dataSource.query(`SELECT licence_version, status FROM licence ORDER BY licence_version`);
    expect(rows).toEqual([
      { licence_version: 1, status: 'SUPERSEDED' },
      { licence_version: 2, status: 'VALID' },
    ]);
  });

  it('queues what needs an officer (late filing) as a change request with every failed check: 202, nothing registered; the officer approves it exactly as 秒批', async () => {
    const late = await change({ resolutionOn: daysAgo(31), capital: { amount: '3000000.00', currency: 'CNY' } });
    expect(late.status).toBe(202);
    expect(late.body).toMatchObject({ uscc, status: 'PENDING_REVIEW', failedChecks: ['FILED_LATE'], authorityCode: YX });
    expect(late.headers.location).toContain(`change-requests/${late.body.id}`);
    expect(await changedEvents()).toHaveLength(2);

    // one pending request at a time
    const another = await change({ resolutionOn: today(), capital: { amount: '4000000.00', currency: 'CNY' } });
    expect(another.status).toBe(409);
    expect(another.body.type).toBe('https://one-window.gov.cn/problems/registration-change-request-pending');

    // the applicant follows it; strangers and other authorities do not see it
    expect((await http().get(`${PREFIX}/companies/${uscc}/change-requests/${late.body.id}`).set(as(founder))).body.status).toBe('PENDING_REVIEW');
    expect((await http().get(`${PREFIX}/companies/${uscc}/change-requests/${late.body.id}`).set(as(stranger))).status).toBe(404);
    expect((await http().get(`${PREFIX}/change-requests?status=PENDING_REVIEW`).set(as(otherOfficer))).body.items).toEqual([]);
    const queue = await http().get(`${PREFIX}/change-requests?status=PENDING_REVIEW`).set(as(officer));
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((r: { id: string }) => r.id)).toEqual([late.body.id]);
    expect((await http().post(`${PREFIX}/change-requests/${late.body.id}/decision`).set(as(otherOfficer)).send({ outcome: 'APPROVE' })).status).toBe(404);
    expect((await http().post(`${PREFIX}/change-requests/${late.body.id}/decision`).set(as(founder)).send({ outcome: 'APPROVE' })).status).toBe(403);

    const approved = await http().post(`${PREFIX}/change-requests/${late.body.id}/decision`).set(as(officer)).send({ outcome: 'APPROVE' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'APPROVED',
      decision: { outcome: 'APPROVE', changeId: late.body.id, companyVersion: 4 },
      changes: [{ field: 'capital', before: { amount: '2000000.00', currency: 'CNY' }, after: { amount: '3000000.00', currency: 'CNY' } }],
    });
    const events = await changedEvents();
    expect(events).toHaveLength(3);
    expect(events[2]).toMatchObject({ uscc, changeId: late.body.id, changes: [{ field: 'capital' }] });
    expect((await http().post(`${PREFIX}/change-requests/${late.body.id}/decision`).set(as(officer)).send({ outcome: 'REFUSE', reasons: ['x'] })).status).toBe(409);
    expect((await http().get(`${PREFIX}/change-requests?status=PENDING_REVIEW`).set(as(officer))).body.items).toEqual([]);
  });

  it('a pre-approval scope and a listed address go to the officer too; a refusal records its reasons and changes nothing', async () => {
    const mixed = await change({ resolutionOn: today(), scopeCodes: ['K7010'], domicile: { standardAddressId: 'GZ-ADDR-0003' } });
    expect(mixed.status).toBe(202);
    expect(mixed.body.failedChecks).toEqual(['ADDRESS_NEEDS_OFFICER', 'ADDRESS_OTHER_AUTHORITY', 'SCOPE_NEEDS_OFFICER']);
    const decide = (body: object) => http().post(`${PREFIX}/change-requests/${mixed.body.id}/decision`).set(as(officer)).send(body);
    expect((await decide({ outcome: 'REFUSE' })).status).toBe(422); // reasons required
    const refused = await decide({ outcome: 'REFUSE', reasons: ['The new domicile is outside this authority: transfer it first'] });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'REFUSED', decision: { outcome: 'REFUSE', reasons: ['The new domicile is outside this authority: transfer it first'] } });
    const seen = await http().get(`${PREFIX}/companies/${uscc}/change-requests/${mixed.body.id}`).set(as(founder));
    expect(seen.body).toMatchObject({ status: 'REFUSED', decision: { reasons: ['The new domicile is outside this authority: transfer it first'] } });
    expect(await changedEvents()).toHaveLength(3);
  });

  it('refuses what no officer could approve (422), a change that changes nothing (422), and bad input (400 naming each field)', async () => {
    const blocked = await change({ resolutionOn: today(), domicile: { standardAddressId: 'GZ-ADDR-0002' } });
    expect(blocked.status).toBe(422);
    expect(blocked.body.failedChecks).toEqual(['ADDRESS_BLOCKED', 'ADDRESS_OTHER_AUTHORITY']);

    const same = await change({ resolutionOn: today(), capital: { amount: '3000000', currency: 'CNY' } });
    expect(same.status).toBe(422);
    expect(same.body.type).toBe('https://one-window.gov.cn/problems/registration-nothing-changed');

    const bad = await change({ resolutionOn: '2026-13-01', capital: { amount: '-1', currency: 'USD' }, colour: 'red' });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.violations.map((v: { field: string }) => v.field))].sort()).toEqual(['capital.amount', 'capital.currency', 'colour', 'resolutionOn']);
    expect(await changedEvents()).toHaveLength(3);
  });

  it('only the company’s own applicant may file a change', async () => {
    expect((await change({ resolutionOn: today(), capital: { amount: '5.00', currency: 'CNY' } }, stranger)).status).toBe(404);
    expect((await change({ resolutionOn: today(), capital: { amount: '5.00', currency: 'CNY' } }, officer)).status).toBe(403);
    expect((await http().post(`${PREFIX}/companies/91440104MA00009X0X/changes`).set(as(founder)).send({ resolutionOn: today(), capital: { amount: '5.00', currency: 'CNY' } })).status).toBe(404);
  });
});

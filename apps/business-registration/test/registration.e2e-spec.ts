import { DataSource } from 'typeorm';
import { Timers } from '@one-window/shared/scheduling';
import { ExpireReservationHandler, RESERVATION_EXPIRY_TIMER } from '../src/expire-reservation/expire-reservation.handler';
import { isValidUscc } from '@one-window/business-registration/domain';
import { openApiProblems, waitFor } from '@one-window/shared/testing';
import { establishmentForm, PERSON_B_ID } from './establishment-form';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';
const TH = 'GZ-TH-AMR';

/** The first slice of business registration, in process, against the real database and broker. */
describe('business registration: name check, reservation, establishment (秒批 or officer queue)', () => {
  const r = registrationUnderTest({ topicPrefix: '' }); // its outbox rows name the real topic
  const { tokens, http, as } = r;
  let ds: DataSource;
  const applicant = tokens.token({ sub: 'citizen-1', roles: ['applicant'] });
  const otherApplicant = tokens.token({ sub: 'citizen-2', roles: ['applicant'] });
  const officerYx = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: YX });
  const officerTh = tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: TH });
  const integrator = tokens.token({ sub: 'partner-1', roles: ['integrator'] });

  beforeAll(async () => ({ ds } = await r.start()));
  afterAll(() => r.close());

  const count = async (sql: string) => Number((await ds.query(sql))[0].n);
  const check = (name: string) => http().post(`${PREFIX}/names/check`).send({ name, entityType: 'LLC', authorityCode: YX, domicileDivisionCode: '440104' });
  const reserve = (name: string, token = applicant, extra: object = {}) =>
    http()
      .post(`${PREFIX}/names/reservations`)
      .set(as(token))
      .send({ name, entityType: 'LLC', authorityCode: YX, domicileDivisionCode: '440104', commitmentSigned: true, ...extra });

  const form = establishmentForm;
  const submit = (body: object, token = applicant) => http().post(`${PREFIX}/applications`).set(as(token)).send(body);

  let reservationId: string;
  let registeredUscc: string;
  let pendingId: string;

  it('checks a name without a token: PASS, WARN and BLOCK, each reason with a code', async () => {
    const pass = await check('广州市星河科技有限公司');
    expect(pass.status).toBe(200);
    expect(pass.body).toMatchObject({ level: 'PASS', parts: { tradeName: '星河', industryWord: '科技', organisationForm: '有限公司' } });

    const warn = await check('广州市环球星光贸易有限公司');
    expect(warn.body.level).toBe('WARN');
    expect(warn.body.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'name.sensitive', level: 'WARN' })]));

    const block = await check('广州市赌场科技有限公司');
    expect(block.body.level).toBe('BLOCK');
    expect(block.body.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'name.prohibited', level: 'BLOCK' })]));
    expect(await count(`SELECT count(*) AS n FROM name_reservation`)).toBe(0);
  });

  it('reserves a name for its applicant (201), who alone can read it; the name then blocks a duplicate', async () => {
    const res = await reserve('广州市星河科技有限公司');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '广州市星河科技有限公司', status: 'RESERVED', checkLevel: 'PASS', authorityCode: YX });
    reservationId = res.body.id;

    expect((await http().get(`${PREFIX}/names/reservations/${reservationId}`).set(as(applicant))).body.id).toBe(reservationId);
    expect((await http().get(`${PREFIX}/names/reservations/${reservationId}`).set(as(otherApplicant))).status).toBe(404);
    expect((await http().get(`${PREFIX}/names/reservations/${reservationId}`).set(as(officerYx))).status).toBe(403);

    const duplicate = await check('广州星河科技有限公司');
    expect(duplicate.body.level).toBe('BLOCK');
    expect(duplicate.body.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'name.duplicate' })]));
  });

  it('refuses to reserve a BLOCKed name with a 422 problem naming the reasons, and an unacknowledged WARN', async () => {
    const blocked = await reserve('广州市赌场科技有限公司');
    expect(blocked.status).toBe(422);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(blocked.body).toMatchObject({ type: 'https://one-window.gov.cn/problems/registration-name-blocked', reasonCodes: ['name.prohibited'] });

    const warned = await reserve('广州市环球星光贸易有限公司');
    expect(warned.status).toBe(422);
    expect(warned.body.missing).toEqual(['name.sensitive']);
    expect(await count(`SELECT count(*) AS n FROM name_reservation`)).toBe(1);
  });

  it('answers bad input with 400 problem+json naming each field, and writes nothing', async () => {
    const bad = form(reservationId, { colour: 'red', scopeCodes: 'I6513' }) as ReturnType<typeof form> & { persons: { idNumber: string }[] };
    bad.persons[1] = { ...bad.persons[1], idNumber: PERSON_B_ID.slice(0, 17) + (PERSON_B_ID.endsWith('1') ? '2' : '1') };
    const res = await submit(bad);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const fields = [...new Set(res.body.violations.map((v: { field: string }) => v.field))].sort();
    expect(fields).toEqual(['colour', 'persons[1].idNumber', 'scopeCodes']);

    const nested = await submit(form(reservationId, { bundleOptions: { seals: 'yes', socialInsurance: true, housingFund: false, tax: { invoices: true, ukey: true } } }));
    expect(nested.status).toBe(400);
    expect(nested.body.violations.map((v: { field: string }) => v.field)).toEqual(['bundleOptions.seals']);
    expect(await count(`SELECT count(*) AS n FROM application`)).toBe(0);
    // only the reservation's own event (registration.name.reserved) is in the outbox
    expect(await ds.query(`SELECT type FROM messaging_outbox`)).toEqual([{ type: 'registration.name.reserved.v1' }]);
  });

  it('does not let another applicant cite the reservation', async () => {
    const res = await submit(form(reservationId), otherApplicant);
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('https://one-window.gov.cn/problems/registration-reservation-not-usable');
  });

  it('registers a qualifying application at once (秒批): credit code, company, name consumed, CompanyRegistered published', async () => {
    const res = await submit(form(reservationId));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'REGISTERED', route: 'AUTO', failedChecks: [], decision: { outcome: 'REGISTERED', approvalMode: 'AUTO' } });
    registeredUscc = res.body.uscc;
    expect(isValidUscc(registeredUscc)).toBe(true);
    expect(registeredUscc.slice(0, 8)).toBe('91440104');

    const [company] = await ds.query(`SELECT uscc, name, status, authority_code, owner_id FROM company`);
    expect(company).toEqual({ uscc: registeredUscc, name: '广州市星河科技有限公司', status: 'ACTIVE', authority_code: YX, owner_id: 'citizen-1' });
    expect((await http().get(`${PREFIX}/names/reservations/${reservationId}`).set(as(applicant))).body).toMatchObject({ status: 'CONSUMED', consumedBy: res.body.id });

    // name.reserved, then submitted, company.registered, the permit notice of its one post-licence item (H6210),
    // licence.issued, and the setup bundle's opened, licence part_completed and seal_order.dispatched
    await waitFor(async () => ((await count(`SELECT count(*) AS n FROM messaging_outbox WHERE kafka_offset IS NOT NULL`)) === 8 ? true : undefined));
    const [notice] = await ds.query(`SELECT payload FROM messaging_outbox WHERE type = 'registration.permit_notice.issued.v1'`);
    expect(JSON.parse(notice.payload)).toEqual({ uscc: registeredUscc, scopeCode: 'H6210', permitName: '食品经营许可', authorityCode: 'GZ-AMR-FOOD', route: 'NOTIFICATION_COMMITMENT' });
    const [row] = await ds.query(`SELECT topic, type, aggregate_id, kafka_offset FROM messaging_outbox WHERE type = 'registration.company.registered.v1'`);
    expect(row).toMatchObject({ topic: 'registration.events', type: 'registration.company.registered.v1', aggregate_id: registeredUscc });
    expect(Number(row.kafka_offset)).toBeGreaterThanOrEqual(0);
    const [submitted] = await ds.query(`SELECT aggregate_id, payload FROM messaging_outbox WHERE type = 'registration.application.submitted.v1'`);
    expect(submitted.aggregate_id).toBe(res.body.id);
    expect(JSON.parse(submitted.payload)).toMatchObject({ applicationId: res.body.id, kind: 'ESTABLISH', route: 'AUTO', failedChecks: [] });

    // The consumed name is now a registered one: reserving it again is a BLOCK.
    expect((await reserve('广州市星河科技有限公司')).status).toBe(422);
  });

  it('routes a non-qualifying application to the officers of its authority with the failed checks', async () => {
    const reserved = await reserve('广州市月光贸易有限公司');
    expect(reserved.status).toBe(201);
    const res = await submit(form(reserved.body.id, { articles: { kind: 'UPLOADED', documentRef: 'doc-1' }, scopeCodes: ['F5191'] }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'PENDING_ACCEPTANCE', route: 'OFFICER', failedChecks: ['ARTICLES'] });
    expect(res.body.uscc).toBeUndefined();
    pendingId = res.body.id;
    expect((await http().get(`${PREFIX}/names/reservations/${reserved.body.id}`).set(as(applicant))).body).toMatchObject({ status: 'RESERVED', heldBy: pendingId });
    expect(await count(`SELECT count(*) AS n FROM company`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM messaging_outbox`)).toBe(10); // the 8 of the first registration, this name's reservation and this submission
    expect(await ds.query(`SELECT payload FROM messaging_outbox WHERE type = 'registration.name.reserved.v1' AND aggregate_id = $1`, [reserved.body.id])).toEqual([
      { payload: expect.stringContaining('"tradeName":"月光"') },
    ]);
    expect(await count(`SELECT count(*) AS n FROM messaging_outbox WHERE type = 'registration.application.submitted.v1' AND aggregate_id = '${pendingId}'`)).toBe(1);
  });

  it('shows an application to its applicant and its authority’s officers only (404 otherwise)', async () => {
    const get = (token: string) => http().get(`${PREFIX}/applications/${pendingId}`).set(as(token));
    expect((await get(applicant)).body).toMatchObject({ id: pendingId, status: 'PENDING_ACCEPTANCE' });
    expect((await get(officerYx)).body.failedChecks).toEqual(['ARTICLES']);
    expect((await get(officerTh)).status).toBe(404);
    expect((await get(otherApplicant)).status).toBe(404);
    expect((await http().get(`${PREFIX}/applications/no-such-id`).set(as(applicant))).status).toBe(404);

    const queue = (token: string) => http().get(`${PREFIX}/applications?status=PENDING_ACCEPTANCE`).set(as(token));
    const yx = await queue(officerYx);
    expect(yx.status).toBe(200);
    expect(yx.body.items).toEqual([expect.objectContaining({ id: pendingId, failedChecks: ['ARTICLES'] })]);
    expect((await queue(officerTh)).body.items).toEqual([]);
    expect((await queue(applicant)).status).toBe(403);
    expect((await http().get(`${PREFIX}/applications?status=NOPE`).set(as(officerYx))).status).toBe(400);
  });

  it('gives integrators the public company register as a snapshot (no owner)', async () => {
    const res = await http().get(`${PREFIX}/snapshots/companies`).set(as(integrator));
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { uscc: registeredUscc, name: '广州市星河科技有限公司', status: 'ACTIVE', authorityCode: YX, entityType: 'LLC', establishedOn: expect.any(String), domicile: '广州市越秀区示例路1号' },
    ]);
  });

  it('states the roles of every operation in the OpenAPI document, which passes redocly lint', async () => {
    const doc = (await http().get('/openapi.json')).body;
    expect(await openApiProblems(doc)).toEqual([]);
    const paths = doc.paths;
    expect(paths[`${PREFIX}/names/reservations`].post['x-roles']).toEqual(['applicant']);
    expect(paths[`${PREFIX}/applications/{id}`].get['x-roles']).toEqual(['applicant', 'officer']);
    expect(paths[`${PREFIX}/applications`].get['x-roles']).toEqual(['officer']);
  });

  it('a reservation left unused expires when its timer fires: the name is free again, registration.name.expired', async () => {
    const reserved = await reserve('广州市晨星科技有限公司');
    expect(reserved.status).toBe(201);
    const [timer] = await r.svc.app.get(Timers).pending({ kind: RESERVATION_EXPIRY_TIMER, key: reserved.body.id });
    expect(timer.dueAt.toISOString()).toBe(reserved.body.expiresAt);
    await ds.transaction((tx) => r.svc.app.get(ExpireReservationHandler).execute(timer, tx));
    expect((await http().get(`${PREFIX}/names/reservations/${reserved.body.id}`).set(as(applicant))).body.status).toBe('EXPIRED');
    const expired = await ds.query(`SELECT payload FROM messaging_outbox WHERE type = 'registration.name.expired.v1' AND aggregate_id = $1`, [reserved.body.id]);
    expect(expired.map((e: { payload: string }) => JSON.parse(e.payload))).toEqual([
      { reservationId: reserved.body.id, name: '广州市晨星科技有限公司', entityType: 'LLC', expiresAt: reserved.body.expiresAt },
    ]);
    expect((await reserve('广州市晨星科技有限公司')).status).toBe(201);
  });
});

import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { isValidUscc } from '@one-window/business-registration/domain';
import type { Timer } from '@one-window/shared/scheduling';
import { establishmentForm } from './establishment-form';
import { REVIEW_OVERDUE_TIMER, ReviewOverdueHandler } from '../src/review-overdue/review-overdue.handler';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';
const TH = 'GZ-TH-AMR';
const PROBLEMS = 'https://one-window.gov.cn/problems/';

/** The officer route of establishment applications, in process, against the real database and broker. */
describe('business registration: officer review (accept, supplement, resubmit, decide, withdraw, overdue)', () => {
  const r = registrationUnderTest();
  const { tokens, http, as } = r;
  let app: NestExpressApplication;
  let ds: DataSource;
  const applicant = tokens.token({ sub: 'citizen-1', roles: ['applicant'] });
  const otherApplicant = tokens.token({ sub: 'citizen-2', roles: ['applicant'] });
  const officerYx = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: YX });
  const officerTh = tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: TH });

  beforeAll(async () => ({ app, ds } = await r.start()));
  afterAll(() => r.close());

  /** Fails only the ARTICLES auto check (uploaded articles): it goes to the officers. */
  const form = (nameReservationId: string) => establishmentForm(nameReservationId, { articles: { kind: 'UPLOADED', documentRef: 'doc-1' } });

  /** Reserves `name` and submits a non-qualifying application with it: PENDING_ACCEPTANCE. */
  const submitPending = async (name: string) => {
    const reserved = await http()
      .post(`${PREFIX}/names/reservations`)
      .set(as(applicant))
      .send({ name, entityType: 'LLC', authorityCode: YX, domicileDivisionCode: '440104', commitmentSigned: true });
    expect(reserved.status).toBe(201);
    const res = await http().post(`${PREFIX}/applications`).set(as(applicant)).send(form(reserved.body.id));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'PENDING_ACCEPTANCE', failedChecks: ['ARTICLES'] });
    return { id: res.body.id as string, reservationId: reserved.body.id as string };
  };
  const action = (id: string, path: string, token: string, body: object = {}) => http().post(`${PREFIX}/applications/${id}/${path}`).set(as(token)).send(body);
  const accept = (id: string, token = officerYx) => action(id, 'acceptance', token);
  const supplement = (id: string, token = officerYx) =>
    action(id, 'supplement-requests', token, {
      items: [
        { field: 'articles.documentRef', reason: 'The uploaded articles are not signed by every investor' },
        { field: 'domicile.proofRef', reason: 'The lease of the domicile is missing', code: 'MISSING' },
      ],
    });
  const resubmit = (id: string, token = applicant) => action(id, 'resubmission', token, { newMaterial: ['articles.documentRef', 'domicile.proofRef'] });
  const decide = (id: string, body: object, token = officerYx) => action(id, 'decision', token, body);
  const withdraw = (id: string, token = applicant) => action(id, 'withdrawal', token);
  const outbox = (type: string, aggregateId: string): Promise<{ payload: string }[]> =>
    ds.query(`SELECT payload FROM messaging_outbox WHERE type = $1 AND aggregate_id = $2 ORDER BY sequence`, [type, aggregateId]);
  const payloadOf = async (type: string, aggregateId: string) => {
    const rows = await outbox(type, aggregateId);
    expect(rows).toHaveLength(1);
    return JSON.parse(rows[0].payload);
  };
  const pendingTimer = async (id: string): Promise<Date | undefined> => {
    const rows: { due_at: Date }[] = await ds.query(
      `SELECT due_at FROM scheduling_timer WHERE kind = $1 AND key = $2 AND fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL`,
      [REVIEW_OVERDUE_TIMER, id],
    );
    return rows[0]?.due_at;
  };
  const reservation = async (id: string) => (await http().get(`${PREFIX}/names/reservations/${id}`).set(as(applicant))).body;

  it('runs the correction loop: accept, one supplement notice of 2 items, resubmit, approve → REGISTERED with a credit code', async () => {
    const { id, reservationId } = await submitPending('广州市晨曦贸易有限公司');
    expect(await payloadOf('registration.application.submitted.v1', id)).toMatchObject({ applicationId: id, route: 'OFFICER', failedChecks: ['ARTICLES'] });

    const read = await http().get(`${PREFIX}/applications/${id}`).set(as(officerYx));
    expect(read.headers['etag']).toBe(`"${read.body.version}"`);

    const accepted = await accept(id).set('If-Match', read.headers['etag']);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id, status: 'UNDER_REVIEW' });
    expect(accepted.headers['etag']).toBe(`"${read.body.version + 1}"`);
    const acceptedEvent = await payloadOf('registration.application.accepted.v1', id);
    expect(acceptedEvent).toMatchObject({ applicationId: id, kind: 'ESTABLISH', route: 'OFFICER', receiptNo: expect.stringMatching(/^SL-\d{8}-/) });
    // The review-overdue timer is due at the domain's review deadline (3 working days from the calendar).
    expect((await pendingTimer(id))?.toISOString()).toBe(acceptedEvent.dueAt);
    expect(new Date(acceptedEvent.dueAt).getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);

    // A stale If-Match is refused: someone changed it since that read.
    const stale = await supplement(id).set('If-Match', read.headers['etag']);
    expect(stale.status).toBe(412);
    expect(stale.headers['etag']).toBe(accepted.headers['etag']);

    expect((await action(id, 'supplement-requests', officerYx, { items: [{ field: 'articles.documentRef' }] })).status).toBe(400);
    const requested = await supplement(id).set('If-Match', accepted.headers['etag']);
    expect(requested.status).toBe(200);
    expect(requested.body.status).toBe('SUPPLEMENT_REQUESTED');
    expect(await payloadOf('registration.application.supplement_requested.v1', id)).toMatchObject({
      round: 1,
      missingItems: [
        { code: 'SUPPLEMENT', description: 'The uploaded articles are not signed by every investor', materialRef: 'articles.documentRef' },
        { code: 'MISSING', description: 'The lease of the domicile is missing', materialRef: 'domicile.proofRef' },
      ],
    });
    // The clock is stopped: no review timer while the applicant answers.
    expect(await pendingTimer(id)).toBeUndefined();

    expect((await resubmit(id, otherApplicant)).status).toBe(404);
    expect((await resubmit(id, officerYx)).status).toBe(403);
    const answered = await resubmit(id);
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('UNDER_REVIEW');
    const resubmitted = await payloadOf('registration.application.resubmitted.v1', id);
    expect(new Date(resubmitted.dueAt).getTime()).toBeGreaterThanOrEqual(new Date(acceptedEvent.dueAt).getTime());
    expect((await pendingTimer(id))?.toISOString()).toBe(resubmitted.dueAt);

    // Once only: the notice is answered, the application is under review again.
    const again = await resubmit(id);
    expect(again.status).toBe(409);
    expect(again.body.type).toBe(`${PROBLEMS}registration-transition-not-allowed`);

    const approved = await decide(id, { outcome: 'APPROVE' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'REGISTERED', decision: { outcome: 'REGISTERED', approvalMode: 'OFFICER', by: 'officer-yx' } });
    const uscc = approved.body.uscc;
    expect(isValidUscc(uscc)).toBe(true);
    expect(uscc.slice(0, 8)).toBe('91440104');
    const [company] = await ds.query(`SELECT uscc, name, status, owner_id, data->>'applicationId' AS application_id FROM company WHERE uscc = $1`, [uscc]);
    expect(company).toEqual({ uscc, name: '广州市晨曦贸易有限公司', status: 'ACTIVE', owner_id: 'citizen-1', application_id: id });
    expect(await payloadOf('registration.company.registered.v1', uscc)).toMatchObject({ uscc, approvalMode: 'OFFICER', authorityCode: YX });
    expect(await reservation(reservationId)).toMatchObject({ status: 'CONSUMED', consumedBy: id });
    expect(await pendingTimer(id)).toBeUndefined();

    // Decided: nothing more can happen to it.
    expect((await accept(id)).status).toBe(409);
    expect((await withdraw(id)).status).toBe(409);
  });

  it('refuses with reasons (422 without), publishes application.refused and releases the name', async () => {
    const { id, reservationId } = await submitPending('广州市远航贸易有限公司');
    expect((await accept(id)).status).toBe(200);

    const noReasons = await decide(id, { outcome: 'REFUSE' });
    expect(noReasons.status).toBe(422);
    expect(noReasons.body.type).toBe(`${PROBLEMS}registration-reason-required`);
    expect((await decide(id, { outcome: 'MAYBE' })).status).toBe(400);

    const refused = await decide(id, { outcome: 'REFUSE', reasons: ['The domicile is not usable for business'], reasonCode: 'DOMICILE_NOT_USABLE' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'REFUSED', decision: { outcome: 'REFUSED', reasons: ['The domicile is not usable for business'] } });
    expect(await payloadOf('registration.application.refused.v1', id)).toEqual({
      applicationId: id,
      kind: 'ESTABLISH',
      outcome: 'REFUSED',
      reasonCode: 'DOMICILE_NOT_USABLE',
      reasons: ['The domicile is not usable for business'],
      remedies: ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'],
    });
    const name = await reservation(reservationId);
    expect(name.status).toBe('RESERVED');
    expect(name.heldBy).toBeUndefined();
    expect(await pendingTimer(id)).toBeUndefined();
  });

  it('hides an application from officers of another authority (404 on every action) and from other applicants; applicants cannot act as officers', async () => {
    const { id } = await submitPending('广州市青松贸易有限公司');
    for (const res of [
      await accept(id, officerTh),
      await supplement(id, officerTh),
      await decide(id, { outcome: 'REFUSE', reasons: ['x'] }, officerTh),
      await http().get(`${PREFIX}/applications/${id}`).set(as(officerTh)),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.type).toBe(`${PROBLEMS}registration-not-found`);
    }
    expect((await accept('no-such-id')).status).toBe(404);

    expect((await accept(id, applicant)).status).toBe(403);
    expect((await supplement(id, applicant)).status).toBe(403);
    expect((await decide(id, { outcome: 'APPROVE' }, applicant)).status).toBe(403);
    expect((await withdraw(id, officerYx)).status).toBe(403);
    expect((await withdraw(id, otherApplicant)).status).toBe(404);

    // A transition the state does not allow: a decision before acceptance.
    const early = await decide(id, { outcome: 'APPROVE' });
    expect(early.status).toBe(409);
    expect(early.body.type).toBe(`${PROBLEMS}registration-transition-not-allowed`);
    expect((await resubmit(id)).status).toBe(409);
    expect((await http().get(`${PREFIX}/applications/${id}`).set(as(applicant))).body.status).toBe('PENDING_ACCEPTANCE');
  });

  it('lets the applicant withdraw an undecided application (the name released, the review timer gone), once', async () => {
    const { id, reservationId } = await submitPending('广州市白鹭贸易有限公司');
    expect((await accept(id)).status).toBe(200);
    expect(await pendingTimer(id)).toBeDefined();

    const withdrawn = await withdraw(id);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', decision: { outcome: 'WITHDRAWN' } });
    expect(await payloadOf('registration.application.withdrawn.v1', id)).toEqual({ applicationId: id, kind: 'ESTABLISH' });
    expect(await pendingTimer(id)).toBeUndefined();
    expect((await reservation(reservationId)).heldBy).toBeUndefined();
    expect((await withdraw(id)).status).toBe(409);
  });

  it('marks a review overdue once, at its due time and not before (the timer handler with a controlled clock)', async () => {
    const { id } = await submitPending('广州市红棉贸易有限公司');
    expect((await accept(id)).status).toBe(200);
    const dueAt = await pendingTimer(id);
    if (!dueAt) throw new Error('no review timer');
    const handler = app.get(ReviewOverdueHandler);
    const timer = { id: 't', kind: REVIEW_OVERDUE_TIMER, key: id, payload: {}, dueAt } as unknown as Timer;
    const fire = (at: Date) => ds.transaction((tx) => handler.execute(timer, tx, at));

    await fire(new Date(dueAt.getTime() - 1));
    expect(await outbox('registration.application.overdue.v1', id)).toEqual([]);

    await fire(new Date(dueAt.getTime() + 1000));
    await fire(new Date(dueAt.getTime() + 2000));
    expect(await payloadOf('registration.application.overdue.v1', id)).toEqual({ applicationId: id, kind: 'ESTABLISH', dueAt: dueAt.toISOString() });
    expect((await http().get(`${PREFIX}/applications/${id}`).set(as(officerYx))).body.status).toBe('UNDER_REVIEW');

    // A timer for an application that no longer exists (or was decided) does nothing.
    await ds.transaction((tx) => handler.execute({ ...timer, key: 'gone' }, tx, new Date(dueAt.getTime() + 1000)));
  });

  it('states the roles of the review operations in the OpenAPI document', async () => {
    const paths = (await http().get('/openapi.json')).body.paths;
    for (const p of ['acceptance', 'supplement-requests', 'decision']) expect(paths[`${PREFIX}/applications/{id}/${p}`].post['x-roles']).toEqual(['officer']);
    for (const p of ['resubmission', 'withdrawal']) expect(paths[`${PREFIX}/applications/{id}/${p}`].post['x-roles']).toEqual(['applicant']);
  });
});

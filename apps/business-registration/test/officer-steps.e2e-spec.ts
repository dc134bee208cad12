import type request from 'supertest';
import type { DataSource } from 'typeorm';
import { REVIEW_OVERDUE_TIMER } from '../src/review-overdue/review-overdue.handler';
import { establishmentForm } from './establishment-form';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';
const PROBLEMS = 'https://one-window.gov.cn/problems/';

/** The officer route's other steps (§3.2): 不予受理, 退件 and the one extension of the review limit. */
describe('business registration: officer steps (non-acceptance, return, extension)', () => {
  const r = registrationUnderTest();
  const { tokens, http, as, payloads } = r;
  let ds: DataSource;
  const applicant = tokens.token({ sub: 'steps-citizen-1', roles: ['applicant'] });
  const officerYx = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: YX });
  const officerTh = tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: 'GZ-TH-AMR' });

  beforeAll(async () => ({ ds } = await r.start()));
  afterAll(() => r.close());

  const fields = (res: request.Response) => [...new Set(res.body.violations.map((v: { field: string }) => v.field))].sort();
  const submitPending = async (name: string) => {
    const reserved = await http()
      .post(`${PREFIX}/names/reservations`)
      .set(as(applicant))
      .send({ name, entityType: 'LLC', authorityCode: YX, domicileDivisionCode: '440104', commitmentSigned: true });
    expect(reserved.status).toBe(201);
    const res = await http()
      .post(`${PREFIX}/applications`)
      .set(as(applicant))
      .send(establishmentForm(reserved.body.id, { articles: { kind: 'UPLOADED', documentRef: 'doc-1' } }));
    expect(res.body.status).toBe('PENDING_ACCEPTANCE');
    return { id: res.body.id as string, reservationId: reserved.body.id as string };
  };
  const action = (id: string, path: string, token: string, body: object = {}) => http().post(`${PREFIX}/applications/${id}/${path}`).set(as(token)).send(body);
  const reviewTimer = async (id: string): Promise<Date | undefined> =>
    (
      await ds.query(`SELECT due_at FROM scheduling_timer WHERE kind = $1 AND key = $2 AND fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL`, [
        REVIEW_OVERDUE_TIMER,
        id,
      ])
    )[0]?.due_at;
  const reservation = async (id: string) => (await http().get(`${PREFIX}/names/reservations/${id}`).set(as(applicant))).body;

  it('does not accept (不予受理) a pending application with a reason code: NOT_ACCEPTED, application.not_accepted, name released', async () => {
    const { id, reservationId } = await submitPending('广州市启明贸易有限公司');
    expect((await reservation(reservationId)).heldBy).toBe(id);

    const bad = await action(id, 'non-acceptance', officerYx, { reasonCode: 'lower case', note: '' });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['note', 'reasonCode']);
    expect(fields(await action(id, 'non-acceptance', officerYx, {}))).toEqual(['reasonCode']);

    const other = await action(id, 'non-acceptance', officerTh, { reasonCode: 'NOT_WITHIN_AUTHORITY' });
    expect(other.status).toBe(404);
    expect(other.body.type).toBe(`${PROBLEMS}registration-not-found`);
    expect((await action(id, 'non-acceptance', applicant, { reasonCode: 'NOT_WITHIN_AUTHORITY' })).status).toBe(403);

    const read = await http().get(`${PREFIX}/applications/${id}`).set(as(officerYx));
    const stale = await action(id, 'non-acceptance', officerYx, { reasonCode: 'NOT_WITHIN_AUTHORITY' }).set('If-Match', `"${read.body.version - 1}"`);
    expect(stale.status).toBe(412);

    const res = await action(id, 'non-acceptance', officerYx, { reasonCode: 'NOT_WITHIN_AUTHORITY' }).set('If-Match', read.headers['etag']);
    expect(res.status).toBe(200);
    expect(res.headers['etag']).toBe(`"${read.body.version + 1}"`);
    expect(res.body).toMatchObject({ id, status: 'NOT_ACCEPTED', decision: { outcome: 'NOT_ACCEPTED', reasonCode: 'NOT_WITHIN_AUTHORITY', by: 'officer-yx' } });
    expect(await payloads('registration.application.not_accepted.v1', id)).toEqual([
      { applicationId: id, kind: 'ESTABLISH', outcome: 'NOT_ACCEPTED', reasonCode: 'NOT_WITHIN_AUTHORITY' },
    ]);
    // not a refusal: no application.refused
    expect(await payloads('registration.application.refused.v1', id)).toEqual([]);
    const name = await reservation(reservationId);
    expect(name.status).toBe('RESERVED');
    expect(name.heldBy).toBeUndefined();

    const again = await action(id, 'non-acceptance', officerYx, { reasonCode: 'NOT_WITHIN_AUTHORITY' });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe(`${PROBLEMS}registration-transition-not-allowed`);
    expect((await action(id, 'acceptance', officerYx)).status).toBe(409);
  });

  it('returns (退件) a pending application: RETURNED, application.returned; once accepted it cannot be returned (409)', async () => {
    const { id } = await submitPending('广州市长河贸易有限公司');
    expect(fields(await action(id, 'return', officerYx, { reasonCode: 42 }))).toEqual(['reasonCode']);
    expect((await action(id, 'return', officerTh, { reasonCode: 'MATERIALS_INCONSISTENT' })).status).toBe(404);
    const res = await action(id, 'return', officerYx, { reasonCode: 'MATERIALS_INCONSISTENT', note: 'The investors listed differ from the articles' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'RETURNED', decision: { outcome: 'RETURNED', reasonCode: 'MATERIALS_INCONSISTENT' } });
    expect(await payloads('registration.application.returned.v1', id)).toEqual([
      { applicationId: id, kind: 'ESTABLISH', outcome: 'RETURNED', reasonCode: 'MATERIALS_INCONSISTENT' },
    ]);
    expect((await action(id, 'return', officerYx, { reasonCode: 'MATERIALS_INCONSISTENT' })).status).toBe(409);

    const { id: accepted } = await submitPending('广州市远山贸易有限公司');
    expect((await action(accepted, 'acceptance', officerYx)).status).toBe(200);
    const late = await action(accepted, 'return', officerYx, { reasonCode: 'MATERIALS_INCONSISTENT' });
    expect(late.status).toBe(409);
    expect(late.body.type).toBe(`${PROBLEMS}registration-transition-not-allowed`);
    expect((await action(accepted, 'non-acceptance', officerYx, { reasonCode: 'X' })).status).toBe(409);
  });

  it("extends the review once (+3 WD) on the head's approval: application.extended with the new due time, the timer moved; a second extension is 422", async () => {
    const { id } = await submitPending('广州市松涛贸易有限公司');
    const early = await action(id, 'extension', officerYx, { reason: 'On-site check', approvedBy: 'head-yx' });
    expect(early.status).toBe(409);
    expect(early.body.type).toBe(`${PROBLEMS}registration-transition-not-allowed`);

    const accepted = await action(id, 'acceptance', officerYx);
    expect(accepted.status).toBe(200);
    const [acceptedEvent] = await payloads('registration.application.accepted.v1', id);

    const bad = await action(id, 'extension', officerYx, { reason: '   ' });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['approvedBy', 'reason']);
    expect((await action(id, 'extension', officerTh, { reason: 'On-site check', approvedBy: 'head-th' })).status).toBe(404);
    expect((await action(id, 'extension', applicant, { reason: 'On-site check', approvedBy: 'head-yx' })).status).toBe(403);
    expect((await action(id, 'extension', officerYx, { reason: 'On-site check', approvedBy: 'head-yx' }).set('If-Match', '"1"')).status).toBe(412);

    const extended = await action(id, 'extension', officerYx, { reason: 'On-site verification of the domicile', approvedBy: 'head-yx' }).set('If-Match', accepted.headers['etag']);
    expect(extended.status).toBe(200);
    expect(extended.body.status).toBe('UNDER_REVIEW');
    const [event] = await payloads('registration.application.extended.v1', id);
    expect(event).toEqual({ applicationId: id, kind: 'ESTABLISH', dueAt: expect.any(String) });
    // three more working days: at least three natural days later
    expect(new Date(event.dueAt).getTime() - new Date(acceptedEvent.dueAt).getTime()).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect((await reviewTimer(id))?.toISOString()).toBe(event.dueAt);

    const twice = await action(id, 'extension', officerYx, { reason: 'More checks', approvedBy: 'head-yx' });
    expect(twice.status).toBe(422);
    expect(twice.body.type).toBe(`${PROBLEMS}registration-extension-refused`);
    expect(await payloads('registration.application.extended.v1', id)).toHaveLength(1);
  });

  it('states the roles of the new officer steps in the OpenAPI document', async () => {
    const paths = (await http().get('/openapi.json')).body.paths;
    for (const p of ['non-acceptance', 'return', 'extension']) expect(paths[`${PREFIX}/applications/{id}/${p}`].post['x-roles']).toEqual(['officer']);
  });
});

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers, type Timer } from '@one-window/shared/scheduling';
import { ChangeRequestOverdueHandler } from '../src/change-request-overdue/change-request-overdue.handler';
import { LapseChangeRequestHandler } from '../src/lapse-change-request/lapse-change-request.handler';
import { CHANGE_REQUEST_LAPSE_TIMER, CHANGE_REQUEST_OVERDUE_TIMER } from '../src/shared/change-request-desk';
import { Clock } from '../src/shared/clock';
import { establishmentForm } from './establishment-form';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';
const PROBLEMS = 'https://one-window.gov.cn/problems/';

/**
 * Change requests (变更登记 that needs an officer) get the establishment application's review
 * (§10.2, "changes reuse it"), against the real database and broker: a review due time from the
 * working-day calendar with its durable overdue timer, one supplement notice, one resubmission, the
 * one extension (+3 WD on the head's approval), approval that registers the change, refusal,
 * withdrawal and lapse; scoping and bad input.
 */
describe('business registration: change-request review (e2e)', () => {
  const r = registrationUnderTest();
  const { tokens, http, as, payloads: outbox } = r;
  let app: NestExpressApplication;
  let ds: DataSource;
  const founder = tokens.token({ sub: 'cr-founder-1', roles: ['applicant'] });
  const stranger = tokens.token({ sub: 'cr-founder-2', roles: ['applicant'] });
  const officer = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: YX });
  const otherOfficer = tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: 'GZ-TH-AMR' });

  beforeAll(async () => ({ app, ds } = await r.start()));
  afterAll(() => r.close());

  const daysAgo = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);
  const timerOf = async (kind: string, key: string): Promise<Timer | undefined> => (await app.get(Timers).pending({ kind, key }))[0];
  const officerAct = (id: string, path: string, body: object = {}, token = officer) => http().post(`${PREFIX}/change-requests/${id}/${path}`).set(as(token)).send(body);
  const applicantAct = (id: string, path: string, body: object = {}, token = founder) =>
    http().post(`${PREFIX}/companies/${uscc}/change-requests/${id}/${path}`).set(as(token)).send(body);
  const getRequest = (id: string, token = founder) => http().get(`${PREFIX}/companies/${uscc}/change-requests/${id}`).set(as(token));
  const notice = {
    items: [
      { field: 'resolution.documentRef', reason: 'The shareholders’ resolution is not signed by every shareholder' },
      { field: 'lateFilingStatement', reason: 'Explain why the change is filed more than 30 days late', code: 'MISSING' },
    ],
  };

  let uscc: string;
  let capital = 2_000_000;
  /** A capital change filed 31 days after the resolution: FILED_LATE, so it is queued (202). */
  const queueLateChange = async () => {
    capital += 1;
    const res = await http()
      .post(`${PREFIX}/companies/${uscc}/changes`)
      .set(as(founder))
      .send({ resolutionOn: daysAgo(31), capital: { amount: `${capital}.00`, currency: 'CNY' } });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ uscc, status: 'PENDING_REVIEW', failedChecks: ['FILED_LATE'], dueAt: expect.any(String) });
    return res.body as { id: string; dueAt: string };
  };

  beforeAll(async () => {
    const reservation = await http()
      .post(`${PREFIX}/names/reservations`)
      .set(as(founder))
      .send({ name: '广州市审变科技有限公司', entityType: 'LLC', authorityCode: YX, domicileDivisionCode: '440104', commitmentSigned: true });
    const registered = await http().post(`${PREFIX}/applications`).set(as(founder)).send(establishmentForm(reservation.body.id));
    expect(registered.body.status).toBe('REGISTERED');
    uscc = registered.body.uscc;
  });

  it('queues with a review due time and its timer; one supplement notice → one resubmission → approval registers the change; a second notice is 409', async () => {
    const queued = await queueLateChange();
    const id = queued.id;
    // The review clock: 3 working days from the calendar, the same instant in the event and the durable timer.
    const submitted = await outbox('registration.application.submitted.v1', id);
    expect(submitted).toEqual([{ applicationId: id, kind: 'CHANGE', route: 'OFFICER', ruleSetVersion: 'change-review-1', failedChecks: ['FILED_LATE'], dueAt: queued.dueAt }]);
    expect((await timerOf(CHANGE_REQUEST_OVERDUE_TIMER, id))?.dueAt.toISOString()).toBe(queued.dueAt);
    expect(new Date(queued.dueAt).getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);

    // Scoping and roles: another authority's officer sees nothing; an applicant cannot send a notice.
    const foreign = await officerAct(id, 'supplement-requests', notice, otherOfficer);
    expect(foreign.status).toBe(404);
    expect(foreign.body.type).toBe(`${PROBLEMS}registration-not-found`);
    expect((await officerAct(id, 'supplement-requests', notice, founder)).status).toBe(403);

    // Bad input names each bad field.
    const bad = await officerAct(id, 'supplement-requests', { items: [{ field: '', colour: 'red' }] });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = [...new Set(bad.body.violations.map((v: { field: string }) => v.field))].sort();
    expect(fields).toEqual(['items[0].colour', 'items[0].field', 'items[0].reason']);

    const requested = await officerAct(id, 'supplement-requests', notice);
    expect(requested.status).toBe(200);
    expect(requested.body).toMatchObject({ id, status: 'SUPPLEMENT_REQUESTED', reviewClockSuspended: true, supplement: { items: [{ materialRef: 'resolution.documentRef' }, { code: 'MISSING' }] } });
    const [supplementEvent] = await outbox('registration.application.supplement_requested.v1', id);
    expect(supplementEvent).toEqual({
      applicationId: id,
      kind: 'CHANGE',
      round: 1,
      missingItems: [
        { code: 'SUPPLEMENT', description: 'The shareholders’ resolution is not signed by every shareholder', materialRef: 'resolution.documentRef' },
        { code: 'MISSING', description: 'Explain why the change is filed more than 30 days late', materialRef: 'lateFilingStatement' },
      ],
      respondBy: requested.body.supplement.respondBy,
    });
    // The clock stands still: no overdue timer; the lapse timer waits at the end of the answer period.
    expect(await timerOf(CHANGE_REQUEST_OVERDUE_TIMER, id)).toBeUndefined();
    expect((await timerOf(CHANGE_REQUEST_LAPSE_TIMER, id))?.dueAt.toISOString()).toBe(requested.body.supplement.respondBy);
    // While the notice waits, the officer cannot decide.
    const early = await officerAct(id, 'decision', { outcome: 'APPROVE' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ type: `${PROBLEMS}registration-transition-not-allowed`, state: 'SUPPLEMENT_REQUESTED', trigger: 'approve' });

    expect((await applicantAct(id, 'resubmission', { newMaterial: ['resolution.documentRef'] }, stranger)).status).toBe(404);
    expect((await applicantAct(id, 'resubmission', { newMaterial: ['resolution.documentRef'] }, officer)).status).toBe(403);
    const badAnswer = await applicantAct(id, 'resubmission', { newMaterial: [] });
    expect(badAnswer.status).toBe(400);
    expect(badAnswer.body.violations.map((v: { field: string }) => v.field)).toContain('newMaterial');

    const answered = await applicantAct(id, 'resubmission', { newMaterial: ['resolution.documentRef', 'lateFilingStatement'] });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'RESUBMITTED', reviewClockSuspended: false, supplement: { newMaterial: ['resolution.documentRef', 'lateFilingStatement'] } });
    const [resubmitted] = await outbox('registration.application.resubmitted.v1', id);
    expect(resubmitted).toEqual({ applicationId: id, kind: 'CHANGE', dueAt: answered.body.dueAt });
    expect(new Date(answered.body.dueAt).getTime()).toBeGreaterThanOrEqual(new Date(queued.dueAt).getTime());
    expect((await timerOf(CHANGE_REQUEST_OVERDUE_TIMER, id))?.dueAt.toISOString()).toBe(answered.body.dueAt);
    expect(await timerOf(CHANGE_REQUEST_LAPSE_TIMER, id)).toBeUndefined();

    // One notice, one answer.
    const second = await officerAct(id, 'supplement-requests', notice);
    expect(second.status).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.body).toMatchObject({ type: `${PROBLEMS}registration-transition-not-allowed`, state: 'RESUBMITTED', trigger: 'request_supplement', machine: 'change-request' });
    expect((await applicantAct(id, 'resubmission', { newMaterial: ['x'] })).status).toBe(409);
    expect(await outbox('registration.application.supplement_requested.v1', id)).toHaveLength(1);

    // The officer's queue shows it as resubmitted (own authority only).
    const queue = await http().get(`${PREFIX}/change-requests?status=RESUBMITTED`).set(as(officer));
    expect(queue.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await http().get(`${PREFIX}/change-requests?status=RESUBMITTED`).set(as(otherOfficer))).body.items).toEqual([]);

    const approved = await officerAct(id, 'decision', { outcome: 'APPROVE' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'APPROVED',
      decision: { outcome: 'APPROVE', changeId: id },
      changes: [{ field: 'capital', after: { amount: `${capital}.00`, currency: 'CNY' } }],
    });
    expect(await outbox('registration.company.changed.v1', uscc)).toEqual([expect.objectContaining({ uscc, changeId: id, changes: [expect.objectContaining({ field: 'capital' })] })]);
    expect(await timerOf(CHANGE_REQUEST_OVERDUE_TIMER, id)).toBeUndefined();
    expect((await applicantAct(id, 'withdrawal')).status).toBe(409);
    expect((await getRequest(id)).body).toMatchObject({ status: 'APPROVED', supplement: { resubmittedAt: expect.any(String) } });
  });

  it('marks a review overdue once, at its due time and not before (the timer handler with a controlled clock); a refusal states reasons and remedies', async () => {
    const { id } = await queueLateChange();
    const timer = await timerOf(CHANGE_REQUEST_OVERDUE_TIMER, id);
    if (!timer) throw new Error('no review timer');
    const handler = app.get(ChangeRequestOverdueHandler);
    const fire = (at: Date) => ds.transaction((tx) => handler.execute(timer, tx, at));

    await fire(new Date(timer.dueAt.getTime() - 60_000));
    expect(await outbox('registration.application.overdue.v1', id)).toEqual([]);

    await fire(new Date(timer.dueAt.getTime() + 1000));
    await fire(new Date(timer.dueAt.getTime() + 2000));
    expect(await outbox('registration.application.overdue.v1', id)).toEqual([{ applicationId: id, kind: 'CHANGE', dueAt: timer.dueAt.toISOString() }]);
    expect((await getRequest(id, officer)).body).toMatchObject({ status: 'PENDING_REVIEW', overdueAt: new Date(timer.dueAt.getTime() + 1000).toISOString() });
    // A timer for a request that does not exist does nothing.
    await ds.transaction((tx) => handler.execute({ ...timer, key: 'gone' }, tx, new Date(timer.dueAt.getTime() + 1000)));

    const noReasons = await officerAct(id, 'decision', { outcome: 'REFUSE' });
    expect(noReasons.status).toBe(422);
    expect(noReasons.body.type).toBe(`${PROBLEMS}registration-reason-required`);
    expect((await officerAct(id, 'decision', { outcome: 'REFUSE', reasons: ['x'] }, otherOfficer)).status).toBe(404);
    const refused = await officerAct(id, 'decision', { outcome: 'REFUSE', reasons: ['Filed late without a reason'], reasonCode: 'FILED_LATE' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'REFUSED', decision: { outcome: 'REFUSE', reasons: ['Filed late without a reason'], reasonCode: 'FILED_LATE' } });
    expect(await outbox('registration.application.refused.v1', id)).toEqual([
      {
        applicationId: id,
        kind: 'CHANGE',
        outcome: 'REFUSED',
        reasonCode: 'FILED_LATE',
        reasons: ['Filed late without a reason'],
        remedies: ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'],
      },
    ]);
    expect(await timerOf(CHANGE_REQUEST_OVERDUE_TIMER, id)).toBeUndefined();
  });

  it("extends the review once (+3 WD) on the head's approval, up to the last minute before due (controlled clock): application.extended (kind CHANGE), the overdue timer moved; a second or late extension is 422, a decided request 409", async () => {
    const { id, dueAt } = await queueLateChange();
    const due = new Date(dueAt);
    const clock = jest.spyOn(app.get(Clock), 'now');
    const ask = { reason: 'On-site verification of the new registered capital', approvedBy: 'head-yx' };
    try {
      // Scoping, roles, bad input (problem+json naming each bad field).
      expect((await officerAct(id, 'extension', ask, otherOfficer)).status).toBe(404);
      expect((await officerAct(id, 'extension', ask, founder)).status).toBe(403);
      const bad = await officerAct(id, 'extension', { reason: '  ', colour: 'red' });
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect([...new Set(bad.body.violations.map((v: { field: string }) => v.field))].sort()).toEqual(['approvedBy', 'colour', 'reason']);

      // At the due instant it is too late.
      clock.mockReturnValue(due);
      const late = await officerAct(id, 'extension', ask);
      expect(late.status).toBe(422);
      expect(late.body).toMatchObject({ type: `${PROBLEMS}registration-extension-refused`, reason: 'DEADLINE_PASSED' });
      expect(await outbox('registration.application.extended.v1', id)).toEqual([]);
      expect((await timerOf(CHANGE_REQUEST_OVERDUE_TIMER, id))?.dueAt.toISOString()).toBe(dueAt);

      // One minute before it is in time: due +3 working days, in the response, the event and the timer.
      clock.mockReturnValue(new Date(due.getTime() - 60_000));
      const extended = await officerAct(id, 'extension', ask);
      expect(extended.status).toBe(200);
      expect(extended.body).toMatchObject({ id, status: 'PENDING_REVIEW', extension: { approvedBy: 'head-yx', reason: ask.reason, at: new Date(due.getTime() - 60_000).toISOString() } });
      const newDue = new Date(extended.body.dueAt);
      expect(app.get(WorkingCalendar).workingDaysBetween(due, newDue)).toBe(3);
      expect(await outbox('registration.application.extended.v1', id)).toEqual([{ applicationId: id, kind: 'CHANGE', dueAt: newDue.toISOString() }]);
      const moved = await timerOf(CHANGE_REQUEST_OVERDUE_TIMER, id);
      expect(moved?.dueAt.toISOString()).toBe(newDue.toISOString());

      // Once only.
      const twice = await officerAct(id, 'extension', ask);
      expect(twice.status).toBe(422);
      expect(twice.body).toMatchObject({ type: `${PROBLEMS}registration-extension-refused`, reason: 'ALREADY_EXTENDED' });
      expect(await outbox('registration.application.extended.v1', id)).toHaveLength(1);

      // The old due time passes without a red light; the new one marks it overdue.
      if (!moved) throw new Error('no review timer');
      const handler = app.get(ChangeRequestOverdueHandler);
      await ds.transaction((tx) => handler.execute(moved, tx, new Date(due.getTime() + 1000)));
      expect(await outbox('registration.application.overdue.v1', id)).toEqual([]);
      await ds.transaction((tx) => handler.execute(moved, tx, newDue));
      expect(await outbox('registration.application.overdue.v1', id)).toEqual([{ applicationId: id, kind: 'CHANGE', dueAt: newDue.toISOString() }]);

      // A decided request has no review to extend: 409 naming the state and the trigger.
      expect((await officerAct(id, 'decision', { outcome: 'REFUSE', reasons: ['Filed late without a reason'], reasonCode: 'FILED_LATE' })).status).toBe(200);
      const decided = await officerAct(id, 'extension', ask);
      expect(decided.status).toBe(409);
      expect(decided.body).toMatchObject({ type: `${PROBLEMS}registration-transition-not-allowed`, machine: 'change-request', state: 'REFUSED', trigger: 'extend' });
    } finally {
      clock.mockRestore();
    }
  });

  it('the applicant withdraws an undecided request (timers gone, a new change may be filed); only the own company’s applicant may', async () => {
    const { id } = await queueLateChange();
    expect((await officerAct(id, 'supplement-requests', notice)).status).toBe(200);
    expect((await applicantAct(id, 'withdrawal', {}, stranger)).status).toBe(404);
    expect((await applicantAct(id, 'withdrawal', {}, officer)).status).toBe(403);
    const withdrawn = await applicantAct(id, 'withdrawal');
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', decision: { outcome: 'WITHDRAW' } });
    expect(await outbox('registration.application.withdrawn.v1', id)).toEqual([{ applicationId: id, kind: 'CHANGE' }]);
    expect(await timerOf(CHANGE_REQUEST_LAPSE_TIMER, id)).toBeUndefined();
    expect(await timerOf(CHANGE_REQUEST_OVERDUE_TIMER, id)).toBeUndefined();
    expect((await applicantAct(id, 'withdrawal')).status).toBe(409);
  });

  it('an unanswered notice lapses at the end of the answer period (the lapse timer, controlled clock), freeing the company for another change', async () => {
    const { id } = await queueLateChange();
    expect((await officerAct(id, 'supplement-requests', notice)).status).toBe(200);
    const timer = await timerOf(CHANGE_REQUEST_LAPSE_TIMER, id);
    if (!timer) throw new Error('no lapse timer');
    const handler = app.get(LapseChangeRequestHandler);
    await ds.transaction((tx) => handler.execute(timer, tx, new Date(timer.dueAt.getTime() - 60_000)));
    expect((await getRequest(id)).body.status).toBe('SUPPLEMENT_REQUESTED');
    await ds.transaction((tx) => handler.execute(timer, tx, timer.dueAt));
    expect((await getRequest(id)).body).toMatchObject({ status: 'LAPSED', decision: { outcome: 'LAPSE' } });
    expect(await timerOf(CHANGE_REQUEST_OVERDUE_TIMER, id)).toBeUndefined();
    const next = await queueLateChange();
    expect(next.id).not.toBe(id);
  });

  it('states the roles of the change-request review operations in the OpenAPI document', async () => {
    const paths = (await http().get('/openapi.json')).body.paths;
    for (const p of ['supplement-requests', 'extension', 'decision']) expect(paths[`${PREFIX}/change-requests/{id}/${p}`].post['x-roles']).toEqual(['officer']);
    for (const p of ['resubmission', 'withdrawal']) expect(paths[`${PREFIX}/companies/{uscc}/change-requests/{id}/${p}`].post['x-roles']).toEqual(['applicant']);
  });
});

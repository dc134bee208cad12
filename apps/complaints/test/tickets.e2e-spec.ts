import { extendedDeadline } from '@one-window/complaints/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { ServiceUnderTest, startServiceUnderTest } from '@one-window/shared/platform';
import { testTokens } from '@one-window/shared/testing';
import { AppModule } from '../src/app.module';
import { complaintsService } from '../src/service';
import { AMR, complaintsApi, TH_HOUSING, YX_HOUSING, YX_STREET } from './complaints-api';

const calendar = WorkingCalendar.chinaMainland();
const dutyEvidence = [
  { kind: 'OWN_POWERS', ref: 'doc-powers' },
  { kind: 'OUTSIDE_POWERS', ref: 'doc-outside' },
];
const handlingDeadline = (dispatchedAt: string, wd = 10) => calendar.deadlineWorkingDays(new Date(dispatchedAt), wd).toISOString();

/** The 12345 ticket lifecycle over HTTP against the real database; events go through the outbox. */
describe('complaints: intake, dispatch, handling, audit, rating', () => {
  const tokens = testTokens();
  let svc: ServiceUnderTest;
  let api: ReturnType<typeof complaintsApi>;

  beforeAll(async () => {
    svc = await startServiceUnderTest(complaintsService, AppModule, { tokens });
    api = complaintsApi(svc, tokens);
  });
  afterAll(async () => {
    await svc?.close();
    tokens.cleanup();
  });

  it('happy path: online intake → registration with dispatch → accept → reply → submit → audit → rate → closed, every event in the outbox keyed by the submission', async () => {
    const { who, post, command, get, outbox } = api;
    const received = await post('/submissions', who.caller, { channel: 'WEB', content: 'The lift of building 3 is broken', serviceCode: 'HOUSING.REPAIR', area: '440104' });
    expect(received.status).toBe(201);
    expect(received.body).toMatchObject({ status: 'RECEIVED', channel: 'WEB', channelClass: 'NETWORK' });
    expect(received.headers.etag).toBe('"1"');

    const registered = await post(`/submissions/${received.body.id}/registration`, who.agent, { items: [{ type: 'COMPLAINT', scenarioCode: 'HOUSING.REPAIR', dispatch: {} }] });
    expect(registered.status).toBe(201);
    expect(registered.body.submission.status).toBe('REGISTERED');
    const ticket = registered.body.tickets[0];
    expect(ticket).toMatchObject({ state: 'DISPATCHED', unitId: YX_HOUSING, limitWd: 10 });
    expect(ticket.deadlineAt).toBe(handlingDeadline(ticket.dispatches[0].at));
    expect(ticket.clockStartAt).toBe(calendar.clockStart(new Date(ticket.dispatches[0].at)).toISOString());

    expect((await command(ticket.id, 'accept', who.unit)).body.state).toBe('IN_PROGRESS');
    const replied = await command(ticket.id, 'record-reply', who.unit, { outcome: 'REPLIED', method: 'PHONE', attempts: [new Date().toISOString()], evidenceRef: 'rec-001' });
    expect(replied.status).toBe(200);
    const submitted = await command(ticket.id, 'submit', who.unit, { outcomeCode: 'HANDLED', report: { process: { steps: 'Inspected the lift', result: 'Repaired' } } });
    expect(submitted.body.state).toBe('SUBMITTED');
    const audited = await command(ticket.id, 'audit', who.agent, { result: 'PASS' });
    expect(audited.body).toMatchObject({ state: 'AWAITING_RATING', onTime: true });
    expect(audited.body.ratingRequest.windowDueAt).toBe(calendar.deadlineNaturalDays(new Date(audited.body.ratingRequest.sentAt), 5).toISOString());
    const rated = await command(ticket.id, 'rate', who.caller, { grade: 'SATISFIED' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ state: 'CLOSED', closeReason: 'RATED', ratings: [{ grade: 'SATISFIED' }] });
    expect((await get(`/tickets/${ticket.id}`, who.caller)).body.state).toBe('CLOSED');

    const events = await outbox(received.body.id);
    expect(events.map((e) => e.type)).toEqual([
      'complaints.submission.received.v1',
      'complaints.ticket.registered.v1',
      'complaints.ticket.dispatched.v1',
      'complaints.ticket.accepted.v1',
      'complaints.ticket.reply_recorded.v1',
      'complaints.ticket.audited.v1',
      'complaints.ticket.submitted.v1',
      'complaints.ticket.rating_requested.v1',
      'complaints.ticket.rated.v1',
      'complaints.ticket.closed.v1',
    ]);
    expect(new Set(events.map((e) => e.aggregateId))).toEqual(new Set([received.body.id]));
    expect(events.find((e) => e.type === 'complaints.ticket.closed.v1')?.data).toMatchObject({ ticketId: ticket.id, closeReason: 'RATED', finalGrade: 'SATISFIED', onTime: true });
    const pending = await svc.dataSource.query(`SELECT kind FROM scheduling_timer WHERE key = $1 AND fired_at IS NULL AND cancelled_at IS NULL`, [ticket.id]);
    expect(pending).toEqual([]);
  });

  it('an approved return re-dispatches and restarts the clock from the new dispatch; a rejected one keeps the deadline (002 L1554)', async () => {
    const { who, command, outbox } = api;
    const approved = await api.dispatchedTicket();
    expect((await command(approved.ticket.id, 'request-return', who.unit, { disputeType: 'DUTY', reasons: ['Lift upkeep is the street office\u2019s'], evidence: dutyEvidence })).body.state).toBe('RETURN_REQUESTED');
    const redispatched = await command(approved.ticket.id, 'decide-return', who.agent, { decision: 'APPROVE', newUnitId: YX_STREET });
    expect(redispatched.status).toBe(200);
    expect(redispatched.body).toMatchObject({ state: 'DISPATCHED', unitId: YX_STREET });
    const second = redispatched.body.dispatches[1];
    expect(second).toMatchObject({ no: 2, unitId: YX_STREET, reason: 'RETURN_APPROVED' });
    expect(redispatched.body.clockStartAt).toBe(calendar.clockStart(new Date(second.at)).toISOString());
    expect(redispatched.body.deadlineAt).toBe(handlingDeadline(second.at));
    expect((await outbox(approved.submissionId)).find((e) => e.type === 'complaints.ticket.return_decided.v1')?.data).toMatchObject({ decision: 'APPROVED', clockEffect: 'RESTART' });
    // the former unit no longer sees it; the new one does
    expect((await api.get(`/tickets/${approved.ticket.id}`, who.unit)).status).toBe(404);
    expect((await api.get(`/tickets/${approved.ticket.id}`, who.street)).status).toBe(200);

    const rejected = await api.dispatchedTicket();
    await command(rejected.ticket.id, 'request-return', who.unit, { disputeType: 'DUTY', reasons: ['Not ours'], evidence: dutyEvidence });
    const kept = await command(rejected.ticket.id, 'decide-return', who.agent, { decision: 'REJECT', reason: 'Building lifts are the housing bureau\u2019s duty' });
    expect(kept.body).toMatchObject({ state: 'IN_PROGRESS', unitId: YX_HOUSING });
    expect(kept.body.deadlineAt).toBe(rejected.ticket.deadlineAt);
    expect(kept.body.deadlineAt).toBe(handlingDeadline(rejected.ticket.dispatches[0].at));
    expect((await outbox(rejected.submissionId)).find((e) => e.type === 'complaints.ticket.return_decided.v1')?.data).toMatchObject({ decision: 'REJECTED', clockEffect: 'CONTINUE' });
  });

  it('two extensions chain from the previous deadline; a third is refused (422); an illegal transition is 409 naming state and trigger', async () => {
    const { who, command } = api;
    const { ticket } = await api.dispatchedTicket();
    await command(ticket.id, 'accept', who.unit);
    const extend = () => command(ticket.id, 'extend', who.unit, { workingDays: 1, reason: 'Parts on order', publicReason: 'Waiting for a spare part' });
    const first = await extend();
    expect(first.status).toBe(200);
    const once = extendedDeadline(calendar, new Date(ticket.deadlineAt), 1);
    expect(first.body.deadlineAt).toBe(once.toISOString());
    expect((await extend()).body.deadlineAt).toBe(extendedDeadline(calendar, once, 1).toISOString());
    const third = await extend();
    expect(third.status).toBe(422);
    expect(third.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(third.body).toMatchObject({ type: 'https://one-window.gov.cn/problems/complaints-extension-max-count-reached', used: 2 });

    const again = await command(ticket.id, 'accept', who.unit);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: 'https://one-window.gov.cn/problems/complaints-transition-not-allowed', state: 'IN_PROGRESS', trigger: 'accept' });
  });

  it('re-handling after a dissatisfied rating: a return is refused, and so is an extension (002 L1642)', async () => {
    const { who, command } = api;
    const { ticket } = await api.dispatchedTicket({ online: true });
    await command(ticket.id, 'accept', who.unit);
    await command(ticket.id, 'record-reply', who.unit, { outcome: 'REPLIED', method: 'SMS', evidenceRef: 'sms-1' });
    await command(ticket.id, 'submit', who.unit, { outcomeCode: 'HANDLED', report: { process: { steps: 'Inspected', result: 'Repaired' } } });
    await command(ticket.id, 'audit', who.agent, { result: 'PASS' });
    expect((await command(ticket.id, 'rate', who.caller, { grade: 'DISSATISFIED' })).body.state).toBe('CALLBACK_PENDING');
    const reopened = await command(ticket.id, 'reopen-for-rehandling', who.agent, { callback: { channel: 'PHONE', reason: 'The lift broke again' } });
    expect(reopened.body).toMatchObject({ state: 'REHANDLING', round: 2, rehandled: true });
    const returned = await command(ticket.id, 'request-return', who.unit, { disputeType: 'DUTY', reasons: ['Not ours'], evidence: dutyEvidence });
    expect(returned.status).toBe(422);
    expect(returned.body.type).toBe('https://one-window.gov.cn/problems/complaints-return-not-during-rehandling');
    const extended = await command(ticket.id, 'extend', who.unit, { workingDays: 1, reason: 'r', publicReason: 'p' });
    expect(extended.status).toBe(422);
    expect(extended.body.type).toBe('https://one-window.gov.cn/problems/complaints-extension-not-during-rehandling');
  });

  it('scoping: a unit of another agency sees 404 and not in its list; a caller sees only their own', async () => {
    const { who, get, command } = api;
    const mine = await api.dispatchedTicket({ online: true });
    expect((await get(`/tickets/${mine.ticket.id}`, who.otherUnit)).status).toBe(404);
    expect((await command(mine.ticket.id, 'accept', who.otherUnit)).status).toBe(404);
    expect((await get(`/tickets?state=DISPATCHED`, who.otherUnit)).body.items.map((t: { id: string }) => t.id)).not.toContain(mine.ticket.id);
    const unitList = (await get(`/tickets?state=DISPATCHED&unitId=${TH_HOUSING}`, who.unit)).body.items as { id: string; unitId: string }[];
    expect(unitList.map((t) => t.id)).toContain(mine.ticket.id); // an officer's unitId filter is ignored: always its own unit
    expect(new Set(unitList.map((t) => t.unitId))).toEqual(new Set([YX_HOUSING]));

    expect((await get(`/submissions/${mine.submissionId}`, who.caller)).status).toBe(200);
    expect((await get(`/submissions/${mine.submissionId}`, who.otherCaller)).status).toBe(404);
    expect((await get(`/tickets/${mine.ticket.id}`, who.otherCaller)).status).toBe(404);
    expect((await command(mine.ticket.id, 'withdraw', who.otherCaller)).status).toBe(404);
    const own = (await get('/tickets', who.caller)).body.items as { id: string }[];
    expect(own.map((t) => t.id)).toContain(mine.ticket.id);
    expect((await get('/tickets', who.otherCaller)).body.items.map((t: { id: string }) => t.id)).not.toContain(mine.ticket.id);
    // paging
    const page = await get('/tickets?limit=1', who.caller);
    expect(page.body.items).toHaveLength(1);
    if (own.length > 1) expect(page.body.next).toBe(page.body.items[0].id);
  });

  it('confidentiality: a REPORT caller\u2019s identity never reaches the unit, hidden fields are withheld, events carry no personal data; agents read it audit-logged', async () => {
    const { who, get } = api;
    const report = await api.dispatchedTicket({ type: 'REPORT', scenarioCode: 'MARKET.CONSUMER', caller: { name: '王小明', phone: '13900001111', idNumber: '440106199001011234' } });
    expect(report.ticket.unitId).toBe(AMR);
    const seen = await get(`/tickets/${report.ticket.id}`, who.amr);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ caller: {}, contactViaCentre: true });
    expect(seen.body.withheldFields.sort()).toEqual(['idNumber', 'name', 'phone']);
    expect(JSON.stringify(seen.body)).not.toMatch(/王小明|13900001111|440106199001011234/);

    const hidden = await api.dispatchedTicket({ caller: { name: '李四', phone: '13700002222' }, hiddenFields: ['name'] });
    const unitView = await get(`/tickets/${hidden.ticket.id}`, who.unit);
    expect(unitView.body).toMatchObject({ caller: { phone: '13700002222' }, withheldFields: ['name'], contactViaCentre: false });

    const agentView = await get(`/tickets/${report.ticket.id}`, who.agent);
    expect(agentView.body.caller).toEqual({ name: '王*', phone: '139****1111', idNumber: '440106********1234' });
    const identity = await get(`/submissions/${report.submissionId}/caller`, who.agent);
    expect(identity.body.details).toMatchObject({ name: '王小明', phone: '13900001111' });
    expect((await get(`/submissions/${report.submissionId}/caller`, who.amr)).status).toBe(403);
    const audit = await svc.dataSource.query(`SELECT action FROM audit_log WHERE resource = $1`, [`/submissions/${report.submissionId}/caller`]);
    expect(audit).toEqual([{ action: 'READ caller identity' }]);

    const payloads = (await svc.dataSource.query(`SELECT payload FROM messaging_outbox`)).map((r: { payload: string }) => r.payload).join('\n');
    expect(payloads).not.toMatch(/王小明|李四|13900001111|13700002222|440106199001011234/);
    const stored = (await svc.dataSource.query(`SELECT data::text AS d FROM ticket UNION ALL SELECT data::text FROM submission`)).map((r: { d: string }) => r.d).join('\n');
    expect(stored).not.toMatch(/王小明|13900001111/);
  });

  it('bad input is 400 naming each field; a stale If-Match is 412', async () => {
    const { who, post, command, get } = api;
    const bad = await post('/submissions', who.agent, { channel: 'FAX', content: '', hiddenFields: ['shoeSize'], caller: { phone: 'call me' }, colour: 'red' });
    expect(bad.status).toBe(400);
    const fields = [...new Set(bad.body.violations.map((v: { field: string }) => v.field))] as string[];
    expect(fields).toEqual(expect.arrayContaining(['channel', 'content', 'colour', 'caller.phone']));
    expect(fields.some((f) => f.startsWith('hiddenFields'))).toBe(true);

    const { ticket } = await api.dispatchedTicket();
    const badExtend = await command(ticket.id, 'extend', who.unit, { workingDays: 0, reason: '' });
    expect(badExtend.status).toBe(400);
    expect([...new Set(badExtend.body.violations.map((v: { field: string }) => v.field))].sort()).toEqual(['publicReason', 'reason', 'workingDays']);

    const read = await get(`/tickets/${ticket.id}`, who.unit);
    const etag = read.headers.etag;
    expect(etag).toMatch(/^"\d+"$/);
    const accepted = await command(ticket.id, 'accept', who.unit, {}, { 'If-Match': etag });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.etag).not.toBe(etag);
    const stale = await command(ticket.id, 'extend', who.unit, { workingDays: 1, reason: 'r', publicReason: 'p' }, { 'If-Match': etag });
    expect(stale.status).toBe(412);
    expect(stale.headers.etag).toBe(accepted.headers.etag);
  });
});

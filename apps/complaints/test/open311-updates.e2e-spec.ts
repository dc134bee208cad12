import { toW3cDateTime } from '@one-window/complaints/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { ServiceUnderTest, startServiceUnderTest } from '@one-window/shared/platform';
import { testTokens } from '@one-window/shared/testing';
import { AppModule } from '../src/app.module';
import { complaintsService } from '../src/service';
import { complaintsApi, PREFIX, YX_HOUSING } from './complaints-api';

const calendar = WorkingCalendar.chinaMainland();
const O311 = `${PREFIX}/open311/v2`;
const API_KEY = 'dev-open311-key';
const DAY = 86_400_000;
const YX_HOUSING_NAME = '越秀区住房和建设局';
const W3C_GZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
const PHONE = '13812345678';
const PERSONAL = ['Lei', PHONE, 'li.lei@example.com', '13900001111'];

/** A FixMyStreet-like form POST /requests, filed by `phone` with the client's account id. */
const fmsRequest = (accountId: string) =>
  [
    `api_key=${API_KEY}`,
    'service_code=HOUSING.REPAIR',
    `address_string=${encodeURIComponent('越秀区北京路 1 号 3 栋')}`,
    `description=${encodeURIComponent('The lift of building 3 has been broken for a month')}`,
    'attribute[request_type]=COMPLAINT',
    'attribute[district]=440104',
    'first_name=Lei',
    'last_name=Li',
    `phone=${PHONE}`,
    'email=li.lei@example.com',
    `account_id=${accountId}`,
  ].join('&');

type Update = { update_id: string; service_request_id: string; status: string; updated_datetime: string; description: string; media_url: string; external_status_code: string };

/** FixMyStreet servicerequestupdates (GET and POST) and the long-running `action_scheduled` mapping, end to end (spec §7). */
describe('complaints: Open311 FMS service request updates', () => {
  const tokens = testTokens();
  let svc: ServiceUnderTest;
  let api: ReturnType<typeof complaintsApi>;
  const seen: string[] = [];

  beforeAll(async () => {
    svc = await startServiceUnderTest(complaintsService, AppModule, { tokens });
    api = complaintsApi(svc, tokens);
  });
  afterAll(async () => {
    await svc?.close();
    tokens.cleanup();
  });

  const keep = <T extends { text: string }>(res: T): T => {
    seen.push(res.text);
    return res;
  };
  const o311Get = async (path: string) => keep(await api.http().get(`${O311}${path}`));
  const fmsPost = async (path: string, body: string) => keep(await api.http().post(`${O311}${path}`).set('Content-Type', 'application/x-www-form-urlencoded').send(body));
  const postUpdate = (fields: Record<string, string>) =>
    fmsPost(
      '/servicerequestupdates.json',
      Object.entries({ api_key: API_KEY, ...fields })
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join('&'),
    );
  const updatesOf = async (id: string, query = ''): Promise<Update[]> => {
    const res = await o311Get(`/servicerequestupdates.json${query}`);
    expect(res.status).toBe(200);
    return (res.body as Update[]).filter((u) => u.service_request_id === id);
  };
  const filed = async (accountId: string): Promise<string> => {
    const posted = await fmsPost('/requests.json', fmsRequest(accountId));
    expect(posted.status).toBe(200);
    return posted.body[0].service_request_id as string;
  };

  it('GET: one update per public transition (registered, dispatched, extended with the new deadline, closed), extended statuses, oldest first; the 90-day window; XML', async () => {
    const id = await filed('fms-user-1');
    expect(await updatesOf(id)).toEqual([]); // received, not registered: no ticket transition yet
    const registered = await api.post(`/submissions/${id}/registration`, api.who.agent, { items: [{ type: 'COMPLAINT', scenarioCode: 'HOUSING.REPAIR', dispatch: {} }] });
    expect(registered.status).toBe(201);
    const ticket = registered.body.tickets[0] as { id: string };
    expect((await api.command(ticket.id, 'accept', api.who.unit)).status).toBe(200);
    const extended = await api.command(ticket.id, 'extend', api.who.unit, { workingDays: 1, reason: 'Parts on order from the maker', publicReason: 'Waiting for a spare part' });
    expect(extended.status).toBe(200);
    const deadlineDay = toW3cDateTime(new Date(new Date(extended.body.deadlineAt).getTime() - 1), calendar).slice(0, 10);

    const open = await updatesOf(id);
    expect(open.map((u) => [u.status, u.external_status_code])).toEqual([
      ['open', 'REGISTERED'],
      ['investigating', 'DISPATCHED'],
      ['in_progress', 'IN_PROGRESS'],
    ]);
    expect(open[1].description).toBe(`已派单 Dispatched to ${YX_HOUSING_NAME}`);
    expect(open[2].description).toBe(`已延期 Deadline extended to ${deadlineDay}: Waiting for a spare part`);
    expect(open[2].description).not.toContain('Parts on order'); // the internal reason stays internal
    for (const u of open) {
      expect(u).toEqual({ update_id: expect.stringMatching(new RegExp(`^${ticket.id}:\\d+$`)), service_request_id: id, status: expect.any(String), updated_datetime: expect.stringMatching(W3C_GZ), description: expect.any(String), media_url: '', external_status_code: expect.any(String) });
    }

    const withdrawn = await api.command(ticket.id, 'withdraw', api.who.agent, { callerPhone: PHONE });
    expect(withdrawn.status).toBe(200);
    const all = await updatesOf(id);
    expect(all.slice(0, 3)).toEqual(open); // stable ids
    expect(all[3]).toMatchObject({ status: 'closed', external_status_code: 'CLOSED:WITHDRAWN', description: '已撤回 Closed: withdrawn by the caller', updated_datetime: toW3cDateTime(new Date(withdrawn.body.closedAt), calendar) });

    // the window: ending before the registration leaves them out; exactly 90 days is fine, more is 400
    const before = new Date(Date.now() - 10 * 60_000);
    expect(await updatesOf(id, `?start_date=${encodeURIComponent(toW3cDateTime(new Date(before.getTime() - 5 * DAY), calendar))}&end_date=${encodeURIComponent(toW3cDateTime(before, calendar))}`)).toEqual([]);
    const end = new Date(Date.now() + 60_000);
    const start90 = new Date(end.getTime() - 90 * DAY);
    expect(await updatesOf(id, `?start_date=${encodeURIComponent(toW3cDateTime(start90, calendar))}&end_date=${encodeURIComponent(toW3cDateTime(end, calendar))}`)).toHaveLength(4);
    const tooWide = await o311Get(`/servicerequestupdates.json?start_date=${encodeURIComponent(toW3cDateTime(new Date(start90.getTime() - 1000), calendar))}&end_date=${encodeURIComponent(toW3cDateTime(end, calendar))}`);
    expect(tooWide.status).toBe(400);
    expect(tooWide.body).toEqual([{ code: 400, description: 'The date window may not span more than 90 days' }]);
    expect((await o311Get('/servicerequestupdates.json?start_date=yesterday')).status).toBe(400);

    const xml = await o311Get('/servicerequestupdates.xml');
    expect(xml.status).toBe(200);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xml.text).toContain(`<request_update><update_id>${all[0].update_id}</update_id><service_request_id>${id}</service_request_id><status>open</status>`);
    expect(xml.text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<service_request_updates>')).toBe(true);
  });

  it('POST: only the original submitter (same phone or account); the supplement while awaited, added facts while handled, status=closed withdraws; then closed', async () => {
    const id = await filed('fms-user-9');
    // not registered yet
    const early = await postUpdate({ service_request_id: id, description: 'More details', phone: PHONE });
    expect(early.status).toBe(400);
    expect(early.body[0].description).toMatch(/not registered yet/);

    expect((await api.post(`/submissions/${id}/supplement-request`, api.who.agent, { missing: ['the unit number'] })).body).toMatchObject({ status: 'AWAITING_SUPPLEMENT' });
    // someone else: another phone, another account id, another e-mail, no proof at all
    const others: Record<string, string>[] = [{ phone: '13900001111' }, { account_id: 'fms-user-10' }, { email: 'someone@example.com' }, {}];
    for (const other of others) {
      const refused = await postUpdate({ service_request_id: id, description: 'I am not the submitter', ...other });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual([{ code: 403, description: expect.stringMatching(/Only the original submitter/) }]);
    }
    expect((await postUpdate({ service_request_id: 'no-such-request', description: 'x', phone: PHONE })).status).toBe(404);
    expect((await api.http().post(`${O311}/servicerequestupdates.json`).send({ service_request_id: id, description: 'no key' })).status).toBe(403);
    expect((await postUpdate({ service_request_id: id, phone: PHONE })).status).toBe(400); // description required

    const supplied = await postUpdate({ service_request_id: id, update_id: 'fms-1', description: 'Unit 502, the east lift', account_id: 'fms-user-9' });
    expect(supplied.status).toBe(200);
    expect(supplied.body).toEqual([{ update_id: expect.stringContaining(`${id}:fms:`) }]);
    const afterSupplement = await api.get(`/submissions/${id}`, api.who.agent);
    expect(afterSupplement.body).toMatchObject({ status: 'RECEIVED', supplement: { suppliedAt: expect.any(String) } });
    expect(afterSupplement.body.content).toContain('[supplement] Unit 502, the east lift');
    expect((await api.outbox(id)).map((e) => e.type)).toContain('complaints.submission.supplemented.v1');

    const registered = await api.post(`/submissions/${id}/registration`, api.who.agent, { items: [{ type: 'COMPLAINT', scenarioCode: 'HOUSING.REPAIR', dispatch: {} }] });
    const ticketId = registered.body.tickets[0].id as string;
    expect(registered.body.tickets[0].unitId).toBe(YX_HOUSING);
    expect((await postUpdate({ service_request_id: id, description: 'I am someone else', phone: '13900001111' })).status).toBe(403);
    expect((await api.command(ticketId, 'accept', api.who.unit)).status).toBe(200);
    const facts = await postUpdate({ service_request_id: id, update_id: 'fms-2', description: 'The lift also makes a grinding noise', phone: PHONE, media_url: 'https://fms.example.org/photo/4712.jpeg' });
    expect(facts.status).toBe(200);
    const ticket = await api.get(`/tickets/${ticketId}`, api.who.unit);
    expect(ticket.body.facts).toEqual([expect.objectContaining({ summary: 'The lift also makes a grinding noise\n[media] https://fms.example.org/photo/4712.jpeg' })]);
    const factsEvent = (await api.outbox(id)).find((e) => e.type === 'complaints.ticket.facts_added.v1');
    expect(factsEvent?.data).toMatchObject({ ticketId, actor: { role: 'integrator' } });

    const withdrawal = await postUpdate({ service_request_id: id, update_id: 'fms-3', status: 'closed', account_id: 'fms-user-9' });
    expect(withdrawal.status).toBe(200);
    expect((await api.get(`/tickets/${ticketId}`, api.who.agent)).body).toMatchObject({ state: 'CLOSED', closeReason: 'WITHDRAWN' });
    expect((await o311Get(`/requests/${id}.json`)).body[0]).toMatchObject({ status: 'closed', status_notes: '已撤回 Closed: withdrawn by the caller' });
    expect((await updatesOf(id)).pop()).toMatchObject({ status: 'closed', external_status_code: 'CLOSED:WITHDRAWN' });

    const late = await postUpdate({ service_request_id: id, description: 'One more thing', phone: PHONE });
    expect(late.status).toBe(400);
    expect(late.body[0].description).toMatch(/closed/);
    expect((await postUpdate({ service_request_id: id, status: 'closed', phone: PHONE })).status).toBe(400);
  });

  it('action_scheduled: a ticket added to a long-running issue carries longRunningIssueId; Open311 shows it in progress as action_scheduled', async () => {
    const { submissionId, ticket } = await api.dispatchedTicket({ online: true });
    expect((await api.command(ticket.id, 'accept', api.who.unit)).status).toBe(200);
    const flagged = await api.post('/long-running-issues', api.who.agent, { unitId: YX_HOUSING, title: 'Old lifts in the district', ticketIds: [ticket.id] });
    expect(flagged.status).toBe(201);
    const issueId = flagged.body.id as string;
    expect((await api.get(`/tickets/${ticket.id}`, api.who.unit)).body).toMatchObject({ state: 'IN_PROGRESS', longRunningIssueId: issueId });

    const request = (await o311Get(`/requests/${submissionId}.json`)).body[0];
    expect(request).toMatchObject({ status: 'open', status_notes: expect.stringContaining('long-running issue') });
    const updates = await updatesOf(submissionId);
    expect(updates.map((u) => [u.update_id, u.status, u.external_status_code]).pop()).toEqual([`${ticket.id}:issue`, 'action_scheduled', 'IN_PROGRESS']);
    expect(updates.filter((u) => u.status === 'action_scheduled')).toHaveLength(1);

    // a ticket added later gets the issue too; the one before joining is still plain in_progress
    const second = await api.dispatchedTicket({ online: true });
    expect((await api.command(second.ticket.id, 'accept', api.who.unit)).status).toBe(200);
    expect((await api.get(`/tickets/${second.ticket.id}`, api.who.unit)).body.longRunningIssueId).toBeNull();
    expect((await api.post(`/long-running-issues/${issueId}/tickets`, api.who.agent, { ticketId: second.ticket.id })).status).toBe(200);
    expect((await api.get(`/tickets/${second.ticket.id}`, api.who.unit)).body.longRunningIssueId).toBe(issueId);
    expect((await updatesOf(second.submissionId)).pop()).toMatchObject({ status: 'action_scheduled', external_status_code: 'IN_PROGRESS' });
  });

  it('no Open311 response ever carried a caller\u2019s name, phone or e-mail', () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const text of seen) for (const value of PERSONAL) expect(text).not.toContain(value);
  });
});

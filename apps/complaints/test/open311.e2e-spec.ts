import { toW3cDateTime } from '@one-window/complaints/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { ServiceUnderTest, startServiceUnderTest } from '@one-window/shared/platform';
import { openApiProblems, testTokens } from '@one-window/shared/testing';
import { AppModule } from '../src/app.module';
import { complaintsService } from '../src/service';
import { AMR, complaintsApi, PREFIX, YX_HOUSING } from './complaints-api';

const calendar = WorkingCalendar.chinaMainland();
const O311 = `${PREFIX}/open311/v2`;
const API_KEY = 'dev-open311-key';
const DAY = 86_400_000;
const YX_HOUSING_NAME = '越秀区住房和建设局';
const AMR_NAME = '广州市市场监督管理局';
const W3C_GZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/** What a GeoReport v2 client such as FixMyStreet posts, form-encoded (with a custom attribute the definition does not know). */
const FMS_BODY = [
  `api_key=${API_KEY}`,
  'service_code=HOUSING.REPAIR',
  'lat=23.1291',
  'long=113.2644',
  `address_string=${encodeURIComponent('越秀区北京路 1 号 3 栋')}`,
  `description=${encodeURIComponent('The lift of building 3 has been broken for a month; call me on 13812345678')}`,
  'attribute[request_type]=COMPLAINT',
  'attribute[district]=440104',
  'attribute[fixmystreet_id]=4711',
  'first_name=Lei',
  'last_name=Li',
  'phone=13812345678',
  'email=li.lei@example.com',
  'media_url=https://fms.example.org/photo/4711.jpeg',
].join('&');

const PERSONAL = ['Lei', '13812345678', 'li.lei@example.com', '440106199001011234', '13900001111', '梅梅'];

/** Open311 GeoReport v2 at /open311/v2 against the real database and broker (spec §7). */
describe('complaints: Open311 GeoReport v2', () => {
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

  /** Every Open311 response body is kept: none may carry the callers' personal data. */
  const keep = <T extends { text: string }>(res: T): T => {
    seen.push(res.text);
    return res;
  };
  const o311Get = async (path: string, headers: Record<string, string> = {}) => keep(await api.http().get(`${O311}${path}`).set(headers));
  const o311Form = async (body: string, headers: Record<string, string> = {}) =>
    keep(await api.http().post(`${O311}/requests.json`).set('Content-Type', 'application/x-www-form-urlencoded').set(headers).send(body));
  const o311Json = async (body: object, headers: Record<string, string> = {}) => keep(await api.http().post(`${O311}/requests.json`).set(headers).send(body));
  const expectOpen311Error = (res: { status: number; headers: Record<string, string>; body: unknown }, status: number, description: RegExp) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual([{ code: status, description: expect.stringMatching(description) }]);
  };

  it('discovery, services and service definitions have the GeoReport v2 shapes; XML from the same documents', async () => {
    const discovery = await o311Get('/discovery.json');
    expect(discovery.status).toBe(200);
    expect(discovery.body).toMatchObject({ changeset: expect.any(String), contact: expect.any(String) });
    expect(discovery.body.endpoints).toEqual([
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: expect.stringMatching(/\/api\/v1\/complaints\/open311\/v2$/), changeset: expect.any(String), type: 'test', formats: ['application/json', 'text/xml'] },
    ]);

    const services = await o311Get('/services.json?jurisdiction_id=CN-44-01');
    expect(services.status).toBe(200);
    const codes = (services.body as { service_code: string }[]).map((s) => s.service_code);
    expect(codes).toEqual(expect.arrayContaining(['HOUSING.REPAIR', 'STREET.NOISE', 'WATER.SUPPLY', 'MARKET.CONSUMER']));
    expect(codes).not.toContain('HOUSING.LIFT_SUBSIDY'); // not published
    expect(services.body.find((s: { service_code: string }) => s.service_code === 'HOUSING.REPAIR')).toEqual({
      service_code: 'HOUSING.REPAIR',
      service_name: expect.any(String),
      description: expect.any(String),
      metadata: true,
      type: 'realtime',
      keywords: expect.stringContaining('lift'),
      group: expect.any(String),
    });
    expect(services.body.find((s: { service_code: string }) => s.service_code === 'WATER.SUPPLY').type).toBe('batch');
    expectOpen311Error(await o311Get('/services.json?jurisdiction_id=XX-00'), 404, /jurisdiction_id/);

    const definition = await o311Get('/services/HOUSING.REPAIR.json');
    expect(definition.status).toBe(200);
    expect(definition.body.service_code).toBe('HOUSING.REPAIR');
    const attrs = definition.body.attributes as { code: string; datatype: string; order: number; variable: boolean; required: boolean; values?: { key: string }[] }[];
    expect(attrs.map((a) => a.code)).toEqual(['district', 'building', 'request_type', 'hide_fields', 'uscc']);
    expect(attrs.map((a) => a.order)).toEqual([1, 2, 3, 4, 5]);
    expect(attrs.find((a) => a.code === 'request_type')).toMatchObject({ variable: true, datatype: 'singlevaluelist', required: true });
    expect(attrs.find((a) => a.code === 'request_type')?.values?.map((v) => v.key)).toEqual(['CONSULTATION', 'HELP', 'COMPLAINT', 'REPORT', 'SUGGESTION', 'PRAISE']);
    expect(attrs.find((a) => a.code === 'hide_fields')).toMatchObject({ datatype: 'multivaluelist', required: false });
    // a template that fixes the type has no request_type
    expect(((await o311Get('/services/WATER.SUPPLY.json')).body.attributes as { code: string }[]).map((a) => a.code)).not.toContain('request_type');
    expectOpen311Error(await o311Get('/services/NO.SUCH.json'), 404, /service_code NO\.SUCH not found/);
    expectOpen311Error(await o311Get('/services/HOUSING.LIFT_SUBSIDY.json'), 404, /not found/);

    const xml = await o311Get('/services.xml');
    expect(xml.status).toBe(200);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>HOUSING\.REPAIR<\/service_code>/);
    const defXml = await o311Get('/services/HOUSING.REPAIR.xml');
    expect(defXml.text).toContain('<service_definition><service_code>HOUSING.REPAIR</service_code><attributes><attribute><variable>true</variable><code>district</code>');
    expect(defXml.text).toContain('<values><value><key>440103</key>');
    const xmlError = await o311Get('/requests/00000000-0000-4000-8000-000000000000.xml');
    expect(xmlError.status).toBe(404);
    expect(xmlError.text).toContain('<errors><error><code>404</code><description>');
    // unknown format, and paths without a suffix: Open311 errors, not problem+json
    expectOpen311Error(await o311Get('/services.csv'), 400, /format/);
    expectOpen311Error(await o311Get('/services'), 404, /\.json or \.xml/);
  });

  it('a FixMyStreet-like form POST creates an OPEN311 submission; the agent registers and dispatches it natively; Open311 shows open, agency, expected datetime, then closed with status notes', async () => {
    const posted = await o311Form(FMS_BODY);
    expect(posted.status).toBe(200);
    expect(posted.body).toEqual([{ service_request_id: expect.any(String), service_notice: 'dispatched within 1 working day; answered within 10 working days; up to 2 extensions' }]);
    const id = posted.body[0].service_request_id as string;

    // the same Submission through the native API: channel OPEN311, the caller's identity kept apart
    const native = await api.get(`/submissions/${id}`, api.who.agent);
    expect(native.body).toMatchObject({ channel: 'OPEN311', channelClass: 'NETWORK', status: 'RECEIVED', serviceCode: 'HOUSING.REPAIR', area: '440104' });
    expect((await api.get(`/submissions/${id}/caller`, api.who.agent)).body.details).toEqual({ name: 'Lei Li', phone: '13812345678', email: 'li.lei@example.com' });
    expect((await api.outbox(id)).map((e) => e.type)).toEqual(['complaints.submission.received.v1']);

    const received = await o311Get(`/requests/${id}.json`);
    expect(received.status).toBe(200);
    expect(received.body).toHaveLength(1);
    const r0 = received.body[0];
    expect(r0).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'HOUSING.REPAIR',
      service_name: expect.any(String),
      address: '越秀区北京路 1 号 3 栋',
      lat: 23.1291,
      long: 113.2644,
      media_url: 'https://fms.example.org/photo/4711.jpeg',
      status_notes: expect.stringContaining('Received'),
    });
    expect(r0.description).toContain('The lift of building 3'); // PUBLIC template: description shown …
    expect(r0.description).not.toContain('13812345678'); // … with phone numbers masked
    expect(r0.requested_datetime).toMatch(W3C_GZ);
    expect(r0.updated_datetime).toMatch(W3C_GZ);
    expect(r0).not.toHaveProperty('expected_datetime');
    expect(r0).not.toHaveProperty('agency_responsible');

    const registered = await api.post(`/submissions/${id}/registration`, api.who.agent, { items: [{ type: 'COMPLAINT', scenarioCode: 'HOUSING.REPAIR', dispatch: {} }] });
    expect(registered.status).toBe(201);
    const ticket = registered.body.tickets[0] as { id: string; unitId: string; deadlineAt: string };
    expect(ticket.unitId).toBe(YX_HOUSING); // the district attribute routed it through the catalogue
    const dispatched = (await o311Get(`/requests/${id}.json`)).body[0];
    expect(dispatched).toMatchObject({
      status: 'open',
      agency_responsible: YX_HOUSING_NAME,
      expected_datetime: toW3cDateTime(new Date(new Date(ticket.deadlineAt).getTime() - 1), calendar),
      status_notes: `已派单 Dispatched to ${YX_HOUSING_NAME}`,
    });
    expect(dispatched.expected_datetime).toMatch(/T23:59:59\+08:00$/);

    expect((await api.command(ticket.id, 'accept', api.who.unit)).status).toBe(200);
    const extended = await api.command(ticket.id, 'extend', api.who.unit, { workingDays: 1, reason: 'Parts on order from the maker', publicReason: 'Waiting for a spare part' });
    expect(extended.status).toBe(200);
    const inProgress = (await o311Get(`/requests/${id}.json`)).body[0];
    expect(inProgress.status_notes).toBe(`办理中 Being handled by ${YX_HOUSING_NAME}; deadline extended: Waiting for a spare part`);
    expect(inProgress.expected_datetime).toBe(toW3cDateTime(new Date(new Date(extended.body.deadlineAt).getTime() - 1), calendar));

    const withdrawn = await api.command(ticket.id, 'withdraw', api.who.agent, { callerPhone: '13812345678' });
    expect(withdrawn.status).toBe(200);
    const closed = (await o311Get(`/requests/${id}.json`)).body[0];
    expect(closed).toMatchObject({ status: 'closed', status_notes: '已撤回 Closed: withdrawn by the caller', agency_responsible: YX_HOUSING_NAME });
    expect(closed).not.toHaveProperty('expected_datetime');
    expect(closed.updated_datetime).toBe(toW3cDateTime(new Date(withdrawn.body.closedAt), calendar));
  });

  it('a realNameRequired template needs an applicant token (else 400); JSON bodies work; the full handling closes it "fixed"; SUMMARY hides the description from the public, not from the submitter', async () => {
    const body = {
      api_key: API_KEY,
      service_code: 'MARKET.CONSUMER',
      first_name: '梅梅',
      last_name: '韩',
      phone: '13900001111',
      description: 'The shop refuses to refund a broken fridge',
      attribute: { id_number: '440106199001011234', merchant: '某某电器行', amount: '1999' },
    };
    expectOpen311Error(await o311Json(body), 400, /^real-name identity required/);
    const applicant = tokens.token({ sub: 'citizen-311', roles: ['applicant'] });
    const bearer = { Authorization: `Bearer ${applicant}` };
    expectOpen311Error(await o311Json({ ...body, phone: undefined }, bearer), 400, /^real-name identity required: give phone/);
    expectOpen311Error(await o311Json(body, { Authorization: 'Bearer not-a-token' }), 403, /access token/);
    const posted = await o311Json(body, bearer);
    expect(posted.status).toBe(200);
    const id = posted.body[0].service_request_id as string;
    expect((await api.get(`/submissions/${id}/caller`, api.who.agent)).body.details).toEqual({ name: '韩梅梅', phone: '13900001111', idNumber: '440106199001011234' });

    const registered = await api.post(`/submissions/${id}/registration`, api.who.agent, { items: [{ type: 'COMPLAINT', scenarioCode: 'MARKET.CONSUMER', dispatch: {} }] });
    expect(registered.status).toBe(201);
    const ticket = registered.body.tickets[0];
    expect(ticket.unitId).toBe(AMR);
    const caller = tokens.token({ sub: 'citizen-311', roles: ['applicant'] });
    expect((await api.command(ticket.id, 'accept', api.who.amr)).status).toBe(200);
    expect((await api.command(ticket.id, 'record-reply', api.who.amr, { outcome: 'REPLIED', method: 'PHONE', attempts: [new Date().toISOString()], evidenceRef: 'rec-311' })).status).toBe(200);
    expect((await api.command(ticket.id, 'submit', api.who.amr, { outcomeCode: 'HANDLED', report: { process: { steps: 'Mediated with the shop', result: 'Refunded' } } })).status).toBe(200);
    expect((await api.command(ticket.id, 'audit', api.who.agent, { result: 'PASS' })).status).toBe(200);
    const rated = await api.command(ticket.id, 'rate', caller, { grade: 'SATISFIED' });
    expect(rated.body).toMatchObject({ state: 'CLOSED' });

    const publicView = (await o311Get(`/requests/${id}.json`)).body[0];
    expect(publicView).toMatchObject({ status: 'closed', agency_responsible: AMR_NAME, status_notes: `已办结 Closed: handled by ${AMR_NAME}` });
    expect(publicView).not.toHaveProperty('description'); // SUMMARY
    const ownView = (await o311Get(`/requests/${id}.json`, bearer)).body[0];
    expect(ownView.description).toBe('The shop refuses to refund a broken fridge');
  });

  it('batch templates answer with a token: [] until registered, then the id; unknown token 404', async () => {
    const posted = await o311Form(`api_key=${API_KEY}&service_code=WATER.SUPPLY&address_string=${encodeURIComponent('天河路 100 号')}&description=No+water+since+this+morning`);
    expect(posted.status).toBe(200);
    expect(posted.body).toEqual([{ token: expect.stringMatching(/^[0-9a-f-]{36}$/), service_notice: 'dispatched within 1 working day; answered within 10 working days; up to 2 extensions' }]);
    const token = posted.body[0].token as string;
    const before = await o311Get(`/tokens/${token}.json`);
    expect(before.status).toBe(200);
    expect(before.body).toEqual([]);

    const [row] = await svc.dataSource.query(`SELECT id FROM open311_request WHERE token = $1`, [token]);
    expect((await api.post(`/submissions/${row.id}/registration`, api.who.agent, { items: [{ type: 'HELP', scenarioCode: 'WATER.SUPPLY', dispatch: {} }] })).status).toBe(201);
    expect((await o311Get(`/tokens/${token}.json`)).body).toEqual([{ service_request_id: row.id, token }]);
    expect((await o311Get(`/tokens/${token}.xml`)).text).toContain(`<service_requests><request><service_request_id>${row.id}</service_request_id><token>${token}</token></request></service_requests>`);
    expectOpen311Error(await o311Get('/tokens/00000000-0000-4000-8000-000000000000.json'), 404, /token/);
  });

  it('api keys: missing or unknown → 403 Open311 error; invalid requests → 400 with every problem listed; Idempotency-Key replays', async () => {
    expectOpen311Error(await o311Form(FMS_BODY.replace(`api_key=${API_KEY}`, 'api_key=stolen')), 403, /api_key is not valid/);
    expectOpen311Error(await o311Form(FMS_BODY.replace(`api_key=${API_KEY}&`, '')), 403, /api_key is required/);

    const invalid = await o311Form(`api_key=${API_KEY}&service_code=HOUSING.REPAIR&lat=123&attribute[request_type]=GRIEF&phone=abc`);
    expect(invalid.status).toBe(400);
    expect((invalid.body as { code: number; description: string }[]).map((e) => e.description)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^lat must be/), 'lat and long go together', expect.stringMatching(/^A location is required/), 'phone is not a phone number', 'attribute[district] is required', expect.stringMatching(/^attribute\[request_type\] must be one of/)]),
    );
    expect(new Set((invalid.body as { code: number }[]).map((e) => e.code))).toEqual(new Set([400]));
    expectOpen311Error(await o311Form(`api_key=${API_KEY}&service_code=NOPE`), 404, /service_code NOPE not found/);
    expectOpen311Error(await o311Form(`api_key=${API_KEY}&service_code=HOUSING.REPAIR&address_string=x&attribute[district]=440104&attribute[request_type]=HELP&description=${'长'.repeat(4001)}`), 400, /description is longer than 4000/);

    const key = { 'Idempotency-Key': 'fms-retry-0001' };
    const first = await o311Form(FMS_BODY, key);
    const again = await o311Form(FMS_BODY, key);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('GET requests: id lists override the filters, service_code and status filter, the 90-day window (exactly 90 days ok, more 400), newest first; REPORT never listed', async () => {
    const post = async (extra: string) => (await o311Form(`api_key=${API_KEY}&service_code=STREET.NOISE&lat=23.12&long=113.26&attribute[district]=440104&description=Noise+at+night&${extra}`)).body[0].service_request_id as string;
    const a = await post('attribute[request_type]=COMPLAINT');
    const b = await post('attribute[request_type]=SUGGESTION');
    const report = await post('attribute[request_type]=REPORT&first_name=Whistle&last_name=Blower');

    const listed = await o311Get('/requests.json?service_code=STREET.NOISE');
    expect(listed.status).toBe(200);
    const ids = (listed.body as { service_request_id: string }[]).map((r) => r.service_request_id);
    expect(ids).toEqual([b, a]); // newest first, the REPORT not listed
    expect(listed.body[0]).not.toHaveProperty('description'); // SUMMARY template
    expect(listed.body[0]).not.toHaveProperty('lat');
    expectOpen311Error(await o311Get(`/requests/${report}.json`), 404, /not found/);
    expect((await o311Get(`/requests.json?service_request_id=${report},${a}`)).body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([a]);

    // the id list overrides every other filter (even an invalid one)
    const byIds = await o311Get(`/requests.json?service_request_id=${b},${a}&status=bogus&start_date=2020-01-01`);
    expect(byIds.status).toBe(200);
    expect(byIds.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([b, a]);

    expect((await o311Get('/requests.json?service_code=STREET.NOISE&status=closed')).body).toEqual([]);
    expect((await o311Get('/requests.json?service_code=STREET.NOISE,HOUSING.REPAIR&status=open')).body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual(expect.arrayContaining([a, b]));
    expect((await o311Get('/requests.json?status=closed')).body.every((r: { status: string }) => r.status === 'closed')).toBe(true);

    const now = Date.now();
    const end = new Date(now + 60_000);
    const exactly90 = new Date(end.getTime() - 90 * DAY);
    const q = (s: Date, e: Date) => `/requests.json?service_code=STREET.NOISE&start_date=${encodeURIComponent(toW3cDateTime(s, calendar))}&end_date=${encodeURIComponent(toW3cDateTime(e, calendar))}`;
    const ok = await o311Get(q(exactly90, end));
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(2);
    expectOpen311Error(await o311Get(q(new Date(exactly90.getTime() - 1000), end)), 400, /more than 90 days/);
    expectOpen311Error(await o311Get('/requests.json?start_date=yesterday'), 400, /start_date is not a W3C datetime/);
    expectOpen311Error(await o311Get('/requests.json?status=pending'), 400, /status must be open or closed/);
    // a window in the past holds none of them; the default (last 90 days) holds them
    expect((await o311Get(q(new Date(now - 200 * DAY), new Date(now - 120 * DAY)))).body).toEqual([]);
    expect((await o311Get('/requests.json')).body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual(expect.arrayContaining([a, b]));
    const xml = await o311Get(`/requests.xml?service_request_id=${a}`);
    expect(xml.text).toContain(`<service_requests><request><service_request_id>${a}</service_request_id><status>open</status>`);
  });

  it('the routes are in the service\u2019s OpenAPI document (lint-clean, roles stated), with Open311 errors instead of problem+json', async () => {
    const doc = (await api.http().get('/openapi.json')).body as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
    for (const path of ['discovery.{format}', 'services.{format}', 'services/{service_code}.{format}', 'requests.{format}', 'requests/{id}.{format}', 'tokens/{token}.{format}']) {
      expect(Object.keys(doc.paths)).toContain(`${O311}/${path}`);
    }
    expect(Object.keys(doc.paths[`${O311}/requests.{format}`])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths[`${O311}/requests.{format}`]['post'].responses['default'].content ?? {})).not.toContain('application/problem+json');
    // The whole complaints document: lint-clean, every operation stating its roles (or public).
    expect(await openApiProblems(doc)).toEqual([]);
  });

  it('no Open311 response ever carried a caller\u2019s name, phone, e-mail or ID number', () => {
    expect(seen.length).toBeGreaterThan(30);
    for (const text of seen) for (const p of PERSONAL) expect(text).not.toContain(p);
  });
});

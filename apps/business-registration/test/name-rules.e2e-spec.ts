import { DEFAULT_NAME_RULES } from '@one-window/business-registration/domain';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';

/** The name rules as versioned data an admin edits (名称自主申报 reference data), against the real database. */
describe('business registration: name rules published as versions by admins', () => {
  const r = registrationUnderTest();
  const { tokens, http, as } = r;
  const admin = tokens.token({ sub: 'ops-1', roles: ['admin'] });
  const officer = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: 'GZ-YX-AMR' });

  beforeAll(() => r.start());
  afterAll(() => r.close());

  const check = (name: string) => http().post(`${PREFIX}/names/check`).send({ name, entityType: 'LLC', authorityCode: 'GZ-YX-AMR', domicileDivisionCode: '440104' });

  it('checks against the bundled default until a version is published', async () => {
    const res = await check('广州市星河科技有限公司');
    expect(res.body).toMatchObject({ level: 'PASS', rulesVersion: DEFAULT_NAME_RULES.version });
    const current = await http().get(`${PREFIX}/admin/name-rules`).set(as(admin));
    expect(current.body).toMatchObject({ current: { version: DEFAULT_NAME_RULES.version, bundledDefault: true }, versions: [] });
  });

  it('a published version is in force at once, and the check says which version it used', async () => {
    const next = { ...DEFAULT_NAME_RULES, version: 'gz-2026.2', prohibitedWords: [...DEFAULT_NAME_RULES.prohibitedWords, { word: '星河', reason: 'TEST_LISTED' }] };
    const published = await http().post(`${PREFIX}/admin/name-rules`).set(as(admin)).send(next);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 'gz-2026.2', publishedBy: 'ops-1' });
    const res = await check('广州市星河科技有限公司');
    expect(res.body).toMatchObject({ level: 'BLOCK', rulesVersion: 'gz-2026.2' });
    expect(res.body.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'name.prohibited' })]));
    const current = await http().get(`${PREFIX}/admin/name-rules`).set(as(admin));
    expect(current.body.current).toMatchObject({ version: 'gz-2026.2', publishedBy: 'ops-1' });
    expect(current.body.versions.map((v: { version: string }) => v.version)).toEqual(['gz-2026.2']);
    expect((await http().get(`${PREFIX}/admin/name-rules/gz-2026.2`).set(as(admin))).body.rules.prohibitedWords).toContainEqual({ word: '星河', reason: 'TEST_LISTED' });
  });

  it('refuses a malformed rule set naming every bad field, a reused version, and anyone but an admin; nothing written', async () => {
    const bad = await http()
      .post(`${PREFIX}/admin/name-rules`)
      .set(as(admin))
      .send({ ...DEFAULT_NAME_RULES, version: 'gz-2026.3', divisions: [{ code: '44', names: [] }], editDistanceMinLength: 0 });
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.violations.map((v: { field: string }) => v.field)).toEqual(['divisions[0].code', 'editDistanceMinLength']);
    const shape = await http().post(`${PREFIX}/admin/name-rules`).set(as(admin)).send({ version: 'x', colour: 'red' });
    expect(shape.status).toBe(400);
    expect(shape.body.violations.map((v: { field: string }) => v.field)).toEqual(expect.arrayContaining(['colour', 'divisions', 'editDistanceMinLength']));
    expect((await http().post(`${PREFIX}/admin/name-rules`).set(as(admin)).send({ ...DEFAULT_NAME_RULES, version: 'gz-2026.2' })).status).toBe(409);
    expect((await http().post(`${PREFIX}/admin/name-rules`).set(as(officer)).send({ ...DEFAULT_NAME_RULES, version: 'gz-2026.9' })).status).toBe(403);
    expect((await http().get(`${PREFIX}/admin/name-rules`).set(as(admin))).body.versions).toHaveLength(1);
  });
});

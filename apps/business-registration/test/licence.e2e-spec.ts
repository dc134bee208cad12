import { createPublicKey, verify } from 'node:crypto';
import type { ServiceUnderTest } from '@one-window/shared/platform';
import { establishmentForm, PERSON_B_ID } from './establishment-form';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';

/** The electronic business licence: issued at registration, signed (ES256), verifiable by anyone. */
describe('business registration: electronic licence and public verification', () => {
  const r = registrationUnderTest();
  const { tokens, http, as } = r;
  let svc: ServiceUnderTest;
  const applicant = tokens.token({ sub: 'citizen-1', roles: ['applicant'] });
  const otherApplicant = tokens.token({ sub: 'citizen-2', roles: ['applicant'] });

  beforeAll(async () => ({ svc } = await r.start()));
  afterAll(() => r.close());

  const form = (nameReservationId: string) => establishmentForm(nameReservationId);
  const verifyToken = (body: unknown) => http().post(`${PREFIX}/public/licence-verifications`).send(body as object);

  let uscc: string;
  let token: string;

  it('issues a licence when a company is registered (秒批), shown to its owner with the QR payload', async () => {
    const reservation = await http()
      .post(`${PREFIX}/names/reservations`)
      .set(as(applicant))
      .send({ name: '广州市星河科技有限公司', entityType: 'LLC', authorityCode: YX, domicileDivisionCode: '440104', commitmentSigned: true });
    expect(reservation.status).toBe(201);
    const application = await http().post(`${PREFIX}/applications`).set(as(applicant)).send(form(reservation.body.id));
    expect(application.status).toBe(201);
    expect(application.body.status).toBe('REGISTERED');
    uscc = application.body.uscc;

    const licence = await http().get(`${PREFIX}/companies/${uscc}/licence`).set(as(applicant));
    expect(licence.status).toBe(200);
    expect(licence.body).toMatchObject({ uscc, version: 1, status: 'VALID' });
    token = licence.body.token;
    expect(token.split('.')).toHaveLength(3);
    expect(licence.body.qrPayload).toMatch(/^https:\/\/.+\?token=/);
    expect(licence.body.qrPayload.endsWith(token)).toBe(true);
    expect((await http().get(`${PREFIX}/companies/${uscc}/licence`).set(as(otherApplicant))).status).toBe(404);

    const rows = await svc.dataSource.query(`SELECT uscc, status, licence_version FROM licence`);
    expect(rows).toEqual([{ uscc, status: 'VALID', licence_version: 1 }]);
  });

  it('signs the licence with ES256 under the published JWK Set (verified here with node:crypto)', async () => {
    const jwks = await http().get(`${PREFIX}/public/licence-keys`);
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys).toHaveLength(1);
    const [jwk] = jwks.body.keys;
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwk.d).toBeUndefined();

    const [h, p, s] = token.split('.');
    const header = JSON.parse(Buffer.from(h, 'base64url').toString());
    expect(header).toMatchObject({ alg: 'ES256', kid: jwk.kid });
    const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, format: 'jwk' });
    expect(verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))).toBe(true);

    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    expect(claims).toEqual({
      uscc,
      name: '广州市星河科技有限公司',
      entityType: 'LLC',
      establishedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      authorityCode: YX,
      legalRep: 'p**',
      version: 1,
      issuedAt: expect.any(String),
    });
  });

  it('verifies the licence as valid, publicly, with its public fields', async () => {
    const res = await verifyToken({ token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'valid', licence: { uscc, name: '广州市星河科技有限公司', legalRep: 'p**', version: 1 } });
  });

  it('answers a tampered, forged or malformed token with invalid (200), never a 500', async () => {
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, name: '广州市伪造科技有限公司' })).toString('base64url')}.${s}`;
    const badSignature = `${h}.${p}.${s.slice(0, -4)}${s.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    for (const t of [tampered, badSignature, 'not-a-token', 'a.b.c', `${h}.${p}`, `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`]) {
      const res = await verifyToken({ token: t });
      expect({ t, status: res.status, body: res.body }).toEqual({ t, status: 200, body: { status: 'invalid' } });
    }
  });

  it('answers a malformed verification body with a 400 problem', async () => {
    for (const body of [{}, { token: 42 }, { token: token, extra: true }]) {
      const res = await verifyToken(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('shows a company publicly by credit code: public fields only, the legal representative masked', async () => {
    const res = await http().get(`${PREFIX}/public/companies/${uscc}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      uscc,
      name: '广州市星河科技有限公司',
      entityType: 'LLC',
      status: 'ACTIVE',
      authorityCode: YX,
      legalRepresentative: 'p**',
      licence: { version: 1, status: 'VALID' },
    });
    const text = JSON.stringify(res.body);
    for (const personal of ['citizen-1', 'ownerId', 'idNumber', '11010519491231002X', PERSON_B_ID, '"p-a"', 'legalRepRef', 'investors', 'applicationId']) {
      expect(text).not.toContain(personal);
    }
  });

  it('answers an unknown credit code with a 404 problem', async () => {
    const res = await http().get(`${PREFIX}/public/companies/91440104MA00000000`);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

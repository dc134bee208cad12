import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { ServiceUnderTest, startServiceUnderTest } from '@one-window/shared/platform';
import { createTestDatabase, ServiceProcess, startAppProcess, TestDatabase, testInfra, testTokens, uniqueName, waitFor } from '@one-window/shared/testing';
import { AppModule } from '../src/app.module';
import { businessRegistrationService } from '../src/service';
import { establishmentForm } from './establishment-form';

/**
 * The setup bundle's tax step across real processes: a company registered through the gateway
 * in business registration becomes a taxpayer in the tax service with no call to tax at all
 * (多证合一, tax.md R4.1). Business registration runs in this process, tax and the gateway as
 * their own processes; all three share the real broker under a topic prefix of this test's own.
 */
describe('one window: a company registered, changed and deregistered, with tax following by events (e2e, through the gateway)', () => {
  const tokens = testTokens();
  const env = { KAFKA_TOPIC_PREFIX: `${uniqueName('ow', '-')}.`, ...tokens.env };
  let registration: ServiceUnderTest;
  let taxDb: TestDatabase;
  let tax: ServiceProcess;
  let gateway: ServiceProcess;
  const founder = tokens.token({ sub: 'founder-1', roles: ['applicant'] });
  const stranger = tokens.token({ sub: 'founder-2', roles: ['applicant'] });
  const taxOfficer = tokens.token({ sub: 'tax-officer-yx', roles: ['officer'], agency_id: 'TAX-440104' });
  const otherTaxOfficer = tokens.token({ sub: 'tax-officer-th', roles: ['officer'], agency_id: 'TAX-440106' });
  const registrationOfficer = tokens.token({ sub: 'amr-officer-yx', roles: ['officer'], agency_id: 'GZ-YX-AMR' });
  const socialInsurance = tokens.token({ sub: 'si-system', roles: ['integrator'], agency_id: 'GZ-SI' });

  beforeAll(async () => {
    registration = await startServiceUnderTest(businessRegistrationService, AppModule, { tokens, env });
    await registration.app.listen(0, '127.0.0.1');
    const registrationUrl = `http://127.0.0.1:${(registration.app.getHttpServer().address() as AddressInfo).port}`;
    taxDb = await createTestDatabase('e2e_tax');
    tax = await startAppProcess('tax', { DATABASE_URL: taxDb.url, KAFKA_BROKERS: testInfra().kafkaBrokers.join(','), ...env });
    gateway = await startAppProcess('gateway', { SERVICE_URLS: `business-registration=${registrationUrl},tax=${tax.url}`, ...env }, { migrate: false, readyPath: '/livez' });
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await tax?.stop();
    await taxDb?.drop();
    await registration?.close();
    tokens.cleanup();
  });

  const http = () => request(gateway.url);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('register through the gateway: the taxpayer appears by itself; a change syncs; deregistration waits for tax clearance, then tax closes the taxpayer', async () => {
    const reservation = await http()
      .post('/api/v1/business-registration/names/reservations')
      .set(as(founder))
      .send({ name: '广州市星河科技有限公司', entityType: 'LLC', authorityCode: 'GZ-YX-AMR', domicileDivisionCode: '440104', commitmentSigned: true });
    expect(reservation.status).toBe(201);

    const submitted = await http().post('/api/v1/business-registration/applications').set(as(founder)).send(establishmentForm(reservation.body.id));
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'REGISTERED', route: 'AUTO' });
    const uscc: string = submitted.body.uscc;

    // no call to tax: only reads, until the event has done its work
    const taxpayer = await waitFor(async () => {
      const res = await http().get(`/api/v1/tax/taxpayers/${uscc}`).set(as(founder));
      return res.status === 200 ? res.body : undefined;
    }, 30_000);
    expect(taxpayer).toMatchObject({
      taxpayerId: uscc,
      name: '广州市星河科技有限公司',
      status: 'ACTIVE',
      kind: 'ENTERPRISE',
      taxBureau: 'TAX-440104',
      capital: { amount: '1000000.50', currency: 'CNY' },
    });

    expect((await http().get(`/api/v1/tax/taxpayers/${uscc}`).set(as(stranger))).status).toBe(404);
    expect((await http().get(`/api/v1/tax/taxpayers/${uscc}`).set(as(taxOfficer))).status).toBe(200);
    expect((await http().get(`/api/v1/tax/taxpayers/${uscc}`).set(as(otherTaxOfficer))).status).toBe(404);
    expect((await http().get(`/api/v1/tax/taxpayers`).set(as(otherTaxOfficer))).body.items).toEqual([]);

    // a change registered in business registration reaches tax with no report by the taxpayer (R4.4)
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const changed = await http()
      .post(`/api/v1/business-registration/companies/${uscc}/changes`)
      .set(as(founder))
      .send({ resolutionOn: today, capital: { amount: '3000000.00', currency: 'CNY' }, legalRepRef: 'p-b' });
    expect(changed.status).toBe(201);
    const synced = await waitFor(async () => {
      const res = await http().get(`/api/v1/tax/taxpayers/${uscc}`).set(as(founder));
      return res.body.capital?.amount === '3000000.00' ? res.body : undefined;
    }, 30_000);
    expect(synced.changes).toEqual([expect.objectContaining({ changeId: changed.body.changeId, fieldsChanged: ['capital', 'legalRep'] })]);

    // ordinary deregistration: tax clears by itself from the request (this company never had tax
    // matters: exempt), social insurance reports, then the officer may approve; tax closes the taxpayer
    const dereg = await http()
      .post(`/api/v1/business-registration/companies/${uscc}/deregistrations`)
      .set(as(founder))
      .send({ route: 'ORDINARY', liquidationReportRef: 'LIQ-E2E-1' });
    expect(dereg.status).toBe(201);
    const caseUrl = `/api/v1/business-registration/companies/${uscc}/deregistrations/${dereg.body.id}`;
    expect((await http().post(`${caseUrl}/clearances/social-insurance`).set(as(socialInsurance)).send({ outcome: 'CLEARED', reference: 'SI-E2E-1' })).status).toBe(200);
    const cleared = await waitFor(async () => {
      const res = await http().get(caseUrl).set(as(founder));
      return res.body.status === 'UNDER_REVIEW' ? res.body : undefined;
    }, 30_000);
    expect(cleared.clearances).toEqual({ TAX: 'WAIVER', SOCIAL_INSURANCE: 'CLEARED' });
    expect((await http().get(`/api/v1/tax/taxpayers/${uscc}/clearance-cases`).set(as(founder))).body.items).toEqual([
      expect.objectContaining({ status: 'EXEMPTED', route: 'EXEMPT', origin: 'DEREGISTRATION_EVENT' }),
    ]);
    const approved = await http().post(`${caseUrl}/decision`).set(as(registrationOfficer)).send({ outcome: 'APPROVE' });
    expect(approved.body).toMatchObject({ status: 'DEREGISTERED' });
    await waitFor(async () => ((await http().get(`/api/v1/tax/taxpayers/${uscc}`).set(as(founder))).body.status === 'DEREGISTERED' ? true : undefined), 30_000);
  });
});

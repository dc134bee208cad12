import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompanyChanged, CompanyRegistered, type CompanyChangedData, type CompanyRegisteredData } from '@one-window/business-registration/contracts';
import { waitFor } from '@one-window/shared/testing';
import { startTaxUnderTest, type TaxUnderTest } from './tax-under-test';

const PREFIX = '/api/v1/tax';
const USCC = '91440104MA00001B3B';
const OTHER_USCC = '91440106MA00002C1X';

/**
 * Taxpayers follow business registration through the event stream alone (R4.1, R4.4): the real
 * broker carries registration events (published here as the registration service's outbox
 * would, under a topic prefix of this test's own), the tax service consumes them through its
 * inbox and publishes its own events through its outbox.
 */
describe('tax: taxpayer registration and change sync from registration events (e2e)', () => {
  let t: TaxUnderTest;
  let app: NestExpressApplication;
  let ds: DataSource;
  let topicPrefix: string;
  let owner: string, stranger: string, bureauOfficer: string, otherBureauOfficer: string, admin: string, integrator: string;

  beforeAll(async () => {
    t = await startTaxUnderTest();
    ({ app, dataSource: ds } = t.svc);
    topicPrefix = t.topicPrefix;
    owner = t.tokens.token({ sub: 'founder-1', roles: ['applicant'] });
    stranger = t.tokens.token({ sub: 'founder-2', roles: ['applicant'] });
    bureauOfficer = t.tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: 'TAX-440104' });
    otherBureauOfficer = t.tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: 'TAX-440106' });
    admin = t.tokens.token({ sub: 'ops', roles: ['admin'] });
    integrator = t.tokens.token({ sub: 'partner', roles: ['integrator'] });
  }, 90_000);

  afterAll(() => t?.close());

  const http = () => request(app.getHttpServer());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const publish: TaxUnderTest['publish'] = (def, aggregateId, data, id) => t.publish(def, aggregateId, data, id);
  const outboxTypes = async (aggregateId: string): Promise<string[]> =>
    // the taxpayer's own events (the filing part also keys its obligations by taxpayer id)
    (await ds.query(`SELECT type FROM messaging_outbox WHERE aggregate_id = $1 AND (type LIKE 'tax.taxpayer.%' OR type LIKE 'tax.invoicing.%') ORDER BY sequence`, [aggregateId])).map((r: { type: string }) => r.type);

  const registered: CompanyRegisteredData = {
    ...CompanyRegistered.example,
    uscc: USCC,
    applicantId: 'founder-1',
    domicile: { standardAddressId: 'GZ-ADDR-0001', divisionCode: '440104', text: '广州市越秀区示例路1号' },
  };
  let registeredEventId: string;

  it('a registered company becomes a taxpayer with invoicing enabled, without any call to tax', async () => {
    registeredEventId = await publish(CompanyRegistered, USCC, registered);
    const taxpayer = await waitFor(async () => {
      const res = await http().get(`${PREFIX}/taxpayers/${USCC}`).set(as(owner));
      return res.status === 200 ? res : undefined;
    });
    expect(taxpayer.body).toMatchObject({
      taxpayerId: USCC,
      kind: 'ENTERPRISE',
      status: 'ACTIVE',
      name: registered.name,
      taxBureau: 'TAX-440104',
      vatStatus: 'SMALL_SCALE',
      invoiceQuota: { amount: '100000.00', currency: 'CNY' },
      version: 1,
    });
    expect(taxpayer.headers['etag']).toBe('"1"');
    // both events in one transaction, caused by the registration event
    expect(await outboxTypes(USCC)).toEqual(['tax.taxpayer.registered.v1', 'tax.invoicing.enabled.v1']);
    const [row] = await ds.query(`SELECT topic, headers FROM messaging_outbox WHERE aggregate_id = $1 ORDER BY sequence LIMIT 1`, [USCC]);
    expect(row.topic).toBe(`${topicPrefix}tax.events`);
    expect(row.headers).toMatchObject({ ce_causationid: registeredEventId });
  });

  it('a redelivered registration event and a replayed one have no second effect', async () => {
    await publish(CompanyRegistered, USCC, registered, registeredEventId); // same id: the inbox skips it
    const replayId = await publish(CompanyRegistered, USCC, registered); // new id, same company: the handler leaves it
    await publish(CompanyRegistered, OTHER_USCC, { ...registered, uscc: OTHER_USCC, applicantId: 'founder-2', domicile: { ...registered.domicile, divisionCode: '440106' } });
    await waitFor(async () => ((await http().get(`${PREFIX}/taxpayers/${OTHER_USCC}`).set(as(stranger))).status === 200 ? true : undefined));
    // Wait for the whole condition: OTHER_USCC may sit on another partition, so also wait until the replay (after the redelivery on USCC's partition) was consumed.
    await waitFor(async () => ((await ds.query(`SELECT 1 FROM messaging_inbox WHERE event_id LIKE $1`, [`%|${replayId}`])).length > 0 ? true : undefined));
    expect(await outboxTypes(USCC)).toEqual(['tax.taxpayer.registered.v1', 'tax.invoicing.enabled.v1']);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM taxpayer`);
    expect(n).toBe(2);
  });

  it('a change syncs the taxpayer without the taxpayer reporting; the same change again changes nothing', async () => {
    const change: CompanyChangedData = {
      uscc: USCC,
      changeId: 'chg-1',
      effectiveOn: '2026-12-01',
      changes: [
        { field: 'capital', before: registered.capital, after: { amount: '2000000.00', currency: 'CNY' } },
        { field: 'officers', before: [], after: [{ personRef: 'p-9', role: 'DIRECTOR' }] },
      ],
    };
    const changeEventId = await publish(CompanyChanged, USCC, change);
    const synced = await waitFor(async () => {
      const res = await http().get(`${PREFIX}/taxpayers/${USCC}`).set(as(owner));
      return res.body.capital?.amount === '2000000.00' ? res.body : undefined;
    });
    expect(synced).toMatchObject({ version: 2, changes: [{ changeId: 'chg-1', fieldsChanged: ['capital'] }] });

    await publish(CompanyChanged, USCC, change, changeEventId); // redelivery
    await publish(CompanyChanged, USCC, change); // same change under a new event id
    await publish(CompanyChanged, USCC, { ...change, changeId: 'chg-2', changes: [{ field: 'name', before: registered.name, after: '广州市越秀区新名科技有限公司' }] });
    await waitFor(async () => ((await http().get(`${PREFIX}/taxpayers/${USCC}`).set(as(owner))).body.version === 3 ? true : undefined));
    expect(await outboxTypes(USCC)).toEqual(['tax.taxpayer.registered.v1', 'tax.invoicing.enabled.v1', 'tax.taxpayer.updated.v1', 'tax.taxpayer.updated.v1']);
    expect((await http().get(`${PREFIX}/taxpayers/${USCC}`).set(as(owner))).body).toMatchObject({ name: '广州市越秀区新名科技有限公司', version: 3 });
  });

  it('a change for an unknown taxpayer and an event that breaks its schema land on the dead-letter list', async () => {
    await publish(CompanyChanged, '91440104MA00009X0X', {
      uscc: '91440104MA00009X0X',
      changeId: 'chg-x',
      effectiveOn: '2026-12-01',
      changes: [{ field: 'name', before: 'a', after: 'b' }],
    });
    await publish(CompanyRegistered, USCC, { ...registered, capital: { amount: 'lots', currency: 'CNY' } } as CompanyRegisteredData);
    const letters = await waitFor(async () => {
      const res = await http().get(`${PREFIX}/admin/dead-letters`).set(as(admin));
      return res.body.items?.length >= 2 ? res.body.items : undefined;
    }, 30_000);
    expect(letters.map((l: { eventType: string }) => l.eventType).sort()).toEqual(['registration.company.changed.v1', 'registration.company.registered.v1']);
  });

  it('an applicant sees only its own taxpayer; an officer only its bureau’s', async () => {
    expect((await http().get(`${PREFIX}/taxpayers/${USCC}`).set(as(stranger))).status).toBe(404);
    expect((await http().get(`${PREFIX}/taxpayers/${USCC}`).set(as(bureauOfficer))).status).toBe(200);
    expect((await http().get(`${PREFIX}/taxpayers/${USCC}`).set(as(otherBureauOfficer))).status).toBe(404);
    expect((await http().get(`${PREFIX}/taxpayers/${USCC}`)).status).toBe(401);

    const own = await http().get(`${PREFIX}/taxpayers`).set(as(owner));
    expect(own.body.items.map((t: { taxpayerId: string }) => t.taxpayerId)).toEqual([USCC]);
    const bureau = await http().get(`${PREFIX}/taxpayers`).set(as(otherBureauOfficer));
    expect(bureau.body.items.map((t: { taxpayerId: string }) => t.taxpayerId)).toEqual([OTHER_USCC]);
    const all = await http().get(`${PREFIX}/taxpayers?limit=1`).set(as(admin));
    expect(all.body).toMatchObject({ items: [{ taxpayerId: USCC }], next: USCC });

    const bad = await http().get(`${PREFIX}/taxpayers?limit=0&colour=red`).set(as(admin));
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('integrators bootstrap from the taxpayers snapshot with the stream position', async () => {
    const res = await http().get(`${PREFIX}/snapshots/taxpayers`).set(as(integrator));
    expect(res.status).toBe(200);
    expect(res.body.topic).toBe(`${topicPrefix}tax.events`);
    // once the relay has published everything, the position (next offset per partition) counts every tax event;
    // wait for the whole condition (the filing consumer may still be appending obligation events after the outbox was empty once)
    const { settled, published, written } = await waitFor(async () => {
      const snapshot = await http().get(`${PREFIX}/snapshots/taxpayers`).set(as(integrator));
      const inPosition = Object.values(snapshot.body.position as Record<string, string>).reduce((n, next) => n + Number(next), 0);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM messaging_outbox`);
      return snapshot.body.pendingEvents === 0 && inPosition === n ? { settled: snapshot, published: inPosition, written: n as number } : undefined;
    });
    expect(written).toBeGreaterThanOrEqual(6); // registered + invoicing enabled for two taxpayers, two updates (+ obligations)
    expect(published).toBe(written);
    expect(settled.body.pendingEvents).toBe(0);
    expect(res.body.items.map((t: { taxpayerId: string }) => t.taxpayerId)).toEqual([USCC, OTHER_USCC]);
  });
});

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { TAX_TOPIC, TaxpayerRegistered } from '@one-window/tax/contracts';
import { buildEvent } from '@one-window/shared/messaging';
import { Timers, type Timer } from '@one-window/shared/scheduling';
import { waitFor } from '@one-window/shared/testing';
import { SealDeliveryOverdueHandler } from '../src/seal-delivery-overdue/seal-delivery-overdue.handler';
import { SEAL_DELIVERY_TIMER } from '../src/shared/setup-bundle-desk';
import { establishmentForm } from './establishment-form';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';
const ALL_OPTIONS = { seals: true, bank: { bankCode: 'ICBC', branchCode: 'GZ-001' }, socialInsurance: true, housingFund: true, tax: { invoices: true, ukey: true } };

interface PartView {
  part: string;
  state: string;
  done: boolean;
  optedIn: boolean;
  elapsedWorkingMinutes: number;
  withinTarget: boolean;
  sealClock?: { makerId: string; dueAt: string; late: boolean };
  accountRef?: string;
  failureReason?: string;
}

/**
 * The setup bundle 照章税保金银 (§5, §10.3) end to end, against the real database and broker: opened
 * with the registration (automatic and officer routes), seal orders in turn with a 1-hour durable
 * timer, partners' callbacks (seal makers, window, bank, social insurance, housing fund), the tax
 * part completed from `tax.taxpayer.registered` on the broker, and one status for the applicant.
 */
describe('business registration: the setup bundle 照章税保金银 (e2e)', () => {
  const r = registrationUnderTest({ topics: [TAX_TOPIC], source: '/one-window/tax' });
  const { tokens, http, as, payloads } = r;
  let app: NestExpressApplication;
  let ds: DataSource;

  const founder = tokens.token({ sub: 'founder-1', roles: ['applicant'] });
  const founder2 = tokens.token({ sub: 'founder-2', roles: ['applicant'] });
  const officerYx = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: YX });
  const officerTh = tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: 'GZ-TH-AMR' });
  const maker1 = tokens.token({ sub: 'seal-system-1', roles: ['integrator'], agency_id: 'SM-GZ-001' });
  const maker2 = tokens.token({ sub: 'seal-system-2', roles: ['integrator'], agency_id: 'SM-GZ-002' });
  const anonymousIntegrator = tokens.token({ sub: 'erp', roles: ['integrator'] });
  const icbc = tokens.token({ sub: 'icbc-gateway', roles: ['integrator'], agency_id: 'ICBC' });
  const otherBank = tokens.token({ sub: 'abc-gateway', roles: ['integrator'], agency_id: 'ABC' });
  const socialInsurance = tokens.token({ sub: 'si-system', roles: ['integrator'], agency_id: 'GZ-SI' });
  const housingFundOfficer = tokens.token({ sub: 'hf-clerk', roles: ['officer'], agency_id: 'GZ-HF' });

  beforeAll(async () => ({ app, ds } = await r.start()), 90_000);
  afterAll(() => r.close());

  const bundleOf = (uscc: string, token = founder) => http().get(`${PREFIX}/companies/${uscc}/bundle`).set(as(token));
  const partOf = async (uscc: string, part: string): Promise<PartView> => (await bundleOf(uscc)).body.parts.find((p: PartView) => p.part === part);
  const call = (uscc: string, path: string, token: string, body: object = {}) => http().post(`${PREFIX}/companies/${uscc}/bundle/${path}`).set(as(token)).send(body);
  const outboxCount = async (): Promise<number> => Number((await ds.query(`SELECT count(*)::int AS n FROM messaging_outbox`))[0].n);
  const sealTimer = async (uscc: string): Promise<Timer | undefined> => (await app.get(Timers).pending({ kind: SEAL_DELIVERY_TIMER, key: uscc }))[0];

  const reserve = async (name: string, token: string) => {
    const res = await http()
      .post(`${PREFIX}/names/reservations`)
      .set(as(token))
      .send({ name, entityType: 'LLC', authorityCode: YX, domicileDivisionCode: '440104', commitmentSigned: true });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  let a: string; // automatic route, every part opted in
  let b: string; // officer route, default options (no housing fund)

  beforeAll(async () => {
    const registered = await http()
      .post(`${PREFIX}/applications`)
      .set(as(founder))
      .send(establishmentForm(await reserve('广州市星河科技有限公司', founder), { bundleOptions: ALL_OPTIONS }));
    expect(registered.body).toMatchObject({ status: 'REGISTERED', route: 'AUTO' });
    a = registered.body.uscc;

    const pending = await http()
      .post(`${PREFIX}/applications`)
      .set(as(founder2))
      .send(establishmentForm(await reserve('广州市红棉贸易有限公司', founder2), { articles: { kind: 'UPLOADED', documentRef: 'doc-1' } }));
    expect(pending.body.status).toBe('PENDING_ACCEPTANCE');
    expect((await http().post(`${PREFIX}/applications/${pending.body.id}/acceptance`).set(as(officerYx)).send({})).status).toBe(200);
    const approved = await http().post(`${PREFIX}/applications/${pending.body.id}/decision`).set(as(officerYx)).send({ outcome: 'APPROVE' });
    expect(approved.body.status).toBe('REGISTERED');
    b = approved.body.uscc;
  });

  it('opens the bundle with the registration (both routes): licence issued, seal orders in turn with a 1-hour timer, opened / dispatched published', async () => {
    const res = await bundleOf(a);
    expect(res.status).toBe(200);
    expect(res.headers['etag']).toBeDefined();
    expect(res.body).toMatchObject({ uscc: a, status: 'OPEN', withinTarget: true });
    expect(res.body.parts.map((p: PartView) => [p.part, p.state, p.optedIn, p.done])).toEqual([
      ['LICENCE', 'ISSUED', true, true],
      ['SEALS', 'DISPATCHED', true, false],
      ['TAX', 'REQUESTED', true, false],
      ['SOCIAL_INSURANCE', 'REQUESTED', true, false],
      ['HOUSING_FUND', 'REQUESTED', true, false],
      ['BANK', 'APPOINTMENT_BOOKED', true, false],
    ]);
    const seals: PartView = res.body.parts[1];
    expect(seals.sealClock).toMatchObject({ makerId: 'SM-GZ-001', late: false });

    // Round-robin: the next company's order goes to the next eligible maker (SM-GZ-003 is not eligible).
    const bundleB = await bundleOf(b, founder2);
    expect(bundleB.body.parts.map((p: PartView) => [p.part, p.state])).toContainEqual(['HOUSING_FUND', 'OPTED_OUT']);
    expect(bundleB.body.parts[1].sealClock).toMatchObject({ makerId: 'SM-GZ-002' });

    // The delivery clock is a durable timer at dispatch + 60 minutes.
    const timer = await sealTimer(a);
    expect(timer?.dueAt.toISOString()).toBe(seals.sealClock?.dueAt);
    expect(timer?.payload).toEqual({ makerId: 'SM-GZ-001' });

    expect(await payloads('registration.setup_bundle.opened.v1', a)).toEqual([
      expect.objectContaining({ uscc: a, parts: ['LICENCE', 'SEALS', 'TAX', 'SOCIAL_INSURANCE', 'HOUSING_FUND', 'BANK'], bank: { bankCode: 'ICBC', branchCode: 'GZ-001' } }),
    ]);
    expect(await payloads('registration.setup_bundle.part_completed.v1', a)).toEqual([expect.objectContaining({ uscc: a, part: 'LICENCE', withinTarget: true })]);
    expect(await payloads('registration.seal_order.dispatched.v1', `${a}-seals`)).toEqual([
      { orderId: `${a}-seals`, uscc: a, makerId: 'SM-GZ-001', dueAt: seals.sealClock?.dueAt },
    ]);
    expect(await payloads('registration.seal_order.dispatched.v1', `${b}-seals`)).toEqual([expect.objectContaining({ makerId: 'SM-GZ-002' })]);
  });

  it('shows the bundle to its applicant and the authority’s officers only', async () => {
    expect((await bundleOf(a, founder2)).status).toBe(404);
    expect((await bundleOf(b, founder)).status).toBe(404);
    expect((await bundleOf(a, officerYx)).status).toBe(200);
    expect((await bundleOf(a, officerTh)).status).toBe(404);
    expect((await bundleOf(a, maker1)).status).toBe(403);
    const missing = await bundleOf('91440104MA00009X0X');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('counts a late delivery when the 1-hour clock runs out (the timer, with a controlled clock), once; the late delivery adds nothing', async () => {
    const timer = await sealTimer(b);
    if (!timer) throw new Error('no seal delivery timer');
    const handler = app.get(SealDeliveryOverdueHandler);
    const fire = (at: Date) => ds.transaction((tx) => handler.execute(timer, tx, at));

    await fire(new Date(timer.dueAt.getTime() - 60_000));
    expect(await payloads('registration.seal_order.overdue.v1', `${b}-seals`)).toEqual([]);

    await fire(new Date(timer.dueAt.getTime() + 60_000));
    await fire(new Date(timer.dueAt.getTime() + 120_000));
    expect(await payloads('registration.seal_order.overdue.v1', `${b}-seals`)).toEqual([
      { orderId: `${b}-seals`, makerId: 'SM-GZ-002', dueAt: timer.dueAt.toISOString(), late: true, yearlyLateCount: 1 },
    ]);
    expect(await ds.query(`SELECT maker_id, late_count, warned, disqualified FROM seal_maker_lateness`)).toEqual([
      { maker_id: 'SM-GZ-002', late_count: 1, warned: false, disqualified: false },
    ]);
    const seals = (await bundleOf(b, founder2)).body.parts[1];
    expect(seals).toMatchObject({ state: 'DISPATCHED', sealClock: { makerId: 'SM-GZ-002', late: true } });

    // The maker still delivers (late); the count stays at 1 and the timer is gone.
    const delivered = await call(b, 'seals/delivery', maker2);
    expect(delivered.status).toBe(200);
    expect(delivered.body.part).toMatchObject({ part: 'SEALS', state: 'DELIVERED' });
    expect(await payloads('registration.seal_order.delivered.v1', `${b}-seals`)).toEqual([expect.objectContaining({ makerId: 'SM-GZ-002', yearlyLateCount: 1 })]);
    expect((await ds.query(`SELECT late_count FROM seal_maker_lateness WHERE maker_id = 'SM-GZ-002'`))[0].late_count).toBe(1);
    expect(await sealTimer(b)).toBeUndefined();
  });

  it('takes the seals from the assigned maker only (another maker: 404; no partner claim: 403), on time; the window hands them over', async () => {
    const before = await outboxCount();
    expect((await call(a, 'seals/delivery', maker2)).status).toBe(404);
    const unidentified = await call(a, 'seals/delivery', anonymousIntegrator);
    expect(unidentified.status).toBe(403);
    expect(unidentified.body.type).toBe('https://one-window.gov.cn/problems/registration-partner-not-identified');
    expect((await call(a, 'seals/delivery', founder)).status).toBe(403);
    expect((await call(a, 'seals/hand-over', officerYx)).status).toBe(409); // not delivered yet
    expect(await outboxCount()).toBe(before);

    const delivered = await call(a, 'seals/delivery', maker1);
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({ uscc: a, status: 'OPEN', part: { part: 'SEALS', state: 'DELIVERED', done: false, sealClock: { makerId: 'SM-GZ-001', late: false } } });
    expect(await payloads('registration.seal_order.delivered.v1', `${a}-seals`)).toEqual([expect.objectContaining({ makerId: 'SM-GZ-001', late: false, yearlyLateCount: 0 })]);
    expect(await sealTimer(a)).toBeUndefined();
    expect((await call(a, 'seals/delivery', maker1)).status).toBe(409); // once

    expect((await call(a, 'seals/hand-over', officerTh)).status).toBe(404);
    const handedOver = await call(a, 'seals/hand-over', officerYx);
    expect(handedOver.status).toBe(200);
    expect(handedOver.body.part).toMatchObject({ state: 'HANDED_OVER', done: true });
  });

  it('reassigns the order when the count disqualifies the maker (5 late in the year): out of the rotation, the next maker gets a fresh hour', async () => {
    // SM-GZ-001 already has 4 late deliveries this year (warned at the third).
    await ds.query(`UPDATE seal_maker_rotation SET data = jsonb_set(jsonb_set(data, '{lateCounts,SM-GZ-001}', '4'), '{warned}', '["SM-GZ-001"]')`);
    const founder3 = tokens.token({ sub: 'founder-3', roles: ['applicant'] });
    const pending = await http()
      .post(`${PREFIX}/applications`)
      .set(as(founder3))
      .send(establishmentForm(await reserve('广州市白云咨询有限公司', founder3), { articles: { kind: 'UPLOADED', documentRef: 'doc-2' } }));
    expect((await http().post(`${PREFIX}/applications/${pending.body.id}/acceptance`).set(as(officerYx)).send({})).status).toBe(200);
    const c: string = (await http().post(`${PREFIX}/applications/${pending.body.id}/decision`).set(as(officerYx)).send({ outcome: 'APPROVE' })).body.uscc;
    const timer = await sealTimer(c);
    if (!timer) throw new Error('no seal delivery timer');
    expect(timer.payload).toEqual({ makerId: 'SM-GZ-001' });

    const firedAt = new Date(timer.dueAt.getTime() + 60_000);
    await ds.transaction((tx) => app.get(SealDeliveryOverdueHandler).execute(timer, tx, firedAt));
    expect(await payloads('registration.seal_maker.warned.v1', 'SM-GZ-001')).toEqual([]); // once, at the third
    expect(await payloads('registration.seal_maker.disqualified.v1', 'SM-GZ-001')).toEqual([{ makerId: 'SM-GZ-001', year: expect.any(Number), yearlyLateCount: 5 }]);
    const seals = (await bundleOf(c, officerYx)).body.parts[1];
    expect(seals).toMatchObject({ state: 'DISPATCHED', sealClock: { makerId: 'SM-GZ-002', dueAt: new Date(firedAt.getTime() + 3_600_000).toISOString(), late: false } });
    expect((await sealTimer(c))?.payload).toEqual({ makerId: 'SM-GZ-002' });
    expect((await call(c, 'seals/delivery', maker1)).status).toBe(404);
    expect(await ds.query(`SELECT late_count, disqualified FROM seal_maker_lateness WHERE maker_id = 'SM-GZ-001'`)).toEqual([{ late_count: 5, disqualified: true }]);
  });

  it('bank: the chosen bank presets the number (masked), then activates after due diligence; another bank 404; bad input 400', async () => {
    const bad = await call(a, 'bank/account', icbc, { accountNumber: '62-22', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.body.violations.map((v: { field: string }) => v.field).sort()).toEqual(['accountNumber', 'colour']);
    expect((await call(a, 'bank/account', otherBank, { accountNumber: '6222021001123456' })).status).toBe(404);

    const stale = await http().post(`${PREFIX}/companies/${a}/bundle/bank/account`).set(as(icbc)).set('If-Match', '"1"').send({ accountNumber: '6222021001123456' });
    expect(stale.status).toBe(412);

    const preset = await call(a, 'bank/account', icbc, { accountNumber: '6222021001123456' });
    expect(preset.status).toBe(200);
    expect(preset.body.part).toMatchObject({ part: 'BANK', state: 'NUMBER_PRESET', done: true, accountRef: '************3456' });
    expect(preset.headers['etag']).toBe(`"${preset.body.version}"`);
    expect(await payloads('registration.bank_account.preset.v1', a)).toEqual([{ uscc: a, bankCode: 'ICBC', accountRef: '************3456' }]);

    const noReason = await call(a, 'bank/due-diligence', icbc, { outcome: 'DECLINED' });
    expect(noReason.status).toBe(400);
    expect([...new Set(noReason.body.violations.map((v: { field: string }) => v.field))]).toEqual(['reason']);
    const activated = await http().post(`${PREFIX}/companies/${a}/bundle/bank/due-diligence`).set(as(icbc)).set('If-Match', preset.headers['etag']).send({ outcome: 'ACTIVATED' });
    expect(activated.status).toBe(200);
    expect(activated.body.part).toMatchObject({ state: 'ACTIVATED', done: true });
    expect(await payloads('registration.bank_account.activated.v1', a)).toHaveLength(1);
  });

  it('social insurance and housing fund: the competent agency confirms (or fails with a reason, then confirms)', async () => {
    expect((await call(a, 'social-insurance/result', housingFundOfficer, { outcome: 'DONE' })).status).toBe(404);
    const badPart = await call(a, 'pension/result', socialInsurance, { outcome: 'DONE' });
    expect(badPart.status).toBe(400);
    expect(badPart.body.violations.map((v: { field: string }) => v.field)).toEqual(['part']);
    expect((await call(a, 'social-insurance/result', socialInsurance, { outcome: 'MAYBE' })).status).toBe(400);

    const si = await call(a, 'social-insurance/result', socialInsurance, { outcome: 'DONE' });
    expect(si.status).toBe(200);
    expect(si.body.part).toMatchObject({ part: 'SOCIAL_INSURANCE', state: 'DONE', done: true });

    const failed = await call(a, 'housing-fund/result', housingFundOfficer, { outcome: 'FAILED', reason: 'EMPLOYER_DATA_MISMATCH' });
    expect(failed.status).toBe(200);
    expect(failed.body.part).toMatchObject({ state: 'FAILED', done: false, failureReason: 'EMPLOYER_DATA_MISMATCH' });
    const hf = await call(a, 'housing-fund/result', housingFundOfficer, { outcome: 'DONE' });
    expect(hf.body.part).toMatchObject({ state: 'DONE', done: true });

    // Only tax remains: still open.
    expect((await bundleOf(a)).body.status).toBe('OPEN');
    expect(await payloads('registration.setup_bundle.completed.v1', a)).toEqual([]);
  });

  it('completes the tax part from tax.taxpayer.registered on the broker, and with it the bundle', async () => {
    const event = buildEvent(TaxpayerRegistered, '/one-window/tax', {
      aggregateId: a,
      data: { ...TaxpayerRegistered.example, taxpayerId: a, sourceEventId: 'e-1' },
    });
    const send = () => r.publisher.send(TAX_TOPIC, event);
    await send();

    const done = await waitFor(async () => {
      const res = await bundleOf(a);
      return res.body.status === 'OPEN' ? undefined : res.body;
    }, 30_000);
    expect(done.status).toBe('COMPLETED');
    expect(done.parts.every((p: PartView) => p.done)).toBe(true);
    expect(await payloads('registration.setup_bundle.part_completed.v1', a)).toEqual(
      ['LICENCE', 'SEALS', 'BANK', 'SOCIAL_INSURANCE', 'HOUSING_FUND', 'TAX'].map((part) => expect.objectContaining({ uscc: a, part })),
    );
    expect(await payloads('registration.setup_bundle.completed.v1', a)).toEqual([{ uscc: a, part: 'ALL', elapsedWorkingMinutes: done.elapsedWorkingMinutes, withinTarget: true }]);

    // The same event again (redelivery) changes nothing; the other company's bundle is untouched.
    await send();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await payloads('registration.setup_bundle.completed.v1', a)).toHaveLength(1);
    expect((await bundleOf(b, founder2)).body.parts.find((p: PartView) => p.part === 'TAX').state).toBe('REQUESTED');
    expect((await partOf(a, 'TAX')).state).toBe('DONE');
  });
});

import type { NestExpressApplication } from '@nestjs/platform-express';
import type request from 'supertest';
import type { DataSource } from 'typeorm';
import { TaxReturnFilingRepository } from '@one-window/business-registration/data-access';
import type { Timer } from '@one-window/shared/scheduling';
import { RevokeForcedExitHandler } from '../src/revoke-forced-exit/revoke-forced-exit.handler';
import { FORCED_EXIT_NOTICE_TIMER } from '../src/shared/forced-exit-desk';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';
const PROBLEMS = 'https://one-window.gov.cn/problems/';

/**
 * Forced exit (§8 [design]): candidate → officer confirms (rule re-run) → notice (durable timer) →
 * revoked (REVOKED, licence REVOKED, registration.company.revoked FORCED_EXIT), or stopped by the
 * company's objection. Listings and tax filings are written with the service's repositories, dated
 * years back; the notice timer's handler is run directly at controlled instants.
 */
describe('business registration: forced exit confirmation, notice, objection, revocation', () => {
  const r = registrationUnderTest();
  const { tokens, http, as, payloads } = r;
  let app: NestExpressApplication;
  let ds: DataSource;
  const founder = tokens.token({ sub: 'fx-founder-1', roles: ['applicant'] });
  const stranger = tokens.token({ sub: 'fx-founder-2', roles: ['applicant'] });
  const officerYx = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: YX });
  const officerTh = tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: 'GZ-TH-AMR' });

  const fields = (res: request.Response) => [...new Set(res.body.violations.map((v: { field: string }) => v.field))].sort();
  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const yearsAgo = (n: number, days = 0) => {
    const d = new Date(Date.now() + 8 * 3_600_000);
    d.setUTCFullYear(d.getUTCFullYear() - n);
    d.setUTCDate(d.getUTCDate() - days);
    return d.toISOString().slice(0, 10);
  };
  const confirm = (uscc: string, body: object = {}, token = officerYx) => http().post(`${PREFIX}/forced-exit-candidates/${uscc}/confirmation`).set(as(token)).send(body);
  const object = (uscc: string, body: object, token = founder) => http().post(`${PREFIX}/forced-exit-candidates/${uscc}/objections`).set(as(token)).send(body);
  const companyStatus = async (uscc: string) => (await ds.query(`SELECT status FROM company WHERE uscc = $1`, [uscc]))[0].status;
  const licenceStatuses = async (uscc: string) => (await ds.query(`SELECT status FROM licence WHERE uscc = $1 ORDER BY licence_version`, [uscc])).map((r: { status: string }) => r.status);
  const noticeTimer = async (caseId: string): Promise<Date | undefined> =>
    (
      await ds.query(`SELECT due_at FROM scheduling_timer WHERE kind = $1 AND key = $2 AND fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL`, [
        FORCED_EXIT_NOTICE_TIMER,
        caseId,
      ])
    )[0]?.due_at;
  const fire = (caseId: string, dueAt: Date, at: Date) =>
    ds.transaction((tx) => app.get(RevokeForcedExitHandler).execute({ id: 't', kind: FORCED_EXIT_NOTICE_TIMER, key: caseId, payload: {}, dueAt } as unknown as Timer, tx, at));

  const register = (tradeName: string) => r.register(tradeName, founder);
  const list = (uscc: string, listedOn: string) => r.listAbnormal(uscc, listedOn, 'fx-founder-1');

  let silent: string; // listed 3 years, no tax: a candidate
  let objector: string; // listed 3 years, no tax: a candidate that objects
  let taxed: string; // listed 3 years, filed tax while listed
  let recent: string; // listed 1 year
  let clean: string; // not listed

  beforeAll(async () => {
    ({ app, ds } = await r.start());
    [silent, objector, taxed, recent, clean] = [await register('静默'), await register('申辩'), await register('纳税户'), await register('新列'), await register('守信')];
    await list(silent, yearsAgo(3));
    await list(objector, yearsAgo(3));
    await list(taxed, yearsAgo(3));
    await list(recent, yearsAgo(1));
    await ds.transaction((tx) =>
      app.get(TaxReturnFilingRepository).record(tx, { returnId: `r-${taxed}`, uscc: taxed, periodKey: 'VAT:2025-Q1', filedOn: yearsAgo(1), eventId: 'e-1', recordedAt: new Date() }),
    );
  });
  afterAll(() => r.close());

  it('re-runs the candidate rule at the given date and refuses non-candidates (409), other authorities (404), non-officers (403), bad input (400)', async () => {
    for (const [uscc, why] of [
      [clean, 'not on the abnormal list'],
      [recent, 'the full period is reached on'],
      [taxed, 'a tax return was filed while listed'],
    ]) {
      const res = await confirm(uscc);
      expect(res.status).toBe(409);
      expect(res.body.type).toBe(`${PROBLEMS}registration-forced-exit-not-candidate`);
      expect(res.body.detail ?? res.body.why).toContain(why);
    }
    // not yet two full years at an earlier date
    expect((await confirm(silent, { asOf: yearsAgo(1) })).status).toBe(409);
    expect((await confirm(silent, { asOf: '2999-01-01' })).body.type).toBe(`${PROBLEMS}registration-forced-exit-not-candidate`);
    const bad = await confirm(silent, { asOf: '2029-02-30x' });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['asOf']);
    expect((await confirm(silent, {}, officerTh)).status).toBe(404);
    expect((await confirm(silent, {}, founder)).status).toBe(403);
    expect(await ds.query(`SELECT id FROM forced_exit WHERE uscc = $1`, [silent])).toEqual([]);
  });

  it('confirms a candidate: the notice runs 45 days as a durable timer; at its end the company is REVOKED with its licence, registration.company.revoked (FORCED_EXIT)', async () => {
    const res = await confirm(silent, { asOf: today() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ uscc: silent, status: 'NOTICE', assessedAsOf: today(), listedOn: yearsAgo(3), confirmedBy: 'officer-yx' });
    const noticeEndsAt = new Date(res.body.noticeEndsAt);
    expect(noticeEndsAt.getTime() - Date.now()).toBeGreaterThan(44 * 86_400_000);
    expect(noticeEndsAt.getTime() - Date.now()).toBeLessThan(47 * 86_400_000);
    expect((await noticeTimer(res.body.id))?.toISOString()).toBe(noticeEndsAt.toISOString());

    const twice = await confirm(silent);
    expect(twice.status).toBe(409);
    expect(twice.body.type).toBe(`${PROBLEMS}registration-forced-exit-conflict`);

    await fire(res.body.id, noticeEndsAt, new Date(noticeEndsAt.getTime() - 1000));
    expect(await companyStatus(silent)).toBe('ACTIVE');
    expect(await payloads('registration.company.revoked.v1', silent)).toEqual([]);

    const end = new Date(noticeEndsAt.getTime() + 1000);
    await fire(res.body.id, noticeEndsAt, end);
    await fire(res.body.id, noticeEndsAt, end); // idempotent
    expect(await companyStatus(silent)).toBe('REVOKED');
    expect(await licenceStatuses(silent)).toEqual(['REVOKED']);
    const [revoked, ...more] = await payloads('registration.company.revoked.v1', silent);
    expect(more).toEqual([]);
    expect(revoked).toEqual({ uscc: silent, reasonCode: 'FORCED_EXIT', effectiveOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await ds.query(`SELECT status, data->>'revokedOn' AS revoked_on FROM forced_exit WHERE id = $1`, [res.body.id]))[0]).toEqual({ status: 'REVOKED', revoked_on: revoked.effectiveOn });

    // Revoked: no more forced exit, no objection; it must still liquidate and deregister.
    expect((await confirm(silent)).body.type).toBe(`${PROBLEMS}registration-company-status-conflict`);
    expect((await object(silent, { reason: 'Too late' })).status).toBe(409);
  });

  it("stops at the company's objection during the notice: OBJECTED, the timer cancelled, no revocation", async () => {
    const res = await confirm(objector);
    expect(res.status).toBe(201);
    expect(await noticeTimer(res.body.id)).toBeDefined();

    expect((await object(objector, { reason: 'We filed at another office' }, stranger)).status).toBe(404);
    expect((await object(objector, { reason: 'We filed at another office' }, officerYx)).status).toBe(403);
    const bad = await object(objector, { reason: ' ' });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['reason']);

    const objected = await object(objector, { reason: 'We filed our returns at another tax office' });
    expect(objected.status).toBe(201);
    expect(objected.body).toMatchObject({ id: res.body.id, status: 'OBJECTED', objection: { by: 'fx-founder-1', reason: 'We filed our returns at another tax office' } });
    expect(await noticeTimer(res.body.id)).toBeUndefined();
    expect((await object(objector, { reason: 'Again' })).status).toBe(409);

    const noticeEndsAt = new Date(res.body.noticeEndsAt);
    await fire(res.body.id, noticeEndsAt, new Date(noticeEndsAt.getTime() + 1000));
    expect(await companyStatus(objector)).toBe('ACTIVE');
    expect(await licenceStatuses(objector)).toEqual(['VALID']);
    expect(await payloads('registration.company.revoked.v1', objector)).toEqual([]);
  });

  it('states the roles in the OpenAPI document', async () => {
    const paths = (await http().get('/openapi.json')).body.paths;
    expect(paths[`${PREFIX}/forced-exit-candidates/{uscc}/confirmation`].post['x-roles']).toEqual(['officer']);
    expect(paths[`${PREFIX}/forced-exit-candidates/{uscc}/objections`].post['x-roles']).toEqual(['applicant']);
  });
});

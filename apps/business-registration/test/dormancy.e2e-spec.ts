import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { dormancyPeriod } from '@one-window/business-registration/domain';
import { LocalDate, WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';
import { DORMANCY_END_TIMER, DormancyHandler } from '../src/dormancy/dormancy.handler';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const PROBLEMS = 'https://one-window.gov.cn/problems/';

/** 歇业 (§8 dormancy, §10.4 ACTIVE ⇄ DORMANT) against the real database; events through the outbox. */
describe('business registration: dormancy (歇业), at most 3 years', () => {
  const r = registrationUnderTest();
  const { tokens, http, as, payloads } = r;
  let app: NestExpressApplication;
  let ds: DataSource;
  let uscc: string;
  const founder = tokens.token({ sub: 'dormant-founder', roles: ['applicant'] });
  const stranger = tokens.token({ sub: 'someone-else', roles: ['applicant'] });
  const officer = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: 'GZ-YX-AMR' });

  beforeAll(async () => {
    ({ app, ds } = await r.start());
    uscc = await r.register('歇业', founder);
  }, 90_000);
  afterAll(() => r.close());

  const start = (body: object, token = founder) => http().post(`${PREFIX}/companies/${uscc}/dormancy`).set(as(token)).send(body);
  const end = (token = founder) => http().post(`${PREFIX}/companies/${uscc}/dormancy/end`).set(as(token)).send({});
  const today = () => app.get(WorkingCalendar).localDateOf(new Date()).toString();
  /** The latest last day (the unit tests pin the rule at its boundaries, leap days included). */
  const inThreeYears = () => dormancyPeriod(today()).endsOn;
  const pendingTimer = async () => (await app.get(Timers).pending({ kind: DORMANCY_END_TIMER })).find((t) => t.key === uscc);

  it('refuses a period longer than 3 years by one day (422 naming the latest end), bad input (400), other callers (404 / 403)', async () => {
    const tooLong = await start({ reasonCode: 'NATURAL_DISASTER', endsOn: LocalDate.parse(inThreeYears()).plusDays(1).toString() });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body).toMatchObject({ type: `${PROBLEMS}registration-dormancy-period-not-allowed`, latestEndOn: inThreeYears() });
    const bad = await start({ reasonCode: 'BORED', endsOn: 'soon' });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.violations.map((v: { field: string }) => v.field))].sort()).toEqual(['endsOn', 'reasonCode']);
    expect((await start({ reasonCode: 'ACCIDENT' }, stranger)).status).toBe(404);
    expect((await start({ reasonCode: 'ACCIDENT' }, officer)).status).toBe(403);
    expect(await payloads('registration.company.dormancy_started.v1', uscc)).toEqual([]);
  });

  it('exactly 3 years is allowed: DORMANT, dormancy_started, a timer at the start of the day after; resuming ends it (RESUMED) and cancels the timer', async () => {
    const res = await start({ reasonCode: 'NATURAL_DISASTER', endsOn: inThreeYears() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ uscc, status: 'DORMANT', dormancy: { since: today(), endsOn: inThreeYears(), reasonCode: 'NATURAL_DISASTER' } });
    expect(await payloads('registration.company.dormancy_started.v1', uscc)).toEqual([{ uscc, reasonCode: 'NATURAL_DISASTER', effectiveOn: today(), endsOn: inThreeYears() }]);
    expect((await pendingTimer())?.dueAt.toISOString()).toBe(app.get(WorkingCalendar).startOfDay(LocalDate.parse(inThreeYears()).plusDays(1)).toISOString());
    expect((await http().get(`${PREFIX}/public/companies/${uscc}`)).body.status).toBe('DORMANT');
    expect((await start({ reasonCode: 'ACCIDENT' })).status).toBe(409);

    const resumed = await end();
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe('ACTIVE');
    expect(await payloads('registration.company.dormancy_ended.v1', uscc)).toEqual([{ uscc, reasonCode: 'RESUMED', effectiveOn: today() }]);
    expect(await pendingTimer()).toBeUndefined();
    expect((await end()).status).toBe(409);
  });

  it('when the period ends the company resumes by itself (MAX_PERIOD_REACHED), once', async () => {
    const endsOn = LocalDate.parse(today()).plusDays(30).toString();
    expect((await start({ reasonCode: 'PUBLIC_HEALTH_EVENT', endsOn })).status).toBe(200);
    const timer = await pendingTimer();
    if (!timer) throw new Error('no dormancy timer');
    const fire = (at: Date) => ds.transaction((tx) => app.get(DormancyHandler).onPeriodEnd(timer, tx, at));
    await fire(timer.dueAt);
    await fire(new Date(timer.dueAt.getTime() + 60_000));
    const [row] = await ds.query(`SELECT status, data->'dormancy' AS dormancy FROM company WHERE uscc = $1`, [uscc]);
    expect(row).toEqual({ status: 'ACTIVE', dormancy: null });
    expect((await payloads('registration.company.dormancy_ended.v1', uscc)).map((p) => p['reasonCode'])).toEqual(['RESUMED', 'MAX_PERIOD_REACHED']);
  });
});

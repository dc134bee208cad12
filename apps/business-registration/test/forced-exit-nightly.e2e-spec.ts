import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { nextForcedExitRunAt } from '@one-window/business-registration/domain';
import { TaxReturnFilingRepository } from '@one-window/business-registration/data-access';
import { NonFilingConfirmed, TAX_SOURCE, TAX_TOPIC, type NonFilingConfirmedData } from '@one-window/tax/contracts';
import { buildEvent } from '@one-window/shared/messaging';
import { waitFor } from '@one-window/shared/testing';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { TimerPoller, Timers, type Timer } from '@one-window/shared/scheduling';
import { FORCED_EXIT_NIGHTLY_TIMER, ForcedExitNightlyHandler, ForcedExitNightlyScheduler, NIGHTLY_BATCH, NIGHTLY_KEY } from '../src/forced-exit-nightly/forced-exit-nightly.handler';
import { Clock } from '../src/shared/clock';
import { registrationUnderTest } from './registration-under-test';

const PREFIX = '/api/v1/business-registration';
const YX = 'GZ-YX-AMR';

/**
 * The nightly forced-exit rule (§8 [design]: nightly rule → candidates → officer confirms → notice
 * → revoke) against the real database and broker: the durable timer planned at start, fired by a
 * TimerPoller at controlled instants (a night in 2030, so the service's own poller, on the real
 * clock, never reaches it) with the service's Clock moved to the same instant. Listings and tax
 * filings are written with the service's repositories, dated two years before that night.
 */
describe('business registration: the nightly forced-exit rule (e2e)', () => {
  const r = registrationUnderTest({ topics: [TAX_TOPIC], source: TAX_SOURCE });
  const { tokens, http, as } = r;
  let app: NestExpressApplication;
  let ds: DataSource;
  let clock: jest.SpyInstance<Date, []>;
  let now = new Date();
  let poller: TimerPoller;
  const founder = tokens.token({ sub: 'fxn-founder-1', roles: ['applicant'] });
  const officerYx = tokens.token({ sub: 'officer-yx', roles: ['officer'], agency_id: YX });
  const officerTh = tokens.token({ sub: 'officer-th', roles: ['officer'], agency_id: 'GZ-TH-AMR' });

  const pending = (): Promise<Timer[]> => app.get(Timers).pending({ kind: FORCED_EXIT_NIGHTLY_TIMER });
  const candidateRows = async (uscc: string): Promise<{ as_of: string; status: string; case_id: string | null }[]> =>
    ds.query(`SELECT as_of::text AS as_of, status, case_id FROM forced_exit_candidate WHERE uscc = $1 ORDER BY as_of`, [uscc]);
  const published = async (type: string, uscc: string): Promise<Record<string, unknown>[]> =>
    (await ds.query(`SELECT payload FROM messaging_outbox WHERE type = $1 AND aggregate_id = $2 ORDER BY sequence`, [type, uscc])).map((r: { payload: string }) => JSON.parse(r.payload));
  const found = (uscc: string) => published('registration.forced_exit.candidate_found.v1', uscc);
  const lapsed = (uscc: string) => published('registration.forced_exit.candidate_lapsed.v1', uscc);
  const queue = (query = '', token = officerYx) => http().get(`${PREFIX}/forced-exit-candidates${query}`).set(as(token));
  /** Moves the one pending nightly timer to `dueAt` (the Timers API), then fires what is due at `at` as a poller would. */
  const planAndFire = async (dueAt: Date, at: Date = dueAt) => {
    await ds.transaction((tx) => app.get(Timers).schedule(tx, { kind: FORCED_EXIT_NIGHTLY_TIMER, key: NIGHTLY_KEY, dueAt }));
    return fireAt(at);
  };
  const fireAt = async (at: Date) => {
    now = at;
    return poller.round(at);
  };

  const register = (tradeName: string) => r.register(tradeName, founder);
  const list = (uscc: string, listedOn: string) => r.listAbnormal(uscc, listedOn, 'fxn-founder-1');

  // The night of 2030-06-11 (Asia/Shanghai): its run is 02:00 local = 2030-06-10T18:00Z.
  const NIGHT_1 = new Date('2030-06-10T18:00:00Z');
  const NIGHT_2 = new Date('2030-06-11T18:00:00Z'); // 2030-06-12 02:00 local
  const NIGHT_3 = new Date('2030-06-12T18:00:00Z'); // 2030-06-13 02:00 local
  let full: string; // listed 2028-06-10: 2 full years on 2030-06-11, no tax
  let short: string; // listed 2028-06-11: 2 full years only at 2030-06-12 00:00 local
  let taxed: string; // listed 2028-06-10, filed a return while listed

  beforeAll(async () => {
    ({ app, ds } = await r.start());
    [full, short, taxed] = [await register('夜检满期'), await register('夜检差分'), await register('夜检纳税')];
    await list(full, '2028-06-10');
    await list(short, '2028-06-11');
    await list(taxed, '2028-06-10');
    await ds.transaction((tx) =>
      app.get(TaxReturnFilingRepository).record(tx, { returnId: `r-${taxed}`, uscc: taxed, periodKey: 'VAT:2029-Q1', filedOn: '2029-04-15', eventId: 'e-1', recordedAt: new Date() }),
    );
    clock = jest.spyOn(app.get(Clock), 'now').mockImplementation(() => now);
    const handler = app.get(ForcedExitNightlyHandler);
    poller = new TimerPoller({ dataSource: ds, handlers: { [FORCED_EXIT_NIGHTLY_TIMER]: (timer, tx) => handler.execute(timer, tx).then(() => undefined) }, clock: () => now });
  }, 90_000);

  afterAll(async () => {
    clock?.mockRestore();
    await r.close();
  });

  it('plans the first run at service start (the next 02:00 Asia/Shanghai), once even when two instances start together', async () => {
    const [planned, ...more] = await pending();
    expect(more).toEqual([]);
    expect(planned.key).toBe(NIGHTLY_KEY);
    expect(planned.dueAt.getUTCHours()).toBe(18);
    expect(planned.dueAt.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);

    now = new Date('2030-06-10T09:30:00Z');
    await ds.transaction((tx) => app.get(Timers).cancel(tx, FORCED_EXIT_NIGHTLY_TIMER, NIGHTLY_KEY));
    const scheduler = app.get(ForcedExitNightlyScheduler);
    await Promise.all([scheduler.ensure(), scheduler.ensure(), scheduler.ensure()]);
    const after = await pending();
    expect(after.map((t) => t.dueAt.toISOString())).toEqual([NIGHT_1.toISOString()]);
    expect(nextForcedExitRunAt(now, app.get(WorkingCalendar)).toISOString()).toBe(NIGHT_1.toISOString());
    await scheduler.ensure(); // one pending: nothing new
    expect(await pending()).toHaveLength(1);
  });

  it('records a company 2 full years on the list with no tax as a candidate when the timer fires (candidate_found), once however often it fires that night; plans the next night', async () => {
    expect(await planAndFire(NIGHT_1)).toMatchObject({ claimed: 1, fired: 1 });
    expect(await candidateRows(full)).toEqual([{ as_of: '2030-06-11', status: 'PROPOSED', case_id: null }]);
    expect(await candidateRows(short)).toEqual([]);
    expect(await candidateRows(taxed)).toEqual([]);
    expect(await found(full)).toEqual([{ uscc: full, authorityCode: YX, asOf: '2030-06-11', listedOn: '2028-06-10', fullPeriodFrom: '2030-06-11', reasonCodes: ['UNREACHABLE_AT_ADDRESS'] }]);
    expect((await pending()).map((t) => [t.key, t.dueAt.toISOString()])).toEqual([[NIGHTLY_KEY, NIGHT_2.toISOString()]]);

    // The same night again (a re-run): nothing new.
    expect(await planAndFire(NIGHT_1, new Date(NIGHT_1.getTime() + 5 * 60_000))).toMatchObject({ fired: 1 });
    expect(await candidateRows(full)).toHaveLength(1);
    expect(await found(full)).toHaveLength(1);
    expect((await pending()).map((t) => t.dueAt.toISOString())).toEqual([NIGHT_2.toISOString()]);
  });

  it('one minute short of 2 full years is not a candidate; the next night it is, and a waiting candidate is not proposed again', async () => {
    // 2030-06-11 23:59 local: the listing of 2028-06-11 completes its 2 years at midnight.
    expect(await planAndFire(new Date('2030-06-11T15:59:00Z'))).toMatchObject({ fired: 1 });
    expect(await candidateRows(short)).toEqual([]);
    expect((await pending()).map((t) => t.dueAt.toISOString())).toEqual([NIGHT_2.toISOString()]);

    expect(await fireAt(NIGHT_2)).toMatchObject({ fired: 1 });
    expect(await candidateRows(short)).toEqual([{ as_of: '2030-06-12', status: 'PROPOSED', case_id: null }]);
    expect(await found(short)).toEqual([expect.objectContaining({ uscc: short, asOf: '2030-06-12', listedOn: '2028-06-11', fullPeriodFrom: '2030-06-12' })]);
    expect(await candidateRows(full)).toEqual([{ as_of: '2030-06-11', status: 'PROPOSED', case_id: null }]);
    expect(await found(full)).toHaveLength(1);
    expect((await pending()).map((t) => t.dueAt.toISOString())).toEqual([NIGHT_3.toISOString()]);
  });

  it("the officer's queue lists the recorded candidates (own authority); the as-of query still computes the rule", async () => {
    const res = await queue();
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(
      [
        { uscc: full, foundOn: '2030-06-11', listedOn: '2028-06-10', fullPeriodFrom: '2030-06-11' },
        { uscc: short, foundOn: '2030-06-12', listedOn: '2028-06-11', fullPeriodFrom: '2030-06-12' },
      ]
        .sort((a, b) => a.uscc.localeCompare(b.uscc))
        .map((c) => expect.objectContaining({ ...c, status: 'ACTIVE', reasonCodes: ['UNREACHABLE_AT_ADDRESS'], name: expect.any(String), foundAt: expect.any(String) })),
    );
    expect((await queue('', officerTh)).body.items).toEqual([]);
    const asOf = await queue('?asOf=2030-06-11');
    expect(asOf.body).toMatchObject({ asOf: '2030-06-11' });
    expect(asOf.body.items.map((c: { uscc: string }) => c.uscc)).toEqual([full]);
    expect((await candidateRows(taxed)).length).toBe(0);
  });

  it('the officer confirms from the recorded candidate: the notice runs, the candidate leaves the queue, and the next night does not propose it again', async () => {
    now = new Date('2030-06-12T01:00:00Z'); // 09:00 local
    const confirmed = await http().post(`${PREFIX}/forced-exit-candidates/${full}/confirmation`).set(as(officerYx)).send({});
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ uscc: full, status: 'NOTICE', assessedAsOf: '2030-06-12', listedOn: '2028-06-10', confirmedBy: 'officer-yx' });
    expect(await candidateRows(full)).toEqual([{ as_of: '2030-06-11', status: 'CONFIRMED', case_id: confirmed.body.id }]);
    expect((await queue()).body.items.map((c: { uscc: string }) => c.uscc)).toEqual([short]);

    expect(await fireAt(NIGHT_3)).toMatchObject({ fired: 1 });
    expect(await candidateRows(full)).toHaveLength(1);
    expect(await found(full)).toHaveLength(1);
    expect(await candidateRows(short)).toHaveLength(1);
    expect(await found(short)).toHaveLength(1);
    expect((await pending()).map((t) => t.dueAt.toISOString())).toEqual([new Date('2030-06-13T18:00:00Z').toISOString()]);
  });

  it('each night first re-checks the waiting candidates: one whose company filed a tax return while listed, or whose listing was removed, lapses (candidate_lapsed) and leaves the queue; a night spanning several firings does each once', async () => {
    const NIGHT_4 = new Date('2030-06-13T18:00:00Z'); // 2030-06-14 02:00 local
    const NIGHT_5 = new Date('2030-06-14T18:00:00Z');
    const NIGHT_6 = new Date('2030-06-15T18:00:00Z');
    const cured = await register('夜检整改');
    await list(cured, '2028-06-12');
    expect(await fireAt(NIGHT_4)).toMatchObject({ fired: 1 });
    expect(await candidateRows(cured)).toEqual([{ as_of: '2030-06-14', status: 'PROPOSED', case_id: null }]);
    expect(await candidateRows(short)).toEqual([{ as_of: '2030-06-12', status: 'PROPOSED', case_id: null }]); // re-checked: still stands
    expect(await lapsed(short)).toEqual([]);

    // `short` files a return (as the tax-filings consumer records it); the officer removes `cured` from the list.
    await ds.transaction((tx) =>
      app.get(TaxReturnFilingRepository).record(tx, { returnId: `r-${short}`, uscc: short, periodKey: 'VAT:2030-05', filedOn: '2030-06-14', eventId: 'e-2', recordedAt: new Date() }),
    );
    const [listing] = await ds.query(`SELECT id FROM abnormal_listing WHERE uscc = $1`, [cured]);
    now = new Date('2030-06-14T02:00:00Z');
    const removed = await http().post(`${PREFIX}/companies/${cured}/abnormal-listings/${listing.id}/decision`).set(as(officerYx)).send({ outcome: 'REMOVE', correctionRef: 'ADDR-VERIFIED-2030-06' });
    expect(removed.status).toBe(200);

    // The next night, one company per firing: the re-check and the search go on from their cursor until the night is done.
    app.get(ForcedExitNightlyHandler).batchSize = 1;
    let firings = 0;
    for (; firings < 20; firings++) {
      const [next] = await pending();
      if (next.dueAt.getTime() > NIGHT_5.getTime()) break;
      expect(await fireAt(NIGHT_5)).toMatchObject({ fired: 1 });
    }
    app.get(ForcedExitNightlyHandler).batchSize = NIGHTLY_BATCH;
    expect(firings).toBeGreaterThan(3);
    expect((await pending()).map((t) => [t.dueAt.toISOString(), t.payload])).toEqual([[NIGHT_6.toISOString(), {}]]);

    expect(await candidateRows(short)).toEqual([{ as_of: '2030-06-12', status: 'LAPSED', case_id: null }]);
    expect(await candidateRows(cured)).toEqual([{ as_of: '2030-06-14', status: 'LAPSED', case_id: null }]);
    expect(await lapsed(short)).toEqual([{ uscc: short, authorityCode: YX, asOf: '2030-06-15', listedOn: '2028-06-11', foundOn: '2030-06-12', reason: 'TAX_FILED', taxFiledOn: '2030-06-14' }]);
    expect(await lapsed(cured)).toEqual([{ uscc: cured, authorityCode: YX, asOf: '2030-06-15', listedOn: '2028-06-12', foundOn: '2030-06-14', reason: 'LISTING_ENDED' }]);
    expect((await queue()).body.items).toEqual([]);
    // Confirmed candidates are not re-checked.
    expect(await candidateRows(full)).toEqual([{ as_of: '2030-06-11', status: 'CONFIRMED', case_id: expect.any(String) }]);
    expect(await lapsed(full)).toEqual([]);

    // The night after: nothing lapses twice, nothing is proposed again.
    expect(await fireAt(NIGHT_6)).toMatchObject({ fired: 1 });
    expect(await lapsed(short)).toHaveLength(1);
    expect(await lapsed(cured)).toHaveLength(1);
    expect(await found(short)).toHaveLength(1);
    expect(await candidateRows(cured)).toHaveLength(1);
  });

  it("tax's answer to a candidate (tax.non_filing.confirmed, R4.7) is kept on it; an answer naming a return filed while listed lapses it at once (TAX_FILED)", async () => {
    const NIGHT_7 = new Date('2030-06-16T18:00:00Z'); // 2030-06-17 02:00 local
    const [answered, refuted] = [await register('青柠答复'), await register('远帆驳回')];
    await list(answered, '2028-06-14');
    await list(refuted, '2028-06-14');
    expect(await fireAt(NIGHT_7)).toMatchObject({ fired: 1 });
    expect((await candidateRows(answered)).map((c) => c.status)).toEqual(['PROPOSED']);
    expect((await candidateRows(refuted)).map((c) => c.status)).toEqual(['PROPOSED']);

    const answer = (uscc: string, data: Partial<NonFilingConfirmedData>) =>
      buildEvent(NonFilingConfirmed, TAX_SOURCE, {
        aggregateId: uscc,
        data: { taxpayerId: uscc, asOf: '2030-06-17', listedOn: '2028-06-14', taxpayerKnown: true, nonFiling: true, queryEventId: 'q', ...data },
      });
    const events = [
      answer(answered, { noReturnSince: '2028-03-01', lastReturnFiledOn: '2028-03-01' }),
      answer(refuted, { nonFiling: false, noReturnSince: '2029-02-01', lastReturnFiledOn: '2029-02-01' }),
      answer(full, { asOf: '1999-01-01' }), // no candidate of that night: logged, nothing else
    ];
    for (const e of events) await r.publisher.send(TAX_TOPIC, e);
    await waitFor(async () => ((await Promise.all(events.map((e) => r.handled('registration.tax-filings', e.id)))).every(Boolean) ? true : undefined), 30_000);

    const item = ((await queue()).body.items as { uscc: string; taxAnswer?: unknown }[]).find((c) => c.uscc === answered);
    expect(item?.taxAnswer).toEqual({ taxpayerKnown: true, nonFiling: true, noReturnSince: '2028-03-01', lastReturnFiledOn: '2028-03-01', answeredAt: events[0].time });
    expect(await candidateRows(refuted)).toEqual([{ as_of: '2030-06-17', status: 'LAPSED', case_id: null }]);
    expect(await lapsed(refuted)).toEqual([{ uscc: refuted, authorityCode: YX, asOf: '2030-06-17', listedOn: '2028-06-14', foundOn: '2030-06-17', reason: 'TAX_FILED', taxFiledOn: '2029-02-01' }]);
    expect(((await queue()).body.items as { uscc: string }[]).map((c) => c.uscc)).not.toContain(refuted);
    expect((await ds.query(`SELECT count(*)::int AS n FROM messaging_dead_letter`))[0].n).toBe(0);
  });
});

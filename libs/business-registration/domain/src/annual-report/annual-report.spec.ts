import fc from 'fast-check';
import { LocalDate, timeZoneOf, WorkingCalendar } from '@one-window/shared/calendar';
import { plusYears } from '../shared/dates';
import { describeMachineExhaustively } from '../shared/machine-testing';
import { ABNORMAL_LISTING_MACHINE, AbnormalListing } from './abnormal-list';
import { ENTITY_STATES } from '../entity/entity-status';
import { assessForcedExit, FORCED_EXIT_OPEN_STATUSES, nextForcedExitRunAt, recheckForcedExitCandidate } from './forced-exit';
import { isReportOverdue, isWithinReportWindow, reportWindow } from './report-window';

const now = new Date('2026-07-01T01:00:00+08:00');

describeMachineExhaustively(ABNORMAL_LISTING_MACHINE);

describe('annual report window', () => {
  it('1 Jan – 30 Jun of the next year; overdue from 1 Jul', () => {
    expect(reportWindow(2025)).toEqual({ opensOn: '2026-01-01', closesOn: '2026-06-30' });
    expect(isWithinReportWindow(2025, '2025-12-31')).toBe(false);
    expect(isWithinReportWindow(2025, '2026-06-30')).toBe(true);
    expect(isReportOverdue(2025, '2026-06-30')).toBe(false);
    expect(isReportOverdue(2025, '2026-07-01')).toBe(true);
    expect(isReportOverdue(2025, '2026-07-01', '2026-05-01')).toBe(false);
    expect(reportWindow(2025, { opens: '01-01', closes: '05-31' }).closesOn).toBe('2026-05-31');
  });
});

describe('abnormal list', () => {
  it('a missed report lists the entity the day after the window, with a reason', () => {
    expect(AbnormalListing.forMissedReport({ id: 'l', uscc: 'U', reportYear: 2025, today: '2026-06-30', at: now })).toBeUndefined();
    const listed = AbnormalListing.forMissedReport({ id: 'l', uscc: 'U', reportYear: 2025, today: '2026-07-01', at: now });
    expect(listed?.aggregate.state).toMatchObject({ status: 'LISTED', reasonCode: 'ANNUAL_REPORT_OVERDUE', listedOn: '2026-07-01' });
    expect(listed?.events[0]).toMatchObject({ type: 'registration.company.abnormal_listed', aggregateId: 'U' });
  });

  it('removal on correction by an officer', () => {
    const listed = AbnormalListing.list({ id: 'l', uscc: 'U', reasonCode: 'UNREACHABLE_AT_ADDRESS', listedOn: '2026-03-01', actor: 'officer', at: now }).aggregate;
    const removed = listed.remove({ removedOn: '2026-04-01', correctionRef: 'new-address', actor: 'officer', at: now });
    expect(removed.aggregate.state).toMatchObject({ status: 'REMOVED', removedOn: '2026-04-01' });
    expect(removed.events[0]).toMatchObject({ type: 'registration.company.abnormal_removed', data: { removedOn: '2026-04-01' } });
    expect(() => listed.remove({ removedOn: '2026-04-01', correctionRef: ' ', actor: 'officer', at: now })).toThrow();
  });
});

describe('forced exit (2 full years listed, no tax filed)', () => {
  it('2 years minus one day: not yet; the day after 2 full years: candidate', () => {
    expect(assessForcedExit({ listedOn: '2024-03-15', today: '2026-03-15', filings: [] })).toMatchObject({ candidate: false, fullPeriodFrom: '2026-03-16' });
    expect(assessForcedExit({ listedOn: '2024-03-15', today: '2026-03-16', filings: [] }).candidate).toBe(true);
    expect(assessForcedExit({ listedOn: '2024-02-29', today: '2026-02-28', filings: [] }).candidate).toBe(false);
    expect(assessForcedExit({ listedOn: '2024-02-29', today: '2026-03-01', filings: [] }).candidate).toBe(true);
  });

  it('a return filed while listed prevents it; one before listing does not; zero returns per policy', () => {
    const base = { listedOn: '2024-03-15', today: '2026-06-01' };
    expect(assessForcedExit({ ...base, filings: [{ filedOn: '2025-01-10' }] }).candidate).toBe(false);
    expect(assessForcedExit({ ...base, filings: [{ filedOn: '2024-03-14' }] }).candidate).toBe(true);
    expect(assessForcedExit({ ...base, filings: [{ filedOn: '2025-01-10', zero: true }] }, { years: 2, zeroReturnCounts: false }).candidate).toBe(true);
  });

  it('property: with no filings, a candidate exactly from listedOn + 2 years + 1 day', () => {
    const start = LocalDate.parse('2020-01-01');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: -5, max: 5 }), (d, k) => {
        const listedOn = start.plusDays(d);
        const today = plusYears(listedOn, 2).plusDays(k);
        return assessForcedExit({ listedOn: listedOn.toString(), today: today.toString(), filings: [] }).candidate === k >= 1;
      }),
    );
  });
});

describe('forced exit: a recorded candidate re-checked', () => {
  const standing = { candidateListedOn: '2028-06-10', currentListedOn: '2028-06-10', entityStatus: 'ACTIVE', today: '2030-06-12', filings: [] };

  it('stands while the entity is open, the same listing runs and no return was filed while listed', () => {
    expect(recheckForcedExitCandidate(standing)).toEqual({ stands: true });
    expect(recheckForcedExitCandidate({ ...standing, entityStatus: 'DORMANT' })).toEqual({ stands: true });
    expect(recheckForcedExitCandidate({ ...standing, filings: [{ filedOn: '2028-06-09' }] })).toEqual({ stands: true }); // the day before the listing
  });

  it('lapses when the entity is no longer open to forced exit, for every such status', () => {
    expect(FORCED_EXIT_OPEN_STATUSES).toEqual(['ACTIVE', 'DORMANT']);
    for (const status of ENTITY_STATES.filter((s) => !FORCED_EXIT_OPEN_STATUSES.includes(s))) {
      expect(recheckForcedExitCandidate({ ...standing, entityStatus: status })).toEqual({ stands: false, reason: 'NOT_OPEN_TO_FORCED_EXIT' });
    }
  });

  it('lapses when the listing it was found for ended: removed, or replaced by a later listing', () => {
    const { currentListedOn: _none, ...removed } = standing;
    expect(recheckForcedExitCandidate(removed)).toEqual({ stands: false, reason: 'LISTING_ENDED' });
    expect(recheckForcedExitCandidate({ ...standing, currentListedOn: '2030-06-01' })).toEqual({ stands: false, reason: 'LISTING_ENDED' });
  });

  it('lapses on a return filed while listed: on the listing day yes, on the night of the re-check yes, after it not yet', () => {
    expect(recheckForcedExitCandidate({ ...standing, filings: [{ filedOn: '2028-06-10' }] })).toEqual({ stands: false, reason: 'TAX_FILED' });
    expect(recheckForcedExitCandidate({ ...standing, filings: [{ filedOn: '2030-06-12' }] })).toEqual({ stands: false, reason: 'TAX_FILED' });
    expect(recheckForcedExitCandidate({ ...standing, filings: [{ filedOn: '2030-06-13' }] })).toEqual({ stands: true });
  });

  it('the first failing check is the reason: status, then listing, then tax', () => {
    expect(recheckForcedExitCandidate({ ...standing, entityStatus: 'REVOKED', currentListedOn: '2030-01-01', filings: [{ filedOn: '2029-01-01' }] })).toEqual({
      stands: false,
      reason: 'NOT_OPEN_TO_FORCED_EXIT',
    });
    expect(recheckForcedExitCandidate({ ...standing, currentListedOn: '2030-01-01', filings: [{ filedOn: '2029-01-01' }] })).toEqual({ stands: false, reason: 'LISTING_ENDED' });
  });
});

describe('forced exit: the nightly rule runs at 02:00 Asia/Shanghai (18:00 UTC the day before)', () => {
  const shanghai = timeZoneOf('Asia/Shanghai');
  const next = (iso: string) => nextForcedExitRunAt(new Date(iso), shanghai).toISOString();

  it('before 02:00 local: tonight; at or after it: tomorrow night', () => {
    expect(next('2026-03-15T17:59:59.999Z')).toBe('2026-03-15T18:00:00.000Z'); // 01:59:59.999 on the 16th local
    expect(next('2026-03-15T18:00:00.000Z')).toBe('2026-03-16T18:00:00.000Z'); // exactly 02:00: the run firing now is not the next
    expect(next('2026-03-15T18:00:00.001Z')).toBe('2026-03-16T18:00:00.000Z');
  });

  it('across the UTC day boundary: 00:00 UTC is 08:00 local, the next run is 18:00 UTC the same UTC day', () => {
    expect(next('2026-03-15T23:59:59.999Z')).toBe('2026-03-16T18:00:00.000Z'); // 07:59 on the 16th local
    expect(next('2026-03-16T00:00:00.000Z')).toBe('2026-03-16T18:00:00.000Z'); // 08:00 on the 16th local
    expect(next('2026-03-15T16:00:00.000Z')).toBe('2026-03-15T18:00:00.000Z'); // local midnight of the 16th
    expect(next('2026-03-15T15:59:59.999Z')).toBe('2026-03-15T18:00:00.000Z'); // 23:59 on the 15th local
  });

  it('across a month, a year end and a leap day; the calendar zone gives the same instants', () => {
    expect(next('2026-12-31T18:00:00.000Z')).toBe('2027-01-01T18:00:00.000Z');
    expect(next('2026-12-31T17:00:00.000Z')).toBe('2026-12-31T18:00:00.000Z'); // 01:00 on 1 Jan 2027 local
    expect(next('2028-02-28T18:30:00.000Z')).toBe('2028-02-29T18:00:00.000Z');
    expect(nextForcedExitRunAt(new Date('2026-10-01T03:00:00Z'), WorkingCalendar.chinaMainland()).toISOString()).toBe('2026-10-01T18:00:00.000Z');
  });

  it('property: always within the next 24 hours, at 02:00 local, strictly later', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2035-01-01T00:00:00Z') }), (ms) => {
        const run = nextForcedExitRunAt(new Date(ms), shanghai).getTime();
        return run > ms && run - ms <= 86_400_000 && new Date(run).getUTCHours() === 18 && new Date(run).getUTCMinutes() === 0 && new Date(run).getUTCSeconds() === 0;
      }),
    );
  });
});

import { calendarCheck, serviceCalendar } from './calendar';

describe('platform calendar readiness', () => {
  const at = (iso: string) => () => new Date(iso);

  it('is up for a loaded year and says whether next year is loaded', async () => {
    const details = await calendarCheck(serviceCalendar({ jurisdiction: 'CN', fallback: 'none' }), at('2026-11-23T10:00:00+08:00'))();
    expect(details).toEqual({ jurisdiction: 'CN', loadedYears: [2026], fallbackInUse: false, nextYearLoaded: false });
  });

  it('is down for a year with no data and no fallback: deadlines cannot be computed', async () => {
    await expect(calendarCheck(serviceCalendar({ jurisdiction: 'CN', fallback: 'none' }), at('2027-01-04T09:00:00+08:00'))()).rejects.toThrow(
      'no working calendar loaded for 2027 (CN) and no fallback configured',
    );
  });

  it('stays up on the weekends-only fallback and reports that it is in use', async () => {
    const details = await calendarCheck(serviceCalendar({ jurisdiction: 'CN', fallback: 'weekends-only' }), at('2027-01-04T09:00:00+08:00'))();
    expect(details).toMatchObject({ fallbackInUse: true });
  });

  it('the year boundary is the local (Asia/Shanghai) one: 2026-12-31T16:00Z is already 2027', async () => {
    await expect(calendarCheck(serviceCalendar({ jurisdiction: 'CN', fallback: 'none' }), at('2026-12-31T15:59:59Z'))()).resolves.toBeDefined();
    await expect(calendarCheck(serviceCalendar({ jurisdiction: 'CN', fallback: 'none' }), at('2026-12-31T16:00:00Z'))()).rejects.toThrow(/2027/);
  });
});

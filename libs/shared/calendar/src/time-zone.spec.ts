import { CalendarArgumentError } from './errors';
import { LocalDate } from './local-date';
import { FixedOffsetTimeZone, IntlTimeZone, timeZoneOf } from './time-zone';

describe('time zones', () => {
  it('defaults to Asia/Shanghai, a fixed UTC+8 zone computed without the tz database', () => {
    const zone = timeZoneOf();
    expect(zone).toBeInstanceOf(FixedOffsetTimeZone);
    expect(zone.id).toBe('Asia/Shanghai');
    expect(zone.offsetMinutesAt(new Date('2026-07-01T00:00:00Z'))).toBe(480);
  });

  it('maps instants to Shanghai local dates at the 16:00Z boundary', () => {
    const zone = timeZoneOf('Asia/Shanghai');
    expect(zone.localDateOf(new Date('2026-09-30T15:59:59.999Z')).toString()).toBe('2026-09-30');
    expect(zone.localDateOf(new Date('2026-09-30T16:00:00.000Z')).toString()).toBe('2026-10-01');
    expect(zone.startOfDay(LocalDate.parse('2026-10-08')).toISOString()).toBe('2026-10-07T16:00:00.000Z');
  });

  it('agrees with Intl for Asia/Shanghai across 2026', () => {
    const fixed = timeZoneOf('Asia/Shanghai');
    const intl = new IntlTimeZone('Asia/Shanghai');
    for (let day = LocalDate.parse('2026-01-01'); day.year === 2026; day = day.plusDays(17)) {
      expect(intl.startOfDay(day).toISOString()).toBe(fixed.startOfDay(day).toISOString());
    }
  });

  it('supports +HH:MM offsets and UTC', () => {
    expect(timeZoneOf('+05:30').startOfDay(LocalDate.parse('2026-01-01')).toISOString()).toBe('2025-12-31T18:30:00.000Z');
    expect(timeZoneOf('-03:00').localDateOf(new Date('2026-01-01T02:59:59Z')).toString()).toBe('2025-12-31');
    expect(timeZoneOf('UTC').startOfDay(LocalDate.parse('2026-01-01')).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('handles daylight saving time through Intl (Europe/Berlin, 2026-03-29 and 2026-10-25)', () => {
    const berlin = timeZoneOf('Europe/Berlin');
    expect(berlin).toBeInstanceOf(IntlTimeZone);
    expect(berlin.startOfDay(LocalDate.parse('2026-03-29')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(berlin.startOfDay(LocalDate.parse('2026-03-30')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(berlin.startOfDay(LocalDate.parse('2026-10-26')).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(berlin.offsetMinutesAt(new Date('2026-07-01T12:00:00Z'))).toBe(120);
  });

  it('starts a day at the transition when local midnight does not exist (America/Santiago, 2022-09-11)', () => {
    const santiago = timeZoneOf('America/Santiago');
    // Clocks jumped from 24:00 on Sep 10 to 01:00 on Sep 11 (UTC-4 -> UTC-3).
    expect(santiago.startOfDay(LocalDate.parse('2022-09-11')).toISOString()).toBe('2022-09-11T04:00:00.000Z');
    expect(santiago.localDateOf(new Date('2022-09-11T03:59:59.999Z')).toString()).toBe('2022-09-10');
    expect(santiago.startOfDay(LocalDate.parse('2022-09-12')).toISOString()).toBe('2022-09-12T03:00:00.000Z');
  });

  it('rejects unknown zones and invalid instants', () => {
    expect(() => timeZoneOf('Mars/Olympus_Mons')).toThrow(CalendarArgumentError);
    expect(() => timeZoneOf('Asia/Shanghai').localDateOf(new Date('nope'))).toThrow(CalendarArgumentError);
    expect(() => new FixedOffsetTimeZone('bad', 24 * 60)).toThrow(CalendarArgumentError);
  });
});

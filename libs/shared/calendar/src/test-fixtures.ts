/**
 * Helpers shared by the spec files (not exported from the library).
 * Fixture data here is invented for tests and is NOT an official calendar.
 */

/** An instant given as Asia/Shanghai wall-clock time, e.g. shanghai('2026-10-10T00:00'). */
export function shanghai(localDateTime: string): Date {
  const date = new Date(`${localDateTime}+08:00`);
  if (Number.isNaN(date.getTime())) throw new Error(`bad test instant ${localDateTime}`);
  return date;
}

/** Invented 2027 national data (the real 2027 notice is not published when this was written). */
export const FIXTURE_CN_2027 = {
  jurisdiction: 'CN',
  year: 2027,
  source: { title: 'TEST FIXTURE — not the State Council 2027 notice' },
  holidays: [{ name: 'Fixture New Year', from: '2027-01-01', to: '2027-01-03' }],
  adjustedWorkdays: [],
};

/** Invented Guangzhou override: one extra local holiday on Tuesday 2026-03-10. */
export const FIXTURE_GUANGZHOU_2026 = {
  jurisdiction: 'CN-44-01',
  parent: 'CN',
  year: 2026,
  source: { title: 'TEST FIXTURE — invented local holiday' },
  add: { holidays: [{ name: 'Fixture local holiday', from: '2026-03-10', to: '2026-03-10' }] },
};

/** The error `fn` throws; fails the test if it throws nothing. */
export function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

/**
 * Calendar data shipped with the library, one JSON file per jurisdiction and year under
 * libs/shared/calendar/data. To add a year: drop data/cn/<year>.json next to 2026.json (same
 * shape, cite the State Council notice in `source`) and list it here. The files are validated
 * when a calendar is built from them (parseYearData), never trusted as typed.
 */
import cn2026 from '../data/cn/2026.json';

/** Mainland China (national) years shipped with the library. */
export const CN_BUNDLED_YEARS: readonly unknown[] = [cn2026];

/**
 * GET /requests query validation (§7, GeoReport v2): `service_request_id` (comma list) overrides
 * every other filter (the others are then ignored, not validated); `service_code` (comma list);
 * `status` (open, closed; comma list); `start_date` / `end_date` on `requested_datetime`, a window
 * of at most 90 days (exactly 90 × 24 h is allowed, 1 ms more is a 400); default the last 90 days
 * up to `now`. With only `start_date` the window ends 90 days later (or now, if earlier); with
 * only `end_date` it starts 90 days before. Newest first, capped (default 1,000). Errors are the
 * Open311 list `[{code, description}]`, all problems at once.
 *
 * Datetimes are W3C: a date ('2026-09-30', read as 00:00 in +08:00) or a date-time with seconds
 * optional and an explicit offset or Z.
 */

export interface Open311Error {
  readonly code: number;
  readonly description: string;
}

export type Open311RequestQuery =
  | { readonly kind: 'BY_ID'; readonly serviceRequestIds: readonly string[] }
  | {
      readonly kind: 'FILTER';
      readonly serviceCodes?: readonly string[];
      readonly statuses?: readonly ('open' | 'closed')[];
      readonly startDate: Date;
      readonly endDate: Date;
      readonly limit: number;
    };

export type Open311QueryResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly Open311Error[] };

export const OPEN311_QUERY_RULES = { maxWindowDays: 90, defaultLimit: 1000, defaultOffset: '+08:00' } as const;

const MS_PER_DAY = 86_400_000;
const W3C = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A W3C datetime, or undefined when malformed. */
export function parseW3cDateTime(value: string): Date | undefined {
  const m = W3C.exec(value.trim());
  if (!m) return undefined;
  const iso = m[4] === undefined ? `${m[1]}-${m[2]}-${m[3]}T00:00:00${OPEN311_QUERY_RULES.defaultOffset}` : `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${m[8]}`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  // reject roll-overs such as 2026-02-30
  const check = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`) return undefined;
  return d;
}

type Params = Readonly<Record<string, string | readonly string[] | undefined>>;

function param(params: Params, name: string): string | undefined {
  const v = params[name];
  const s = Array.isArray(v) ? v.join(',') : (v as string | undefined);
  return s === undefined || s.trim() === '' ? undefined : s;
}

/** Comma list, trimmed, empty items dropped, duplicates removed (first order kept). */
export function commaList(value: string): string[] {
  return [...new Set(value.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}

/** The start/end window (also used by GET /servicerequestupdates, ≤90 days). */
export function parseOpen311DateWindow(params: Params, now: Date, maxWindowDays: number = OPEN311_QUERY_RULES.maxWindowDays): Open311QueryResult<{ startDate: Date; endDate: Date }> {
  const errors: Open311Error[] = [];
  const max = maxWindowDays * MS_PER_DAY;
  const read = (name: string): Date | undefined => {
    const raw = param(params, name);
    if (raw === undefined) return undefined;
    const d = parseW3cDateTime(raw);
    if (!d) errors.push({ code: 400, description: `${name} is not a W3C datetime: ${raw}` });
    return d;
  };
  const start = read('start_date');
  const end = read('end_date');
  if (errors.length > 0) return { ok: false, errors };
  let startDate: Date;
  let endDate: Date;
  if (start && end) {
    startDate = start;
    endDate = end;
  } else if (start) {
    startDate = start;
    endDate = new Date(Math.min(start.getTime() + max, Math.max(now.getTime(), start.getTime())));
  } else if (end) {
    endDate = end;
    startDate = new Date(end.getTime() - max);
  } else {
    endDate = new Date(now.getTime());
    startDate = new Date(now.getTime() - max);
  }
  if (endDate.getTime() < startDate.getTime()) errors.push({ code: 400, description: 'end_date is before start_date' });
  else if (endDate.getTime() - startDate.getTime() > max) errors.push({ code: 400, description: `The date window may not span more than ${maxWindowDays} days` });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { startDate, endDate } };
}

/** Validates GET /requests parameters (§7). */
export function parseOpen311RequestQuery(params: Params, now: Date, options: { maxWindowDays?: number; limit?: number } = {}): Open311QueryResult<Open311RequestQuery> {
  const ids = param(params, 'service_request_id');
  if (ids !== undefined) {
    const list = commaList(ids);
    if (list.length > 0) return { ok: true, value: { kind: 'BY_ID', serviceRequestIds: list } };
  }
  const errors: Open311Error[] = [];
  const codes = param(params, 'service_code');
  const statusRaw = param(params, 'status');
  let statuses: ('open' | 'closed')[] | undefined;
  if (statusRaw !== undefined) {
    const list = commaList(statusRaw.toLowerCase());
    const bad = list.filter((s) => s !== 'open' && s !== 'closed');
    if (bad.length > 0) errors.push({ code: 400, description: `status must be open or closed: ${bad.join(', ')}` });
    else statuses = list as ('open' | 'closed')[];
  }
  const window = parseOpen311DateWindow(params, now, options.maxWindowDays);
  if (!window.ok) errors.push(...window.errors);
  if (errors.length > 0 || !window.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind: 'FILTER',
      ...(codes !== undefined ? { serviceCodes: commaList(codes) } : {}),
      ...(statuses ? { statuses } : {}),
      startDate: window.value.startDate,
      endDate: window.value.endDate,
      limit: options.limit ?? OPEN311_QUERY_RULES.defaultLimit,
    },
  };
}

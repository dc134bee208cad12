import { LocalDate } from '@one-window/shared/calendar';
import { HIGH_RISK_LISTS, type HighRiskList, type ListHit } from '../credit-risk/credit-risk';
import { InvalidPublicationError, type PublicationViolation } from './errors';

/**
 * The high-risk lists as admin-published data (R8.5): arrears announcements, abnormal accounts,
 * refund fraud, false invoicing and STA penalty data obtained from other bureaus, one entry per
 * list and taxpayer with its source (the publishing bureau) and date. A change adds or removes
 * entries; like every publication it takes effect only when a second admin approves it. An active
 * entry is a list hit for the credit + risk gate (refund fraud and false invoicing block refunds
 * and invoice key operations).
 */
export const HIGH_RISK_LIST_ACTIONS = ['ADD', 'REMOVE'] as const;
export type HighRiskListAction = (typeof HIGH_RISK_LIST_ACTIONS)[number];

export interface HighRiskListEntryInput {
  readonly taxpayerId: string;
  readonly list: HighRiskList;
  /** The bureau that published (or withdrew) the entry, e.g. '国家税务总局湖南省税务局'. */
  readonly origin: string;
  /** ISO local date of the list entry (or of its withdrawal). */
  readonly date: string;
}

export interface HighRiskListChange {
  readonly action: HighRiskListAction;
  readonly entries: readonly HighRiskListEntryInput[];
}

/** One list entry as stored: active until a later approved change removes it. */
export interface HighRiskListEntry {
  /** `${list}:${taxpayerId}` */
  readonly id: string;
  readonly taxpayerId: string;
  readonly list: HighRiskList;
  readonly origin: string;
  readonly date: string;
  readonly active: boolean;
  /** The publications that added and (last) removed it. */
  readonly addedBy: string;
  readonly addedAt: Date;
  readonly removedBy?: string;
  readonly removedAt?: Date;
  readonly removal?: { readonly origin: string; readonly date: string };
}

export const MAX_HIGH_RISK_ENTRIES_PER_CHANGE = 500;

export function highRiskListEntryId(list: string, taxpayerId: string): string {
  return `${list}:${taxpayerId}`;
}

/**
 * Everything wrong with `change` given the entries stored now (`current`, by id), each naming its
 * field: known action and list, a taxpayer id, a source, a date not after `today`, no entry twice,
 * ADD only what is not listed, REMOVE only what is.
 */
export function highRiskListChangeViolations(change: HighRiskListChange, current: ReadonlyMap<string, HighRiskListEntry>, today: string): PublicationViolation[] {
  const violations: PublicationViolation[] = [];
  if (!(HIGH_RISK_LIST_ACTIONS as readonly unknown[]).includes(change.action)) violations.push({ field: 'action', reason: `must be one of ${HIGH_RISK_LIST_ACTIONS.join(', ')}` });
  if (!Array.isArray(change.entries) || change.entries.length === 0 || change.entries.length > MAX_HIGH_RISK_ENTRIES_PER_CHANGE) {
    violations.push({ field: 'entries', reason: `must hold 1 to ${MAX_HIGH_RISK_ENTRIES_PER_CHANGE} entries` });
    return violations;
  }
  const seen = new Set<string>();
  change.entries.forEach((e, i) => {
    const at = `entries[${i}]`;
    const idOk = typeof e?.taxpayerId === 'string' && /^[0-9A-Za-z-]{6,64}$/.test(e.taxpayerId);
    const listOk = (HIGH_RISK_LISTS as readonly unknown[]).includes(e?.list);
    if (!idOk) violations.push({ field: `${at}.taxpayerId`, reason: 'must be a taxpayer id (credit code or internal id)' });
    if (!listOk) violations.push({ field: `${at}.list`, reason: `must be one of ${HIGH_RISK_LISTS.join(', ')}` });
    if (typeof e?.origin !== 'string' || e.origin.trim().length === 0 || e.origin.length > 100) violations.push({ field: `${at}.origin`, reason: 'must name the publishing bureau (1–100 characters)' });
    if (!LocalDate.isValidIso(e?.date)) violations.push({ field: `${at}.date`, reason: 'must be a date (YYYY-MM-DD)' });
    else if (e.date > today) violations.push({ field: `${at}.date`, reason: `must not be after today (${today})` });
    if (!idOk || !listOk) return;
    const id = highRiskListEntryId(e.list, e.taxpayerId);
    if (seen.has(id)) {
      violations.push({ field: at, reason: `${e.list} / ${e.taxpayerId} is in the change twice` });
      return;
    }
    seen.add(id);
    const stored = current.get(id);
    if (change.action === 'ADD' && stored?.active) violations.push({ field: at, reason: `${e.taxpayerId} is already on the ${e.list} list (since ${stored.date})` });
    if (change.action === 'REMOVE' && !stored?.active) violations.push({ field: at, reason: `${e.taxpayerId} is not on the ${e.list} list` });
  });
  return violations;
}

/**
 * The entries an approved change writes (new or replaced), or InvalidPublicationError (422) when
 * it no longer fits what is stored.
 */
export function applyHighRiskListChange(
  change: HighRiskListChange,
  current: ReadonlyMap<string, HighRiskListEntry>,
  publicationId: string,
  at: Date,
  today: string,
): HighRiskListEntry[] {
  const violations = highRiskListChangeViolations(change, current, today);
  if (violations.length > 0) throw new InvalidPublicationError(violations);
  return change.entries.map((e) => {
    const id = highRiskListEntryId(e.list, e.taxpayerId);
    if (change.action === 'ADD') {
      return { id, taxpayerId: e.taxpayerId, list: e.list, origin: e.origin.trim(), date: e.date, active: true, addedBy: publicationId, addedAt: at };
    }
    const stored = current.get(id) as HighRiskListEntry;
    return { ...stored, active: false, removedBy: publicationId, removedAt: at, removal: { origin: e.origin.trim(), date: e.date } };
  });
}

/** The list hits of a taxpayer's active entries, for the credit + risk gate (R8.5). */
export function listHitsOf(entries: readonly HighRiskListEntry[]): ListHit[] {
  return entries.filter((e) => e.active).map((e) => ({ list: e.list, origin: e.origin, date: e.date }));
}

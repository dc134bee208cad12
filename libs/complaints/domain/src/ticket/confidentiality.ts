/**
 * Identity confidentiality (保密) and partial anonymity: what a handling unit may see of the
 * caller, spec §2 "Identity and confidentiality".
 *  - Partial anonymity: the fields the caller asked to hide are never shown to units (002 L1493);
 *    if the unit needs contact, the centre relays (design).
 *  - REPORT (举报): the caller's identity is visible only to centre agents and the unit's
 *    designated handler, and every read is audit-logged (design, 000 L2080, L4027, 001 L1321).
 *  - Internal whistle-blowers' identities must not leak (000 L2080, L4027): never shown to a unit.
 *  - Caller information is confidential and may not be used to threaten, harass or sell
 *    (002 L1716–1720): the view carries only what the role may see.
 */
import type { TicketStatus } from './ticket-machine';
import type { Ticket } from './ticket';
import type { TicketType } from './ticket-types';

export const CALLER_FIELDS = ['name', 'phone', 'idNumber', 'email', 'address', 'organisation'] as const;
export type CallerField = (typeof CALLER_FIELDS)[number];

/** The caller's personal data (stored apart from the ticket; loaded by the app when needed). */
export type CallerDetails = Readonly<Partial<Record<CallerField, string>>>;

export interface TicketPrivacy {
  /** Fields the caller asked to hide (partial anonymity, 002 L1493). */
  readonly hiddenFields: readonly CallerField[];
  /** An internal whistle-blower: identity never leaves the centre (000 L2080, L4027). */
  readonly whistleblower: boolean;
}

/** Who in the unit is looking. */
export type UnitViewer = 'designated_handler' | 'unit_staff';

export interface HandlingUnitView {
  readonly ticketId: string;
  readonly type: TicketType;
  readonly scenarioCode: string;
  readonly state: TicketStatus;
  readonly round: 1 | 2;
  readonly unitId: string | null;
  readonly deadlineAt: string | null;
  /** Only the fields this viewer may see; absent fields were withheld. */
  readonly caller: CallerDetails;
  readonly withheldFields: readonly CallerField[];
  /** True when the unit must ask the centre to relay contact with the caller (design). */
  readonly contactViaCentre: boolean;
  /** True when some identity was shown for a REPORT: the app writes an audit-log entry (design). */
  readonly auditRead: boolean;
}

/** Which caller fields `viewer` in the handling unit may see on this ticket. */
export function visibleCallerFields(type: TicketType, privacy: TicketPrivacy, viewer: UnitViewer): CallerField[] {
  if (privacy.whistleblower) return [];
  if (type === 'REPORT' && viewer !== 'designated_handler') return [];
  return CALLER_FIELDS.filter((f) => !privacy.hiddenFields.includes(f));
}

/**
 * The ticket as a handling unit sees it: the caller's identity is removed when confidentiality
 * applies (hidden fields, REPORT outside the designated handler, whistle-blowers).
 */
export function viewForHandlingUnit(ticket: Ticket, viewer: UnitViewer = 'unit_staff'): HandlingUnitView {
  const s = ticket.state;
  const allowed = visibleCallerFields(s.type, s.privacy, viewer);
  const caller: Partial<Record<CallerField, string>> = {};
  const withheld: CallerField[] = [];
  for (const field of CALLER_FIELDS) {
    const value = s.caller?.[field];
    if (value === undefined) continue;
    if (allowed.includes(field)) caller[field] = value;
    else withheld.push(field);
  }
  const contactFields: CallerField[] = ['phone', 'email', 'address'];
  return {
    ticketId: s.id,
    type: s.type,
    scenarioCode: s.scenarioCode,
    state: s.state,
    round: s.round,
    unitId: s.unitId ?? null,
    deadlineAt: s.handling ? s.handling.deadlineAt.toISOString() : null,
    caller,
    withheldFields: withheld,
    contactViaCentre: !contactFields.some((f) => caller[f] !== undefined),
    auditRead: s.type === 'REPORT' && Object.keys(caller).length > 0,
  };
}

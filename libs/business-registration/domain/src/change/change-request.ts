import type { ChangeableField, CompanyChangedData } from '@one-window/business-registration/contracts';
import { LocalDate } from '@one-window/shared/calendar';
import type { OfficerRole } from '../application/form';
import type { Money } from '../shared/money';
import { toFen } from '../shared/money';
import { NothingChangedError } from './errors';

/** The registered facts a change (变更) may touch: the contracts' CHANGEABLE_FIELDS. */
export interface RegisteredFacts {
  readonly name: string;
  readonly domicile: { readonly standardAddressId: string; readonly divisionCode: string; readonly text: string };
  readonly capital: Money;
  readonly scope: readonly string[];
  readonly legalRep: string;
  readonly officers: readonly { readonly personRef: string; readonly role: OfficerRole }[];
}

export interface FieldChange {
  field: ChangeableField;
  before: unknown;
  after: unknown;
}

const FIELDS: readonly ChangeableField[] = ['name', 'domicile', 'capital', 'scope', 'legalRep', 'officers'];

/**
 * [NR] Registration items need change registration; the rest are filings (备案). Officers
 * (directors, supervisors, managers) are a filing item.
 */
export const CHANGE_KIND: Readonly<Record<ChangeableField, 'REGISTRATION' | 'FILING'>> = {
  name: 'REGISTRATION',
  domicile: 'REGISTRATION',
  capital: 'REGISTRATION',
  scope: 'REGISTRATION',
  legalRep: 'REGISTRATION',
  officers: 'FILING',
};

/** Comparable form: scope and officers are sets (order does not matter); capital by exact amount. */
function key(field: ChangeableField, facts: RegisteredFacts): string {
  switch (field) {
    case 'scope':
      return JSON.stringify([...facts.scope].sort());
    case 'officers':
      return JSON.stringify(facts.officers.map((o) => `${o.role}:${o.personRef}`).sort());
    case 'capital':
      return `${toFen(facts.capital.amount)} ${facts.capital.currency}`;
    case 'domicile':
      return facts.domicile.standardAddressId;
    default:
      return JSON.stringify(facts[field]);
  }
}

/** Every field that differs, in the contracts' order, with its value before and after. */
export function computeChanges(before: RegisteredFacts, after: RegisteredFacts): FieldChange[] {
  return FIELDS.filter((f) => key(f, before) !== key(f, after)).map((field) => ({ field, before: before[field], after: after[field] }));
}

/** The `registration.company.changed` data; refuses a request that changes nothing. */
export function companyChangedData(cmd: { uscc: string; changeId: string; before: RegisteredFacts; after: RegisteredFacts; effectiveOn: string }): CompanyChangedData {
  const changes = computeChanges(cmd.before, cmd.after);
  if (changes.length === 0) throw new NothingChangedError();
  return { uscc: cmd.uscc, changeId: cmd.changeId, changes, effectiveOn: cmd.effectiveOn };
}

/** Apply within N days of the resolution [NR, cfg: 30]; the last day is resolution + N. */
export function isChangeFiledInTime(resolutionOn: string, filedOn: string, days = 30): boolean {
  return !LocalDate.parse(filedOn).isAfter(LocalDate.parse(resolutionOn).plusDays(days));
}

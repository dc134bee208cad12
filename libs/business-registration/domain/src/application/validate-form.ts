import { LocalDate } from '@one-window/shared/calendar';
import { validateResidentId } from '../identifiers/resident-id';
import { plusYears } from '../shared/dates';
import type { EntityType } from '../shared/entity-type';
import { isAmount, sumMoney, toFen, type Money } from '../shared/money';
import type { EstablishmentForm } from './form';
import type { ApplicationReferenceData, StandardAddress, ScopeCatalogueItem } from './reference-data';

/** BLOCK: cannot submit. OFFICER: may submit, but only an officer can decide. */
export interface FormIssue {
  readonly path: string;
  readonly code: string;
  readonly effect: 'BLOCK' | 'OFFICER';
  readonly detail?: string;
}

export interface FormValidation {
  readonly issues: readonly FormIssue[];
  /** True when no issue is BLOCK. */
  readonly submittable: boolean;
  readonly domicileAddress?: StandardAddress;
  /** The catalogue items picked, in form order (unknown codes left out). */
  readonly scopeItems: readonly ScopeCatalogueItem[];
  readonly totalCapital?: Money;
}

/** Paying in subscribed capital (§2.4): within N years of establishment, for these types [NR, cfg]. */
export interface CapitalPolicy {
  readonly paidInYears: number;
  readonly appliesTo: readonly EntityType[];
}

export const DEFAULT_CAPITAL_POLICY: CapitalPolicy = { paidInYears: 5, appliesTo: ['LLC'] };

/** Entity types eligible for the free seals (002 L1882, L1903). */
export const SEAL_ELIGIBLE_TYPES: readonly EntityType[] = [
  'LLC',
  'JOINT_STOCK',
  'GENERAL_PARTNERSHIP',
  'LIMITED_PARTNERSHIP',
  'SPECIAL_GENERAL_PARTNERSHIP',
];

/** The latest allowed due date for capital: establishment + N years (corresponding day, or month end). */
export function capitalDueDateLimit(establishedOn: string, policy: CapitalPolicy = DEFAULT_CAPITAL_POLICY): string {
  return plusYears(establishedOn, policy.paidInYears).toString();
}

function checkDomicile(form: EstablishmentForm, ref: ApplicationReferenceData, issues: FormIssue[]): StandardAddress | undefined {
  const id = form.domicile.standardAddressId;
  if (id === undefined) {
    issues.push({ path: 'domicile', code: 'form.domicile.not_standard', effect: 'OFFICER' });
    return undefined;
  }
  const address = ref.addresses.find((a) => a.id === id);
  if (!address) {
    issues.push({ path: 'domicile.standardAddressId', code: 'form.domicile.unknown_address', effect: 'BLOCK', detail: id });
    return undefined;
  }
  for (const hit of ref.negativeList.filter((e) => e.standardAddressId === id)) {
    issues.push({ path: 'domicile.standardAddressId', code: 'form.domicile.negative_list', effect: hit.effect, detail: hit.reason });
  }
  return address;
}

function checkScope(form: EstablishmentForm, ref: ApplicationReferenceData, issues: FormIssue[]): ScopeCatalogueItem[] {
  if (form.scopeCodes.length === 0) issues.push({ path: 'scopeCodes', code: 'form.scope.empty', effect: 'BLOCK' });
  const items: ScopeCatalogueItem[] = [];
  form.scopeCodes.forEach((code, i) => {
    const item = ref.scopeCatalogue.find((c) => c.code === code);
    if (!item) {
      issues.push({ path: `scopeCodes[${i}]`, code: 'form.scope.unknown_item', effect: 'BLOCK', detail: code });
      return;
    }
    items.push(item);
    if (item.category === 'PRE_APPROVAL' && !form.preApprovalDocuments?.some((d) => d.scopeCode === code)) {
      issues.push({ path: `scopeCodes[${i}]`, code: 'form.scope.pre_approval_document_missing', effect: 'BLOCK', detail: code });
    }
  });
  if (new Set(form.scopeCodes).size !== form.scopeCodes.length) {
    issues.push({ path: 'scopeCodes', code: 'form.scope.duplicate_item', effect: 'BLOCK' });
  }
  return items;
}

function checkCapital(form: EstablishmentForm, today: LocalDate, policy: CapitalPolicy, issues: FormIssue[]): Money | undefined {
  if (form.investors.length === 0) {
    issues.push({ path: 'investors', code: 'form.capital.no_investor', effect: 'BLOCK' });
    return undefined;
  }
  const limit = capitalDueDateLimit(today.toString(), policy);
  let valid = true;
  form.investors.forEach((inv, i) => {
    const path = `investors[${i}]`;
    if (!isAmount(inv.subscribed.amount) || toFen(inv.subscribed.amount) <= 0n) {
      issues.push({ path: `${path}.subscribed`, code: 'form.capital.amount_invalid', effect: 'BLOCK' });
      valid = false;
    }
    if (!LocalDate.isValidIso(inv.dueDate)) {
      issues.push({ path: `${path}.dueDate`, code: 'form.capital.due_date_invalid', effect: 'BLOCK' });
    } else if (LocalDate.parse(inv.dueDate).isBefore(today)) {
      issues.push({ path: `${path}.dueDate`, code: 'form.capital.due_date_in_past', effect: 'BLOCK' });
    } else if (policy.appliesTo.includes(form.entityType) && inv.dueDate > limit) {
      issues.push({ path: `${path}.dueDate`, code: 'form.capital.due_date_beyond_limit', effect: 'BLOCK', detail: limit });
    }
    if (!form.persons.some((p) => p.personRef === inv.personRef) && inv.kind === 'NATURAL_PERSON') {
      issues.push({ path: `${path}.personRef`, code: 'form.person.unknown', effect: 'BLOCK', detail: inv.personRef });
    }
  });
  return valid ? sumMoney(form.investors.map((i) => i.subscribed)) : undefined;
}

function checkPersons(form: EstablishmentForm, today: LocalDate, issues: FormIssue[]): void {
  form.persons.forEach((p, i) => {
    const path = `persons[${i}]`;
    if (p.idType === 'RESIDENT_ID' || p.idType === 'RESIDENCE_PERMIT_HMT') {
      const result = validateResidentId(p.idNumber, today);
      if (!result.valid) issues.push({ path: `${path}.idNumber`, code: 'form.person.id_invalid', effect: 'BLOCK', detail: result.problems.join(',') });
    } else if (p.idNumber.trim().length < 5) {
      issues.push({ path: `${path}.idNumber`, code: 'form.person.id_invalid', effect: 'BLOCK', detail: 'FORMAT' });
    }
    if (!p.realNameVerified) issues.push({ path: `${path}.realNameVerified`, code: 'form.person.not_verified', effect: 'BLOCK' });
  });
  const known = new Set(form.persons.map((p) => p.personRef));
  if (!known.has(form.legalRepRef)) issues.push({ path: 'legalRepRef', code: 'form.person.unknown', effect: 'BLOCK', detail: form.legalRepRef });
  form.officers.forEach((o, i) => {
    if (!known.has(o.personRef)) issues.push({ path: `officers[${i}].personRef`, code: 'form.person.unknown', effect: 'BLOCK', detail: o.personRef });
  });
}

/**
 * Validates the one form against the reference data (§2.2–§2.4, §3.1). `today` is the submission's
 * local date; the capital due date is checked against it as the earliest possible establishment date.
 */
export function validateEstablishmentForm(
  form: EstablishmentForm,
  ref: ApplicationReferenceData,
  today: string,
  capitalPolicy: CapitalPolicy = DEFAULT_CAPITAL_POLICY,
): FormValidation {
  const day = LocalDate.parse(today);
  const issues: FormIssue[] = [];
  const domicileAddress = checkDomicile(form, ref, issues);
  const scopeItems = checkScope(form, ref, issues);
  const totalCapital = checkCapital(form, day, capitalPolicy, issues);
  checkPersons(form, day, issues);
  if (form.articles.kind === 'UPLOADED' && !form.articles.documentRef) {
    issues.push({ path: 'articles.documentRef', code: 'form.articles.document_missing', effect: 'BLOCK' });
  }
  if (!form.commitment.signed) issues.push({ path: 'commitment', code: 'form.commitment.not_signed', effect: 'BLOCK' });
  if (form.bundleOptions.seals && !SEAL_ELIGIBLE_TYPES.includes(form.entityType)) {
    issues.push({ path: 'bundleOptions.seals', code: 'form.bundle.seals_not_eligible', effect: 'BLOCK' });
  }
  return {
    issues,
    submittable: !issues.some((i) => i.effect === 'BLOCK'),
    ...(domicileAddress ? { domicileAddress } : {}),
    scopeItems,
    ...(totalCapital ? { totalCapital } : {}),
  };
}

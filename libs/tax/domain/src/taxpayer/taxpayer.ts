import type { Money } from '@one-window/shared/money';
import { TaxError, TaxInvalidArgumentError } from '../shared/errors';
import { taxEvent, type TaxOutcome } from '../shared/outcome';
import { create, transition } from '../shared/state-machine';
import type { TaxActor } from '../shared/actors';
import type { CreditGrade, RiskLevel } from '../credit-risk/credit-risk';
import { TAXPAYER_MACHINE, type TaxpayerStatus } from './taxpayer-machine';

export type TaxpayerKind = 'ENTERPRISE' | 'INDIVIDUAL_BUSINESS' | 'NATURAL_PERSON';
/** Small-scale (小规模纳税人) or general (一般纳税人) VAT taxpayer. */
export type VatStatus = 'SMALL_SCALE' | 'GENERAL';
export type VatPeriod = 'MONTH' | 'QUARTER';

/** The registered facts tax keeps in sync with market regulation (R4.4: name, domicile, capital, scope, legal representative). */
export interface RegisteredFacts {
  readonly name: string;
  readonly domicile: { readonly standardAddressId: string; readonly divisionCode: string; readonly text: string };
  readonly capital: Money;
  readonly scope: readonly { readonly code: string }[];
  readonly legalRepRef: string;
}
export const SYNCED_FIELDS = ['name', 'domicile', 'capital', 'scope', 'legalRep'] as const;
export type SyncedField = (typeof SYNCED_FIELDS)[number];

export interface TaxpayerChange {
  readonly sourceEventId: string;
  readonly changeId: string;
  readonly fieldsChanged: readonly SyncedField[];
  readonly before: Partial<RegisteredFacts>;
  readonly after: Partial<RegisteredFacts>;
  readonly appliedAt: Date;
}

export interface TaxpayerState {
  /** The USCC under 一照一码 (001 L146–148). */
  readonly id: string;
  readonly kind: TaxpayerKind;
  readonly status: TaxpayerStatus;
  readonly facts: RegisteredFacts;
  readonly establishedOn: string;
  /** The account that registered the company: the taxpayer's own login (applicant scope). */
  readonly ownerId: string;
  /** The competent tax bureau (officer scope): by the domicile's district [cfg]. */
  readonly taxBureau: string;
  readonly industryCode: string;
  readonly vatStatus: VatStatus;
  readonly vatPeriod: VatPeriod;
  readonly creditGrade: CreditGrade;
  readonly riskLevel: RiskLevel;
  readonly flags: { readonly inBankruptcy: boolean; readonly abnormal: boolean };
  /** Monthly digital e-invoice quota (授信额度) in CNY [cfg], R4.3. */
  readonly invoiceQuota: Money;
  readonly sourceEventId: string;
  readonly registeredAt: Date;
  readonly changes: readonly TaxpayerChange[];
}

/** Defaults for a new taxpayer [cfg]: small-scale, quarterly VAT, credit M (no evaluation year yet), low risk. */
export const NEW_TAXPAYER_DEFAULTS = {
  vatStatus: 'SMALL_SCALE' as VatStatus,
  vatPeriod: 'QUARTER' as VatPeriod,
  creditGrade: 'M' as CreditGrade,
  riskLevel: 'low' as RiskLevel,
  invoiceQuota: { amount: '100000.00', currency: 'CNY' } as Money,
};

/** The tax bureau competent for a district (行政区划代码) [cfg]: one bureau per district. */
export function taxBureauOf(divisionCode: string): string {
  if (!/^\d{6}$/.test(divisionCode)) throw new TaxInvalidArgumentError(`Not a division code: ${divisionCode}`, { divisionCode });
  return `TAX-${divisionCode}`;
}

/** §4: the abnormal-account status is lifted only once the overdue returns are filed. */
export class OverdueReturnsOpenError extends TaxError {
  readonly code = 'tax.taxpayer.overdue_returns_open';
  constructor(taxpayerId: string, periodKeys: readonly string[]) {
    super(`Taxpayer ${taxpayerId} still has overdue returns to file: ${periodKeys.join(', ')}`, { taxpayerId, periodKeys: [...periodKeys] });
  }
}

export class TaxpayerNotFoundError extends TaxError {
  readonly code = 'tax.taxpayer.not_found';
  constructor(taxpayerId: string) {
    super(`No taxpayer ${taxpayerId}`, { taxpayerId });
  }
}

/** The entity types registered as individual businesses (个体工商户); everything else is an enterprise. */
const INDIVIDUAL_BUSINESS_TYPES = new Set(['INDIVIDUAL_BUSINESS']);

export interface CompanyRegisteredFacts extends RegisteredFacts {
  readonly uscc: string;
  readonly entityType: string;
  readonly establishedOn: string;
  readonly ownerId: string;
}

/** The taxpayer aggregate (tax.md §3–4). Immutable: commands return a new one and its events. */
export class Taxpayer {
  private constructor(readonly state: TaxpayerState) {}

  static rehydrate(state: TaxpayerState): Taxpayer {
    return new Taxpayer(state);
  }

  /**
   * R4.1 + R4.3: the taxpayer exists because the company was registered; no application. The
   * registration, the invoicing allowance and the digital tax account (税务数字账户) come in one go,
   * so `tax.taxpayer.registered` and `tax.invoicing.enabled` are returned together (one transaction).
   */
  static register(facts: CompanyRegisteredFacts, sourceEventId: string, at: Date): TaxOutcome<Taxpayer> {
    const status = create(TAXPAYER_MACHINE, 'company_registered', 'system');
    const kind: TaxpayerKind = INDIVIDUAL_BUSINESS_TYPES.has(facts.entityType) ? 'INDIVIDUAL_BUSINESS' : 'ENTERPRISE';
    const state: TaxpayerState = {
      id: facts.uscc,
      kind,
      status,
      facts: { name: facts.name, domicile: facts.domicile, capital: facts.capital, scope: facts.scope, legalRepRef: facts.legalRepRef },
      establishedOn: facts.establishedOn,
      ownerId: facts.ownerId,
      taxBureau: taxBureauOf(facts.domicile.divisionCode),
      industryCode: facts.scope[0]?.code ?? 'UNKNOWN',
      vatStatus: NEW_TAXPAYER_DEFAULTS.vatStatus,
      vatPeriod: NEW_TAXPAYER_DEFAULTS.vatPeriod,
      creditGrade: NEW_TAXPAYER_DEFAULTS.creditGrade,
      riskLevel: NEW_TAXPAYER_DEFAULTS.riskLevel,
      flags: { inBankruptcy: false, abnormal: false },
      invoiceQuota: NEW_TAXPAYER_DEFAULTS.invoiceQuota,
      sourceEventId,
      registeredAt: new Date(at.getTime()),
      changes: [],
    };
    return {
      aggregate: new Taxpayer(state),
      events: [
        taxEvent('tax.taxpayer.registered', state.id, at, {
          taxpayerId: state.id,
          kind,
          name: state.facts.name,
          vatStatus: state.vatStatus,
          vatPeriod: state.vatPeriod,
          taxBureau: state.taxBureau,
          sourceEventId,
        }),
        taxEvent('tax.invoicing.enabled', state.id, at, { taxpayerId: state.id, quota: state.invoiceQuota, digitalAccountOpened: true }),
      ],
    };
  }

  /**
   * R4.4: apply a change registered at market regulation. Only the synced fields count; a change
   * already applied (same changeId) or touching no synced field changes nothing and emits nothing,
   * so redelivery is harmless.
   */
  applyChange(change: { changeId: string; sourceEventId: string; changes: readonly { field: string; after: unknown }[] }, at: Date): TaxOutcome<Taxpayer> {
    if (this.state.changes.some((c) => c.changeId === change.changeId)) return { aggregate: this, events: [] };
    const relevant = change.changes.filter((c): c is { field: SyncedField; after: unknown } => (SYNCED_FIELDS as readonly string[]).includes(c.field));
    if (relevant.length === 0) return { aggregate: this, events: [] };
    const status = transition(TAXPAYER_MACHINE, this.state.status, 'company_changed', 'system', this.state.status);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    let facts: RegisteredFacts = this.state.facts;
    for (const c of relevant) {
      const key = c.field === 'legalRep' ? 'legalRepRef' : c.field;
      before[key] = facts[key as keyof RegisteredFacts];
      after[key] = normaliseFact(key as keyof RegisteredFacts, c.after);
      facts = { ...facts, [key]: after[key] };
    }
    const fieldsChanged = relevant.map((c) => c.field);
    const recorded: TaxpayerChange = {
      sourceEventId: change.sourceEventId,
      changeId: change.changeId,
      fieldsChanged,
      before: before as Partial<RegisteredFacts>,
      after: after as Partial<RegisteredFacts>,
      appliedAt: new Date(at.getTime()),
    };
    const taxBureau = after['domicile'] ? taxBureauOf((after['domicile'] as RegisteredFacts['domicile']).divisionCode) : this.state.taxBureau;
    const next = new Taxpayer({ ...this.state, status, facts, taxBureau, changes: [...this.state.changes, recorded] });
    return {
      aggregate: next,
      events: [
        taxEvent('tax.taxpayer.updated', this.state.id, at, {
          taxpayerId: this.state.id,
          changeId: change.changeId,
          fieldsChanged,
          taxBureau,
          sourceEventId: change.sourceEventId,
        }),
      ],
    };
  }

  /** 非正常户 designation and lifting by the risk officer (§4 table). */
  designateAbnormal(actor: TaxActor, reason: string, at: Date): TaxOutcome<Taxpayer> {
    if (!reason.trim()) throw new TaxInvalidArgumentError('A reason is required', { field: 'reason' });
    const status = transition(TAXPAYER_MACHINE, this.state.status, 'designate_abnormal', actor);
    return {
      aggregate: new Taxpayer({ ...this.state, status, flags: { ...this.state.flags, abnormal: true } }),
      events: [taxEvent('tax.taxpayer.abnormal_designated', this.state.id, at, { taxpayerId: this.state.id, reason })],
    };
  }

  /** §4: clearance requested (CLEARING); the case itself publishes tax.clearance.requested. Idempotent while clearing. */
  startClearance(actor: TaxActor): Taxpayer {
    if (this.state.status === 'CLEARING') return this;
    return new Taxpayer({ ...this.state, status: transition(TAXPAYER_MACHINE, this.state.status, 'request_clearance', actor) });
  }

  /** §4: clearance issued or exempted (CLEARED); the case publishes its event. */
  completeClearance(actor: TaxActor): Taxpayer {
    if (this.state.status === 'CLEARED') return this;
    return new Taxpayer({ ...this.state, status: transition(TAXPAYER_MACHINE, this.state.status, 'issue_clearance', actor) });
  }

  /** §4: the company was deregistered after clearance: `tax.taxpayer.deregistered`. A repeat changes nothing. */
  deregister(at: Date): TaxOutcome<Taxpayer> {
    if (this.state.status === 'DEREGISTERED') return { aggregate: this, events: [] };
    const status = transition(TAXPAYER_MACHINE, this.state.status, 'company_deregistered', 'system');
    return {
      aggregate: new Taxpayer({ ...this.state, status }),
      events: [taxEvent('tax.taxpayer.deregistered', this.state.id, at, { taxpayerId: this.state.id })],
    };
  }

  /**
   * §11: a court accepted a bankruptcy case against the taxpayer (`bankruptcy.case.accepted`): the
   * `inBankruptcy` flag is set; enforcement against the debtor is paused [ext EBL art. 19]. The
   * status is unchanged (the taxpayer still files and clears). A repeat changes nothing. No event:
   * the bankruptcy tax file opened for the case is the record.
   */
  flagInBankruptcy(): Taxpayer {
    if (this.state.flags.inBankruptcy) return this;
    if (this.state.status === 'DEREGISTERED') throw new TaxInvalidArgumentError(`Taxpayer ${this.state.id} is deregistered`, { taxpayerId: this.state.id });
    return new Taxpayer({ ...this.state, flags: { ...this.state.flags, inBankruptcy: true } });
  }

  /** R8.7: a published re-rating replaces the credit grade (the rating itself publishes tax.credit.re_rated). */
  applyCreditGrade(grade: CreditGrade): Taxpayer {
    if (grade === this.state.creditGrade) return this;
    return new Taxpayer({ ...this.state, creditGrade: grade });
  }

  /** §4 ABNORMAL → ACTIVE, guard "overdue returns filed": refused (409) while any overdue obligation is still open. */
  liftAbnormal(actor: TaxActor, at: Date, openOverduePeriodKeys: readonly string[]): TaxOutcome<Taxpayer> {
    const status = transition(TAXPAYER_MACHINE, this.state.status, 'lift_abnormal', actor);
    if (openOverduePeriodKeys.length > 0) throw new OverdueReturnsOpenError(this.state.id, openOverduePeriodKeys);
    return {
      aggregate: new Taxpayer({ ...this.state, status, flags: { ...this.state.flags, abnormal: false } }),
      events: [taxEvent('tax.taxpayer.abnormal_lifted', this.state.id, at, { taxpayerId: this.state.id })],
    };
  }
}

function normaliseFact(key: keyof RegisteredFacts, value: unknown): unknown {
  switch (key) {
    case 'name':
      if (typeof value !== 'string' || !value) throw new TaxInvalidArgumentError('Bad name in change', { field: key });
      return value;
    case 'legalRepRef': {
      // registration sends the new representative's person reference, bare or as { personRef }
      const ref = typeof value === 'object' && value !== null ? (value as { personRef?: unknown }).personRef : value;
      if (typeof ref !== 'string' || !ref) throw new TaxInvalidArgumentError('Bad legalRep in change', { field: 'legalRep' });
      return ref;
    }
    case 'scope':
      if (!Array.isArray(value)) throw new TaxInvalidArgumentError('Bad scope in change', { field: key });
      return value.map((item) => (typeof item === 'string' ? { code: item } : { code: String((item as { code: unknown }).code) }));
    default:
      if (typeof value !== 'object' || value === null) throw new TaxInvalidArgumentError(`Bad ${key} in change`, { field: key });
      return value;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  NoEligibleSealMakerError,
  SealMakerRotation,
  SetupBundle,
  type BundleOptions,
  type BundlePart,
  type DomainEvent,
  type Outcome,
} from '@one-window/business-registration/domain';
import {
  CompanyRepository,
  REGISTRATION_REFERENCE_DATA,
  SealRotationRepository,
  SetupBundleRepository,
  type CompanyRecord,
  type RegistrationReferenceData,
} from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { assertIfMatch } from '@one-window/shared/http';
import { Timers } from '@one-window/shared/scheduling';
import { BundleEvents } from './bundle-events';
import { NotFoundError, PartnerNotIdentifiedError } from './errors';

/** The durable timer at a seal order's delivery due instant (1 hour after dispatch, §5). Key: the credit code. */
export const SEAL_DELIVERY_TIMER = 'registration.seal_order.delivery_due';

/** A bundle loaded for a change: the aggregate and the version it was read at. */
export interface LoadedBundle {
  readonly bundle: SetupBundle;
  readonly version: number;
}

/** What a partner's callback answers: its own part, the bundle's status and the version (ETag). */
export interface PartnerPartView {
  readonly uscc: string;
  readonly status: string;
  readonly part: ReturnType<SetupBundle['statusView']>['parts'][number];
  readonly version: number;
}

/**
 * The setup bundle desk (§5): opens the bundle with the company registration, dispatches the seal
 * order to the maker whose turn it is (the rotation row is locked, so orders go strictly in turn)
 * with its 1-hour delivery timer, and loads / saves bundles for the partners' callbacks with
 * optimistic versions. Who may act on which part is decided here; the rules of each part are the
 * domain's (SetupBundle, SealMakerRotation).
 */
@Injectable()
export class SetupBundleDesk {
  constructor(
    private readonly bundles: SetupBundleRepository,
    private readonly rotations: SealRotationRepository,
    private readonly companies: CompanyRepository,
    private readonly events: BundleEvents,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
    @Inject(REGISTRATION_REFERENCE_DATA) private readonly ref: RegistrationReferenceData,
  ) {}

  /**
   * Opens the bundle of a company just registered, in the registration's transaction: the licence
   * part is issued at once (the e-licence is issued in the same transaction), the seal order is
   * dispatched when seals were chosen, and every event goes to the outbox.
   */
  async open(tx: EntityManager, c: { uscc: string; options: BundleOptions; clockStartedAt: Date; at: Date }): Promise<void> {
    const { at } = c;
    const opened = SetupBundle.open({ id: c.uscc, uscc: c.uscc, options: c.options, clockStartedAt: c.clockStartedAt, at });
    const events: DomainEvent[] = opened.events.map((e) =>
      e.type === 'registration.setup_bundle.opened'
        ? {
            ...e,
            data: {
              ...(e.data as object),
              clockStartedAt: c.clockStartedAt.toISOString(),
              targetDueAt: opened.aggregate.targetDueAt(this.calendar).toISOString(),
              ...(c.options.bank ? { bank: { bankCode: c.options.bank.bankCode, branchCode: c.options.bank.branchCode } } : {}),
            },
          }
        : e,
    );
    let bundle = opened.aggregate;
    const licence = bundle.issueLicence(at, this.calendar);
    bundle = licence.aggregate;
    events.push(...licence.events);
    if (bundle.part('SEALS').optedIn) {
      // With no eligible maker the order stays REQUESTED (the registration is not refused for it).
      const dispatched = await this.tryDispatchSeals(tx, bundle, at);
      if (dispatched) {
        bundle = dispatched.aggregate;
        events.push(...dispatched.events);
      }
    }
    await this.bundles.insert(tx, bundle.state);
    await this.events.publish(tx, events);
  }

  /**
   * Gives the seal order to the next eligible maker in turn (skipping `exclude`), and schedules the
   * delivery timer at its due instant. Throws NoEligibleSealMakerError when no maker can take it.
   */
  async dispatchSeals(tx: EntityManager, bundle: SetupBundle, at: Date, exclude: readonly string[] = []): Promise<Outcome<SetupBundle>> {
    const { rotation, version } = await this.rotation(tx, at);
    const next = rotation.assignNext(at, this.calendar, exclude);
    await this.rotations.update(tx, { ...next.rotation.state, id: this.ref.bundle.rosterId }, version);
    const dispatched = bundle.dispatchSeals({ at, makerId: next.makerId, calendar: this.calendar });
    const seals = dispatched.aggregate.part('SEALS');
    await this.timers.schedule(tx, { kind: SEAL_DELIVERY_TIMER, key: bundle.state.uscc, dueAt: seals.dueAt as Date, payload: { makerId: next.makerId } });
    return dispatched;
  }

  /** dispatchSeals, or undefined (nothing written) when no maker but the excluded ones is eligible. */
  async tryDispatchSeals(tx: EntityManager, bundle: SetupBundle, at: Date, exclude: readonly string[] = []): Promise<Outcome<SetupBundle> | undefined> {
    try {
      return await this.dispatchSeals(tx, bundle, at, exclude);
    } catch (e) {
      if (e instanceof NoEligibleSealMakerError) return undefined;
      throw e;
    }
  }

  /** The rotation, locked, with the current roster from the reference data (counts and cursor kept by maker id). */
  async rotation(tx: EntityManager, at: Date): Promise<{ rotation: SealMakerRotation; version: number }> {
    const { rosterId, sealMakers } = this.ref.bundle;
    const roster = sealMakers.map((m) => ({ id: m.id, eligible: m.eligible }));
    const initial = SealMakerRotation.create(roster, this.calendar.localDateOf(at).year).state;
    const stored = await this.rotations.getOrCreate(tx, { ...initial, id: rosterId });
    const { id: _id, ...state } = stored.doc;
    return { rotation: SealMakerRotation.restore(state).withRoster(roster), version: stored.version };
  }

  /** Saves the rotation and each touched maker's count for the year. */
  async saveRotation(tx: EntityManager, rotation: SealMakerRotation, version: number, makerId: string, at: Date): Promise<void> {
    const s = rotation.state;
    await this.rotations.update(tx, { ...s, id: this.ref.bundle.rosterId }, version);
    await this.rotations.recordLateness(
      tx,
      { makerId, year: s.year, lateCount: rotation.lateCountOf(makerId), warned: s.warned.includes(makerId), disqualified: s.disqualified.includes(makerId) },
      at,
    );
  }

  // ------------------------------------------------------------------ loading for callers

  /** The bundle for reading: the company's applicant (owner) or an officer of its registration authority; 404 to anyone else. */
  async forReader(tx: EntityManager, uscc: string, who: Principal): Promise<LoadedBundle> {
    const company = await this.companies.get(tx, uscc);
    const visible =
      company !== undefined &&
      ((who.roles.includes('applicant') && company.doc.ownerId === who.subject) ||
        (who.roles.includes('officer') && who.agencyId !== undefined && company.doc.authorityCode === who.agencyId));
    if (!visible) throw new NotFoundError('Setup bundle of company', uscc);
    return this.load(tx, uscc, undefined, false);
  }

  /** For the seal maker the order is assigned to (its token's agency_id); 404 to any other maker. */
  async forSealMaker(tx: EntityManager, uscc: string, who: Principal, ifMatch?: string): Promise<LoadedBundle & { makerId: string }> {
    const makerId = this.partnerId(who, 'seal maker');
    const loaded = await this.load(tx, uscc, ifMatch, true, (b) => b.part('SEALS').makerId === makerId);
    return { ...loaded, makerId };
  }

  /** For the bank chosen on the form (agency_id = bank code). */
  forBank(tx: EntityManager, uscc: string, who: Principal, ifMatch?: string): Promise<LoadedBundle> {
    const bankCode = this.partnerId(who, 'bank');
    return this.load(tx, uscc, ifMatch, true, (b) => b.state.bankCode !== undefined && b.state.bankCode === bankCode);
  }

  /** For the social-insurance agency or housing-fund centre of the company's domicile (reference data). */
  async forAgency(tx: EntityManager, uscc: string, part: 'SOCIAL_INSURANCE' | 'HOUSING_FUND', who: Principal, ifMatch?: string): Promise<LoadedBundle> {
    const agencyId = this.partnerId(who, 'agency');
    const company = await this.companies.get(tx, uscc);
    const competent = company !== undefined && this.agencyOf(company.doc, part) === agencyId;
    return this.load(tx, uscc, ifMatch, true, () => competent);
  }

  /** For an officer of the company's registration authority (the 一窗通取 window). */
  async forWindow(tx: EntityManager, uscc: string, who: Principal, ifMatch?: string): Promise<LoadedBundle> {
    const company = await this.companies.get(tx, uscc);
    const own = company !== undefined && who.roles.includes('officer') && who.agencyId === company.doc.authorityCode;
    return this.load(tx, uscc, ifMatch, true, () => own);
  }

  /** Without a caller (events, timers): locked; undefined when the company has no bundle. */
  async forSystem(tx: EntityManager, uscc: string): Promise<LoadedBundle | undefined> {
    const stored = await this.bundles.get(tx, uscc, { lock: true });
    return stored && { bundle: SetupBundle.restore(stored.doc), version: stored.version };
  }

  /** Writes the new state if nobody changed it since it was read, then its events; returns the new version. */
  async save(tx: EntityManager, loaded: LoadedBundle, outcome: Outcome<SetupBundle>, extra: readonly DomainEvent[] = []): Promise<number> {
    const version = await this.bundles.update(tx, outcome.aggregate.state, loaded.version);
    await this.events.publish(tx, [...outcome.events, ...extra]);
    return version;
  }

  /** A partner's answer: its part of the bundle, the bundle's status and the new version. */
  partView(bundle: SetupBundle, part: BundlePart, version: number, at: Date): PartnerPartView {
    const view = bundle.statusView(at, this.calendar);
    return { uscc: view.uscc, status: view.status, part: view.parts.find((p) => p.part === part) as PartnerPartView['part'], version };
  }

  private agencyOf(company: CompanyRecord, part: 'SOCIAL_INSURANCE' | 'HOUSING_FUND'): string | undefined {
    return this.ref.bundle.agencies.find((a) => a.part === part && company.domicile.divisionCode.startsWith(a.divisionPrefix))?.agencyId;
  }

  private partnerId(who: Principal, role: string): string {
    if (!who.agencyId) throw new PartnerNotIdentifiedError(role);
    return who.agencyId;
  }

  private async load(tx: EntityManager, uscc: string, ifMatch: string | undefined, lock: boolean, visible: (b: SetupBundle) => boolean = () => true): Promise<LoadedBundle> {
    const stored = await this.bundles.get(tx, uscc, { lock });
    const bundle = stored && SetupBundle.restore(stored.doc);
    if (!stored || !bundle || !visible(bundle)) throw new NotFoundError('Setup bundle of company', uscc);
    assertIfMatch({ headers: { 'if-match': ifMatch } }, stored.version, { required: false });
    return { bundle, version: stored.version };
  }
}

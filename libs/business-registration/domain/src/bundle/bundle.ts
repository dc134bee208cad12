import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { BundleOptions } from '../application/form';
import { maskAccountNumber } from '../identifiers/masking';
import type { Actor } from '../shared/actors';
import { InvalidArgumentError } from '../shared/errors';
import { event, type DomainEvent, type Outcome } from '../shared/outcome';
import { create, transition } from '../shared/state-machine';
import { BundlePartNotOptedInError, NotAssignedSealMakerError } from './errors';
import { BUNDLE_MACHINE, BUNDLE_PARTS, PART_DONE_STATES, PART_MACHINES, type BundlePart, type BundleStatus } from './part-machines';
import { addWorkingMinutes, DEFAULT_WORKING_HOURS, elapsedWorkingMinutes, type WorkingHours } from './working-time';

/** The bundle's clocks [cfg]: target 4 working hours (0.5 day), seal delivery 60 minutes from dispatch. */
export interface BundlePolicy {
  readonly targetWorkingMinutes: number;
  readonly sealDeliveryMinutes: number;
  readonly hours: WorkingHours;
}

export const DEFAULT_BUNDLE_POLICY: BundlePolicy = { targetWorkingMinutes: 240, sealDeliveryMinutes: 60, hours: DEFAULT_WORKING_HOURS };

export interface PartState {
  readonly part: BundlePart;
  readonly state: string;
  readonly optedIn: boolean;
  readonly doneAt?: Date;
  readonly failureReason?: string;
  /** Seals: the assigned maker, the 1-hour due instant, lateness. */
  readonly makerId?: string;
  readonly dispatchedAt?: Date;
  readonly dueAt?: Date;
  readonly late?: boolean;
  /** The maker's lateness for this dispatch was already counted (the delivery clock ran out before delivery). */
  readonly lateCounted?: boolean;
  /** Bank: the preset account number, masked. */
  readonly accountRef?: string;
}

export interface SetupBundleState {
  readonly id: string;
  readonly uscc: string;
  readonly status: BundleStatus;
  /** Submission (auto route) or acceptance (officer route) [design, Q1]. */
  readonly clockStartedAt: Date;
  readonly policy: BundlePolicy;
  readonly bankCode?: string;
  readonly parts: readonly PartState[];
  readonly completedAt?: Date;
}

export interface BundlePartView {
  readonly part: BundlePart;
  readonly state: string;
  readonly optedIn: boolean;
  readonly done: boolean;
  readonly doneAt?: string;
  /** Working minutes from the bundle clock start to done (or to `at` while open). */
  readonly elapsedWorkingMinutes: number;
  readonly withinTarget: boolean;
  readonly sealClock?: { readonly makerId: string; readonly dueAt: string; readonly late: boolean };
  /** Bank: the preset account number, masked. */
  readonly accountRef?: string;
  /** A failed agency part or a declined account: the partner's reason. */
  readonly failureReason?: string;
}

export interface BundleStatusView {
  readonly bundleId: string;
  readonly uscc: string;
  readonly status: BundleStatus;
  readonly clockStartedAt: string;
  readonly targetDueAt: string;
  readonly elapsedWorkingMinutes: number;
  readonly withinTarget: boolean;
  readonly parts: readonly BundlePartView[];
}

export interface BundlePartData {
  uscc: string;
  part: BundlePart | 'ALL';
  elapsedWorkingMinutes: number;
  withinTarget: boolean;
}

/**
 * The 照章税保金银 setup bundle (§5, §10.3): one aggregate with a state per part, each part
 * driven by its own table. COMPLETED / COMPLETED_LATE when the last opted-in part is done,
 * measured in working minutes from the clock start against the target.
 */
export class SetupBundle {
  private constructor(readonly state: SetupBundleState) {}

  static restore(state: SetupBundleState): SetupBundle {
    return new SetupBundle(state);
  }

  /** Opens the bundle on registration, one part per option (licence and tax always). */
  static open(cmd: { id: string; uscc: string; options: BundleOptions; clockStartedAt: Date; at: Date; policy?: BundlePolicy }): Outcome<SetupBundle> {
    const status = create(BUNDLE_MACHINE, 'open', 'system');
    const { options } = cmd;
    const initial: Record<BundlePart, string> = {
      LICENCE: 'request',
      SEALS: options.seals ? 'request' : 'opt_out',
      TAX: 'request',
      SOCIAL_INSURANCE: options.socialInsurance ? 'request' : 'opt_out',
      HOUSING_FUND: options.housingFund ? 'request' : 'opt_out',
      BANK: options.bank ? 'book' : 'opt_out',
    };
    const parts = BUNDLE_PARTS.map((part): PartState => {
      const trigger = initial[part];
      return { part, state: create(PART_MACHINES[part], trigger, 'system'), optedIn: trigger !== 'opt_out' };
    });
    const bundle = new SetupBundle({
      id: cmd.id,
      uscc: cmd.uscc,
      status,
      clockStartedAt: new Date(cmd.clockStartedAt.getTime()),
      policy: cmd.policy ?? DEFAULT_BUNDLE_POLICY,
      ...(options.bank ? { bankCode: options.bank.bankCode } : {}),
      parts,
    });
    const data = { uscc: cmd.uscc, parts: parts.filter((p) => p.optedIn).map((p) => p.part) };
    return { aggregate: bundle, events: [event('registration.setup_bundle.opened', cmd.uscc, cmd.at, data)] };
  }

  /** When the bundle is due: target working minutes after the clock start. */
  targetDueAt(calendar: WorkingCalendar): Date {
    return addWorkingMinutes(calendar, this.state.policy.hours, this.state.clockStartedAt, this.state.policy.targetWorkingMinutes);
  }

  part(part: BundlePart): PartState {
    return this.state.parts.find((p) => p.part === part) as PartState;
  }

  issueLicence(at: Date, calendar: WorkingCalendar): Outcome<SetupBundle> {
    return this.apply('LICENCE', 'issue', 'system', at, calendar, {});
  }

  /** The desk dispatches the seal order to the maker the rotation chose; due 1 hour later. */
  dispatchSeals(cmd: { at: Date; makerId: string; calendar: WorkingCalendar }): Outcome<SetupBundle> {
    const dueAt = new Date(cmd.at.getTime() + this.state.policy.sealDeliveryMinutes * 60_000);
    const outcome = this.apply('SEALS', 'dispatch', 'desk', cmd.at, cmd.calendar, {
      makerId: cmd.makerId,
      dispatchedAt: cmd.at,
      dueAt,
      late: undefined,
      lateCounted: undefined,
    });
    const data = { orderId: this.sealOrderId(), uscc: this.state.uscc, makerId: cmd.makerId, dueAt: dueAt.toISOString() };
    return { aggregate: outcome.aggregate, events: [...outcome.events, event('registration.seal_order.dispatched', this.sealOrderId(), cmd.at, data)] };
  }

  /**
   * The assigned maker delivers to the window. Late when after the due instant (exactly at due
   * is on time). The app also calls SealMakerRotation.recordDelivery, which publishes the event.
   */
  deliverSeals(cmd: { at: Date; makerId: string; calendar: WorkingCalendar }): Outcome<SetupBundle> {
    const seals = this.part('SEALS');
    if (seals.state === 'DISPATCHED' && seals.makerId !== cmd.makerId) throw new NotAssignedSealMakerError(cmd.makerId);
    const late = seals.dueAt !== undefined && cmd.at.getTime() > seals.dueAt.getTime();
    return this.apply('SEALS', 'deliver', 'seal_maker', cmd.at, cmd.calendar, { late });
  }

  /**
   * The delivery clock ran out (the durable timer at `dueAt`): while the order is still DISPATCHED
   * to the same maker and its lateness not yet counted, it is marked late and `counted` is true (the
   * app then counts it against the maker: SealMakerRotation.recordOverdue). Otherwise nothing changes.
   */
  markSealsOverdue(cmd: { at: Date; makerId: string }): { aggregate: SetupBundle; counted: boolean } {
    const seals = this.part('SEALS');
    const overdue =
      seals.optedIn &&
      seals.state === 'DISPATCHED' &&
      seals.makerId === cmd.makerId &&
      seals.dueAt !== undefined &&
      cmd.at.getTime() > seals.dueAt.getTime() &&
      !seals.lateCounted;
    if (!overdue) return { aggregate: this, counted: false };
    const updated: PartState = { ...seals, late: true, lateCounted: true };
    return { aggregate: new SetupBundle({ ...this.state, parts: this.state.parts.map((p) => (p.part === 'SEALS' ? updated : p)) }), counted: true };
  }

  /** The desk takes the order back (e.g. the maker cannot deliver); dispatch again to another maker. */
  reassignSeals(at: Date, calendar: WorkingCalendar): Outcome<SetupBundle> {
    return this.apply('SEALS', 'reassign', 'desk', at, calendar, {});
  }

  handOverSeals(at: Date, calendar: WorkingCalendar): Outcome<SetupBundle> {
    return this.apply('SEALS', 'hand_over', 'window', at, calendar, {});
  }

  completeAgencyPart(part: 'TAX' | 'SOCIAL_INSURANCE' | 'HOUSING_FUND', at: Date, calendar: WorkingCalendar): Outcome<SetupBundle> {
    return this.apply(part, 'complete', part === 'TAX' ? 'tax_service' : 'agency', at, calendar, {});
  }

  failAgencyPart(part: 'TAX' | 'SOCIAL_INSURANCE' | 'HOUSING_FUND', reason: string, at: Date, calendar: WorkingCalendar): Outcome<SetupBundle> {
    if (!reason.trim()) throw new InvalidArgumentError('A failure needs a reason');
    return this.apply(part, 'fail', part === 'TAX' ? 'tax_service' : 'agency', at, calendar, { failureReason: reason });
  }

  retryAgencyPart(part: 'TAX' | 'SOCIAL_INSURANCE' | 'HOUSING_FUND', at: Date, calendar: WorkingCalendar): Outcome<SetupBundle> {
    return this.apply(part, 'retry', 'system', at, calendar, {});
  }

  /** The bank pre-assigns the account number: the bank part is done (activation is outside the clock). */
  presetBankAccount(accountNumber: string, at: Date, calendar: WorkingCalendar): Outcome<SetupBundle> {
    const accountRef = maskAccountNumber(accountNumber);
    return this.bankEvent(this.apply('BANK', 'preset', 'bank', at, calendar, { accountRef }), 'registration.bank_account.preset', at);
  }

  activateBankAccount(at: Date, calendar: WorkingCalendar): Outcome<SetupBundle> {
    return this.bankEvent(this.apply('BANK', 'activate', 'bank', at, calendar, {}), 'registration.bank_account.activated', at);
  }

  declineBankAccount(reason: string, at: Date, calendar: WorkingCalendar): Outcome<SetupBundle> {
    return this.bankEvent(this.apply('BANK', 'decline', 'bank', at, calendar, { failureReason: reason }), 'registration.bank_account.declined', at);
  }

  /** One view of every part and its clock (progress query). */
  statusView(at: Date, calendar: WorkingCalendar): BundleStatusView {
    const { policy, clockStartedAt } = this.state;
    const elapsed = (until: Date) => elapsedWorkingMinutes(calendar, policy.hours, clockStartedAt, until);
    const bundleEnd = this.state.completedAt ?? at;
    return {
      bundleId: this.state.id,
      uscc: this.state.uscc,
      status: this.state.status,
      clockStartedAt: clockStartedAt.toISOString(),
      targetDueAt: this.targetDueAt(calendar).toISOString(),
      elapsedWorkingMinutes: elapsed(bundleEnd),
      withinTarget: elapsed(bundleEnd) <= policy.targetWorkingMinutes,
      parts: this.state.parts.map((p) => {
        const minutes = p.optedIn ? elapsed(p.doneAt ?? at) : 0;
        return {
          part: p.part,
          state: p.state,
          optedIn: p.optedIn,
          done: p.doneAt !== undefined,
          ...(p.doneAt ? { doneAt: p.doneAt.toISOString() } : {}),
          elapsedWorkingMinutes: minutes,
          withinTarget: minutes <= policy.targetWorkingMinutes,
          ...(p.makerId && p.dueAt
            ? { sealClock: { makerId: p.makerId, dueAt: p.dueAt.toISOString(), late: p.late ?? at.getTime() > p.dueAt.getTime() } }
            : {}),
          ...(p.accountRef ? { accountRef: p.accountRef } : {}),
          ...(p.failureReason && (p.state === 'FAILED' || p.state === 'DECLINED') ? { failureReason: p.failureReason } : {}),
        };
      }),
    };
  }

  // ---------------------------------------------------------------- internals

  /** The id of the bundle's seal order (key of the seal_order events). */
  sealOrderId(): string {
    return `${this.state.id}-seals`;
  }

  private bankEvent(outcome: Outcome<SetupBundle>, type: string, at: Date): Outcome<SetupBundle> {
    const bank = outcome.aggregate.part('BANK');
    const data = { uscc: this.state.uscc, bankCode: this.state.bankCode ?? '', accountRef: bank.accountRef ?? '' };
    return { aggregate: outcome.aggregate, events: [...outcome.events, event(type, this.state.uscc, at, data)] };
  }

  /** Applies a part transition; on done publishes part_completed; on the last part closes the bundle. */
  private apply(part: BundlePart, trigger: string, actor: Actor, at: Date, calendar: WorkingCalendar, changes: Partial<PartState>): Outcome<SetupBundle> {
    const current = this.part(part);
    if (!current.optedIn) throw new BundlePartNotOptedInError(part);
    const state = transition(PART_MACHINES[part], current.state, trigger, actor);
    const becameDone = current.doneAt === undefined && PART_DONE_STATES[part].includes(state);
    const updated: PartState = { ...current, ...changes, state, ...(becameDone ? { doneAt: new Date(at.getTime()) } : {}) };
    let bundle = new SetupBundle({ ...this.state, parts: this.state.parts.map((p) => (p.part === part ? updated : p)) });
    const events: DomainEvent[] = [];
    if (!becameDone) return { aggregate: bundle, events };
    const { policy, clockStartedAt, uscc } = this.state;
    const minutes = elapsedWorkingMinutes(calendar, policy.hours, clockStartedAt, at);
    const within = minutes <= policy.targetWorkingMinutes;
    events.push(event<string, BundlePartData>('registration.setup_bundle.part_completed', uscc, at, { uscc, part, elapsedWorkingMinutes: minutes, withinTarget: within }));
    const allDone = bundle.state.parts.every((p) => !p.optedIn || p.doneAt !== undefined);
    if (allDone && bundle.state.status === 'OPEN') {
      const status = transition(BUNDLE_MACHINE, 'OPEN', within ? 'complete' : 'complete_late', 'system');
      bundle = new SetupBundle({ ...bundle.state, status, completedAt: new Date(at.getTime()) });
      events.push(event<string, BundlePartData>('registration.setup_bundle.completed', uscc, at, { uscc, part: 'ALL', elapsedWorkingMinutes: minutes, withinTarget: within }));
    }
    return { aggregate: bundle, events };
  }
}

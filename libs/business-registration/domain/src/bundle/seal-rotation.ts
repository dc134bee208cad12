import type { WorkingCalendar } from '@one-window/shared/calendar';
import { event, type DomainEvent, type Outcome } from '../shared/outcome';
import { NoEligibleSealMakerError } from './errors';

/** A contracted seal maker (刻章企业) on the roster (002 L1890–1895). */
export interface SealMaker {
  readonly id: string;
  /** Roster conditions met (licence, premises, 3 years' clean credit, MPS material, permit, signed 1-hour agreement). */
  readonly eligible: boolean;
}

/** Lateness thresholds per maker per calendar year (002 L1925) [cfg; Q5]. */
export interface LatenessPolicy {
  readonly warnAt: number;
  readonly disqualifyAt: number;
}

export const DEFAULT_LATENESS_POLICY: LatenessPolicy = { warnAt: 3, disqualifyAt: 5 };

export interface SealRotationState {
  /** Rotation order. */
  readonly makers: readonly SealMaker[];
  /** Index in `makers` of the last maker given an order; -1 before the first. */
  readonly cursor: number;
  /** The calendar year (Asia/Shanghai) the counts belong to. */
  readonly year: number;
  readonly lateCounts: Readonly<Record<string, number>>;
  readonly warned: readonly string[];
  /** Out of the rotation for `year`. */
  readonly disqualified: readonly string[];
}

export interface SealOrderDeliveredData {
  orderId: string;
  makerId: string;
  dueAt: string;
  late: boolean;
  yearlyLateCount: number;
}

export interface SealMakerSanctionData {
  makerId: string;
  year: number;
  yearlyLateCount: number;
}

/**
 * Round-robin assignment of free seal orders among eligible makers (按顺序轮流分配, 002 L1903)
 * and their lateness: each late delivery adds 1 to the maker's count for the calendar year;
 * 3 → warned, 5 → disqualified for the rest of the year (out of the rotation). Counts reset on 1 January.
 */
export class SealMakerRotation {
  private constructor(readonly state: SealRotationState) {}

  static create(makers: readonly SealMaker[], year: number): SealMakerRotation {
    return new SealMakerRotation({ makers: [...makers], cursor: -1, year, lateCounts: {}, warned: [], disqualified: [] });
  }

  static restore(state: SealRotationState): SealMakerRotation {
    return new SealMakerRotation(state);
  }

  /** Replaces the roster (admin edit), keeping counts and the cursor position by maker id. */
  withRoster(makers: readonly SealMaker[]): SealMakerRotation {
    const lastId = this.state.makers[this.state.cursor]?.id;
    const cursor = lastId === undefined ? -1 : makers.findIndex((m) => m.id === lastId);
    return new SealMakerRotation({ ...this.state, makers: [...makers], cursor });
  }

  /** The maker for the next order at `at`, skipping ineligible, disqualified and `exclude`d makers. */
  assignNext(at: Date, calendar: WorkingCalendar, exclude: readonly string[] = []): { rotation: SealMakerRotation; makerId: string } {
    const current = this.forYear(calendar.localDateOf(at).year);
    const { makers, cursor, disqualified } = current.state;
    for (let step = 1; step <= makers.length; step++) {
      const index = (cursor + step) % makers.length;
      const maker = makers[index];
      if (maker.eligible && !disqualified.includes(maker.id) && !exclude.includes(maker.id)) {
        return { rotation: new SealMakerRotation({ ...current.state, cursor: index }), makerId: maker.id };
      }
    }
    throw new NoEligibleSealMakerError(current.state.year);
  }

  /**
   * Records a delivery; publishes seal_order.delivered and, at the thresholds, warned / disqualified.
   * `lateAlreadyCounted`: the delivery clock ran out earlier and recordOverdue counted this order
   * already; a late delivery then adds nothing (one order, one late count).
   */
  recordDelivery(
    cmd: { orderId: string; makerId: string; dueAt: Date; deliveredAt: Date; calendar: WorkingCalendar; lateAlreadyCounted?: boolean },
    policy: LatenessPolicy = DEFAULT_LATENESS_POLICY,
  ): Outcome<SealMakerRotation> {
    const current = this.forYear(cmd.calendar.localDateOf(cmd.deliveredAt).year);
    const late = cmd.deliveredAt.getTime() > cmd.dueAt.getTime();
    const counts = late && !cmd.lateAlreadyCounted;
    const count = (current.state.lateCounts[cmd.makerId] ?? 0) + (counts ? 1 : 0);
    const delivered = event<string, SealOrderDeliveredData>('registration.seal_order.delivered', cmd.orderId, cmd.deliveredAt, {
      orderId: cmd.orderId,
      makerId: cmd.makerId,
      dueAt: cmd.dueAt.toISOString(),
      late,
      yearlyLateCount: count,
    });
    if (!counts) return { aggregate: current, events: [delivered] };
    return current.countLate(cmd.makerId, count, cmd.deliveredAt, [delivered], policy);
  }

  /**
   * The delivery clock of an order ran out before delivery (the timer at its due instant): counts
   * one late delivery for the maker in the year of `at` and publishes seal_order.overdue, then, at
   * the thresholds, warned / disqualified. The order stays with the maker unless the app reassigns
   * it (a disqualified maker is out of the rotation: `isDisqualified`).
   */
  recordOverdue(
    cmd: { orderId: string; makerId: string; dueAt: Date; at: Date; calendar: WorkingCalendar },
    policy: LatenessPolicy = DEFAULT_LATENESS_POLICY,
  ): Outcome<SealMakerRotation> {
    const current = this.forYear(cmd.calendar.localDateOf(cmd.at).year);
    const count = (current.state.lateCounts[cmd.makerId] ?? 0) + 1;
    const overdue = event<string, SealOrderDeliveredData>('registration.seal_order.overdue', cmd.orderId, cmd.at, {
      orderId: cmd.orderId,
      makerId: cmd.makerId,
      dueAt: cmd.dueAt.toISOString(),
      late: true,
      yearlyLateCount: count,
    });
    return current.countLate(cmd.makerId, count, cmd.at, [overdue], policy);
  }

  /** Out of the rotation for the current year. */
  isDisqualified(makerId: string): boolean {
    return this.state.disqualified.includes(makerId);
  }

  /** The quarterly seal list export and metrics read this. */
  lateCountOf(makerId: string): number {
    return this.state.lateCounts[makerId] ?? 0;
  }

  private countLate(makerId: string, count: number, at: Date, events: DomainEvent[], policy: LatenessPolicy): Outcome<SealMakerRotation> {
    let { warned, disqualified } = this.state;
    const sanction: SealMakerSanctionData = { makerId, year: this.state.year, yearlyLateCount: count };
    const all = [...events];
    if (count >= policy.warnAt && !warned.includes(makerId)) {
      warned = [...warned, makerId];
      all.push(event('registration.seal_maker.warned', makerId, at, sanction));
    }
    if (count >= policy.disqualifyAt && !disqualified.includes(makerId)) {
      disqualified = [...disqualified, makerId];
      all.push(event('registration.seal_maker.disqualified', makerId, at, sanction));
    }
    const lateCounts = { ...this.state.lateCounts, [makerId]: count };
    return { aggregate: new SealMakerRotation({ ...this.state, lateCounts, warned, disqualified }), events: all };
  }

  private forYear(year: number): SealMakerRotation {
    if (year <= this.state.year) return this;
    return new SealMakerRotation({ ...this.state, year, lateCounts: {}, warned: [], disqualified: [] });
  }
}

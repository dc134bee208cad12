import type { Actor } from '../shared/actors';
import { InvalidArgumentError } from '../shared/errors';
import { event, type Outcome } from '../shared/outcome';
import { create, transition, type StateMachine } from '../shared/state-machine';
import { isReportOverdue, reportWindow, type ReportWindowPolicy, DEFAULT_REPORT_WINDOW } from './report-window';
import { LocalDate } from '@one-window/shared/calendar';

/** Reasons for 经营异常名录 (§7). */
export const ABNORMAL_REASONS = ['ANNUAL_REPORT_OVERDUE', 'UNREACHABLE_AT_ADDRESS', 'FALSIFIED_PUBLICITY', 'INFORMATION_NOT_PUBLISHED'] as const;
export type AbnormalReason = (typeof ABNORMAL_REASONS)[number];

export const ABNORMAL_LISTING_MACHINE: StateMachine<'LISTED' | 'REMOVED', 'list' | 'remove'> = {
  name: 'abnormal-listing',
  codePrefix: 'registration',
  states: ['LISTED', 'REMOVED'],
  triggers: ['list', 'remove'],
  creations: [{ trigger: 'list', to: 'LISTED', actors: ['system', 'officer'], guard: 'Reason recorded (system: a missed annual report)' }],
  transitions: [{ from: ['LISTED'], trigger: 'remove', to: 'REMOVED', actors: ['officer'], guard: 'Cause cured and verified (credit repair)' }],
  terminal: ['REMOVED'],
};

export interface AbnormalListingState {
  readonly id: string;
  readonly uscc: string;
  readonly reasonCode: AbnormalReason;
  readonly status: 'LISTED' | 'REMOVED';
  readonly listedOn: string;
  readonly removedOn?: string;
  readonly correctionRef?: string;
}

export interface AbnormalListData {
  uscc: string;
  reasonCode: AbnormalReason;
  listedOn: string;
  removedOn?: string;
}

/** One entry on the abnormal list. Removal (after correction) resets the forced-exit clock [design, Q4]. */
export class AbnormalListing {
  private constructor(readonly state: AbnormalListingState) {}

  static restore(state: AbnormalListingState): AbnormalListing {
    return new AbnormalListing(state);
  }

  static list(cmd: { id: string; uscc: string; reasonCode: AbnormalReason; listedOn: string; actor: Actor; at: Date }): Outcome<AbnormalListing> {
    const status = create(ABNORMAL_LISTING_MACHINE, 'list', cmd.actor);
    const state: AbnormalListingState = { id: cmd.id, uscc: cmd.uscc, reasonCode: cmd.reasonCode, status, listedOn: cmd.listedOn };
    const data: AbnormalListData = { uscc: cmd.uscc, reasonCode: cmd.reasonCode, listedOn: cmd.listedOn };
    return { aggregate: new AbnormalListing(state), events: [event('registration.company.abnormal_listed', cmd.uscc, cmd.at, data)] };
  }

  /**
   * The nightly rule: a missed annual report lists the entity on the day after the window
   * closes. Undefined when nothing is overdue.
   */
  static forMissedReport(
    cmd: { id: string; uscc: string; reportYear: number; today: string; filedOn?: string; at: Date },
    policy: ReportWindowPolicy = DEFAULT_REPORT_WINDOW,
  ): Outcome<AbnormalListing> | undefined {
    if (!isReportOverdue(cmd.reportYear, cmd.today, cmd.filedOn, policy)) return undefined;
    const listedOn = LocalDate.parse(reportWindow(cmd.reportYear, policy).closesOn).plusDays(1).toString();
    return AbnormalListing.list({ id: cmd.id, uscc: cmd.uscc, reasonCode: 'ANNUAL_REPORT_OVERDUE', listedOn, actor: 'system', at: cmd.at });
  }

  remove(cmd: { removedOn: string; correctionRef: string; actor: Actor; at: Date }): Outcome<AbnormalListing> {
    const status = transition(ABNORMAL_LISTING_MACHINE, this.state.status, 'remove', cmd.actor);
    if (!cmd.correctionRef.trim()) throw new InvalidArgumentError('Removal needs the correction it rests on');
    if (cmd.removedOn < this.state.listedOn) throw new InvalidArgumentError('Removal before listing');
    const state: AbnormalListingState = { ...this.state, status, removedOn: cmd.removedOn, correctionRef: cmd.correctionRef };
    const data: AbnormalListData = { uscc: this.state.uscc, reasonCode: this.state.reasonCode, listedOn: this.state.listedOn, removedOn: cmd.removedOn };
    return { aggregate: new AbnormalListing(state), events: [event('registration.company.abnormal_removed', this.state.uscc, cmd.at, data)] };
  }
}

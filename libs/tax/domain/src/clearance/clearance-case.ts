/**
 * The clearance case aggregate (清税), tax.md §10. Immutable: every command returns
 * { aggregate, events }. Time limits [cfg], counted from the request on the working-day calendar:
 * EXEMPT answered within 1 WD, STANDARD 10 WD, BANKRUPTCY 5 WD; ON_THE_SPOT / COMMITMENT in the
 * same visit or session (no clock). commitmentDue = issue + 30 natural days [cfg] (end of the 30th day).
 */
import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { TaxActor } from '../shared/actors';
import { create, transition } from '../shared/state-machine';
import type { TaxpayerCreditRisk } from '../credit-risk/credit-risk';
import { copyDate, taxEvent, type TaxDomainEvent, type TaxOutcome } from '../credit-risk/domain-event';
import { gateEvent, type GateOptions } from '../credit-risk/gate';
import { CLEARANCE_MACHINE, type ClearanceStatus, type ClearanceTrigger } from './clearance-machine';
import {
  classifyClearance,
  clearanceBlockers,
  DEFAULT_CLEARANCE_POLICY,
  type ClearanceBlocker,
  type ClearanceClassification,
  type ClearanceFacts,
  type ClearancePolicy,
  type ClearanceRoute,
} from './clearance-route';
import {
  ClearanceBlockersOutstandingError,
  ClearanceCommitmentNotDueError,
  ClearanceCommitmentOverdueError,
  ClearanceIssuerNotAllowedError,
  ClearanceRouteMismatchError,
} from './errors';

export type ClearanceOrigin = 'DEREGISTRATION_EVENT' | 'TAXPAYER_APPLICATION' | 'BANKRUPTCY_ADMINISTRATOR';

const ORIGIN_ACTOR: Readonly<Record<ClearanceOrigin, TaxActor>> = {
  DEREGISTRATION_EVENT: 'system',
  TAXPAYER_APPLICATION: 'applicant',
  BANKRUPTCY_ADMINISTRATOR: 'administrator',
};

export interface ClearanceHistoryEntry {
  readonly at: Date;
  readonly trigger: ClearanceTrigger;
  readonly from: ClearanceStatus | null;
  readonly to: ClearanceStatus;
  readonly actor: TaxActor;
  readonly by?: string;
}

export interface ClearanceCaseState {
  readonly caseId: string;
  readonly taxpayerId: string;
  readonly status: ClearanceStatus;
  readonly origin: ClearanceOrigin;
  /** registration.company.deregistration-requested event id, when the case came from it. */
  readonly sourceEventId?: string;
  readonly requestedAt: Date;
  readonly classification?: ClearanceClassification;
  readonly route?: ClearanceRoute;
  /** Due instant of the route's answer (EXEMPT / STANDARD / BANKRUPTCY); none for the immediate routes. */
  readonly dueAt?: Date;
  readonly certificateNo?: string;
  readonly issuedAt?: Date;
  readonly commitmentDue?: Date;
  /** The items the taxpayer committed to finish (COMMITMENT). */
  readonly commitmentItems?: readonly ClearanceBlocker[];
  readonly closedAt?: Date;
  readonly policy: ClearancePolicy;
  readonly history: readonly ClearanceHistoryEntry[];
}

/** Data of every tax.clearance.* event (§14: route, certificateNo). */
export interface ClearanceEventData {
  readonly caseId: string;
  readonly taxpayerId: string;
  readonly route?: ClearanceRoute;
  readonly certificateNo?: string;
  readonly commitmentDue?: string;
  readonly origin?: ClearanceOrigin;
  readonly outstanding?: readonly ClearanceBlocker[];
  readonly creditDeduction?: boolean;
  readonly sourceEventId?: string;
}

export class ClearanceCase {
  private constructor(readonly state: ClearanceCaseState) {}

  static restore(state: ClearanceCaseState): ClearanceCase {
    return new ClearanceCase(state);
  }

  /** — → REQUESTED: from the deregistration event (system), the taxpayer, or the bankruptcy administrator. tax.clearance.requested. */
  static request(cmd: {
    caseId: string;
    taxpayerId: string;
    origin: ClearanceOrigin;
    at: Date;
    sourceEventId?: string;
    by?: string;
    policy?: ClearancePolicy;
  }): TaxOutcome<ClearanceCase> {
    const actor = ORIGIN_ACTOR[cmd.origin];
    const status = create(CLEARANCE_MACHINE, 'request', actor);
    const aggregate = new ClearanceCase({
      caseId: cmd.caseId,
      taxpayerId: cmd.taxpayerId,
      status,
      origin: cmd.origin,
      ...(cmd.sourceEventId !== undefined ? { sourceEventId: cmd.sourceEventId } : {}),
      requestedAt: copyDate(cmd.at),
      policy: cmd.policy ?? DEFAULT_CLEARANCE_POLICY,
      history: [{ at: copyDate(cmd.at), trigger: 'request', from: null, to: status, actor, ...(cmd.by !== undefined ? { by: cmd.by } : {}) }],
    });
    return { aggregate, events: [aggregate.event('tax.clearance.requested', cmd.at, { origin: cmd.origin })] };
  }

  /**
   * REQUESTED → CLASSIFIED (system, within 1 min): the route from the facts, with the credit + risk
   * gate for ON_THE_SPOT and COMMITMENT (a block falls back to STANDARD with the reason). Emits
   * tax.operation.blocked / .warned when the gate did.
   */
  classify(cmd: { at: Date; calendar: WorkingCalendar; facts: ClearanceFacts; credit: TaxpayerCreditRisk; acknowledgeWarning?: boolean; gateOptions?: GateOptions }): TaxOutcome<ClearanceCase> {
    this.assertAllowed('classify', 'system');
    const { policy } = this.state;
    const classification = classifyClearance(cmd.facts, cmd.credit, {
      policy,
      ...(cmd.acknowledgeWarning !== undefined ? { acknowledgeWarning: cmd.acknowledgeWarning } : {}),
      ...(cmd.gateOptions ? { gateOptions: cmd.gateOptions } : {}),
    });
    const limit: Partial<Record<ClearanceRoute, number>> = {
      EXEMPT: policy.exemptAnswerWorkingDays,
      STANDARD: policy.standardWorkingDays,
      BANKRUPTCY: policy.bankruptcyWorkingDays,
    };
    const n = limit[classification.route];
    const next = this.step('classify', 'system', cmd.at, undefined, {
      classification,
      route: classification.route,
      ...(n !== undefined ? { dueAt: cmd.calendar.deadlineWorkingDays(this.state.requestedAt, n) } : {}),
    });
    const events: TaxDomainEvent[] = [];
    if (classification.gate) {
      const acknowledged = classification.gate.decision === 'warning' && cmd.acknowledgeWarning === true;
      const e = gateEvent(this.state.taxpayerId, cmd.at, classification.gate, acknowledged);
      if (e) events.push(e);
    }
    return { aggregate: next, events };
  }

  /** CLASSIFIED → EXEMPTED (system), route EXEMPT: no certificate; registration proceeds with simplified deregistration. */
  exempt(cmd: { at: Date }): TaxOutcome<ClearanceCase> {
    this.assertAllowed('exempt', 'system');
    this.requireRoute('exempt', ['EXEMPT']);
    const next = this.step('exempt', 'system', cmd.at, undefined, { closedAt: copyDate(cmd.at) });
    return { aggregate: next, events: [next.event('tax.clearance.exempted', cmd.at, { route: 'EXEMPT' })] };
  }

  /**
   * CLASSIFIED → ISSUED with a certificate number from `nextCertificateNo`: tax.clearance.issued.
   * ON_THE_SPOT / COMMITMENT at once (system or officer); STANDARD by an officer once settled (the
   * current facts show no blocker); BANKRUPTCY by an officer on the termination ruling. A COMMITMENT
   * records the outstanding items and commitmentDue.
   */
  issue(cmd: {
    at: Date;
    actor: 'system' | 'officer_service';
    officerId?: string;
    calendar: WorkingCalendar;
    nextCertificateNo: () => string;
    /** The facts now (needed for STANDARD: everything settled). */
    facts?: ClearanceFacts;
  }): TaxOutcome<ClearanceCase> {
    this.assertAllowed('issue', cmd.actor);
    const route = this.requireRoute('issue', ['ON_THE_SPOT', 'COMMITMENT', 'STANDARD', 'BANKRUPTCY']);
    if ((route === 'STANDARD' || route === 'BANKRUPTCY') && cmd.actor !== 'officer_service') {
      throw new ClearanceIssuerNotAllowedError({ caseId: this.state.caseId, route, actor: cmd.actor });
    }
    if (route === 'STANDARD') {
      const remaining = cmd.facts ? clearanceBlockers(cmd.facts) : (this.state.classification?.blockers ?? []);
      if (remaining.length > 0) throw new ClearanceBlockersOutstandingError({ caseId: this.state.caseId, step: 'issue', blockers: remaining });
    }
    const certificateNo = cmd.nextCertificateNo();
    const commitment =
      route === 'COMMITMENT'
        ? {
            commitmentDue: cmd.calendar.deadlineNaturalDays(cmd.at, this.state.policy.commitmentNaturalDays),
            commitmentItems: [...(this.state.classification?.blockers ?? [])],
          }
        : {};
    const next = this.step('issue', cmd.actor, cmd.at, cmd.officerId, { certificateNo, issuedAt: copyDate(cmd.at), ...commitment });
    return {
      aggregate: next,
      events: [
        next.event('tax.clearance.issued', cmd.at, {
          route,
          certificateNo,
          ...(commitment.commitmentDue ? { commitmentDue: commitment.commitmentDue.toISOString() } : {}),
        }),
      ],
    };
  }

  /** ISSUED → FULFILLED (the taxpayer), COMMITMENT only, before commitmentDue, with every item finished. */
  fulfil(cmd: { at: Date; applicantId: string; facts: ClearanceFacts }): TaxOutcome<ClearanceCase> {
    this.assertAllowed('fulfil', 'applicant');
    this.requireRoute('fulfil', ['COMMITMENT']);
    const due = this.state.commitmentDue as Date;
    if (cmd.at.getTime() >= due.getTime()) {
      throw new ClearanceCommitmentOverdueError({ caseId: this.state.caseId, commitmentDue: due.toISOString(), at: cmd.at.toISOString() });
    }
    const remaining = clearanceBlockers(cmd.facts);
    if (remaining.length > 0) throw new ClearanceBlockersOutstandingError({ caseId: this.state.caseId, step: 'fulfil', blockers: remaining });
    return { aggregate: this.step('fulfil', 'applicant', cmd.at, cmd.applicantId, { closedAt: copyDate(cmd.at) }), events: [] };
  }

  /** ISSUED → BREACHED (timer), COMMITMENT only, at or after commitmentDue: tax.clearance_commitment.breached; credit deduction [derived]. */
  breach(cmd: { at: Date }): TaxOutcome<ClearanceCase> {
    this.assertAllowed('breach', 'timer');
    this.requireRoute('breach', ['COMMITMENT']);
    const due = this.state.commitmentDue as Date;
    if (cmd.at.getTime() < due.getTime()) {
      throw new ClearanceCommitmentNotDueError({ caseId: this.state.caseId, commitmentDue: due.toISOString(), at: cmd.at.toISOString() });
    }
    const next = this.step('breach', 'timer', cmd.at, undefined, { closedAt: copyDate(cmd.at) });
    return {
      aggregate: next,
      events: [
        next.event('tax.clearance_commitment.breached', cmd.at, {
          route: 'COMMITMENT',
          ...(this.state.certificateNo !== undefined ? { certificateNo: this.state.certificateNo } : {}),
          commitmentDue: due.toISOString(),
          outstanding: [...(this.state.commitmentItems ?? [])],
          creditDeduction: true,
        }),
      ],
    };
  }

  /** True once the case needs nothing more: EXEMPTED, FULFILLED, BREACHED, or ISSUED on a route without a commitment. */
  get isClosed(): boolean {
    const { status, route } = this.state;
    return status === 'EXEMPTED' || status === 'FULFILLED' || status === 'BREACHED' || (status === 'ISSUED' && route !== 'COMMITMENT');
  }

  /** Whether the route's answer is overdue at `at` (EXEMPT / STANDARD / BANKRUPTCY, while CLASSIFIED). */
  isOverdue(at: Date): boolean {
    return this.state.status === 'CLASSIFIED' && this.state.dueAt !== undefined && at.getTime() >= this.state.dueAt.getTime();
  }

  private requireRoute(step: string, allowed: readonly ClearanceRoute[]): ClearanceRoute {
    const route = this.state.route as ClearanceRoute;
    if (!allowed.includes(route)) throw new ClearanceRouteMismatchError({ caseId: this.state.caseId, route, step, allowedRoutes: allowed });
    return route;
  }

  private assertAllowed(trigger: ClearanceTrigger, actor: TaxActor): void {
    transition(CLEARANCE_MACHINE, this.state.status, trigger, actor);
  }

  private event(type: string, at: Date, data: Partial<ClearanceEventData>): TaxDomainEvent<string, ClearanceEventData> {
    return taxEvent(type, this.state.taxpayerId, at, {
      caseId: this.state.caseId,
      taxpayerId: this.state.taxpayerId,
      // the deregistration request this case answers, so registration can match the answer to it
      ...(this.state.sourceEventId !== undefined ? { sourceEventId: this.state.sourceEventId } : {}),
      ...data,
    });
  }

  private step(trigger: ClearanceTrigger, actor: TaxActor, at: Date, by: string | undefined, changes: Partial<ClearanceCaseState>): ClearanceCase {
    const to = transition(CLEARANCE_MACHINE, this.state.status, trigger, actor);
    const entry: ClearanceHistoryEntry = { at: copyDate(at), trigger, from: this.state.status, to, actor, ...(by !== undefined ? { by } : {}) };
    return new ClearanceCase({ ...this.state, ...changes, status: to, history: [...this.state.history, entry] });
  }
}

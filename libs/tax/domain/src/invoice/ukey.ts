/**
 * UKey issuance aggregate (tax.md §3 L52 `UKeyIssuance`, §5.2 L101). Free for new taxpayers with
 * contactless pickup by mail (000 L2728–2730); the 无费区 model adds free mailing (003 L40 #6).
 * Dispatch (mail) or readiness (counter) is due within 1 WD [cfg] on the shared working calendar.
 */
import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { TaxActor } from '../shared/actors';
import { create, transition } from '../shared/state-machine';
import { UKeyNotOwnerError, UKeyValidationError, UKeyWrongPickupError, type InvoiceFieldIssue } from './errors';
import { invoiceEvent, type InvoiceOutcome, type UKeyActivatedData, type UKeyDispatchedData } from './events';
import { isInvoiceTaxpayerId } from './identifiers';
import { UKEY_MACHINE, type UKeyStatus, type UKeyTrigger } from './ukey-machine';

export type UKeyPickup = 'MAIL' | 'COUNTER';

export interface UKeyPolicy {
  /** Dispatch (mail) or ready at the counter within N working days of the request [cfg]. */
  readonly dispatchWorkingDays: number;
}

export const DEFAULT_UKEY_POLICY: UKeyPolicy = { dispatchWorkingDays: 1 };

export interface UKeyTransitionRecord {
  readonly at: Date;
  readonly trigger: UKeyTrigger;
  readonly from: UKeyStatus | null;
  readonly to: UKeyStatus;
  readonly actor: TaxActor;
  readonly by?: string;
}

export interface UKeyIssuanceState {
  readonly id: string;
  readonly taxpayerId: string;
  /** Free of charge: a new taxpayer (§5.2). */
  readonly free: boolean;
  /** Free mailing as well (无费区, 003 L40 #6): a free UKey sent by mail. */
  readonly freeMailing: boolean;
  readonly pickup: UKeyPickup;
  readonly mailingAddress?: string;
  readonly counterOfficeId?: string;
  readonly status: UKeyStatus;
  readonly requestedAt: Date;
  /** End of the dispatch (or counter readiness) limit: exclusive instant. */
  readonly dispatchDueAt: Date;
  readonly trackingNo?: string;
  readonly carrier?: string;
  readonly dispatchedAt?: Date;
  readonly deliveredAt?: Date;
  readonly readyAt?: Date;
  readonly activatedAt?: Date;
  readonly deviceNo?: string;
  readonly history: readonly UKeyTransitionRecord[];
}

export interface RequestUKey {
  readonly id: string;
  readonly taxpayerId: string;
  /** Newly registered (the app decides from the taxpayer's registration); a new taxpayer's UKey is free. */
  readonly newTaxpayer: boolean;
  readonly pickup: UKeyPickup;
  /** Required for MAIL. */
  readonly mailingAddress?: string;
  /** Required for COUNTER: the tax office that hands it over. */
  readonly counterOfficeId?: string;
  readonly at: Date;
  readonly calendar: WorkingCalendar;
  readonly policy?: UKeyPolicy;
}

const TRACKING_NO = /^[A-Za-z0-9-]{6,40}$/;

export class UKeyIssuance {
  private constructor(readonly state: UKeyIssuanceState) {}

  static restore(state: UKeyIssuanceState): UKeyIssuance {
    return new UKeyIssuance(state);
  }

  /** — → REQUESTED by the taxpayer; the dispatch limit starts (1 WD [cfg]). No event (§14 lists none). */
  static request(cmd: RequestUKey): UKeyIssuance {
    const issues: InvoiceFieldIssue[] = [];
    if (typeof cmd.id !== 'string' || cmd.id.length === 0)
      issues.push({
        field: 'id',
        problem: 'REQUIRED',
        message: 'id is required',
      });
    if (!isInvoiceTaxpayerId(cmd.taxpayerId))
      issues.push({
        field: 'taxpayerId',
        problem: 'FORMAT',
        message: 'not a unified social credit code',
      });
    if (cmd.pickup !== 'MAIL' && cmd.pickup !== 'COUNTER')
      issues.push({
        field: 'pickup',
        problem: 'NOT_ALLOWED',
        message: 'pickup is MAIL or COUNTER',
      });
    if (cmd.pickup === 'MAIL' && !nonEmpty(cmd.mailingAddress))
      issues.push({
        field: 'mailingAddress',
        problem: 'REQUIRED',
        message: 'mail pickup needs an address',
      });
    if (cmd.pickup === 'COUNTER' && !nonEmpty(cmd.counterOfficeId))
      issues.push({
        field: 'counterOfficeId',
        problem: 'REQUIRED',
        message: 'counter pickup needs the office',
      });
    if (issues.length > 0) throw new UKeyValidationError(issues);
    const policy = cmd.policy ?? DEFAULT_UKEY_POLICY;
    const status = create(UKEY_MACHINE, 'request', 'applicant');
    const at = new Date(cmd.at.getTime());
    return new UKeyIssuance({
      id: cmd.id,
      taxpayerId: cmd.taxpayerId,
      free: cmd.newTaxpayer,
      freeMailing: cmd.newTaxpayer && cmd.pickup === 'MAIL',
      pickup: cmd.pickup,
      ...(cmd.pickup === 'MAIL' ? { mailingAddress: cmd.mailingAddress } : { counterOfficeId: cmd.counterOfficeId }),
      status,
      requestedAt: at,
      dispatchDueAt: cmd.calendar.deadlineWorkingDays(at, policy.dispatchWorkingDays),
      history: [
        {
          at,
          trigger: 'request',
          from: null,
          to: status,
          actor: 'applicant',
          by: cmd.taxpayerId,
        },
      ],
    });
  }

  /** REQUESTED → DISPATCHED (mail): the tracking number is recorded; emits `tax.ukey.dispatched` (key taxpayerId). */
  dispatch(cmd: { at: Date; trackingNo: string; carrier?: string; actor: 'officer_service' | 'system'; by?: string }): InvoiceOutcome<UKeyIssuance> {
    if (this.state.pickup !== 'MAIL') throw new UKeyWrongPickupError(this.state.id, this.state.pickup, 'dispatch');
    const next = this.step('dispatch', cmd.actor, cmd.at, cmd.by);
    if (typeof cmd.trackingNo !== 'string' || !TRACKING_NO.test(cmd.trackingNo)) {
      throw new UKeyValidationError([
        {
          field: 'trackingNo',
          problem: 'FORMAT',
          message: '6–40 letters, digits or hyphens',
        },
      ]);
    }
    const onTime = cmd.at.getTime() < this.state.dispatchDueAt.getTime();
    const aggregate = new UKeyIssuance({
      ...next.state,
      trackingNo: cmd.trackingNo,
      ...(cmd.carrier !== undefined ? { carrier: cmd.carrier } : {}),
      dispatchedAt: new Date(cmd.at.getTime()),
    });
    const data: UKeyDispatchedData = {
      issuanceId: this.state.id,
      taxpayerId: this.state.taxpayerId,
      trackingNo: cmd.trackingNo,
      carrier: cmd.carrier ?? null,
      free: this.state.free,
      dueAt: this.state.dispatchDueAt.toISOString(),
      onTime,
    };
    return {
      aggregate,
      events: [invoiceEvent('tax.ukey.dispatched', this.state.taxpayerId, cmd.at, data)],
    };
  }

  /** DISPATCHED → DELIVERED: carrier tracking (system) or the taxpayer confirms receipt. */
  confirmDelivery(cmd: { at: Date; actor: 'system' | 'applicant' }): UKeyIssuance {
    const next = this.step('confirm_delivery', cmd.actor, cmd.at);
    return new UKeyIssuance({
      ...next.state,
      deliveredAt: new Date(cmd.at.getTime()),
    });
  }

  /** REQUESTED → READY (counter): an officer prepares it for pickup. */
  makeReady(cmd: { at: Date; officerId: string }): UKeyIssuance {
    if (this.state.pickup !== 'COUNTER') throw new UKeyWrongPickupError(this.state.id, this.state.pickup, 'make_ready');
    const next = this.step('make_ready', 'officer_service', cmd.at, cmd.officerId);
    return new UKeyIssuance({
      ...next.state,
      readyAt: new Date(cmd.at.getTime()),
    });
  }

  /** DELIVERED | READY → ACTIVATED by the taxpayer it was issued to; emits `tax.ukey.activated` (key taxpayerId). */
  activate(cmd: { at: Date; taxpayerId: string; deviceNo: string }): InvoiceOutcome<UKeyIssuance> {
    if (cmd.taxpayerId !== this.state.taxpayerId) throw new UKeyNotOwnerError(this.state.id);
    const next = this.step('activate', 'applicant', cmd.at, cmd.taxpayerId);
    if (!nonEmpty(cmd.deviceNo))
      throw new UKeyValidationError([
        {
          field: 'deviceNo',
          problem: 'REQUIRED',
          message: 'the device number is required',
        },
      ]);
    const aggregate = new UKeyIssuance({
      ...next.state,
      activatedAt: new Date(cmd.at.getTime()),
      deviceNo: cmd.deviceNo,
    });
    const data: UKeyActivatedData = {
      issuanceId: this.state.id,
      taxpayerId: this.state.taxpayerId,
      pickup: this.state.pickup,
      trackingNo: this.state.trackingNo ?? null,
      deviceNo: cmd.deviceNo,
    };
    return {
      aggregate,
      events: [invoiceEvent('tax.ukey.activated', this.state.taxpayerId, cmd.at, data)],
    };
  }

  /** Still not dispatched (or not ready at the counter) at or after the limit. */
  isDispatchOverdue(at: Date): boolean {
    return this.state.status === 'REQUESTED' && at.getTime() >= this.state.dispatchDueAt.getTime();
  }

  private step(trigger: UKeyTrigger, actor: TaxActor, at: Date, by?: string): UKeyIssuance {
    const to = transition(UKEY_MACHINE, this.state.status, trigger, actor);
    const record: UKeyTransitionRecord = {
      at: new Date(at.getTime()),
      trigger,
      from: this.state.status,
      to,
      actor,
      ...(by !== undefined ? { by } : {}),
    };
    return new UKeyIssuance({
      ...this.state,
      status: to,
      history: [...this.state.history, record],
    });
  }
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

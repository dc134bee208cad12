import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import type { Stored } from '@one-window/shared/persistence';
import { Timers, type Timer } from '@one-window/shared/scheduling';
import { TaxpayerRepository, UKeyIssuanceRepository, type UKeyIssuanceRecord } from '@one-window/tax/data-access';
import { UKeyIssuance, type InvoiceOutcome } from '@one-window/tax/domain';
import { NotFoundError } from '../../shared/errors';
import { TaxEvents } from '../../shared/tax-events';
import { INVOICING_CONFIG, type InvoicingConfig } from '../shared/invoicing-config';
import { UKeyOrderOpenError } from '../shared/invoicing-errors';
import { taxpayerFor, type TaxpayerAccess } from '../shared/invoicing-access';
import { ukeyOrderView } from '../shared/invoicing-views';
import type { ActivateUKeyDto, DispatchUKeyDto, OrderUKeyDto } from './ukey.dto';

/** The durable timer at the end of the 1-working-day dispatch limit of a UKey order (key: the order id). */
export const UKEY_DISPATCH_TIMER = 'tax.ukey.dispatch_due';

/**
 * The free tax UKey (§5.2): REQUESTED → (mail: DISPATCHED → DELIVERED | counter: READY) →
 * ACTIVATED. The order schedules a durable timer at its dispatch limit (1 WD on the working
 * calendar); dispatch or counter readiness cancels it; if it fires first the order is flagged late
 * (`dispatchOverdueAt`; the domain has no event for it).
 */
@Injectable()
export class UKeyHandler {
  private readonly logger = new Logger(UKeyHandler.name);

  constructor(
    private readonly ds: DataSource,
    private readonly taxpayers: TaxpayerRepository,
    private readonly orders: UKeyIssuanceRepository,
    private readonly events: TaxEvents,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
    @Inject(INVOICING_CONFIG) private readonly config: InvoicingConfig,
  ) {}

  async order(taxpayerId: string, dto: OrderUKeyDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const { doc: taxpayer } = await taxpayerFor(this.taxpayers, tx, taxpayerId, who, 'owner');
      await this.taxpayers.get(tx, taxpayerId, { lock: true }); // one order at a time per taxpayer
      const open = (await this.orders.listByTaxpayer(tx, taxpayerId)).find((o) => o.doc.status !== 'ACTIVATED');
      if (open) throw new UKeyOrderOpenError(taxpayerId, open.doc.id);
      const at = new Date();
      const issuance = UKeyIssuance.request({
        id: randomUUID(),
        taxpayerId,
        newTaxpayer: at.getTime() - taxpayer.registeredAt.getTime() <= this.config.ukeyFreeWithinDays * 86_400_000,
        pickup: dto.pickup,
        ...(dto.mailingAddress !== undefined ? { mailingAddress: dto.mailingAddress } : {}),
        ...(dto.counterOfficeId !== undefined ? { counterOfficeId: dto.counterOfficeId } : {}),
        at,
        calendar: this.calendar,
      });
      await this.orders.insert(tx, issuance.state);
      await this.timers.schedule(tx, { kind: UKEY_DISPATCH_TIMER, key: issuance.state.id, dueAt: issuance.state.dispatchDueAt });
      return ukeyOrderView(issuance.state, 1, at);
    });
  }

  async list(taxpayerId: string, who: Principal) {
    await taxpayerFor(this.taxpayers, this.ds.manager, taxpayerId, who, 'read');
    const now = new Date();
    return { items: (await this.orders.listByTaxpayer(this.ds.manager, taxpayerId)).map((o) => ukeyOrderView(o.doc, o.version, now)) };
  }

  async get(taxpayerId: string, orderId: string, who: Principal) {
    await taxpayerFor(this.taxpayers, this.ds.manager, taxpayerId, who, 'read');
    const stored = await this.orders.get(this.ds.manager, orderId);
    if (!stored || stored.doc.taxpayerId !== taxpayerId) throw new NotFoundError('UKey order', orderId);
    return ukeyOrderView(stored.doc, stored.version);
  }

  /** Mailed with a tracking number, by an officer of the taxpayer's bureau: `tax.ukey.dispatched`. */
  dispatch(taxpayerId: string, orderId: string, dto: DispatchUKeyDto, who: Principal) {
    return this.step(taxpayerId, orderId, who, 'bureau-officer', (order, at) => {
      const out = order.dispatch({ at, trackingNo: dto.trackingNo, ...(dto.carrier !== undefined ? { carrier: dto.carrier } : {}), actor: 'officer_service', by: who.subject });
      return out;
    });
  }

  /** Ready at the counter (counter pickup), by an officer of the taxpayer's bureau. */
  ready(taxpayerId: string, orderId: string, who: Principal) {
    return this.step(taxpayerId, orderId, who, 'bureau-officer', (order, at) => ({ aggregate: order.makeReady({ at, officerId: who.subject }), events: [] }));
  }

  /** The taxpayer confirms it received the mailed UKey. */
  confirmDelivery(taxpayerId: string, orderId: string, who: Principal) {
    return this.step(taxpayerId, orderId, who, 'owner', (order, at) => ({ aggregate: order.confirmDelivery({ at, actor: 'applicant' }), events: [] }));
  }

  /** The taxpayer activates it: `tax.ukey.activated`. */
  activate(taxpayerId: string, orderId: string, dto: ActivateUKeyDto, who: Principal) {
    return this.step(taxpayerId, orderId, who, 'owner', (order, at) => order.activate({ at, taxpayerId, deviceNo: dto.deviceNo }));
  }

  /** Timer: the dispatch limit passed. Flags the order late if it is still REQUESTED (no event: the domain has none). */
  async dispatchDue(timer: Timer, tx: EntityManager): Promise<void> {
    const stored = await this.orders.get(tx, timer.key, { lock: true });
    if (!stored || stored.doc.dispatchOverdueAt) return;
    const now = new Date();
    if (!UKeyIssuance.restore(stored.doc).isDispatchOverdue(now)) return;
    await this.orders.update(tx, { ...stored.doc, dispatchOverdueAt: now }, stored.version);
    this.logger.warn(`UKey order ${stored.doc.id} of ${stored.doc.taxpayerId} not dispatched by ${stored.doc.dispatchDueAt.toISOString()}`);
  }

  private async step(
    taxpayerId: string,
    orderId: string,
    who: Principal,
    access: TaxpayerAccess,
    act: (order: UKeyIssuance, at: Date) => InvoiceOutcome<UKeyIssuance>,
  ) {
    return this.ds.transaction(async (tx) => {
      await taxpayerFor(this.taxpayers, tx, taxpayerId, who, access);
      const stored: Stored<UKeyIssuanceRecord> | undefined = await this.orders.get(tx, orderId, { lock: true });
      if (!stored || stored.doc.taxpayerId !== taxpayerId) throw new NotFoundError('UKey order', orderId);
      const at = new Date();
      const { aggregate, events } = act(UKeyIssuance.restore(stored.doc), at);
      const record: UKeyIssuanceRecord = { ...aggregate.state, ...(stored.doc.dispatchOverdueAt ? { dispatchOverdueAt: stored.doc.dispatchOverdueAt } : {}) };
      const version = await this.orders.update(tx, record, stored.version);
      await this.events.publish(tx, events);
      if (stored.doc.status === 'REQUESTED' && record.status !== 'REQUESTED') await this.timers.cancel(tx, UKEY_DISPATCH_TIMER, orderId);
      return ukeyOrderView(record, version, at);
    });
  }
}

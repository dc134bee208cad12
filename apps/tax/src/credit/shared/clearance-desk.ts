import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ClearanceCaseRepository, TaxpayerRepository } from '@one-window/tax/data-access';
import { ClearanceCase, Taxpayer, type ClearanceCaseState, type ClearanceOrigin, type TaxEvent, type TaxpayerState } from '@one-window/tax/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';
import type { Stored } from '@one-window/shared/persistence';
import { Timers } from '@one-window/shared/scheduling';
import { TaxEvents } from '../../shared/tax-events';
import { ClearanceFactsReader } from './clearance-facts';
import { CreditAccess } from './credit-access';

/** The timer that marks a clearance commitment breached when its items are not finished by the due date. */
export const CLEARANCE_COMMITMENT_DUE_TIMER = 'tax.clearance.commitment_due';

/**
 * Opens and settles clearance cases (清税, §10), for the taxpayer's application and for
 * registration's deregistration request alike: request → classify on the facts and the credit +
 * risk gate → at once EXEMPTED, or ISSUED on the spot or against a commitment (system); STANDARD
 * and BANKRUPTCY wait for an officer with every blocker listed. The taxpayer goes CLEARING, then
 * CLEARED when the certificate is issued or waived.
 */
@Injectable()
export class ClearanceDesk {
  constructor(
    private readonly cases: ClearanceCaseRepository,
    private readonly taxpayers: TaxpayerRepository,
    private readonly access: CreditAccess,
    private readonly facts: ClearanceFactsReader,
    private readonly events: TaxEvents,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
  ) {}

  async open(
    tx: EntityManager,
    taxpayer: Stored<TaxpayerState>,
    o: {
      origin: ClearanceOrigin;
      at: Date;
      by?: string;
      sourceEventId?: string;
      acknowledgeWarning?: boolean;
      missingMaterials?: readonly string[];
      bankruptcyTermination?: { rulingRef: string; administratorId: string };
    },
    causation?: { correlationId?: string; causationId?: string },
  ): Promise<{ state: ClearanceCaseState; version: number }> {
    const t = taxpayer.doc;
    const events: TaxEvent[] = [];
    const requested = ClearanceCase.request({
      caseId: randomUUID(),
      taxpayerId: t.id,
      origin: o.origin,
      at: o.at,
      ...(o.by ? { by: o.by } : {}),
      ...(o.sourceEventId ? { sourceEventId: o.sourceEventId } : {}),
    });
    events.push(...requested.events);
    const classified = requested.aggregate.classify({
      at: o.at,
      calendar: this.calendar,
      facts: await this.facts.read(tx, t, o.at, o.missingMaterials, o.bankruptcyTermination),
      credit: await this.access.creditOf(tx, t),
      gateOptions: await this.access.gateOptions(tx, this.calendar.localDateOf(o.at).toString()),
      ...(o.acknowledgeWarning !== undefined ? { acknowledgeWarning: o.acknowledgeWarning } : {}),
    });
    events.push(...classified.events);
    let aggregate = classified.aggregate;
    const route = aggregate.state.route;
    if (route === 'EXEMPT') {
      const exempted = aggregate.exempt({ at: o.at });
      events.push(...exempted.events);
      aggregate = exempted.aggregate;
    } else if (route === 'ON_THE_SPOT' || route === 'COMMITMENT') {
      const certificateNo = await this.cases.nextCertificateNo(tx, t.taxBureau, this.calendar.localDateOf(o.at).toString());
      const issued = aggregate.issue({ at: o.at, actor: 'system', calendar: this.calendar, nextCertificateNo: () => certificateNo });
      events.push(...issued.events);
      aggregate = issued.aggregate;
    }
    const state = aggregate.state;
    await this.cases.insert(tx, state);
    await this.advanceTaxpayer(tx, taxpayer, state);
    if (state.commitmentDue) await this.timers.schedule(tx, { kind: CLEARANCE_COMMITMENT_DUE_TIMER, key: state.caseId, dueAt: state.commitmentDue });
    await this.events.publish(tx, events, causation);
    return { state, version: 1 };
  }

  /** The taxpayer follows its case: CLEARING while open, CLEARED once issued or exempted. */
  async advanceTaxpayer(tx: EntityManager, taxpayer: Stored<TaxpayerState>, c: ClearanceCaseState): Promise<void> {
    let next = Taxpayer.rehydrate(taxpayer.doc).startClearance(c.origin === 'TAXPAYER_APPLICATION' ? 'applicant' : 'system');
    if (c.status === 'ISSUED' || c.status === 'EXEMPTED') next = next.completeClearance('system');
    if (next.state !== taxpayer.doc) await this.taxpayers.update(tx, next.state, taxpayer.version);
  }
}

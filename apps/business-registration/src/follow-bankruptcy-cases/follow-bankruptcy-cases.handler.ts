import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEBTOR_ENDING_OUTCOMES, type CaseAcceptedData, type CaseClosedData, type CreditRepairRequestedData, type ReorganisationPlanApprovedData } from '@one-window/bankruptcy/contracts';
import { afterBankruptcyClosed, afterPlanApproved, CreditRepairUpdate } from '@one-window/business-registration/domain';
import { CompanyRepository, DeregistrationRepository, type CompanyRecord } from '@one-window/business-registration/data-access';
import type { CloudEvent } from '@one-window/shared/messaging';
import type { Stored } from '@one-window/shared/persistence';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { CreditRepairDesk } from '../shared/credit-repair-desk';
import { ApplyDeregistrationHandler, type DeregistrationRequester } from '../apply-deregistration/apply-deregistration.handler';

/** The bankruptcy service as the actor of what its events start (the requester of a court-route deregistration). */
const BANKRUPTCY_SERVICE: DeregistrationRequester = { subject: 'bankruptcy-service', role: 'bankruptcy_service' };

/**
 * Follows the bankruptcy cases against registered companies (§11 consumed "from bankruptcy"; §8
 * "After court liquidation or bankruptcy"; bankruptcy.md §9, B11) from `bankruptcy.events`. Runs
 * inside the inbox transaction, so a redelivered event has no second effect; each step is also
 * idempotent by content. A debtor registration does not know (no company with that credit code) is
 * logged and ignored: the event is handled, nothing else happens.
 * - `bankruptcy.case.accepted`: the company is flagged `underBankruptcy`, with the case (id, court,
 *   case reference): the simplified deregistration route is closed to it (§10.4).
 * - `bankruptcy.case.closed`, the liquidation completed: the court-route deregistration opens
 *   exactly as when a court applies with the ruling (UNDER_REVIEW at once,
 *   `registration.deregistration.requested` with route COURT and the ruling), requested by the
 *   bankruptcy service, with the case and its closing date; nothing when a deregistration is already
 *   open or the company has ended. The flag stays until the company is deregistered.
 * - `bankruptcy.reorganisation_plan.approved`: the plan (procedure, approving ruling, execution
 *   deadline) is recorded on the company and shown on its public record (公示, §7 credit repair,
 *   000 L1020–1023); the company stays flagged until the case closes.
 * - `bankruptcy.credit_repair.requested` naming ENTERPRISE_CREDIT_PUBLICITY: a credit-repair update
 *   for the company's registration authority, due in 5 working days [cfg] (CreditRepairUpdate), once
 *   per request id; a request for a company that has ended is logged and ignored.
 * - `bankruptcy.case.closed`, any other outcome (plan carried out, case withdrawn): the flag is
 *   cleared; the case stays on record as closed, so a late event of it changes nothing.
 */
@Injectable()
export class FollowBankruptcyCasesHandler {
  private readonly log = new Logger(FollowBankruptcyCasesHandler.name);

  constructor(
    private readonly companies: CompanyRepository,
    private readonly deregistrations: DeregistrationRepository,
    private readonly applyDeregistration: ApplyDeregistrationHandler,
    private readonly creditRepair: CreditRepairDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async accepted(event: CloudEvent<CaseAcceptedData>, tx: EntityManager): Promise<void> {
    const d = event.data;
    const stored = await this.company(tx, event, d.debtor.uscc, d.caseId);
    if (!stored) return;
    const c = stored.doc;
    if (c.flags.underBankruptcy && c.bankruptcy?.caseId === d.caseId) return; // flagged for this case already
    if (c.bankruptcy?.caseId === d.caseId && c.bankruptcy.closed) return; // this case closed already: a late acceptance does not reopen it
    await this.companies.update(
      tx,
      {
        ...c,
        flags: { ...c.flags, underBankruptcy: true },
        bankruptcy: {
          caseId: d.caseId,
          courtId: d.courtId,
          ...(d.courtName !== undefined ? { courtName: d.courtName } : {}),
          ...(d.caseRef !== undefined ? { caseRef: d.caseRef } : {}),
          ...(d.rulingNo !== undefined ? { rulingNo: d.rulingNo } : {}),
          acceptedOn: d.acceptedOn,
          eventId: event.id,
        },
      },
      stored.version,
    );
  }

  async planApproved(event: CloudEvent<ReorganisationPlanApprovedData>, tx: EntityManager): Promise<void> {
    const d = event.data;
    const stored = await this.company(tx, event, d.debtor.uscc, d.caseId);
    if (!stored) return;
    const c = stored.doc;
    const decision = afterPlanApproved({
      entityStatus: c.status,
      caseId: d.caseId,
      rulingRef: d.rulingRef,
      ...(c.bankruptcy
        ? {
            recordedCase: {
              caseId: c.bankruptcy.caseId,
              closed: c.bankruptcy.closed !== undefined,
              ...(c.bankruptcy.plan ? { planRulingRef: c.bankruptcy.plan.rulingRef } : {}),
            },
          }
        : {}),
    });
    if (decision.action === 'NOTHING') {
      const log = decision.reason === 'ALREADY_RECORDED' ? 'debug' : 'warn';
      this.log[log](`${event.type} ${event.id}: plan ${d.rulingRef} of case ${d.caseId} for ${c.uscc} not recorded (${decision.reason}${c.bankruptcy ? `, flagged for ${c.bankruptcy.caseId}` : ''})`);
      return;
    }
    const known = c.bankruptcy?.caseId === d.caseId ? c.bankruptcy : undefined; // an earlier, closed case is replaced
    await this.companies.update(
      tx,
      {
        ...c,
        flags: { ...c.flags, underBankruptcy: true },
        bankruptcy: {
          ...(known ?? { caseId: d.caseId, eventId: event.id }),
          courtId: known?.courtId ?? d.courtId,
          ...((known?.courtName ?? d.courtName) !== undefined ? { courtName: known?.courtName ?? d.courtName } : {}),
          ...((known?.caseRef ?? d.caseRef) !== undefined ? { caseRef: known?.caseRef ?? d.caseRef } : {}),
          plan: {
            procedureType: d.procedureType,
            approvedOn: d.approvedOn,
            rulingRef: d.rulingRef,
            ...(d.executionDeadline !== undefined ? { executionDeadline: d.executionDeadline } : {}),
            eventId: event.id,
          },
        },
      },
      stored.version,
    );
  }

  async creditRepairRequested(event: CloudEvent<CreditRepairRequestedData>, tx: EntityManager): Promise<void> {
    const d = event.data;
    if (!d.targets.includes('ENTERPRISE_CREDIT_PUBLICITY')) return; // not a system registration keeps
    const stored = await this.company(tx, event, d.debtor.uscc, d.caseId);
    if (!stored) return;
    const c = stored.doc;
    if (c.status === 'DEREGISTERED' || c.status === 'STRUCK_OFF') {
      this.log.warn(`${event.type} ${event.id}: credit repair ${d.requestId} for ${c.uscc}, which is ${c.status}; ignored`);
      return;
    }
    const update = CreditRepairUpdate.request({ id: d.requestId, uscc: c.uscc, caseId: d.caseId, planRulingRef: d.planRulingRef, requestedAt: new Date(d.requestedAt), calendar: this.calendar });
    await this.creditRepair.open(tx, update, c.authorityCode);
  }

  async closed(event: CloudEvent<CaseClosedData>, tx: EntityManager): Promise<void> {
    const d = event.data;
    const stored = await this.company(tx, event, d.debtor.uscc, d.caseId);
    if (!stored) return;
    const c = stored.doc;
    const open = await this.deregistrations.openFor(tx, c.uscc);
    const closure = afterBankruptcyClosed({ debtorEnds: DEBTOR_ENDING_OUTCOMES.includes(d.outcome), entityStatus: c.status, deregistrationOpen: open !== undefined });

    if (closure.action === 'CLEAR_FLAG') {
      if (c.bankruptcy && c.bankruptcy.caseId !== d.caseId) {
        this.log.warn(`${event.type} ${event.id}: case ${d.caseId} closed (${d.outcome}), but ${c.uscc} is flagged for case ${c.bankruptcy.caseId}; flag kept`);
        return;
      }
      if (c.bankruptcy?.caseId === d.caseId && c.bankruptcy.closed) return; // recorded closed already
      // The flag goes; the case stays on record, closed (so a late event of it cannot flag the company again).
      const known = c.bankruptcy?.caseId === d.caseId ? c.bankruptcy : undefined;
      await this.companies.update(
        tx,
        {
          ...c,
          flags: { ...c.flags, underBankruptcy: false },
          bankruptcy: {
            ...(known ?? { caseId: d.caseId, courtId: d.courtId, eventId: event.id }),
            closed: { closingDate: d.closingDate, outcome: d.outcome, rulingRef: d.rulingRef, eventId: event.id },
          },
        },
        stored.version,
      );
      return;
    }
    if (closure.action === 'NOTHING') {
      this.log.log(`${event.type} ${event.id}: case ${d.caseId} closed (${d.outcome}) for ${c.uscc}, which is ${c.status}; no deregistration opened (${closure.reason}${open ? ` ${open.doc.id}` : ''})`);
      return;
    }

    // The liquidation ended the debtor: the flag stays (and names the case, closed), the court route opens.
    const known = c.bankruptcy?.caseId === d.caseId ? c.bankruptcy : undefined;
    const flagged: CompanyRecord = {
      ...c,
      flags: { ...c.flags, underBankruptcy: true },
      bankruptcy: {
        caseId: d.caseId,
        courtId: known?.courtId ?? d.courtId,
        ...((known?.courtName ?? d.courtName) !== undefined ? { courtName: known?.courtName ?? d.courtName } : {}),
        ...((known?.caseRef ?? d.caseRef) !== undefined ? { caseRef: known?.caseRef ?? d.caseRef } : {}),
        ...(known?.rulingNo !== undefined ? { rulingNo: known.rulingNo } : {}),
        ...(known?.acceptedOn !== undefined ? { acceptedOn: known.acceptedOn } : {}),
        eventId: known?.eventId ?? event.id,
        closed: { closingDate: d.closingDate, outcome: d.outcome, rulingRef: d.rulingRef, eventId: event.id },
      },
    };
    await this.companies.update(tx, flagged, stored.version);
    await this.applyDeregistration.open(tx, flagged, { route: 'COURT', courtRulingRef: d.rulingRef }, BANKRUPTCY_SERVICE, new Date(), {
      bankruptcyCase: {
        caseId: d.caseId,
        courtId: d.courtId,
        ...(d.caseRef !== undefined ? { caseRef: d.caseRef } : {}),
        closingDate: d.closingDate,
        outcome: d.outcome,
        eventId: event.id,
      },
    });
  }

  /** The debtor company, locked; undefined (logged) when registration does not know the credit code. */
  private async company(tx: EntityManager, event: CloudEvent<unknown>, uscc: string, caseId: string): Promise<Stored<CompanyRecord> | undefined> {
    const stored = await this.companies.get(tx, uscc, { lock: true });
    if (!stored) this.log.warn(`${event.type} ${event.id}: case ${caseId} names debtor ${uscc}, which is not a registered company; ignored`);
    return stored;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { districtDispatchRefusal, type HotlineScope, type Outcome, type Ticket } from '@one-window/complaints/domain';
import { catalogueUnit, COMPLAINTS_REFERENCE_DATA, SubmissionRepository, type ComplaintsReferenceData } from '@one-window/complaints/data-access';
import { agentActor } from './acting';
import { NoCatalogueEntryError, OutsideDistrictError, OverrideReasonRequiredError, UnknownUnitError } from './errors';
import type { SubmissionRecord } from './submission-record';
import { hotlineScopeOf, type CommandContext } from './ticket-desk';

export interface DispatchChoice {
  readonly unitId?: string;
  readonly area?: string;
  readonly overrideReason?: string;
}

export interface ChosenUnit {
  readonly unitId: string;
  readonly catalogueVersion: string;
  readonly overridden: boolean;
}

/**
 * Chooses the unit of a dispatch from the versioned dispatch catalogue (scenario × area → unit,
 * spec §5); an agent may name another known unit with a reason (design).
 */
@Injectable()
export class Dispatcher {
  constructor(
    private readonly submissions: SubmissionRepository,
    @Inject(COMPLAINTS_REFERENCE_DATA) private readonly reference: ComplaintsReferenceData,
  ) {}

  async choose(tx: EntityManager, ticket: Ticket, choice: DispatchChoice): Promise<ChosenUnit> {
    const catalogue = this.reference.dispatchCatalogue;
    const area = choice.area ?? (await this.areaOf(tx, ticket.state.submissionId));
    const rule = catalogueUnit(catalogue, ticket.state.scenarioCode, area);
    if (choice.unitId) {
      if (!this.reference.units.some((u) => u.id === choice.unitId)) throw new UnknownUnitError(choice.unitId);
      const overridden = rule?.unitId !== choice.unitId;
      if (overridden && !choice.overrideReason) throw new OverrideReasonRequiredError(choice.unitId, rule?.unitId ?? null, catalogue.version);
      return { unitId: choice.unitId, catalogueVersion: catalogue.version, overridden };
    }
    if (!rule) throw new NoCatalogueEntryError(ticket.state.scenarioCode, area ?? null, catalogue.version);
    return { unitId: rule.unitId, catalogueVersion: catalogue.version, overridden: false };
  }

  /**
   * Row #4: dispatch to the chosen unit; the handling clock starts at 00:00 of the next working day
   * (002 L1539). A district hotline body dispatches within its district only (area and unit; 403
   * naming the field otherwise).
   */
  async dispatch(ctx: CommandContext, ticket: Ticket, choice: DispatchChoice): Promise<Outcome<Ticket>> {
    const scope = hotlineScopeOf(ctx.who);
    this.assertWithin(scope, { ...(choice.area ? { area: choice.area } : {}) });
    const { unitId } = await this.choose(ctx.tx, ticket, choice);
    this.assertWithin(scope, { unitId });
    return ticket.dispatch({ at: ctx.at, actor: agentActor(ctx.who), by: ctx.who.subject, unitId, calendar: ctx.calendar, limits: ctx.limits });
  }

  private assertWithin(scope: HotlineScope, dispatch: { area?: string; unitId?: string }): void {
    const refusal = districtDispatchRefusal(scope, dispatch, this.reference.dispatchCatalogue.rules);
    if (refusal && scope.level === 'district') throw new OutsideDistrictError(scope.district, refusal.field, dispatch[refusal.field] ?? '', refusal.reason);
  }

  private async areaOf(tx: EntityManager, submissionId: string): Promise<string | undefined> {
    const stored = await this.submissions.get(tx, submissionId);
    return (stored?.doc as SubmissionRecord | undefined)?.intake?.area ?? undefined;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompanyRepository } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import type { DecisionDto } from '../decide-application/decision.dto';
import { ApplyChange } from '../shared/apply-change';
import { ChangeRequestDesk } from '../shared/change-request-desk';
import { changeRequestView } from '../shared/change-request-view';
import { CompanyStatusConflictError, NotFoundError } from '../shared/errors';

/** The refusal reason code when the officer gives none (as for establishment). */
const DEFAULT_REFUSAL_CODE = 'FORMAL_REQUIREMENTS_NOT_MET';

/**
 * An officer of the company's authority decides a change request waiting for review (PENDING_REVIEW,
 * or RESUBMITTED after the supplement round; 409 `transition-not-allowed` otherwise, naming the state
 * and the trigger). Approval registers the change with the same step as 秒批 ({@link ApplyChange}),
 * in the same transaction as the decision; a refusal states its reasons and the remedies
 * (`registration.application.refused`, kind CHANGE). Either way the request leaves the queue and
 * its timers are cancelled.
 */
@Injectable()
export class DecideChangeRequestHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: ChangeRequestDesk,
    private readonly companies: CompanyRepository,
    private readonly applyChange: ApplyChange,
  ) {}

  async execute(id: string, dto: DecisionDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const at = new Date();
      const loaded = await this.desk.forOfficer(tx, id, who);
      if (dto.outcome === 'REFUSE') {
        const refused = loaded.request.refuse({ at, officerId: who.subject, reasonCode: dto.reasonCode ?? DEFAULT_REFUSAL_CODE, reasons: dto.reasons ?? [] });
        return changeRequestView(await this.desk.save(tx, loaded, refused));
      }
      // The table decides first (409 on a wrong state), then the change is registered.
      const approved = loaded.request.approve({ at, officerId: who.subject, reasons: dto.reasons ?? [] });
      const request = loaded.request.state;
      const company = await this.companies.get(tx, request.uscc, { lock: true });
      if (!company) throw new NotFoundError('Company', request.uscc);
      if (company.doc.status !== 'ACTIVE') throw new CompanyStatusConflictError(request.uscc, company.doc.status, ['ACTIVE']);
      const applied = await this.applyChange.apply(tx, company, request.change, { changeId: request.id, applicantId: request.ownerId, at });
      const recorded = { ...approved, aggregate: approved.aggregate.recordRegisteredChange(applied) };
      return { ...changeRequestView(await this.desk.save(tx, loaded, recorded)), changes: applied.changes };
    });
  }
}

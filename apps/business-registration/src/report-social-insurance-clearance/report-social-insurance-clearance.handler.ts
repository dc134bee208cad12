import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompanyRepository, REGISTRATION_REFERENCE_DATA, type DeregistrationRecord, type RegistrationReferenceData } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { DeregistrationDesk } from '../shared/deregistration-desk';
import { missingClearances } from '../shared/deregistration-view';
import { ClearanceNotExpectedError, NotFoundError, PartnerNotIdentifiedError } from '../shared/errors';
import type { SocialInsuranceClearanceDto } from './social-insurance-clearance.dto';

/**
 * The social-insurance clearance of an ordinary deregistration (§8: social insurance clears in
 * parallel with tax). The competent agency is the bundle's social-insurance agency for the
 * company's domicile. With the tax clearance also in, the domain moves the case to UNDER_REVIEW.
 */
@Injectable()
export class ReportSocialInsuranceClearanceHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: DeregistrationDesk,
    private readonly companies: CompanyRepository,
    @Inject(REGISTRATION_REFERENCE_DATA) private readonly ref: RegistrationReferenceData,
  ) {}

  async execute(uscc: string, id: string, dto: SocialInsuranceClearanceDto, who: Principal) {
    if (!who.agencyId) throw new PartnerNotIdentifiedError('social-insurance agency');
    return this.ds.transaction(async (tx) => {
      const company = await this.companies.get(tx, uscc);
      const competent = this.ref.bundle.agencies.find((a) => a.part === 'SOCIAL_INSURANCE' && company?.doc.domicile.divisionCode.startsWith(a.divisionPrefix));
      if (!company || competent?.agencyId !== who.agencyId) throw new NotFoundError('Deregistration', id);
      const loaded = await this.desk.forSystem(tx, id);
      if (!loaded || loaded.record.uscc !== uscc) throw new NotFoundError('Deregistration', id);
      if (loaded.record.state.clearances.SOCIAL_INSURANCE !== undefined) return clearanceView(loaded.record);
      if (loaded.record.state.status !== 'CLEARING') throw new ClearanceNotExpectedError(loaded.record.state.status);
      const at = new Date();
      const saved = await this.desk.save(tx, loaded, loaded.deregistration.recordClearance('SOCIAL_INSURANCE', 'CLEARED', 'agency'), {
        socialInsuranceClearance: { agencyId: who.agencyId as string, reportedBy: who.subject, ...(dto.reference ? { reference: dto.reference } : {}), recordedAt: at },
      });
      return clearanceView(saved.record);
    });
  }
}

/** What the agency sees: the case's clearances, not the rest of it. */
function clearanceView(d: DeregistrationRecord) {
  return { id: d.id, uscc: d.uscc, status: d.state.status, clearances: d.state.clearances, missingClearances: missingClearances(d.state) };
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ClearanceCaseRepository } from '@one-window/tax/data-access';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import { NotFoundError } from '../../shared/errors';
import { clearanceCaseView, type ClearanceCaseView } from '../shared/clearance-case-view';
import { CreditAccess } from '../shared/credit-access';

@Controller()
export class GetClearanceCaseController {
  constructor(
    private readonly ds: DataSource,
    private readonly access: CreditAccess,
    private readonly cases: ClearanceCaseRepository,
  ) {}

  @Get('clearance-cases/:caseId')
  @ApiOperation({ summary: 'A clearance case with its route, blockers and certificate: to the taxpayer, officers of its bureau, supervisors and admins' })
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  @ETagFrom((v: ClearanceCaseView) => v.version)
  async get(@Param('caseId') caseId: string, @CurrentPrincipal() who: Principal) {
    const stored = await this.cases.get(this.ds.manager, caseId);
    if (!stored) throw new NotFoundError('Clearance case', caseId);
    await this.access.taxpayer(this.ds.manager, stored.doc.taxpayerId, who, ['owner', 'officer'], { read: true }).catch(() => {
      throw new NotFoundError('Clearance case', caseId);
    });
    return clearanceCaseView(stored.doc, stored.version);
  }

  @Get('taxpayers/:taxpayerId/clearance-cases')
  @ApiOperation({ summary: "A taxpayer's clearance cases: to itself, officers of its bureau, supervisors and admins" })
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  async list(@Param('taxpayerId') taxpayerId: string, @CurrentPrincipal() who: Principal) {
    await this.access.taxpayer(this.ds.manager, taxpayerId, who, ['owner', 'officer'], { read: true });
    return { items: (await this.cases.forTaxpayer(this.ds.manager, taxpayerId)).map((s) => clearanceCaseView(s.doc, s.version)) };
  }
}

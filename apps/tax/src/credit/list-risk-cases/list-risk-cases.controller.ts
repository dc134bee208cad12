import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { RiskCaseRepository } from '@one-window/tax/data-access';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { CreditAccess } from '../shared/credit-access';
import { riskCaseView } from '../shared/risk-case-view';

@Controller('taxpayers')
export class ListRiskCasesController {
  constructor(
    private readonly ds: DataSource,
    private readonly access: CreditAccess,
    private readonly riskCases: RiskCaseRepository,
  ) {}

  @Get(':taxpayerId/risk-cases')
  @ApiOperation({ summary: "A taxpayer's risk cases: to itself, officers of its bureau, supervisors and admins" })
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  async list(@Param('taxpayerId') taxpayerId: string, @CurrentPrincipal() who: Principal) {
    await this.access.taxpayer(this.ds.manager, taxpayerId, who, ['owner', 'officer'], { read: true });
    const cases = await this.riskCases.forTaxpayer(this.ds.manager, taxpayerId);
    return { items: cases.map((c) => riskCaseView(c.doc, c.version)) };
  }
}

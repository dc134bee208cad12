import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { DebtorTaxInfoHandler } from './debtor-tax-info.handler';

@Controller('bankruptcy-cases')
export class DebtorTaxInfoController {
  constructor(private readonly handler: DebtorTaxInfoHandler) {}

  @Get(':caseId/debtor-tax-info')
  @ApiOperation({
    summary:
      "The debtor's tax information for the case's administrator (§11): registration facts, arrears by tax type, unfiled periods, pending refunds, UKeys, preservation measures. Only under a live grant from the bankruptcy service naming this administrator, the case and tax; else 404. Read-only; every query is logged, published (tax.debtor_info.provided) and audited.",
  })
  @Roles('administrator')
  get(@Param('caseId') caseId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(caseId, who);
  }
}

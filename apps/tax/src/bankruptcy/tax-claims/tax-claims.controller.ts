import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { DraftTaxClaimDto } from '../shared/bankruptcy.dto';
import { TaxClaimsHandler } from './tax-claims.handler';

@Controller('bankruptcy-cases')
export class TaxClaimsController {
  constructor(private readonly handler: TaxClaimsHandler) {}

  @Post(':caseId/tax-claims')
  @HttpCode(201)
  @ApiOperation({
    summary: "Draft the tax claim into a bankruptcy case (§11 CLAIM_DRAFTED): officers of the debtor's bureau; principal from the outstanding liabilities and/or given, late fees and fines as separate classes",
  })
  @Roles('officer')
  draft(@Param('caseId') caseId: string, @Body() body: DraftTaxClaimDto, @CurrentPrincipal() who: Principal) {
    return this.handler.draft(caseId, body, who);
  }

  @Post(':caseId/tax-claims/:claimId/filing')
  @HttpCode(200)
  @ApiOperation({ summary: "File a drafted tax claim with the administrator (§11 CLAIM_FILED, tax.bankruptcy_claim.filed): officers of the debtor's bureau" })
  @Roles('officer')
  file(@Param('caseId') caseId: string, @Param('claimId') claimId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.file(caseId, claimId, who);
  }

  @Get(':caseId/tax-claims')
  @ApiOperation({
    summary: "A case's tax claims: filed ones to the administrator (live grant naming tax) and the case's court; drafts too to officers of the debtor's bureau, supervisors and admins",
  })
  @Roles('administrator', 'court', 'officer', 'supervisor', 'admin')
  list(@Param('caseId') caseId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.list(caseId, who);
  }
}

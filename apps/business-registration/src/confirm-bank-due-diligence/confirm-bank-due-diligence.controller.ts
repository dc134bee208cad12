import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { PartnerPartView } from '../shared/setup-bundle-desk';
import { BankDueDiligenceDto } from './bank-due-diligence.dto';
import { ConfirmBankDueDiligenceHandler } from './confirm-bank-due-diligence.handler';

@Controller('companies')
export class ConfirmBankDueDiligenceController {
  constructor(private readonly handler: ConfirmBankDueDiligenceHandler) {}

  @Post(':uscc/bundle/bank/due-diligence')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bank: due diligence done; the preset account is ACTIVATED, or DECLINED with a reason (registration.bank_account.activated / .declined)',
    description: "Role `integrator`: the bank's system, `agency_id` = the bank code chosen on the form; any other bank gets 404. `If-Match` optional.",
  })
  @Roles('integrator')
  @ETagFrom((v: PartnerPartView) => v.version)
  confirm(@Param('uscc') uscc: string, @Body() body: BankDueDiligenceDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(uscc, body, who, ifMatch);
  }
}

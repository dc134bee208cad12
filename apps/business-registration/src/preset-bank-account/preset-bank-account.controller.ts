import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { PartnerPartView } from '../shared/setup-bundle-desk';
import { PresetBankAccountDto } from './preset-bank-account.dto';
import { PresetBankAccountHandler } from './preset-bank-account.handler';

@Controller('companies')
export class PresetBankAccountController {
  constructor(private readonly handler: PresetBankAccountHandler) {}

  @Post(':uscc/bundle/bank/account')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bank: the account number is pre-assigned (the bank part of the bundle is done); publishes registration.bank_account.preset (masked)',
    description:
      "Role `integrator`: the bank's system, its token's `agency_id` = the bank code chosen on the form (`bank.bankCode` of `registration.setup_bundle.opened`). Any other bank gets 404. `If-Match` optional.",
  })
  @Roles('integrator')
  @ETagFrom((v: PartnerPartView) => v.version)
  preset(@Param('uscc') uscc: string, @Body() body: PresetBankAccountDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(uscc, body, who, ifMatch);
  }
}

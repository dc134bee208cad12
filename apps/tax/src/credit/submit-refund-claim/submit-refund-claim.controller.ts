import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { SubmitRefundClaimDto } from '../shared/credit.dto';
import { SubmitRefundClaimHandler } from './submit-refund-claim.handler';

@Controller('taxpayers')
export class SubmitRefundClaimController {
  constructor(private readonly handler: SubmitRefundClaimHandler) {}

  @Post(':taxpayerId/refund-claims')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Claim a refund (e.g. VAT credit refund 留抵退税): the taxpayer’s own account; 403 tax.operation.blocked when the credit + risk gate blocks it',
  })
  @Roles('applicant')
  submit(@Param('taxpayerId') taxpayerId: string, @Body() body: SubmitRefundClaimDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(taxpayerId, body, who);
  }
}

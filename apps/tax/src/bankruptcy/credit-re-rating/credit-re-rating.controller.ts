import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { RateReratingDto } from '../shared/bankruptcy.dto';
import { CreditReratingHandler } from './credit-re-rating.handler';

@Controller()
export class CreditReratingController {
  constructor(private readonly handler: CreditReratingHandler) {}

  @Post('taxpayers/:taxpayerId/credit-re-ratings')
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Apply for a new-taxpayer credit re-rating (R8.7): the taxpayer's own account, in an application window (March / September); 422 tax.credit.rerating_outside_window outside it, tax.credit.rerating_not_eligible when not 12 months to one evaluation year in credit management",
  })
  @Roles('applicant')
  apply(@Param('taxpayerId') taxpayerId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.apply(taxpayerId, who);
  }

  @Post('credit-re-ratings/:applicationId/rating')
  @HttpCode(200)
  @ApiOperation({
    summary: "Rate a re-rating application in its decision month (April / October) on the last 12 months' data (R8.7): officers of the taxpayer's bureau; published at once (tax.credit.re_rated)",
  })
  @Roles('officer')
  rate(@Param('applicationId') applicationId: string, @Body() body: RateReratingDto, @CurrentPrincipal() who: Principal) {
    return this.handler.rate(applicationId, body, who);
  }

  @Get('taxpayers/:taxpayerId/credit-re-ratings')
  @ApiOperation({ summary: "A taxpayer's re-rating applications and current grade (self-query, R8.7): itself (grade once published), officers of its bureau, supervisors and admins" })
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  list(@Param('taxpayerId') taxpayerId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.list(taxpayerId, who);
  }
}

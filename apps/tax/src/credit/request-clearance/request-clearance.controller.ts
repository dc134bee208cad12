import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { RequestClearanceDto } from '../shared/credit.dto';
import { RequestClearanceHandler } from './request-clearance.handler';

@Controller('taxpayers')
export class RequestClearanceController {
  constructor(private readonly handler: RequestClearanceHandler) {}

  @Post(':taxpayerId/clearance-requests')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Apply for tax clearance (清税): issued at once when nothing is outstanding (or against a commitment), else the blockers are listed: the taxpayer’s own account',
  })
  @Roles('applicant')
  request(@Param('taxpayerId') taxpayerId: string, @Body() body: RequestClearanceDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(taxpayerId, body, who);
  }
}

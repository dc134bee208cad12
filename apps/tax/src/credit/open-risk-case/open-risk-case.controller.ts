import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { OpenRiskCaseDto } from '../shared/credit.dto';
import { OpenRiskCaseHandler } from './open-risk-case.handler';

@Controller('taxpayers')
export class OpenRiskCaseController {
  constructor(private readonly handler: OpenRiskCaseHandler) {}

  @Post(':taxpayerId/risk-cases')
  @HttpCode(201)
  @ApiOperation({ summary: "Record a high-risk list hit and open a risk case (R8.5, R8.6): officers of the taxpayer's bureau" })
  @Roles('officer')
  open(@Param('taxpayerId') taxpayerId: string, @Body() body: OpenRiskCaseDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(taxpayerId, body, who);
  }
}

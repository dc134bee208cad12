import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ProblemCodeInterceptor } from '../shared/problem-code.interceptor';
import { GetReturnHandler } from './get-return.handler';

@Controller('taxpayers/:taxpayerId/returns')
@UseInterceptors(ProblemCodeInterceptor)
export class GetReturnController {
  constructor(private readonly handler: GetReturnHandler) {}

  @Get(':returnId')
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'One version of a filed return: lines (with the relief rule versions applied), receipt, form bundle number, version' })
  get(@Param('taxpayerId') taxpayerId: string, @Param('returnId') returnId: string, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(taxpayerId, returnId, who);
  }
}

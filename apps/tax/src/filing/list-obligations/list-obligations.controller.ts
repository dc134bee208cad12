import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ProblemCodeInterceptor } from '../shared/problem-code.interceptor';
import { ListObligationsQueryDto } from './list-obligations.dto';
import { ListObligationsHandler } from './list-obligations.handler';

@Controller('taxpayers/:taxpayerId/obligations')
@UseInterceptors(ProblemCodeInterceptor)
export class ListObligationsController {
  constructor(private readonly handler: ListObligationsHandler) {}

  @Get()
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'Obligations (HMRC MTD style): periodKey, start, end, due, status O|F, taxTypes, combinedGroup, combinable, overdue; filter status, from, to',
  })
  list(@Param('taxpayerId') taxpayerId: string, @Query() query: ListObligationsQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(taxpayerId, query, who);
  }
}

import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { DateRangeQueryDto } from '../shared/date-range.dto';
import { ProblemCodeInterceptor } from '../shared/problem-code.interceptor';
import { ListLiabilitiesHandler } from './list-liabilities.handler';

@Controller('taxpayers/:taxpayerId/liabilities')
@UseInterceptors(ProblemCodeInterceptor)
export class ListLiabilitiesController {
  constructor(private readonly handler: ListLiabilitiesHandler) {}

  @Get()
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Liabilities for periods overlapping from..to: amount, outstanding, overpaid, due, status, ruleVersions, payments' })
  list(@Param('taxpayerId') taxpayerId: string, @Query() query: DateRangeQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(taxpayerId, query, who);
  }
}

import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { DateRangeQueryDto } from '../shared/date-range.dto';
import { ProblemCodeInterceptor } from '../shared/problem-code.interceptor';
import { ListPaymentsHandler } from './list-payments.handler';

@Controller('taxpayers/:taxpayerId/payments')
@UseInterceptors(ProblemCodeInterceptor)
export class ListPaymentsController {
  constructor(private readonly handler: ListPaymentsHandler) {}

  @Get()
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Payments that reached the treasury between from and to (local days)' })
  list(@Param('taxpayerId') taxpayerId: string, @Query() query: DateRangeQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(taxpayerId, query, who);
  }
}

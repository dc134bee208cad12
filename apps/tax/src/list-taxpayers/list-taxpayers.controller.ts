import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ListTaxpayersQueryDto } from './list-taxpayers.dto';
import { ListTaxpayersHandler } from './list-taxpayers.handler';

@Controller('taxpayers')
export class ListTaxpayersController {
  constructor(private readonly handler: ListTaxpayersHandler) {}

  @Get()
  @ApiOperation({ summary: "Taxpayers in the caller's scope (own / own bureau / all), oldest first, cursor-paged with `after`" })
  @Roles('applicant', 'officer', 'supervisor', 'admin')
  list(@Query() query: ListTaxpayersQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(query, who);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ListTicketsQueryDto } from './list-tickets.dto';
import { ListTicketsHandler } from './list-tickets.handler';

@Controller('tickets')
export class ListTicketsController {
  constructor(private readonly handler: ListTicketsHandler) {}

  @Get()
  @ApiOperation({ summary: "Tickets in the caller's scope (?state=&unitId=), oldest first, cursor-paged with `after`: the hotline centre, supervisors and admins all; a district hotline body (hotline-agent with a `district` claim) its district's; an officer its unit's; an applicant its own" })
  @Roles('hotline-agent', 'supervisor', 'admin', 'officer', 'applicant')
  list(@Query() query: ListTicketsQueryDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(query, who);
  }
}

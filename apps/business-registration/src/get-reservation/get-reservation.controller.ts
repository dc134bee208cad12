import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { GetReservationHandler } from './get-reservation.handler';

@Controller('names/reservations')
export class GetReservationController {
  constructor(private readonly handler: GetReservationHandler) {}

  @ApiOperation({ summary: 'One of the caller\u2019s reservations (404 for anyone else\u2019s).' })
  @Get(':id')
  @Roles('applicant')
  get(@Param('id') id: string, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(id, who.subject);
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ReserveNameDto } from './reserve-name.dto';
import { ReserveNameHandler } from './reserve-name.handler';

@Controller('names/reservations')
export class ReserveNameController {
  constructor(private readonly handler: ReserveNameHandler) {}

  @ApiOperation({ summary: 'Reserve a name: 201 with the reservation; a BLOCK is a 422 naming the reason codes.' })
  @Post()
  @HttpCode(201)
  @Roles('applicant')
  reserve(@Body() body: ReserveNameDto, @CurrentPrincipal() who: Principal) {
    return this.handler.execute(body, who.subject);
  }
}

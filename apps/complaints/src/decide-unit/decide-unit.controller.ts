import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { DecideUnitDto } from './decide-unit.dto';
import { DecideUnitHandler } from './decide-unit.handler';

@Controller('tickets')
export class DecideUnitController {
  constructor(private readonly handler: DecideUnitHandler) {}

  @Post(':id/decide-unit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #12: the data administration decides the unit once every opinion is in or due; new clock; that unit may not return the ticket. Send If-Match with the ETag you read (stale: 412).' })
  @Roles('supervisor')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: DecideUnitDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

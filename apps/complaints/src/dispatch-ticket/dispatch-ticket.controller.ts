import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { DispatchChoiceDto } from '../shared/dispatch-choice.dto';
import { DispatchTicketHandler } from './dispatch-ticket.handler';

@Controller('tickets')
export class DispatchTicketController {
  constructor(private readonly handler: DispatchTicketHandler) {}

  @Post(':id/dispatch')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #4: dispatch (派单) to the unit of the dispatch catalogue (scenario × area), or another unit with a reason; the handling clock starts at 00:00 of the next working day. The hotline centre any ticket; a district hotline body (hotline-agent with a `district` claim) the tickets of its district, to its district\u2019s units only (else 403 complaints.dispatch.outside_district naming the field, `area` or `unitId`). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('hotline-agent')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: DispatchChoiceDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

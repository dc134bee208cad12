import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { RecordCallbackDto } from './record-callback.dto';
import { RecordCallbackHandler } from './record-callback.handler';

@Controller('tickets')
export class RecordCallbackController {
  constructor(private readonly handler: RecordCallbackHandler) {}

  @Post(':id/record-callback')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #26: the callback after the second dissatisfaction; the unit\'s duty-fulfilled opinion is due in 5 working days (002 L1662–1664). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('hotline-agent')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: RecordCallbackDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { RequestReturnDto } from './request-return.dto';
import { RequestReturnHandler } from './request-return.handler';

@Controller('tickets')
export class RequestReturnController {
  constructor(private readonly handler: RequestReturnHandler) {}

  @Post(':id/request-return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #6: the unit asks to return (退单) within 2 working days, with reasons and the evidence of its dispute type; the clock keeps running. Send If-Match with the ETag you read (stale: 412).' })
  @Roles('officer')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: RequestReturnDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

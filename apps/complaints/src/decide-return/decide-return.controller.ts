import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { DecideReturnDto } from './decide-return.dto';
import { DecideReturnHandler } from './decide-return.handler';

@Controller('tickets')
export class DecideReturnController {
  constructor(private readonly handler: DecideReturnHandler) {}

  @Post(':id/decide-return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rows #7–#10: the centre approves a return (re-dispatch to the new unit, the clock restarts; joint handling with co-handlers; coordination after 3 distinct units) or rejects it (the clock continues). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('hotline-agent')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: DecideReturnDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

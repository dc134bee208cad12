import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { GiveGuidanceDto } from './give-guidance.dto';
import { GiveGuidanceHandler } from './give-guidance.handler';

@Controller('tickets')
export class GiveGuidanceController {
  constructor(private readonly handler: GiveGuidanceHandler) {}

  @Post(':id/give-guidance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #11: the requested guidance body gives its opinion. Send If-Match with the ETag you read (stale: 412).' })
  @Roles('officer')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: GiveGuidanceDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

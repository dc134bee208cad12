import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { RequestGuidanceDto } from './request-guidance.dto';
import { RequestGuidanceHandler } from './request-guidance.handler';

@Controller('tickets')
export class RequestGuidanceController {
  constructor(private readonly handler: RequestGuidanceHandler) {}

  @Post(':id/request-guidance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #11: in coordination the data administration asks a guidance body for its opinion: 2 WD inter-district, 5 WD duty split or law application (002 L1562–1566). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('supervisor')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: RequestGuidanceDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

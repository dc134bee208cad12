import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { GuideCallerDto } from './guide-caller.dto';
import { GuideCallerHandler } from './guide-caller.handler';

@Controller('tickets')
export class GuideCallerController {
  constructor(private readonly handler: GuideCallerHandler) {}

  @Post(':id/guide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #3: the content calls for guidance only; the guidance text is recorded and the ticket closes GUIDED (002 L1513). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('hotline-agent')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: GuideCallerDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { ReopenForRehandlingDto } from './reopen-for-rehandling.dto';
import { ReopenForRehandlingHandler } from './reopen-for-rehandling.handler';

@Controller('tickets')
export class ReopenForRehandlingController {
  constructor(private readonly handler: ReopenForRehandlingHandler) {}

  @Post(':id/reopen-for-rehandling')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #23: after the first dissatisfied rating and its callback the centre reopens once (重办): same limit, no return, no extension (002 L1640–1642). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('hotline-agent')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: ReopenForRehandlingDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

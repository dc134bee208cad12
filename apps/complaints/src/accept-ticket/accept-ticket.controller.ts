import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { AcceptTicketHandler } from './accept-ticket.handler';

@Controller('tickets')
export class AcceptTicketController {
  constructor(private readonly handler: AcceptTicketHandler) {}

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #5: the assigned unit accepts (签收) within 2 working days of receipt; IN_PROGRESS. Send If-Match with the ETag you read (stale: 412).' })
  @Roles('officer')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, who, ifMatch);
  }
}

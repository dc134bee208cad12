import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { MergeTicketDto } from './merge-ticket.dto';
import { MergeTicketHandler } from './merge-ticket.handler';

@Controller('tickets')
export class MergeTicketController {
  constructor(private readonly handler: MergeTicketHandler) {}

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #30: merge (并单) into a primary ticket of the same jurisdiction; never REPORT with another type (§5). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('hotline-agent')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: MergeTicketDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

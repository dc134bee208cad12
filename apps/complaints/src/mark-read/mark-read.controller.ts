import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { MarkReadHandler } from './mark-read.handler';

@Controller('tickets')
export class MarkReadController {
  constructor(private readonly handler: MarkReadHandler) {}

  @Post(':id/mark-read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #29: the unit reads a PRAISE ticket and it closes (002 L1604). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('officer')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, who, ifMatch);
  }
}

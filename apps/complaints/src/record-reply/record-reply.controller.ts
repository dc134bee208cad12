import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { RecordReplyDto } from './record-reply.dto';
import { RecordReplyHandler } from './record-reply.handler';

@Controller('tickets')
export class RecordReplyController {
  constructor(private readonly handler: RecordReplyHandler) {}

  @Post(':id/record-reply')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #17: the reply (答复) by phone, SMS or letter; or the caller wants none; or 3 attempts ≥15 min apart failed; evidence kept (002 L1578). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('officer')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: RecordReplyDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { ExtendDeadlineDto } from './extend-deadline.dto';
import { ExtendDeadlineHandler } from './extend-deadline.handler';

@Controller('tickets')
export class ExtendDeadlineController {
  constructor(private readonly handler: ExtendDeadlineHandler) {}

  @Post(':id/extend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #13: the unit extends (延期) before the deadline, at most twice, each at most the original limit; the new deadline chains from the previous one (002 L1570). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('officer')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: ExtendDeadlineDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { CloseWithoutRehandlingDto } from './close-without-rehandling.dto';
import { CloseWithoutRehandlingHandler } from './close-without-rehandling.handler';

@Controller('tickets')
export class CloseWithoutRehandlingController {
  constructor(private readonly handler: CloseWithoutRehandlingHandler) {}

  @Post(':id/close-without-rehandling')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #24: after the first dissatisfied rating the centre closes without re-handling (excluded outcome, or not reopened), with the reason. Send If-Match with the ETag you read (stale: 412).' })
  @Roles('hotline-agent')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: CloseWithoutRehandlingDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { RateHandlingDto } from './rate-handling.dto';
import { RateHandlingHandler } from './rate-handling.handler';

@Controller('tickets')
export class RateHandlingController {
  constructor(private readonly handler: RateHandlingHandler) {}

  @Post(':id/rate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rows #21/#22: the caller rates the handling within 5 natural days: satisfied grades close the ticket, dissatisfied ones go to the callback (002 L1636–1638). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('applicant')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: RateHandlingDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

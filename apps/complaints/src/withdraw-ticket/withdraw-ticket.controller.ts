import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { WithdrawTicketDto } from './withdraw-ticket.dto';
import { WithdrawTicketHandler } from './withdraw-ticket.handler';

@Controller('tickets')
export class WithdrawTicketController {
  constructor(private readonly handler: WithdrawTicketHandler) {}

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #28: the caller withdraws (撤回), online or through the hotline, from the same phone or account; never rated (002 L1495, L1606). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('applicant', 'hotline-agent')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: WithdrawTicketDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { AddFactsDto } from './add-facts.dto';
import { AddFactsHandler } from './add-facts.handler';

@Controller('tickets')
export class AddFactsController {
  constructor(private readonly handler: AddFactsHandler) {}

  @Post(':id/add-facts')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rows #14/#15: the caller adds facts before submission, online or through the hotline, from the same phone or account (002 L1495, L1572). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('applicant', 'hotline-agent')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: AddFactsDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

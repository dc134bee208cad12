import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { AssessFactsDto } from './assess-facts.dto';
import { AssessFactsHandler } from './assess-facts.handler';

@Controller('tickets')
export class AssessFactsController {
  constructor(private readonly handler: AssessFactsHandler) {}

  @Post(':id/assess-facts')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rows #14/#15: the unit decides whether added facts affect handling: the clock restarts from their receipt (002 L1574) or continues (002 L1576). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('officer')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: AssessFactsDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

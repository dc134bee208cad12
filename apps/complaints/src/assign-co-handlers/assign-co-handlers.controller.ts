import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { AssignCoHandlersDto } from './assign-co-handlers.dto';
import { AssignCoHandlersHandler } from './assign-co-handlers.handler';

@Controller('tickets')
export class AssignCoHandlersController {
  constructor(private readonly handler: AssignCoHandlersHandler) {}

  @Post(':id/assign-co-handlers')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #8: the lead unit names and notifies its co-handlers and their items within 2 working days (002 L1556). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('officer')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: AssignCoHandlersDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

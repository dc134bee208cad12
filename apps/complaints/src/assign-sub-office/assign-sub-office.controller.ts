import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { AssignSubOfficeDto } from './assign-sub-office.dto';
import { AssignSubOfficeHandler } from './assign-sub-office.handler';

@Controller('tickets')
export class AssignSubOfficeController {
  constructor(private readonly handler: AssignSubOfficeHandler) {}

  @Post(':id/assign-sub-office')
  @HttpCode(200)
  @ApiOperation({ summary: 'The unit delegates to a sub-office (经办机构) and stays accountable (002 L1473). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('officer')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: AssignSubOfficeDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}

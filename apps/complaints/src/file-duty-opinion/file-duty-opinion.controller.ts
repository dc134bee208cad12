import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@one-window/shared/auth';
import { ETagFrom } from '@one-window/shared/http';
import type { VersionedTicketView } from '../shared/ticket-desk';
import { FileDutyOpinionDto } from './file-duty-opinion.dto';
import { FileDutyOpinionHandler } from './file-duty-opinion.handler';

@Controller('tickets')
export class FileDutyOpinionController {
  constructor(private readonly handler: FileDutyOpinionHandler) {}

  @Post(':id/file-duty-opinion')
  @HttpCode(200)
  @ApiOperation({ summary: 'Row #27: the unit files its duty-fulfilled opinion (履职尽责意见) within 5 working days; the ticket closes (002 L1664). Send If-Match with the ETag you read (stale: 412).' })
  @Roles('officer')
  @ETagFrom((v: VersionedTicketView) => v.version)
  run(@Param('id') id: string, @Body() body: FileDutyOpinionDto, @CurrentPrincipal() who: Principal, @Headers('if-match') ifMatch?: string) {
    return this.handler.execute(id, body, who, ifMatch);
  }
}
